using SupplySim.Reporting;

namespace SupplySim.Cli;

/// <summary>Writes a run's files, each atomically (temporary name, then rename).</summary>
internal static class OutputFiles
{
    public static void Write(RunReport report, string outDir)
    {
        Directory.CreateDirectory(outDir);
        var table = new TrialTable(report);
        AtomicFile.Write(Path.Combine(outDir, "summary.json"), stream => SummaryJsonWriter.Write(report, stream));
        AtomicFile.Write(Path.Combine(outDir, "trials.csv"), stream => TrialTableWriter.WriteCsv(table, stream));
        AtomicFile.Write(Path.Combine(outDir, "trials.parquet"), stream => TrialTableWriter.WriteParquet(table, stream));
    }
}
