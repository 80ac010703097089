using SupplySim.Reporting;
using SupplySim.Reporting.Html;

namespace SupplySim.Cli;

/// <summary>
/// <c>supplysim report DIR</c>: re-renders the HTML report from <c>DIR/report-data.json</c>, which
/// <c>supplysim run --report FILE</c> saves next to the other results. Also writes the report for a fresh run.
/// </summary>
internal static class ReportCommand
{
    public const string DataFile = "report-data.json";

    /// <summary>Where <c>report DIR</c> writes the report unless told otherwise: <c>DIR/report.html</c>.</summary>
    public const string DefaultReportFile = "report.html";


    public static int Execute(VerbArguments cli, TextWriter stdout, TextWriter stderr)
    {
        if (cli.Positional.Count != 1)
        {
            cli.Errors.Add($"report takes exactly one DIR, got {cli.Positional.Count}");
        }

        if (cli.Errors.Count > 0)
        {
            return cli.Usage(stderr);
        }

        string dir = cli.Positional[0];
        string dataPath = Path.Combine(dir, DataFile);
        if (!File.Exists(dataPath))
        {
            stderr.WriteLine($"error: no {DataFile} in '{dir}'; create it with: supplysim run FILE --out {dir} --report {Path.Combine(dir, "report.html")}");
            return ExitCodes.UsageOrIo;
        }

        ReportData data;
        try
        {
            using var stream = File.OpenRead(dataPath);
            data = ReportDataJson.Read(stream);
        }
        catch (InvalidDataException ex)
        {
            stderr.WriteLine($"error: {dataPath}: {ex.Message}");
            return ExitCodes.UsageOrIo;
        }

        string output = cli.Single("--out") ?? Path.Combine(dir, DefaultReportFile);
        if (!TryRender(data, cli.Single("--focus"), output, stderr))
        {
            return ExitCodes.UsageOrIo;
        }

        stdout.WriteLine($"wrote {output}");
        return ExitCodes.Ok;
    }

    /// <summary>
    /// Adds <c>outDir/report-data.json</c> and the HTML report of a run to <paramref name="files"/>;
    /// <paramref name="focus"/>, if given, must be a scenario of the run (the run command checks it before simulating).
    /// </summary>
    public static void WriteForRun(RunReport report, string outDir, string reportPath, string? focus, PendingFiles files)
    {
        var data = ReportData.FromRun(report);
        files.Write(Path.Combine(outDir, DataFile), stream => ReportDataJson.Write(data, stream));
        files.Write(reportPath, stream => HtmlReport.Write(data, stream, focus));
    }

    private static bool TryRender(ReportData data, string? focus, string output, TextWriter stderr)
    {
        if (focus is not null && data.Scenarios.All(s => s.Id != focus))
        {
            var known = data.Scenarios.Select(s => s.Id).ToList();
            stderr.WriteLine($"error: unknown scenario '{focus}'{SupplySim.Scenario.Suggest.Hint(focus, known)}; the run has: {string.Join(", ", known)}");
            return false;
        }

        AtomicFile.Write(output, stream => HtmlReport.Write(data, stream, focus));
        return true;
    }
}
