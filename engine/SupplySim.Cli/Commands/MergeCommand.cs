using SupplySim.Scenario;
using SupplySim.Sweeps;

namespace SupplySim.Cli;

/// <summary>The <c>merge</c> verb: combine every shard of DIR into the files an unsharded sweep writes.</summary>
internal static class MergeCommand
{
    public static int Execute(VerbArguments cli, TextWriter stdout, TextWriter stderr)
    {
        if (cli.Positional.Count != 1)
        {
            cli.Errors.Add("merge takes exactly one DIR");
        }

        if (cli.Errors.Count > 0)
        {
            return cli.Usage(stderr);
        }

        string directory = cli.Positional[0];
        if (!Directory.Exists(directory))
        {
            stderr.WriteLine($"error: '{directory}' is not a folder; expected the --out folder of a sharded sweep");
            return ExitCodes.UsageOrIo;
        }

        if (OutputPreflight.Check(directory, [.. SweepFiles.ResultNames.Select(name => Path.Combine(directory, name))]) is { } problem)
        {
            stderr.WriteLine($"error: {problem}");
            return ExitCodes.UsageOrIo;
        }

        var diagnostics = new DiagnosticBag();
        var (plan, table) = SweepFiles.Merge(directory, diagnostics);
        if (SweepCommand.Report(diagnostics, directory, stderr) || plan is null || table is null)
        {
            return ExitCodes.InvalidScenario;
        }

        var report = SweepFiles.WriteResults(directory, plan, table);
        stdout.Write(report.FormatRanking());
        stdout.WriteLine($"merged {plan.PointCount} points; wrote {directory}/results.csv, results.parquet, sensitivity.json, sensitivity.csv");
        return ExitCodes.Ok;
    }
}
