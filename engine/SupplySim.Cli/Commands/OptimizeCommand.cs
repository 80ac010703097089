using System.Globalization;
using SupplySim.Decisions;
using SupplySim.Reporting;
using SupplySim.Reporting.Decisions;
using SupplySim.Reporting.Html;
using SupplySim.Sweeps;

namespace SupplySim.Cli;

/// <summary>
/// <c>supplysim optimize FILE</c>: searches the file's levers for the Pareto front of robust expected cost against
/// robust risk (NSGA-II, common random numbers) and writes pareto.csv, pareto.parquet, evaluations.csv,
/// policies.json and optimize.html together. With <c>--shards N</c> it drives a search whose generations are
/// evaluated by <c>--shard i/N</c> processes (Slurm array tasks) through DIR/optimize-work, one generation per step.
/// </summary>
internal static class OptimizeCommand
{
    /// <summary>Default policy evaluations: 25 generations of 24 on 2 cores.</summary>
    public const int DefaultBudget = 600;

    /// <summary>Default trials per scenario per policy.</summary>
    public const int DefaultTrials = 200;

    /// <summary>Options a shard takes from the driver's manifest instead.</summary>
    private static readonly string[] ShardSettings = ["--trials", "--seed", "--budget"];

    private static readonly string[] OutputNames = ["pareto.csv", "pareto.parquet", "evaluations.csv", "policies.json", "optimize.html"];

