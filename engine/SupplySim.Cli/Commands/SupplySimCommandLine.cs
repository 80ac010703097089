using System.CommandLine;

namespace SupplySim.Cli;

/// <summary>
/// The command line, on System.CommandLine: one command per verb with its positional arguments and options, help
/// generated from their descriptions, <c>--version</c>, "did you mean" for misspelt verbs and options, response files
/// (<c>@file</c>) and shell completion (<c>[suggest]</c>). Each verb receives what was parsed as
/// <see cref="VerbArguments"/> and checks values itself. Exit codes: 0 ok, 1 invalid scenario file, 2 usage or I/O.
/// </summary>
internal static class SupplySimCommandLine
{
    private delegate int Verb(VerbArguments arguments, TextWriter stdout, TextWriter stderr);

    /// <summary>An option as the verbs read it: a value (or a repeatable value), or a flag.</summary>
    private sealed record OptionSpec(string Name, string Description, string? ValueName = null, bool Repeatable = false);

    private static readonly OptionSpec Trials = new("--trials", "trials per scenario", "N");
    private static readonly OptionSpec Seed = new("--seed", "master seed (default: the file's seed, else 42)", "S");
    private static readonly OptionSpec Threads = new("--threads", "worker threads (default: all cores); results do not depend on it", "T");

    /// <summary>Parses <paramref name="args"/> and runs the verb; help, version and parse errors never reach a verb.</summary>
    public static int Execute(string[] args, TextWriter stdout, TextWriter stderr)
    {
        var root = Build(stdout, stderr);
        var parsed = root.Parse(args);
        if (parsed.Action is System.CommandLine.Invocation.ParseErrorAction errorAction)
        {
            // The errors (with "did you mean") go to stderr; the whole help on stdout would pollute a --json pipeline.
            errorAction.ShowHelp = false;
        }

        // On a parse error everything printed (the "did you mean" included) is diagnostics: stderr.
        var output = parsed.Errors.Count > 0 ? stderr : stdout;
        int code = parsed.Invoke(new InvocationConfiguration { Output = output, Error = stderr, EnableDefaultExceptionHandler = false });
        if (parsed.Errors.Count > 0)
        {
            string verb = parsed.CommandResult.Command is RootCommand ? "" : parsed.CommandResult.Command.Name + " ";
            stderr.WriteLine($"usage: see 'supplysim {verb}--help'");
        }

        // A command line that does not parse is a usage error (2), as documented; System.CommandLine would say 1.
        return parsed.Errors.Count > 0 ? ExitCodes.UsageOrIo : code;
    }

