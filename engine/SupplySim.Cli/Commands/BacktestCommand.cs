using SupplySim.Reporting;
using SupplySim.Simulation;

namespace SupplySim.Cli;

/// <summary><c>supplysim backtest</c>: modelled flows against the file's observations.</summary>
internal static class BacktestCommand
{
    public static int Execute(VerbArguments cli, TextWriter stdout, TextWriter stderr)
    {
        int trials = cli.Int("--trials", 1, 10_000_000) ?? 500;
        int threads = cli.Int("--threads", 1, 4096) ?? -1;
        ulong? seedOption = cli.ULong("--seed");
        if (cli.Positional.Count > 1)
        {
            cli.Errors.Add($"backtest takes at most one FILE, got {cli.Positional.Count}");
        }

        if (cli.Errors.Count > 0)
        {
            return cli.Usage(stderr);
        }

        string path = cli.Positional.Count == 1 ? cli.Positional[0] : ScenarioFiles.DefaultPath(ScenarioFiles.DefaultHistory);
        if (!ScenarioFiles.TryCompile(path, stderr, out var model, out int failed))
        {
            return failed;
        }

        if (model.Observations.Count == 0)
        {
            stderr.WriteLine($"{path}:1:1: error SS0003: the file has no 'observations' to backtest against");
            return ExitCodes.InvalidScenario;
        }

        if (!PosteriorOption.TryLoad(cli, model, path, stderr, out var posterior))
        {
            return ExitCodes.UsageOrIo;
        }

        ulong seed = seedOption ?? model.Network.DefaultSeed ?? 42;
        var options = new MonteCarloOptions(trials, seed, threads, RecordMonthlyLaneFlows: true) { Posterior = posterior };
        var scenarios = model.Scenarios.Where(s => s.Id == "baseline" || model.Observations.Any(o => o.ScenarioId == s.Id)).ToList();
        // Every scenario's trials are kept in memory for the comparison: as in run, a size that cannot fit is refused before allocating.
        var memory = RunMemory.For(model, scenarios, options, stream: false);
        if (memory.Total > MemoryLimit.Bytes)
        {
            stderr.WriteLine($"{path}:1:1: error SS0201: {trials} trials need about {memory.Total >> 20} MiB ({memory.Describe()}), more than the " +
                             $"{MemoryLimit.Bytes >> 20} MiB this machine can give them; use fewer --trials or --threads");
            return ExitCodes.InvalidScenario;
        }

        string outDir = cli.Single("--out") ?? Path.Combine("out", Path.GetFileNameWithoutExtension(path) + "-backtest");
        string json = Path.Combine(outDir, "backtest.json"), monthly = Path.Combine(outDir, "backtest_monthly.csv"),
            prices = Path.Combine(outDir, "backtest_prices_monthly.csv");
        bool markets = model.Network.MarketCount > 0;
        // Checked before simulating: a file in the way must not cost the run.
        if (OutputPreflight.Check(outDir, markets ? [json, monthly, prices] : [json, monthly]) is { } problem)
        {
            stderr.WriteLine($"error: {problem}");
            return ExitCodes.UsageOrIo;
        }

        var results = scenarios.Select(s => MonteCarlo.Run(model, s, options)).ToList();
        var comparisons = Backtest.Compare(model, results);
        stdout.WriteLine($"{model.Network.Name}: backtest, {trials} trials, seed {seed}");
        stdout.Write(Backtest.FormatTable(comparisons));
        // One set: a failure leaves the previous backtest's files whole, never a mix of two seeds.
        using (var files = new PendingFiles())
        {
            files.Write(json, stream => Backtest.WriteJson(comparisons, seed, trials, stream));
            files.Write(monthly, stream => Backtest.WriteMonthlyCsv(model, results, stream));
            if (markets)
            {
                files.Write(prices, stream => Backtest.WriteMonthlyPricesCsv(model, results, stream));
            }
            else
            {
                // Prices of an earlier file with markets would not belong to this backtest.
                files.Remove(prices);
            }

            files.Commit();
        }

        stdout.WriteLine($"wrote {outDir}/backtest.json, backtest_monthly.csv{(markets ? ", backtest_prices_monthly.csv" : "")}");
        return ExitCodes.Ok;
    }
}
