using System.Globalization;
using SupplySim.Calibration;
using SupplySim.Reporting;
using SupplySim.Reporting.Html;

namespace SupplySim.Cli;

/// <summary>
/// <c>supplysim calibrate FILE</c>: fits the file's uncertain per-trial parameters (or those of its <c>calibrate:</c>
/// section) to its observations with ABC-SMC, checks the fit on fresh trials, and writes posterior.parquet,
/// calibration.json and calibration.html together.
/// </summary>
internal static class CalibrateCommand
{
    public static int Execute(VerbArguments cli, TextWriter stdout, TextWriter stderr)
    {
        var defaults = new CalibrationOptions(0);
        long budget = cli.Int("--budget", 1, int.MaxValue) ?? (int)defaults.Budget;
        int particles = cli.Int("--particles", 2, 1_000_000) ?? defaults.Particles;
        int checkTrials = cli.Int("--check-trials", 1, 1_000_000) ?? 1000;
        int threads = cli.Int("--threads", 1, 4096) ?? -1;
        ulong? seedOption = cli.ULong("--seed");
        DateOnly? until = null;
        if (cli.Single("--until") is { } untilText)
        {
            if (DateOnly.TryParseExact(untilText, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                until = date;
            }
            else
            {
                cli.Errors.Add($"--until must be a date as YYYY-MM-DD, was '{untilText}'");
            }
        }

        if (cli.Positional.Count > 1)
        {
            cli.Errors.Add($"calibrate takes at most one FILE, got {cli.Positional.Count}");
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
            stderr.WriteLine($"{path}:1:1: error SS0003: the file has no 'observations' to calibrate against");
            return ExitCodes.InvalidScenario;
        }

        var fitted = CalibrationReport.FittedObservations(model, until);
        if (fitted.Count == 0)
        {
            stderr.WriteLine($"error: no observation of {path} ends before --until {until:yyyy-MM-dd}; the earliest ends " +
                             $"{model.Observations.Min(o => CalibrationReport.EndOf(model.Network, o)):yyyy-MM-dd}");
            return ExitCodes.UsageOrIo;
        }

        if (model.CalibrationParameters.Count == 0)
        {
            stderr.WriteLine($"{path}:1:1: error SS0123: the file has no uncertain per-trial parameter to calibrate");
            return ExitCodes.InvalidScenario;
        }

        ulong seed = seedOption ?? model.Network.DefaultSeed ?? 42;
        var options = new CalibrationOptions(seed, threads) { Budget = budget, Particles = particles, Until = until };
        int scenarios = fitted.Select(o => o.ScenarioId).Distinct().Count();
        long generation = (long)particles * options.TrialsPerParticle * scenarios;
        if (generation > budget)
        {
            stderr.WriteLine($"error: --budget {budget} does not buy one generation of {particles} particles x {options.TrialsPerParticle} trials " +
                             $"x {scenarios} scenario(s) = {generation} simulations; raise --budget or lower --particles");
            return ExitCodes.UsageOrIo;
        }

        string outDir = cli.Single("--out") ?? Path.Combine("out", Path.GetFileNameWithoutExtension(path) + "-calibration");
        string[] outputs = [.. new[] { PosteriorFile.Name, "calibration.json", "calibration.html" }.Select(name => Path.Combine(outDir, name))];
        if (OutputPreflight.Check(outDir, outputs) is { } problem)
        {
            stderr.WriteLine($"error: {problem}");
            return ExitCodes.UsageOrIo;
        }

        stdout.WriteLine($"{model.Network.Name}: calibrating {model.CalibrationParameters.Count} parameter(s) to {fitted.Count} of " +
                         $"{model.Observations.Count} observation(s){(until is null ? "" : $" (those ending before {until:yyyy-MM-dd})")}; " +
                         $"{particles} particles x {options.TrialsPerParticle} trials, budget {budget} simulations, seed {seed}");
        var started = System.Diagnostics.Stopwatch.StartNew();
        var result = LiveProgress.Run(stderr, "calibrating", "trials", budget,
            sink => AbcSmc.Run(model, model.CalibrationParameters, fitted, options, Forward(sink(0))));
        var report = LiveProgress.Run(stderr, "checking", "trials", 2L * checkTrials * model.Observations.Select(o => o.ScenarioId).Distinct().Count(),
            sink => CalibrationReport.Build(path, model, result, options, checkTrials, Forward(sink(0))));
        double seconds = started.Elapsed.TotalSeconds;
        var last = result.Generations[^1];
        stdout.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{result.Generations.Count} generations, {result.Simulations} simulations in {seconds:0.0} s; final tolerance {last.Tolerance:0.###}, " +
            $"effective sample size {last.EffectiveSampleSize:0}, last acceptance {last.Acceptance:0.00}"));
        stdout.WriteLine($"predictive check on {checkTrials} fresh trials per scenario, prior and posterior on the same draws:");
        stdout.Write(report.FormatTable());
        using (var files = new PendingFiles())
        {
            files.Write(outputs[0], stream => PosteriorFile.Write(result.Posterior, stream));
            files.Write(outputs[1], report.WriteJson);
            files.Write(outputs[2], stream =>
            {
                using var writer = new StreamWriter(stream, new System.Text.UTF8Encoding(false), 1 << 16, leaveOpen: true);
                writer.Write(CalibrationHtmlReport.Render(report));
            });
            files.Commit();
        }

        stdout.WriteLine($"wrote {outDir}/{PosteriorFile.Name}, calibration.json, calibration.html");
        return ExitCodes.Ok;
    }

    private static Progress? Forward(IProgress<int>? sink) =>
        sink is null ? null : new Progress(value => sink.Report((int)Math.Min(value, int.MaxValue)));

    private sealed class Progress(Action<long> report) : IProgress<long>
    {
        public void Report(long value) => report(value);
    }
}