    private static RootCommand Build(TextWriter stdout, TextWriter stderr)
    {
        var root = new RootCommand("supplysim - Monte Carlo simulation of critical-mineral supply chains under export controls.\n" +
                                   "Exit codes: 0 ok, 1 scenario file invalid, 2 usage or I/O error.");
        // No command at all: the overview, as --help gives it.
        root.SetAction(parsed => new System.CommandLine.Help.HelpAction().Invoke(parsed));
        root.Subcommands.Add(VerbCommand("run", "Run the baseline and the scenarios of FILE and write summary.json, summary.parquet, trials.csv and trials.parquet.",
            ("FILE", "scenario file (default: scenarios/critical-minerals.yaml)"), RunCommand.Execute, stdout, stderr,
            Trials with { Description = "trials per scenario (default 1000)" }, Seed, Threads,
            new OptionSpec("--out", "output folder (default: out/<file name>)", "DIR"),
            new OptionSpec("--scenario", "run only this scenario (repeatable); the baseline always runs", "ID", Repeatable: true),
            new OptionSpec("--report", "also write the self-contained HTML report to FILE and DIR/report-data.json", "FILE"),
            new OptionSpec("--focus", "scenario drawn against the baseline in the report's charts (default: the last run)", "ID"),
            new OptionSpec("--json", "print summary.json to stdout instead of the summary table"),
            new OptionSpec("--detail", "result columns kept: sectors, consumers (and sectors) or all (also lanes, transshippers, producers); default all up to 2000 columns per scenario, else sectors", "LEVEL"),
            new OptionSpec("--stream", "stream trials to disk and to statistics (automatic from 100001 to 10000000 trials); not with --report"),
            new OptionSpec(PosteriorOption.Name, PosteriorOption.Description, "DIR"),
            new OptionSpec("--parameters", "also write parameters.csv: each trial's values of the uncertain per-trial parameters (for discover)"),
            new OptionSpec("--precision", "run batches of 200 trials until every headline 95% half-width (mean shortage fraction, " +
                                          "P(any shortage), their paired deltas; per sector and material) is at most TOL, or --trials " +
                                          "(default then 100000) is reached", "TOL")));
        root.Subcommands.Add(VerbCommand("validate", "Check FILE and report every problem as file:line:col: error SSxxxx: message.",
            ("FILE", "scenario file"), ValidateCommand.Execute, stdout, stderr));
        root.Subcommands.Add(VerbCommand("backtest", "Compare modelled flows and prices with the file's observations (P10/P50/P90, inside or not).",
            ("FILE", "scenario file with observations (default: scenarios/history-2023-2025.yaml)"), BacktestCommand.Execute, stdout, stderr,
            Trials with { Description = "trials (default 500)" }, Seed, Threads,
            new OptionSpec("--out", "output folder (default: out/<file name>-backtest)", "DIR"),
            new OptionSpec(PosteriorOption.Name, PosteriorOption.Description, "DIR")));
        root.Subcommands.Add(VerbCommand("calibrate", "Fit the file's uncertain parameters to its observations (ABC-SMC, docs/calibration.md).",
            ("FILE", "scenario file with observations (default: scenarios/history-2023-2025.yaml)"), CalibrateCommand.Execute, stdout, stderr,
            new OptionSpec("--out", "output folder (default: out/<file name>-calibration)", "DIR"),
            new OptionSpec("--budget", "simulated trials the fit may spend (default 400000)", "N"),
            new OptionSpec("--particles", "particles per generation (default 500)", "N"),
            new OptionSpec("--until", "fit only observations that end before this date; the rest are scored out of sample", "YYYY-MM-DD"),
            new OptionSpec("--check-trials", "trials of the predictive check, prior and posterior (default 1000)", "N"),
            Seed, Threads));
        root.Subcommands.Add(VerbCommand("sweep", "Run a parameter sweep (docs/sweeps.md) and rank parameters by sensitivity.",
            ("SWEEP", "sweep file"), SweepCommand.Execute, stdout, stderr,
            new OptionSpec("--out", "output folder (default: out/<sweep file name>)", "DIR"),
            new OptionSpec("--shard", "run only points p with p mod n = i, into DIR/shards (resumable)", "i/n"),
            new OptionSpec("--threads", "points run at once (default: all cores); results do not depend on it", "T"),
            new OptionSpec(PosteriorOption.Name, PosteriorOption.Description + "; the swept parameters keep the sweep's values", "DIR")));
        root.Subcommands.Add(VerbCommand("discover", "Scenario discovery (PRIM): which parameter ranges make an output exceed a value, in a sweep or a run.",
            ("DIR", "the --out folder of a sweep, of an optimize run, or of a run made with --parameters"), DiscoverCommand.Execute, stdout, stderr,
            new OptionSpec("--output", "a sweep output's name (results.csv), an optimize column (evaluations.csv, e.g. risk:combined), or for a run METRIC:ENTITY:MATERIAL", "NAME"),
            new OptionSpec("--scenario", "for a run: the scenario whose trials to explain", "ID"),
            new OptionSpec("--above", "cases of interest: points where the output is above this value", "X"),
            new OptionSpec("--min-coverage", "the chosen box is the densest with at least this coverage (default 0.5)", "SHARE")));
        root.Subcommands.Add(VerbCommand("optimize", "Search the file's levers for the Pareto front of expected cost against risk across its scenarios (NSGA-II, docs/decisions.md).",
            ("FILE", "scenario file with levers: and objectives:"), OptimizeCommand.Execute, stdout, stderr,
            new OptionSpec("--out", "output folder (default: out/<file name>-optimize)", "DIR"),
            new OptionSpec("--budget", $"policy evaluations (default {OptimizeCommand.DefaultBudget})", "N"),
            Trials with { Description = $"trials per scenario per policy, the same for every policy (default {OptimizeCommand.DefaultTrials})" },
            Seed, Threads,
            new OptionSpec("--shards", "drive a search whose generations N shard processes evaluate (DIR/optimize-work); run it again after each generation", "N"),
            new OptionSpec("--shard", "evaluate shard i of N of the generation the driver is waiting for (a Slurm array task)", "i/N")));
        root.Subcommands.Add(VerbCommand("serve", "Planner workbench: edit a scenario in the browser and see the answer against the unchanged one (docs/workbench.md).",
            ("FILE|DIR", "a scenario file, or a folder of them (default: the shipped scenarios)"), ServeCommand.Execute, stdout, stderr,
            new OptionSpec("--port", "port to listen on (default 8080; 0 picks a free one)", "N"),
            new OptionSpec("--host", "address to bind (default 127.0.0.1; anything else is reachable from other machines, without authentication)", "IP")));
        root.Subcommands.Add(VerbCommand("import", "Build a scenario file from world trade data: import baci FILE.csv (CEPII BACI's bilateral flows).",
            ("SOURCE FILE", "baci and the flows file (t,i,j,k,v,q)"), ImportCommand.Execute, stdout, stderr,
            new OptionSpec("--country-codes", "BACI's country code table (country_code, country_iso2, ...)", "FILE"),
            new OptionSpec("--out", "the scenario file to write", "FILE"),
            new OptionSpec("--products", "HS6 codes to keep, comma-separated (default: all in the file)", "HS6,..."),
            new OptionSpec("--year", "the year to use (default: the latest in the file)", "Y"),
            new OptionSpec("--min-flow", "drop flows below this many tonnes (default 0)", "Q"),
            new OptionSpec("--sectors", "CSV of country (ISO alpha-2) and sector for the importers' consumers (default: sector all)", "FILE")));
        root.Subcommands.Add(VerbCommand("merge", "Combine the shards of a sweep into its result files, byte-identical to an unsharded sweep.",
            ("DIR", "the --out folder of a sharded sweep"), MergeCommand.Execute, stdout, stderr));
        root.Subcommands.Add(VerbCommand("report", "Re-render the HTML report of a run saved with run --report, without re-running it.",
            ("DIR", "a run's output folder holding report-data.json"), ReportCommand.Execute, stdout, stderr,
            new OptionSpec("--out", "where to write the report (default: DIR/report.html)", "FILE"),
            new OptionSpec("--focus", "scenario drawn against the baseline in the charts (default: the last run)", "ID")));
        root.Subcommands.Add(VerbCommand("schema", "Print the JSON Schema of scenario or sweep files (for editors; kept in docs/schema/).",
            ("KIND", "scenario or sweep"), SchemaCommand.Execute, stdout, stderr));
        root.Subcommands.Add(VerbCommand("graph", "Write the network as Graphviz DOT and as SVG (DIR/network.dot, DIR/network.svg).",
            ("FILE", "scenario file (default: scenarios/critical-minerals.yaml)"), GraphCommand.Execute, stdout, stderr,
            new OptionSpec("--out", "output folder (default: out/<file name>)", "DIR")));
        return root;
    }