    public static int Execute(VerbArguments cli, TextWriter stdout, TextWriter stderr)
    {
        int budget = cli.Int("--budget", PolicyOptimizer.MinimumBudget, 1_000_000) ?? DefaultBudget;
        int trials = cli.Int("--trials", 1, 1_000_000) ?? DefaultTrials;
        int threads = cli.Int("--threads", 1, 4096) ?? -1;
        int? shards = cli.Int("--shards", 1, 100_000);
        ulong? seedOption = cli.ULong("--seed");
        ShardSpec? shard = null;
        if (cli.Single("--shard") is { } shardText && (shard = ShardSpec.Parse(shardText)) is null)
        {
            cli.Errors.Add($"--shard must be i/n with 0 <= i < n, was '{shardText}'");
        }

        if (shards is not null && cli.Single("--shard") is not null)
        {
            cli.Errors.Add("give --shards N to drive a sharded search, or --shard i/N to evaluate one shard, not both");
        }

        if (cli.Positional.Count != 1)
        {
            cli.Errors.Add($"optimize takes exactly one FILE with levers: and objectives:, got {cli.Positional.Count}");
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

        var (model, problem) = ScenarioFiles.CompileWithDecisions(path, stderr, requireDecisions: true);
        if (model is null || problem is null)
        {
            return ExitCodes.InvalidScenario;
        }

        string text = File.ReadAllText(path);
        ulong seed = seedOption ?? model.Network.DefaultSeed ?? 42;
        string outDir = cli.Single("--out") ?? Path.Combine("out", Path.GetFileNameWithoutExtension(path) + "-optimize");
        string[] outputs = [.. OutputNames.Select(name => Path.Combine(outDir, name))];
        if (OutputPreflight.Check(outDir, outputs) is { } problemText)
        {
            stderr.WriteLine($"error: {problemText}");
            return ExitCodes.UsageOrIo;
        }

        if (shard is { } one)
        {
            // A shard evaluates with the settings the driver fixed in the manifest; others given here would be ignored.
            string[] settings = [.. ShardSettings.Where(cli.Options.ContainsKey)];
            return EvaluateShard(problem, path, text, outDir, one, threads, settings, (trials, seed, budget), stdout, stderr);
        }

        var work = new OptimizationWorkFolder(outDir);
        var manifest = new OptimizationWorkFolder.Manifest(OptimizationWorkFolder.FingerprintOf(text), trials, seed, budget, shards ?? 1);
        if (shards is not null)
        {
            return Drive(problem, path, work, manifest, outputs, stdout, stderr);
        }

        var (population, generations, pruning) = PolicyOptimizer.Plan(budget);
        stdout.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{model.Network.Name}: optimizing {problem.Levers.Count} lever(s) over {problem.ScenarioIds.Count} scenario(s) ({string.Join(", ", problem.ScenarioIds)}); " +
            $"NSGA-II {population} x {generations + 1} generations, then up to {pruning} policies pruning the front; {trials} trials, seed {seed}"));
        var evaluator = new PolicyEvaluator(problem, text, path, trials, seed);
        var started = System.Diagnostics.Stopwatch.StartNew();
        var result = LiveProgress.Run(stderr, "optimizing", "policies", (population * (generations + 1)) + pruning,
            sink => PolicyOptimizer.Run(evaluator, budget, seed, threads, sink(0)));
        stdout.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{result.Evaluated.Count} policies in {started.Elapsed.TotalSeconds:0.0} s; the front has {result.Front.Count}:"));
        WriteOutputs(result, path, manifest, outputs, stdout);
        return ExitCodes.Ok;
    }

    /// <summary>One step of a sharded search: replay what the shards evaluated, then write the next generation or the results.</summary>
    private static int Drive(DecisionProblem problem, string path, OptimizationWorkFolder work, OptimizationWorkFolder.Manifest manifest, string[] outputs,
        TextWriter stdout, TextWriter stderr)
    {
        if (work.ReadManifest() is { } existing && existing != manifest)
        {
            stderr.WriteLine($"error: {work.Root} belongs to another search ({Describe(existing)}; this one: {Describe(manifest)}, or the scenario file changed); " +
                             "use another --out, or delete the folder to start again");
            return ExitCodes.UsageOrIo;
        }

        work.WriteManifest(manifest);
        var step = ShardedOptimization.Drive(problem, work);
        if (step.Result is null)
        {
            stdout.WriteLine($"generation {step.PendingGeneration}: {step.PendingPolicies} policies wait for {manifest.Shards} shard(s) in {work.Root}; run " +
                             $"'supplysim optimize {path} --out {Path.GetDirectoryName(work.Root)} --shard i/{manifest.Shards}' for each i in 0..{manifest.Shards - 1} " +
                             "(e.g. a Slurm array), then this command again");
            return ExitCodes.Ok;
        }

        stdout.WriteLine($"{step.Result.Evaluated.Count} policies evaluated by {manifest.Shards} shard(s); the front has {step.Result.Front.Count}:");
        WriteOutputs(step.Result, path, manifest, outputs, stdout);
        return ExitCodes.Ok;
    }

    private static int EvaluateShard(DecisionProblem problem, string path, string text, string outDir, ShardSpec shard, int threads,
        string[] settingsGiven, (int Trials, ulong Seed, int Budget) given, TextWriter stdout, TextWriter stderr)
    {
        var work = new OptimizationWorkFolder(outDir);
        if (work.ReadManifest() is not { } manifest)
        {
            stderr.WriteLine($"error: {outDir} holds no sharded search; start one with 'supplysim optimize {path} --out {outDir} --shards N'");
            return ExitCodes.UsageOrIo;
        }

        if (manifest.Fingerprint != OptimizationWorkFolder.FingerprintOf(text) || manifest.Shards != shard.Count)
        {
            stderr.WriteLine($"error: {work.Root} was started for {manifest.Shards} shard(s) of another version of {path} or another shard count ({Describe(manifest)}); " +
                             $"--shard {shard} does not belong to it");
            return ExitCodes.UsageOrIo;
        }

        if ((settingsGiven.Contains("--trials") && given.Trials != manifest.Trials) || (settingsGiven.Contains("--seed") && given.Seed != manifest.Seed) ||
            (settingsGiven.Contains("--budget") && given.Budget != manifest.Budget))
        {
            stderr.WriteLine($"error: {string.Join(", ", settingsGiven)} differ(s) from the search in {work.Root} ({Describe(manifest)}), which every shard " +
                             "evaluates with; leave them out of --shard i/N");
            return ExitCodes.UsageOrIo;
        }

        var evaluator = new PolicyEvaluator(problem, text, path, manifest.Trials, manifest.Seed);
        var (generation, evaluated) = ShardedOptimization.EvaluateShard(evaluator, work, shard, threads);
        stdout.WriteLine(generation < 0 ? "no generation is waiting for shards; run the driver (--shards N) first"
            : evaluated == 0 ? $"generation {generation}: shard {shard} was already evaluated"
            : $"generation {generation}: shard {shard} evaluated {evaluated} policies");
        return ExitCodes.Ok;
    }

    private static string Describe(OptimizationWorkFolder.Manifest m) =>
        string.Create(CultureInfo.InvariantCulture, $"--budget {m.Budget} --trials {m.Trials} --seed {m.Seed} --shards {m.Shards}");

    private static void WriteOutputs(OptimizationResult result, string path, OptimizationWorkFolder.Manifest manifest, string[] outputs, TextWriter stdout)
    {
        var problem = result.Problem;
        WriteFront(result, stdout);
        var frontRows = result.Front.Select((o, i) => OptimizationFiles.Row(problem, i, o, result.FrontObjectives[i])).ToList();
        var objectives = result.EvaluatedObjectives();
        var allRows = result.Evaluated.Select((o, i) => OptimizationFiles.Row(problem, i, o, objectives[i])).ToList();
        using (var files = new PendingFiles())
        {
            files.Write(outputs[0], stream => OptimizationFiles.WriteCsv(problem, frontRows, stream));
            files.Write(outputs[1], stream => OptimizationFiles.WriteParquet(problem, frontRows, stream));
            files.Write(outputs[2], stream => OptimizationFiles.WriteCsv(problem, allRows, stream));
            files.Write(outputs[3], stream => OptimizationFiles.WriteJson(result, manifest.Trials, path, manifest.Budget, manifest.Seed, stream));
            files.Write(outputs[4], stream =>
            {
                using var writer = new StreamWriter(stream, new System.Text.UTF8Encoding(false), 1 << 16, leaveOpen: true);
                writer.Write(OptimizationHtmlReport.Render(result, path, manifest.Trials));
            });
            files.Commit();
        }

        stdout.WriteLine($"wrote {Path.GetDirectoryName(outputs[0])}/{string.Join(", ", OutputNames)}");
    }

    private static void WriteFront(OptimizationResult result, TextWriter stdout)
    {
        var problem = result.Problem;
        var header = new List<string> { "policy" };
        header.AddRange(problem.Levers.Select(l => $"{l.Id} ({l.Unit})"));
        header.Add($"{problem.ObjectiveNames[0]} (MUSD)");
        header.Add(problem.ObjectiveNames[1]);
        var rows = new List<string[]> { header.ToArray() };
        for (int i = 0; i < result.Front.Count; i++)
        {
            var policy = result.Front[i];
            var row = new List<string> { i.ToString(CultureInfo.InvariantCulture) };
            row.AddRange(problem.Levers.Select((l, j) => l.IsOnOff
                ? (policy.Levers[j] >= 0.5 ? "on" : "off")
                : l.ToOutputUnit(policy.Levers[j]).ToString("#,0", CultureInfo.InvariantCulture)));
            row.Add((result.FrontObjectives[i][0] / 1e6).ToString("#,0.00", CultureInfo.InvariantCulture));
            row.Add(result.FrontObjectives[i][1].ToString("0.0000", CultureInfo.InvariantCulture));
            rows.Add([.. row]);
        }

        int[] widths = [.. Enumerable.Range(0, header.Count).Select(c => rows.Max(r => r[c].Length))];
        foreach (var row in rows)
        {
            stdout.WriteLine("  " + string.Join("  ", row.Select((cell, c) => c == 0 ? cell.PadRight(widths[c]) : cell.PadLeft(widths[c]))));
        }
    }
}
