using System.Globalization;
using SupplySim.Decisions;
using SupplySim.Reporting;
using SupplySim.Reporting.Decisions;
using SupplySim.Reporting.Html;

namespace SupplySim.Cli;

/// <summary>
/// <c>supplysim optimize FILE</c>: searches the file's levers for the Pareto front of robust expected cost against
/// robust risk (NSGA-II, common random numbers) and writes pareto.csv, pareto.parquet, evaluations.csv,
/// policies.json and optimize.html together.
/// </summary>
internal static class OptimizeCommand
{
    /// <summary>Default policy evaluations: 25 generations of 24 on 2 cores.</summary>
    public const int DefaultBudget = 600;

    /// <summary>Default trials per scenario per policy.</summary>
    public const int DefaultTrials = 200;

    public static int Execute(VerbArguments cli, TextWriter stdout, TextWriter stderr)
    {
        int budget = cli.Int("--budget", PolicyOptimizer.MinimumBudget, 1_000_000) ?? DefaultBudget;
        int trials = cli.Int("--trials", 1, 1_000_000) ?? DefaultTrials;
        int threads = cli.Int("--threads", 1, 4096) ?? -1;
        ulong? seedOption = cli.ULong("--seed");
        if (cli.Positional.Count != 1)
        {
            cli.Errors.Add($"optimize takes exactly one FILE with levers: and objectives:, got {cli.Positional.Count}");
        }

        if (cli.Errors.Count > 0)
        {
            return cli.Usage(stderr);
        }

        string path = cli.Positional[0];
        if (!File.Exists(path))
        {
            stderr.WriteLine($"error: no such file '{path}'");
            return ExitCodes.UsageOrIo;
        }

        var (model, problem) = ScenarioFiles.CompileWithDecisions(path, stderr, requireDecisions: true);
        if (model is null || problem is null)
        {
            return ExitCodes.InvalidScenario;
        }

        ulong seed = seedOption ?? model.Network.DefaultSeed ?? 42;
        string outDir = cli.Single("--out") ?? Path.Combine("out", Path.GetFileNameWithoutExtension(path) + "-optimize");
        string[] names = ["pareto.csv", "pareto.parquet", "evaluations.csv", "policies.json", "optimize.html"];
        string[] outputs = [.. names.Select(name => Path.Combine(outDir, name))];
        if (OutputPreflight.Check(outDir, outputs) is { } problemText)
        {
            stderr.WriteLine($"error: {problemText}");
            return ExitCodes.UsageOrIo;
        }

        int population = PolicyOptimizer.PopulationFor(budget);
        stdout.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{model.Network.Name}: optimizing {problem.Levers.Count} lever(s) over {problem.ScenarioIds.Count} scenario(s) ({string.Join(", ", problem.ScenarioIds)}); " +
            $"{budget / population * population} policies ({population} x {budget / population} generations) x {trials} trials, seed {seed}"));
        var evaluator = new PolicyEvaluator(problem, File.ReadAllText(path), path, trials, seed);
        var started = System.Diagnostics.Stopwatch.StartNew();
        var result = LiveProgress.Run(stderr, "optimizing", "policies", budget / population * population,
            sink => PolicyOptimizer.Run(evaluator, budget, seed, threads, sink(0)));
        stdout.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{result.Evaluated.Count} policies in {started.Elapsed.TotalSeconds:0.0} s; the front has {result.Front.Count}:"));
        WriteFront(result, stdout);
        var frontRows = result.Front.Select((o, i) => OptimizationFiles.Row(problem, i, o, result.FrontObjectives[i])).ToList();
        var allRows = result.Evaluated.Select((o, i) => OptimizationFiles.Row(problem, i, o, Objectives(result, o))).ToList();
        using (var files = new PendingFiles())
        {
            files.Write(outputs[0], stream => OptimizationFiles.WriteCsv(problem, frontRows, stream));
            files.Write(outputs[1], stream => OptimizationFiles.WriteParquet(problem, frontRows, stream));
            files.Write(outputs[2], stream => OptimizationFiles.WriteCsv(problem, allRows, stream));
            files.Write(outputs[3], stream => OptimizationFiles.WriteJson(result, evaluator, path, budget, seed, stream));
            files.Write(outputs[4], stream =>
            {
                using var writer = new StreamWriter(stream, new System.Text.UTF8Encoding(false), 1 << 16, leaveOpen: true);
                writer.Write(OptimizationHtmlReport.Render(result, path, trials));
            });
            files.Commit();
        }

        stdout.WriteLine($"wrote {outDir}/{string.Join(", ", names)}");
        return ExitCodes.Ok;
    }

    /// <summary>The objectives of any evaluated policy, regret measured against the best of all evaluated.</summary>
    private static double[] Objectives(OptimizationResult result, PolicyOutcome outcome)
    {
        int scenarios = result.Problem.ScenarioIds.Count;
        double[] bestCost = [.. Enumerable.Range(0, scenarios).Select(s => result.Evaluated.Min(o => o.ExpectedTotalCost[s]))];
        double[] bestRisk = [.. Enumerable.Range(0, scenarios).Select(s => result.Evaluated.Min(o => o.Risk[s]))];
        return PolicyOptimizer.Objectives(result.Problem, outcome, bestCost, bestRisk);
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
