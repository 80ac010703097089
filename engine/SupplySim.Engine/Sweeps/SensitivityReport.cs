using System.Globalization;
using System.Text;
using SupplySim.Statistics.Sensitivity;

namespace SupplySim.Sweeps;

/// <summary>
/// Sensitivity indices of every output, computed from a complete sweep table by the estimator that matches the
/// design: Sobol S1/ST with bootstrap intervals (sobol), mu*/mu/sigma (morris), low/high/swing (oat). Deterministic:
/// the bootstrap is seeded by the sweep's seed.
/// </summary>
public sealed class SensitivityReport
{
    private SensitivityReport(IReadOnlyList<OutputSensitivity> outputs) => Outputs = outputs;

    /// <summary>One result per output, in file order.</summary>
    public IReadOnlyList<OutputSensitivity> Outputs { get; }

    /// <summary>Computes the report; <paramref name="table"/> must hold every point of <paramref name="plan"/>.</summary>
    public static SensitivityReport Compute(SweepPlan plan, SweepTable table)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(table);
        if (table.Points.Count != plan.PointCount)
        {
            throw new ArgumentException($"the table holds {table.Points.Count} of {plan.PointCount} points; merge every shard first", nameof(table));
        }

        var results = new List<OutputSensitivity>();
        int k = plan.Parameters.Count;
        for (int o = 0; o < plan.Outputs.Count; o++)
        {
            double[] y = [.. Enumerable.Range(0, table.Points.Count).Select(row => table.Value(row, o))];
            var scored = new List<(string Name, double Score, List<KeyValuePair<string, SensitivityIndex>> Stats)>();
            string method;
            switch (plan.Design.Kind)
            {
                case DesignKind.Sobol:
                    method = "sobol";
                    var (a, b, ab) = SaltelliDesign.Split(y, k);
                    var sobol = SobolEstimator.Estimate(a, b, ab, plan.Design.Bootstrap, plan.Seed + (ulong)o);
                    for (int p = 0; p < k; p++)
                    {
                        scored.Add((plan.Parameters[p].Name, sobol.Total[p].Estimate, [new("s1", sobol.FirstOrder[p]), new("st", sobol.Total[p])]));
                    }

                    break;
                case DesignKind.Morris:
                    method = "morris";
                    var points = Enumerable.Range(0, plan.PointCount)
                        .Select(i => (IReadOnlyList<double>)[.. Enumerable.Range(0, k).Select(p => plan.UnitValue(i, p))]).ToList();
                    var effects = MorrisEstimator.Estimate(points, y, plan.Design.Bootstrap, plan.Seed + (ulong)o);
                    for (int p = 0; p < k; p++)
                    {
                        var e = effects[p];
                        scored.Add((plan.Parameters[p].Name, e.MuStar, [new("mu_star", e.MuStarCi), Point("mu", e.Mu), Point("sigma", e.Sigma)]));
                    }

                    break;
                case DesignKind.Oat:
                    method = "oat";
                    var bars = TornadoEstimator.Estimate(y);
                    for (int p = 0; p < k; p++)
                    {
                        var bar = bars[p];
                        scored.Add((plan.Parameters[p].Name, bar.Swing,
                            [Point("base", bar.Base), Point("low", bar.Low), Point("high", bar.High), Point("swing", bar.Swing)]));
                    }

                    break;
                default:
                    method = "none";
                    break;
            }

            // NaN scores (an output undefined at some point) rank last; ties keep file order.
            var ranked = scored.Select((s, i) => (s, i)).OrderByDescending(x => double.IsNaN(x.s.Score) ? double.NegativeInfinity : x.s.Score)
                .ThenBy(x => x.i).Select((x, rank) => new SensitivityEntry(x.s.Name, rank + 1, x.s.Score, x.s.Stats)).ToList();
            results.Add(new OutputSensitivity(plan.Outputs[o].Name, method, ranked));
        }

        return new SensitivityReport(results);
    }

    /// <summary>A plain-text ranking per output, for the console.</summary>
    public string FormatRanking()
    {
        var text = new StringBuilder();
        foreach (var output in Outputs.Where(o => o.Method != "none"))
        {
            string measure = output.Method switch { "sobol" => "total Sobol index ST", "morris" => "Morris mu*", _ => "tornado swing |high - low|" };
            text.Append(CultureInfo.InvariantCulture, $"{output.Output}: ranked by {measure}\n");
            foreach (var entry in output.Entries)
            {
                var details = string.Join("  ", entry.Statistics.Select(s => double.IsNaN(s.Value.CiLow) || s.Value.CiLow == s.Value.CiHigh
                    ? $"{s.Key} {s.Value.Estimate:G4}"
                    : $"{s.Key} {s.Value.Estimate:G4} [{s.Value.CiLow:G3}, {s.Value.CiHigh:G3}]"));
                text.Append(CultureInfo.InvariantCulture, $"  {entry.Rank,2}. {entry.Parameter,-40} {details}\n");
            }
        }

        return text.ToString();
    }

    private static KeyValuePair<string, SensitivityIndex> Point(string name, double value) => new(name, new SensitivityIndex(value, double.NaN, double.NaN));
}
