using System.Globalization;
using System.Text;
using SupplySim.Model;
using SupplySim.Simulation;

namespace SupplySim.Reporting;

/// <summary>
/// <c>parameters.csv</c> of <c>run --parameters</c>: one row per trial, <c>trial</c> and one column per uncertain
/// per-trial parameter (its path; the internal unit), the values every scenario of the run used in that trial.
/// </summary>
internal static class TrialParametersWriter
{
    public const string FileName = "parameters.csv";

    public static void Write(CompiledNetwork network, MonteCarloOptions options, Stream stream)
    {
        var names = TrialParameters.Names(network);
        var rows = TrialParameters.Values(network, options);
        using var writer = new StreamWriter(stream, new UTF8Encoding(false), 1 << 16, leaveOpen: true) { NewLine = "\n" };
        writer.WriteLine("trial," + string.Join(",", names.Select(Sweeps.SweepTableWriter.Quote)));
        var line = new StringBuilder(256);
        for (int trial = 0; trial < rows.Length; trial++)
        {
            line.Clear().Append(trial.ToString(CultureInfo.InvariantCulture));
            foreach (double value in rows[trial])
            {
                line.Append(',').Append(value.ToString("R", CultureInfo.InvariantCulture));
            }

            writer.WriteLine(line);
        }
    }
}