    private static Command VerbCommand(string name, string description, (string Name, string Description) positional, Verb verb,
        TextWriter stdout, TextWriter stderr, params OptionSpec[] specs)
    {
        var command = new Command(name, description);
        // Positional values are taken as given and counted by the verb, which says what it expected.
        var values = new Argument<string[]>(positional.Name) { Description = positional.Description, Arity = ArgumentArity.ZeroOrMore };
        command.Arguments.Add(values);
        var options = new List<(OptionSpec Spec, Option Option)>();
        foreach (var spec in specs)
        {
            Option option = spec.ValueName is null
                ? new Option<bool>(spec.Name) { Description = spec.Description }
                : spec.Repeatable
                    ? new Option<string[]>(spec.Name) { Description = spec.Description, HelpName = spec.ValueName, AllowMultipleArgumentsPerToken = false }
                    : new Option<string>(spec.Name) { Description = spec.Description, HelpName = spec.ValueName };
            command.Options.Add(option);
            options.Add((spec, option));
        }

        command.SetAction(parsed =>
        {
            var arguments = new VerbArguments(name);
            string[] positional = parsed.GetValue(values) ?? [];
            for (int i = 0; i < positional.Length; i++)
            {
                string value = positional[i];
                // An option the verb does not have arrives as a positional value: say so, with the nearest option.
                if (value.StartsWith('-') && value.Length > 1)
                {
                    string[] known = [.. specs.Select(o => o.Name), "--help"];
                    // The value after it is most likely its value ("--trials 10"), not a FILE: counted as one, it would
                    // add a second, misleading error ("takes exactly one FILE").
                    string withValue = i + 1 < positional.Length && !positional[i + 1].StartsWith('-') ? $"; '{positional[++i]}' after it is taken as its value" : "";
                    arguments.Errors.Add($"unknown option '{value}' for '{name}'{SupplySim.Scenario.Suggest.Hint(value, known)}; allowed: {string.Join(", ", known)}{withValue}");
                    continue;
                }

                arguments.Positional.Add(value);
            }

            foreach (var (spec, option) in options)
            {
                if (parsed.GetResult(option) is not { Implicit: false })
                {
                    continue;
                }

                List<string> given = option switch
                {
                    Option<bool> flag => parsed.GetValue(flag) ? [""] : [],
                    Option<string[]> repeated => [.. parsed.GetValue(repeated) ?? []],
                    Option<string> single => [parsed.GetValue(single) ?? ""],
                    _ => [],
                };
                // An empty path ("--out \"\"", an unset shell variable) would mean the current folder to some calls and be
                // refused by others: say so here, before any verb works with it.
                if (spec.ValueName is "DIR" or "FILE" && given.Any(string.IsNullOrWhiteSpace))
                {
                    arguments.Errors.Add($"{spec.Name} needs a {(spec.ValueName == "DIR" ? "folder" : "file")} name, was empty");
                    continue;
                }

                if (given.Count > 0)
                {
                    arguments.Options[spec.Name] = given;
                }
            }

            return verb(arguments, stdout, stderr);
        });
        return command;
    }
}
