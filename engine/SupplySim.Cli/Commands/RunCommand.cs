using SupplySim.Model;
using SupplySim.Reporting;
using SupplySim.Reporting.Html;
using SupplySim.Reporting.Streaming;
using SupplySim.Simulation;

namespace SupplySim.Cli;

/// <summary><c>supplysim run [FILE]</c>: the baseline and the file's scenarios on common random numbers; results to files, a summary to stdout.</summary>
internal static class RunCommand
{
    /// <summary>Above this many trials <c>run</c> streams (as with <c>--stream</c>): memory no longer grows with trials.</summary>
    internal const int StreamAboveTrials = 100_000;

    /// <summary>
    /// Up to this many trials streaming is automatic; beyond it (a day or more of computing for the shipped file) a run
    /// must ask for <c>--stream</c>, else the in-memory size guard (SS0201) applies as before.
    /// </summary>
    internal const int AutoStreamMaxTrials = 10_000_000;

    /// <summary>Kernels of at least this many bytes (all workers) are collected between scenarios of an in-memory run.</summary>
    private const long LargeKernelBytes = 256L << 20;

    public static int Execute(VerbArguments cli, TextWriter stdout, TextWriter stderr)
    {
        double? precision = null;
        if (cli.Single("--precision") is { } precisionText)
        {
            precision = double.TryParse(precisionText, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out double tol)
                && tol is > 0 and < 1 ? tol : null;
            if (precision is null)
            {
                cli.Errors.Add($"--precision must be a share between 0 and 1 (0.005 for half a percentage point), was '{precisionText}'");
            }
        }

        // With --precision, --trials is the limit; without it, up to the size a run keeps in memory.
        int trials = cli.Int("--trials", 1, 100_000_000) ?? (precision is null ? 1000 : StreamAboveTrials);
        int threads = cli.Int("--threads", 1, 4096) ?? -1;
        ulong? seedOption = cli.ULong("--seed");
        if (cli.Positional.Count > 1)
        {
            cli.Errors.Add($"run takes at most one FILE, got {cli.Positional.Count}");
        }

        MetricDetail? detail = null;
        if (cli.Single("--detail") is { } detailText && (detail = MetricDetails.Parse(detailText)) is null)
        {
            cli.Errors.Add($"--detail must be sectors, consumers or all, was '{detailText}'");
        }

        if (cli.Errors.Count > 0)
        {
            return cli.Usage(stderr);
        }

        string path = cli.Positional.Count == 1 ? cli.Positional[0] : ScenarioFiles.DefaultPath();
        if (!ScenarioFiles.TryCompile(path, stderr, out var model, out int failed))
        {
            return failed;
        }

        if (!PosteriorOption.TryLoad(cli, model, path, stderr, out var posterior))
        {
            return ExitCodes.UsageOrIo;
        }

        var scenarios = SelectScenarios(model, cli.All("--scenario"), stderr);
        if (scenarios is null)
        {
            return ExitCodes.UsageOrIo;
        }

        string? reportPath = cli.Single("--report");
        bool stream = cli.Options.ContainsKey("--stream") || (precision is null && trials is > StreamAboveTrials and <= AutoStreamMaxTrials);
        if (precision is not null && stream)
        {
            stderr.WriteLine($"error: --precision keeps every trial in memory, so it cannot be combined with --stream; its --trials limit is at most {StreamAboveTrials} then");
            return ExitCodes.UsageOrIo;
        }

        if (stream && reportPath is not null)
        {
            stderr.WriteLine($"error: --report needs every trial in memory (fan charts, CDFs), so it cannot be combined with " +
                             $"--stream or more than {StreamAboveTrials} trials; run with fewer trials for the report");
            return ExitCodes.UsageOrIo;
        }

        var fullLayout = new MetricLayout(model.Network, scenarios[0]);
        var keep = detail ?? MetricDetails.Auto(fullLayout);
        if (detail is null && keep != MetricDetail.All)
        {
            stderr.WriteLine($"note: {fullLayout.Width} result columns per scenario: keeping sectors only (--detail consumers or all for more)");
        }

        long bytesPerTrial = scenarios.Sum(s => (long)new MetricLayout(model.Network, s).Select(keep).Width) * sizeof(double);
        // Results must fit in half of what this machine (or container) can give the process.
        long limit = MemoryLimit.Bytes;
        if (precision is not null && cli.Single("--trials") is null)
        {
            // The default limit of a precision run is what fits in memory (results are kept for the files).
            trials = (int)Math.Max(PrecisionRun.BatchTrials, Math.Min(trials, limit / bytesPerTrial / PrecisionRun.BatchTrials * PrecisionRun.BatchTrials));
        }

        long bytes = bytesPerTrial * trials;
        if (!stream && bytes > limit)
        {
            stderr.WriteLine($"{path}:1:1: error SS0201: {trials} trials need {bytes / (1 << 20)} MiB of results, more than " +
                             $"{limit / (1 << 20)} MiB available for them; at most {trials * (limit / (double)bytes):0} trials fit in memory, or add " +
                             "--stream to keep no trials in memory (streamed statistics, rows straight to disk)" +
                             (keep == MetricDetail.Sectors ? "" : ", or keep fewer columns (--detail sectors)"));
            return ExitCodes.InvalidScenario;
        }

        ulong seed = seedOption ?? model.Network.DefaultSeed ?? 42;
        string outDir = cli.Single("--out") ?? Path.Combine("out", Path.GetFileNameWithoutExtension(path));
        string? focus = cli.Single("--focus");
        if (focus is not null && !scenarios.Any(s => s.Id == focus))
        {
            var ids = scenarios.Select(s => s.Id).ToList();
            stderr.WriteLine($"error: --focus '{focus}' is not a scenario of this run{SupplySim.Scenario.Suggest.Hint(focus, ids)}; it runs: {string.Join(", ", ids)}");
            return ExitCodes.UsageOrIo;
        }

        var outputs = OutputFiles.Names.Select(name => Path.Combine(outDir, name));
        if (reportPath is not null)
        {
            outputs = outputs.Append(Path.Combine(outDir, ReportCommand.DataFile)).Append(reportPath);
        }

        bool writeParameters = cli.Options.ContainsKey("--parameters");
        if (writeParameters)
        {
            outputs = outputs.Append(Path.Combine(outDir, TrialParametersWriter.FileName));
        }

        if (OutputPreflight.Check(outDir, [.. outputs]) is { } problem)
        {
            stderr.WriteLine($"error: {problem}");
            return ExitCodes.UsageOrIo;
        }

        if (OutputPreflight.Leftovers(outDir) is { Count: > 0 } leftovers)
        {
            stderr.WriteLine($"note: {outDir} holds {leftovers.Count} temporary file(s) of an interrupted run ({string.Join(", ", leftovers.Select(Path.GetFileName))}); " +
                             "they are not results and can be deleted once no run writes to this folder");
        }

        // A report draws weekly cover and fill, and with markets the monthly prices.
        // When every consumer's weekly series would be too many, the run keeps none and the key consumers' come from a
        // second run of the same trials (ReportFans).
        bool fansInOnePass = reportPath is not null && ReportFans.AllSeriesBytes(model.Network, fullLayout, scenarios.Count, trials) <= ReportFans.OnePassBytes;
        var options = new MonteCarloOptions(trials, seed, threads, RecordWeeklySeries: fansInOnePass)
        {
            Posterior = posterior, Detail = keep, RecordMonthlyPrices = reportPath is not null && model.Network.MarketCount > 0,
            // The report's lane flows and key consumers are means of columns a large network's run does not keep.
            RecordColumnMeans = reportPath is not null && keep != MetricDetail.All,
        };
        // Everything the run allocates, kernels included, must fit too (a large network's kernels dominate).
        var memory = RunMemory.For(model, scenarios, options, stream);
        if (memory.Total > limit)
        {
            stderr.WriteLine($"{path}:1:1: error SS0201: this run needs about {memory.Total >> 20} MiB ({memory.Describe()}), more than the " +
                             $"{limit >> 20} MiB this machine can give it; use fewer --threads" + (stream ? ", run without --stream (one kernel per worker)" : "") +
                             (keep == MetricDetail.Sectors ? "" : " or keep fewer columns (--detail sectors)"));
            return ExitCodes.InvalidScenario;
        }

        ScenarioResult RunOne(CompiledScenario scenario, MonteCarloOptions with, IProgress<int>? progress)
        {
            var result = MonteCarlo.Run(model, scenario, with, progress);
            if (memory.KernelBytes >= LargeKernelBytes)
            {
                // The scenario's kernels (pinned arrays, hundreds of MB on a large network) are garbage now;
                // collected before the next scenario builds its own, the peak holds one set, not one per scenario.
                GC.Collect();
            }

            return result;
        }

        var started = System.Diagnostics.Stopwatch.StartNew();
        // Every file of the run is replaced together, only once all are complete.
        using var files = new PendingFiles();
        RunReport report;
        if (stream)
        {
            report = LiveProgress.Run(stderr, "simulating (streamed)", "trials", trials,
                sink => StreamingRun.Run(model, scenarios, options, outDir, files, sink(0)));
        }
        else
        {
            var results = precision is { } tolerance ? RunToPrecision(model, scenarios, options, tolerance, stderr) : LiveProgress.Run(stderr, "simulating", "trials", (long)scenarios.Count * trials, sink =>
            {
                var done = new List<ScenarioResult>();
                foreach (var scenario in scenarios)
                {
                    done.Add(RunOne(scenario, options, sink((long)done.Count * trials)));
                }

                return done;
            });
            report = new RunReport(model, seed, results);
        }

        double seconds = started.Elapsed.TotalSeconds;
        if (!stream)
        {
            // Every summary at once, in parallel (--threads), before the console table and the files read them.
            report.ComputeAll(threads);
        }

        // The summary is printed once the files are in place: a run whose files cannot be written prints only its error,
        // so a pipeline reading stdout (--json) never takes the answer of a run that failed. It is this report, the one the
        // files are written from: `report` is replaced below when the HTML report needs the key consumers' weekly series.
        var summary = report;
        if (stream)
        {
            files.Write(Path.Combine(outDir, "summary.json"), file => SummaryJsonWriter.Write(report, file));
            files.Write(Path.Combine(outDir, "summary.parquet"), file => SummaryParquetWriter.Write(report, file));
        }
        else
        {
            OutputFiles.Write(report, outDir, files, threads);
        }

        if (reportPath is not null)
        {
            if (!fansInOnePass)
            {
                var results = report;
                report = LiveProgress.Run(stderr, "simulating again for the key consumers' weekly series", "trials", (long)scenarios.Count * trials,
                    sink => ReportFans.RecordKeySeries(results, options, ReportData.DefaultMaxFans,
                        (scenario, rerun) => RunOne(scenario, rerun, sink((long)scenarios.IndexOf(scenario) * trials))));
            }

            ReportCommand.WriteForRun(report, outDir, reportPath, focus, files);
        }

        if (writeParameters)
        {
            files.Write(Path.Combine(outDir, TrialParametersWriter.FileName), file => TrialParametersWriter.Write(model.Network, options with { Trials = report.Results[0].Trials }, file));
        }

        foreach (string name in OutputFiles.CompanionsNotWritten(outDir, reportPath, writeParameters))
        {
            files.Remove(Path.Combine(outDir, name));
        }

        files.Commit();
        PrintSummary(summary, cli.Json, stdout);

        string written = $"{outDir}/summary.json, summary.parquet, trials.csv, trials.parquet" + (writeParameters ? ", parameters.csv" : "");
        if (reportPath is not null)
        {
            written += $", {ReportCommand.DataFile} and {reportPath}";
        }

        // With --json, stdout carries only the JSON document.
        var log = cli.Json ? stderr : stdout;
        if (!cli.Json)
        {
            log.WriteLine();
        }

        log.WriteLine($"simulated {scenarios.Count} scenario(s) x {report.Results[0].Trials} trials in {seconds:0.00} s");
        log.WriteLine($"wrote {written}");
        return ExitCodes.Ok;
    }

