namespace SupplySim.Cli;

/// <summary>Usage text for each verb.</summary>
internal static class HelpText
{
    public const string General = """
        supplysim - Monte Carlo simulation of critical-mineral supply chains under export controls

        usage:
          supplysim run [FILE] [options]     run the baseline and scenarios of FILE and write results
          supplysim validate FILE            check FILE and report every problem
          supplysim backtest [FILE]          compare modelled flows with the file's observations
          supplysim sweep SWEEP [options]    run a parameter sweep and rank parameters by sensitivity
          supplysim merge DIR                combine the shards of a sweep into its result files
          supplysim report DIR               re-render the HTML report of a run saved with --report
          supplysim graph [FILE]             write the network as DOT and SVG
          supplysim COMMAND --help           help for a command

        exit codes: 0 ok, 1 scenario file invalid, 2 usage or I/O error
        """;

    public const string Run = """
        usage: supplysim run [FILE] [--trials N] [--seed S] [--threads T] [--out DIR] [--scenario ID ...]
                             [--report FILE] [--focus ID] [--json] [--stream]

          FILE            scenario file (default: scenarios/critical-minerals.yaml)
          --trials N      trials per scenario (default 1000)
          --seed S        master seed (default: the file's seed, else 42)
          --threads T     worker threads (default: all cores); results do not depend on it
          --out DIR       output folder (default: out/<file name>)
          --scenario ID   run only this scenario (repeatable); the baseline always runs
          --report FILE   also write the self-contained HTML report to FILE and DIR/report-data.json
                          (from which 'supplysim report DIR' re-renders it)
          --focus ID      scenario drawn against the baseline in the report's fan charts and network
                          (default: the last scenario run)
          --json          print summary.json to stdout instead of the summary table
          --stream        stream trials to disk and to statistics (trials not kept in memory); quantiles and
                          histograms then come from a sketch within 0.5% relative (summary.json
                          "quantiles"); automatic from 100001 to 10000000 trials; not with --report

        writes DIR/summary.json, DIR/trials.csv and DIR/trials.parquet, and prints a summary.
        progress with ETA goes to stderr when run on a terminal (never when piped or with CI set).
        """;

    public const string Backtest = """
        usage: supplysim backtest [FILE] [--trials N] [--seed S] [--threads T] [--out DIR]

          FILE            scenario file with observations (default: scenarios/history-2023-2025.yaml)
          --trials N      trials (default 500)
          --seed S        master seed (default: the file's seed, else 42)
          --threads T     worker threads (default: all cores)
          --out DIR       output folder (default: out/<file name>-backtest)

        prints each observation against the modelled P10/P50/P90 of the same flow and whether it is inside
        the band; writes DIR/backtest.json and DIR/backtest_monthly.csv (monthly P10/P50/P90 per lane and
        per observation corridor).
        """;

    public const string Validate = """
        usage: supplysim validate FILE

        reports every problem as file:line:col: error SSxxxx: message on stderr;
        exits 0 when FILE is valid, 1 when it is not, 2 when it cannot be read.
        """;

    public const string Sweep = """
        usage: supplysim sweep SWEEP [--out DIR] [--shard i/n] [--threads T]

          SWEEP           sweep file (see docs/sweeps.md)
          --out DIR       output folder (default: out/<sweep file name>)
          --shard i/n     run only points p with p mod n = i and write DIR/shards/shard-i-of-n.*;
                          a shard whose .done marker matches is skipped (resume after a kill)
          --threads T     points run at once (default: all cores); results do not depend on it

        writes DIR/results.csv, results.parquet (one row per point x output), sensitivity.json and
        sensitivity.csv, and prints the ranking; progress and ETA go to stderr.
        """;

    public const string Merge = """
        usage: supplysim merge DIR

        combines DIR/shards/shard-*-of-n.csv (every shard must be complete) into DIR/results.csv,
        results.parquet, sensitivity.json and sensitivity.csv, byte-identical to an unsharded sweep.
        """;
}
