using System.Diagnostics;
using SupplySim.Scenario;
using SupplySim.Sweeps;

namespace SupplySim.Cli;

/// <summary>The <c>sweep</c> verb: run a sweep file, whole or one shard, with progress and ETA on stderr.</summary>
internal static class SweepCommand
{
    private static readonly TimeSpan ProgressInterval = TimeSpan.FromSeconds(5);

    public static int Execute(VerbArguments cli, TextWriter stdout, TextWriter stderr)
    {
        int threads = cli.Int("--threads", 1, 4096) ?? -1;
        ShardSpec? shard = ShardSpec.All;
        if (cli.Single("--shard") is { } shardText && (shard = ShardSpec.Parse(shardText)) is null)
        {
            cli.Errors.Add($"--shard must be i/n with 0 <= i < n, was '{shardText}'");
        }

        if (cli.Positional.Count != 1)
        {
            cli.Errors.Add("sweep takes exactly one FILE");
        }

        if (cli.Errors.Count > 0)
        {
            return cli.Usage(stderr);
        }

        string path = cli.Positional[0];
        // A folder is the loader's to refuse (SS0010, "is a directory"), as for run and validate.
        if (!File.Exists(path) && !Directory.Exists(path))
        {
            stderr.WriteLine($"error: no such file '{path}'");
            return ExitCodes.UsageOrIo;
        }

        var diagnostics = new DiagnosticBag();
        var plan = SweepLoader.LoadFile(path, diagnostics);
        if (Report(diagnostics, path, stderr) || plan is null)
        {
            return ExitCodes.InvalidScenario;
        }

        if (cli.Single(PosteriorOption.Name) is { } folder)
        {
            if (ScenarioFiles.Compile(plan.ScenarioFile, stderr) is not { } model)
            {
                return ExitCodes.InvalidScenario;
            }

            if (!PosteriorOption.TryLoad(cli, model, plan.ScenarioFile, stderr, out var posterior))
            {
                return ExitCodes.UsageOrIo;
            }

            plan = plan.WithPosterior(posterior!, folder);
        }

        string outDir = cli.Single("--out") ?? Path.Combine("out", Path.GetFileNameWithoutExtension(path));
        bool sharded = cli.Single("--shard") is not null;
        var slice = shard!.Value;
        if (sharded && SweepFiles.IsShardComplete(outDir, plan, slice))
        {
            stdout.WriteLine($"shard {slice} of {path} is already complete ({SweepFiles.ShardPath(outDir, slice, "done")}); skipping");
            return ExitCodes.Ok;
        }

        // Checked before the points run: a folder or file in the way must not cost the whole sweep.
        var outputs = sharded ? SweepFiles.ShardFiles(outDir, slice) : [.. SweepFiles.ResultNames.Select(name => Path.Combine(outDir, name))];
        if (OutputPreflight.Check(outDir, outputs) is { } problem)
        {
            stderr.WriteLine($"error: {problem}");
            return ExitCodes.UsageOrIo;
        }

        int points = Enumerable.Range(0, plan.PointCount).Count(slice.Includes);
        stderr.WriteLine($"sweep {path}: {plan.Design.Kind.ToString().ToLowerInvariant()} design, {plan.Parameters.Count} parameters, " +
                         $"{points} of {plan.PointCount} points x {plan.Trials} trials (shard {slice})");
        var clock = Stopwatch.StartNew();
        // A live bar on a terminal; elsewhere (Slurm logs, CI) a plain line every few seconds.
        var table = TerminalOutput.Decorated(stderr)
            ? LiveProgress.Run(stderr, "sweep", "points", points, sink => SweepRunner.Run(plan, slice, threads, diagnostics, sink(0)))
            : SweepRunner.Run(plan, slice, threads, diagnostics, new EtaProgress(points, clock, stderr));
        if (Report(diagnostics, path, stderr) || table is null)
        {
            return ExitCodes.InvalidScenario;
        }

        if (sharded)
        {
            SweepFiles.WriteShard(outDir, plan, slice, table);
            stdout.WriteLine($"shard {slice}: {points} points in {clock.Elapsed.TotalSeconds:0.0} s; wrote {SweepFiles.ShardPath(outDir, slice, "csv")} (+ .parquet, .done)");
            return ExitCodes.Ok;
        }

        var report = SweepFiles.WriteResults(outDir, plan, table);
        stdout.Write(report.FormatRanking());
        stdout.WriteLine($"{points} points in {clock.Elapsed.TotalSeconds:0.0} s; wrote {outDir}/results.csv, results.parquet, sensitivity.json, sensitivity.csv");
        return ExitCodes.Ok;
    }

    /// <summary>Prints diagnostics in file order; true when any is an error.</summary>
    internal static bool Report(DiagnosticBag diagnostics, string path, TextWriter stderr)
    {
        foreach (var diagnostic in diagnostics.Sorted())
        {
            stderr.WriteLine(diagnostic);
        }

        if (diagnostics.HasErrors)
        {
            stderr.WriteLine($"{path}: {diagnostics.Items.Count(d => d.Severity == Severity.Error)} error(s); nothing was run");
        }

        return diagnostics.HasErrors;
    }

    /// <summary>A progress line with an ETA at most every few seconds; called from worker threads.</summary>
    private sealed class EtaProgress(int total, Stopwatch clock, TextWriter stderr) : IProgress<int>
    {
        private readonly Lock _gate = new();
        private TimeSpan _last = TimeSpan.Zero;

        public void Report(int value)
        {
            lock (_gate)
            {
                var elapsed = clock.Elapsed;
                if (elapsed - _last < ProgressInterval && value < total)
                {
                    return;
                }

                _last = elapsed;
                var eta = TimeSpan.FromSeconds(elapsed.TotalSeconds / value * (total - value));
                stderr.WriteLine($"  {value}/{total} points ({100.0 * value / total:0.0}%), {elapsed:mm\\:ss} elapsed, ETA {eta:mm\\:ss}");
            }
        }
    }
}