    /// <summary>The run's answer on stdout: summary.json's document with --json, else the summary table.</summary>
    private static void PrintSummary(RunReport report, bool json, TextWriter stdout)
    {
        if (json)
        {
            using var buffer = new MemoryStream();
            SummaryJsonWriter.Write(report, buffer);
            stdout.WriteLine(System.Text.Encoding.UTF8.GetString(buffer.ToArray()));
        }
        else if (TerminalOutput.Decorated(stdout))
        {
            SummaryTables.Write(report);
        }
        else
        {
            stdout.Write(ConsoleSummary.Format(report));
        }
    }

    /// <summary>Batches until every headline half-width is within <paramref name="tolerance"/> (or the trial limit); says which on stderr.</summary>
    private static List<ScenarioResult> RunToPrecision(CompiledModel model, List<CompiledScenario> scenarios, MonteCarloOptions options,
        double tolerance, TextWriter stderr)
    {
        var (results, worst) = LiveProgress.Run(stderr, "simulating to precision", "trials", options.Trials,
            sink => PrecisionRun.Run(model, scenarios, options, tolerance, sink(0)));
        int trials = results[0].Trials;
        stderr.WriteLine(worst <= tolerance
            ? $"precision: every headline 95% half-width is within {tolerance:0.####} after {trials} trials (widest {worst:0.#####})"
            : $"precision: stopped at the --trials limit of {trials} trials; the widest headline 95% half-width is {worst:0.#####}, above {tolerance:0.####}");
        return [.. results];
    }

    private static List<CompiledScenario>? SelectScenarios(CompiledModel model, IReadOnlyList<string> ids, TextWriter stderr)
    {
        if (ids.Count == 0)
        {
            return [.. model.Scenarios];
        }

        var selected = new List<CompiledScenario> { model.Scenarios[0] };
        foreach (string id in ids)
        {
            if (model.Find(id) is not { } scenario)
            {
                var known = model.Scenarios.Select(s => s.Id).ToList();
                stderr.WriteLine($"error: unknown scenario '{id}'{SupplySim.Scenario.Suggest.Hint(id, known)}; the file has: {string.Join(", ", known)}");
                return null;
            }

            if (!selected.Contains(scenario))
            {
                selected.Add(scenario);
            }
        }

        return selected;
    }
}
