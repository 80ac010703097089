using System.Globalization;
using SupplySim.Decisions;
using SupplySim.Reporting;
using SupplySim.Reporting.Html;

namespace SupplySim.Cli;

/// <summary>
/// <c>supplysim discover DIR --output NAME --above X</c>: PRIM scenario discovery on a sweep's results (which ranges of
/// the swept parameters make the output exceed X) or on a run's trials (<c>run --parameters</c>, with <c>--scenario</c>:
/// which ranges of the uncertain inputs) or on the policies of an optimize run (which lever ranges leave the risk or
/// cost above X). Writes DIR/discovery.json and DIR/discovery.html.
/// </summary>
internal static class DiscoverCommand
{
    public static int Execute(VerbArguments cli, TextWriter stdout, TextWriter stderr)
    {
        string? output = cli.Single("--output");
        double above = double.NaN;
        if (output is null)
        {
            cli.Errors.Add("discover needs --output NAME (an output of the sweep)");
        }

        if (cli.Single("--above") is not { } aboveText || !double.TryParse(aboveText, NumberStyles.Float, CultureInfo.InvariantCulture, out above) || !double.IsFinite(above))
        {
            cli.Errors.Add($"discover needs --above X, a number (the output's value that makes a case of interest){(cli.Single("--above") is { } bad ? $", was '{bad}'" : "")}");
        }

        double coverage = 0.5;
        if (cli.Single("--min-coverage") is { } coverageText
            && (!double.TryParse(coverageText, NumberStyles.Float, CultureInfo.InvariantCulture, out coverage) || !(coverage is > 0 and <= 1)))
        {
            cli.Errors.Add($"--min-coverage must be a share in (0, 1], was '{coverageText}'");
        }

        if (cli.Positional.Count != 1)
        {
            cli.Errors.Add("discover takes exactly one DIR (the --out folder of a sweep, an optimize run or a run with --parameters)");
        }

        if (cli.Errors.Count > 0)
        {
            return cli.Usage(stderr);
        }

        string folder = cli.Positional[0];
        // A sweep's folder holds results.csv; a run's, trials.csv (and parameters.csv from run --parameters).
        bool run = !File.Exists(Path.Combine(folder, "results.csv")) && File.Exists(Path.Combine(folder, "trials.csv"));
        string? scenario = cli.Single("--scenario");
        if (run && scenario is null)
        {
            stderr.WriteLine("error: discover on a run's folder needs --scenario ID (whose trials to explain)");
            return ExitCodes.UsageOrIo;
        }

        // An optimize run's folder holds evaluations.csv: every policy it evaluated, levers as the inputs.
        bool optimize = !run && File.Exists(Path.Combine(folder, "evaluations.csv")) && !File.Exists(Path.Combine(folder, "results.csv"));
        var cases = run ? DiscoveryCases.FromRun(folder, output!, scenario!, out string? problem)
            : optimize ? DiscoveryCases.FromOptimize(Path.Combine(folder, "evaluations.csv"), output!, out problem)
            : DiscoveryCases.FromSweep(Path.Combine(folder, "results.csv"), output!, out problem);
        if (cases is null)
        {
            stderr.WriteLine($"error: {problem}");
            return ExitCodes.UsageOrIo;
        }

        bool[] interesting = [.. cases.Values.Select(v => v > above)];
        if (!interesting.Any(i => i))
        {
            stderr.WriteLine($"error: no {(run ? "trial of the run" : optimize ? "policy of the optimize run" : "point of the sweep")} has {output} above {above.ToString(CultureInfo.InvariantCulture)} (largest: {cases.Values.Max().ToString("G6", CultureInfo.InvariantCulture)}); nothing to discover");
            return ExitCodes.UsageOrIo;
        }

        var trajectory = Prim.Peel(cases.Inputs, interesting);
        var chosen = Prim.Choose(trajectory, coverage);
        stdout.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{output} above {above:G6}: {interesting.Count(i => i)} of {cases.Inputs.Count} {(run ? "trials" : optimize ? "policies" : "points")}; {trajectory.Count} boxes peeled"));
        stdout.WriteLine(string.Create(CultureInfo.InvariantCulture, $"chosen box (step {trajectory.ToList().IndexOf(chosen)}): coverage {chosen.Coverage:0%}, density {chosen.Density:0%}, mass {chosen.Mass:0%}"));
        var restricted = DiscoveryReport.Restricted(cases, interesting, chosen, trajectory[0]);
        foreach (var (input, lower, upper, quasiP) in restricted.Where(r => r.QuasiP < DiscoveryReport.Significance))
        {
            stdout.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  {cases.Parameters[input]} in [{lower:G6}, {upper:G6}]   (full range [{trajectory[0].Lower[input]:G6}, {trajectory[0].Upper[input]:G6}]; quasi-p {quasiP:G2})"));
        }

        int noise = restricted.Count(r => r.QuasiP >= DiscoveryReport.Significance);
        if (noise > 0)
        {
            stdout.WriteLine($"  and {noise} restriction(s) that are not significant (quasi-p >= {DiscoveryReport.Significance}): see discovery.html");
        }

        using (var files = new PendingFiles())
        {
            files.Write(Path.Combine(folder, "discovery.json"), stream => DiscoveryReport.WriteJson(cases, interesting, output!, above, trajectory, chosen, stream));
            files.Write(Path.Combine(folder, "discovery.html"), stream =>
            {
                using var writer = new StreamWriter(stream, new System.Text.UTF8Encoding(false), 1 << 16, leaveOpen: true);
                writer.Write(DiscoveryReport.Render(cases, interesting, output!, above, trajectory, chosen));
            });
            files.Commit();
        }

        stdout.WriteLine($"wrote {folder}/discovery.json, discovery.html");
        return ExitCodes.Ok;
    }
}
