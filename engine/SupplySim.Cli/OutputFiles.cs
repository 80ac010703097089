using System.Runtime.ExceptionServices;
using SupplySim.Reporting;

namespace SupplySim.Cli;

/// <summary>Writes a run's files, each atomically (temporary name, then rename).</summary>
internal static class OutputFiles
{
    /// <summary>
    /// Writes summary.json, trials.csv and trials.parquet, concurrently when <paramref name="maxDegreeOfParallelism"/>
    /// allows: each file is independent, and the report is only read once its summaries are computed. At 10,000
    /// trials of the shipped file this and the parallel summaries took the work after the simulation from ~4.1 to
    /// ~2.2 s (bench/README.md, "Time to answer"). Each file is replaced only when complete; if any writer fails, the
    /// files that could be written are replaced (as those written before the failure were, one by one) and the
    /// failure of the first failing file, in the order above, is thrown, whichever finished first.
    /// </summary>
    public static void Write(RunReport report, string outDir, int maxDegreeOfParallelism = -1)
    {
        Directory.CreateDirectory(outDir);
        var table = new TrialTable(report);
        // The writers may only read the report: every summary they ask for must exist before they start.
        report.ComputeAll(maxDegreeOfParallelism);
        var failures = new Exception?[3];
        Parallel.Invoke(new ParallelOptions { MaxDegreeOfParallelism = maxDegreeOfParallelism },
            () => Capture(failures, 0, () => AtomicFile.Write(Path.Combine(outDir, "summary.json"), stream => SummaryJsonWriter.Write(report, stream))),
            () => Capture(failures, 1, () => AtomicFile.Write(Path.Combine(outDir, "trials.csv"), stream => TrialTableWriter.WriteCsv(table, stream))),
            () => Capture(failures, 2, () => AtomicFile.Write(Path.Combine(outDir, "trials.parquet"), stream => TrialTableWriter.WriteParquet(table, stream))));
        foreach (var failure in failures)
        {
            if (failure is not null)
            {
                ExceptionDispatchInfo.Throw(failure);
            }
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
