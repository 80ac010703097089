using System.Runtime.ExceptionServices;
using SupplySim.Reporting;

namespace SupplySim.Cli;

/// <summary>The data files of a run, written as one set (<see cref="PendingFiles"/>).</summary>
internal static class OutputFiles
{
    /// <summary>The files a run writes to its output folder, whatever its options (besides the report's).</summary>
    public static readonly string[] Names = ["summary.json", "trials.csv", "trials.parquet", "summary.parquet"];

    /// <summary>
    /// Adds summary.json, trials.csv, trials.parquet and summary.parquet to <paramref name="files"/>, concurrently when
    /// <paramref name="maxDegreeOfParallelism"/> allows: each file is independent, and the report is only read once
    /// its summaries are computed. At 10,000 trials of the shipped file this and the parallel summaries took the
    /// work after the simulation from ~4.1 to ~2.2 s (bench/README.md, "Time to answer"). If any writer fails, the
    /// failure of the first failing file, in the order above, is thrown, whichever finished first, and nothing is
    /// committed.
    /// </summary>
    public static void Write(RunReport report, string outDir, PendingFiles files, int maxDegreeOfParallelism = -1)
    {
        var table = new TrialTable(report);
        // The writers may only read the report: every summary they ask for must exist before they start.
        report.ComputeAll(maxDegreeOfParallelism);
        var failures = new Exception?[Names.Length];
        Parallel.Invoke(new ParallelOptions { MaxDegreeOfParallelism = maxDegreeOfParallelism },
            () => Capture(failures, 0, () => files.Write(Path.Combine(outDir, Names[0]), stream => SummaryJsonWriter.Write(report, stream))),
            () => Capture(failures, 1, () => files.Write(Path.Combine(outDir, Names[1]), stream => TrialTableWriter.WriteCsv(table, stream))),
            () => Capture(failures, 2, () => files.Write(Path.Combine(outDir, Names[2]), stream => TrialTableWriter.WriteParquet(table, stream))),
            () => Capture(failures, 3, () => files.Write(Path.Combine(outDir, Names[3]), stream => SummaryParquetWriter.Write(report, stream))));
        foreach (var failure in failures)
        {
            if (failure is not null)
            {
                ExceptionDispatchInfo.Throw(failure);
            }
        }
    }

    /// <summary>
    /// The optional files of a run's set (parameters.csv, report-data.json and the report.html that
    /// <c>supplysim report DIR</c> writes) that this run does not write: the commit deletes them, since an earlier
    /// run's parameters or report data beside this run's trials would be paired with them by <c>discover</c> and
    /// <c>report</c> without a word.
    /// </summary>
    public static IEnumerable<string> CompanionsNotWritten(string outDir, string? reportPath, bool writeParameters)
    {
        if (!writeParameters)
        {
            yield return TrialParametersWriter.FileName;
        }

        if (reportPath is null)
        {
            yield return ReportCommand.DataFile;
        }

        string defaultReport = Path.Combine(outDir, ReportCommand.DefaultReportFile);
        if (reportPath is null || Path.GetFullPath(reportPath) != Path.GetFullPath(defaultReport))
        {
            yield return ReportCommand.DefaultReportFile;
        }
    }

    private static void Capture(Exception?[] failures, int index, Action write)
    {
        try
        {
            write();
        }
#pragma warning disable CA1031 // Rethrown by Write, on the calling thread, in file order.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            failures[index] = ex;
        }
    }
}
