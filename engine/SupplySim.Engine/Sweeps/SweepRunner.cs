using System.Collections.Concurrent;
using SupplySim.Model;
using SupplySim.Scenario;
using SupplySim.Simulation;

namespace SupplySim.Sweeps;

/// <summary>
/// Runs the points of a sweep: for each point, a private copy of the scenario document gets the point's parameter
/// values, is compiled, and the baseline and the scenario are run with the sweep's seed at every point (common random
/// numbers), so differences between points come from the parameters, not from sampling noise. Points run in parallel,
/// each single-threaded; results do not depend on the thread count.
/// </summary>
public static class SweepRunner
{
    /// <summary>Runs the points of <paramref name="shard"/>; null after a diagnostic (a point whose values do not compile).</summary>
    /// <param name="plan">The sweep.</param>
    /// <param name="shard">Which points to run.</param>
    /// <param name="threads">Points run at once; -1 for all cores.</param>
    /// <param name="diagnostics">Receives SS0310 for a point that does not compile.</param>
    /// <param name="progress">Receives the number of points done so far, from worker threads.</param>
    /// <param name="cancellationToken">Stops the run.</param>
    public static SweepTable? Run(SweepPlan plan, ShardSpec shard, int threads, DiagnosticBag diagnostics,
        IProgress<int>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(diagnostics);
        int[] points = [.. Enumerable.Range(0, plan.PointCount).Where(shard.Includes)];
        int outputs = plan.Outputs.Count;
        var values = new double[points.Length * outputs];
        var baselines = new double[points.Length * outputs];
        var failures = new ConcurrentBag<(int Point, Diagnostic Error)>();
        var options = new MonteCarloOptions(plan.Trials, plan.Seed, 1) { Posterior = plan.Posterior };
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = threads, CancellationToken = cancellationToken };
        int done = 0;
        Parallel.For(0, points.Length, parallel, plan.LoadScenarioCopy, (row, _, document) =>
        {
            int point = points[row];
            for (int p = 0; p < plan.Parameters.Count; p++)
            {
                plan.Parameters[p].Target.Apply(document, plan.Value(point, p));
            }

            var bag = new DiagnosticBag();
            if (NetworkCompiler.Compile(document, bag) is not { } model)
            {
                failures.Add((point, bag.Items.First(d => d.Severity == Severity.Error)));
                return document;
            }

            var scenario = model.Find(plan.ScenarioId)!;
            var result = MonteCarlo.Run(model, scenario, options);
            var baseline = scenario == model.Scenarios[0] ? result : MonteCarlo.Run(model, model.Scenarios[0], options);
            for (int o = 0; o < outputs; o++)
            {
                var output = plan.Outputs[o];
                values[(row * outputs) + o] = output.Summarise(result.Column(output.Column));
                baselines[(row * outputs) + o] = output.Summarise(baseline.Column(output.Column));
            }

            progress?.Report(Interlocked.Increment(ref done));
            return document;
        }, _ => { });

        foreach (var (point, error) in failures.OrderBy(f => f.Point).Take(5))
        {
            string values2 = string.Join(", ", plan.Parameters.Select((p, i) => $"{p.Name} = {plan.Value(point, i):G6}"));
            diagnostics.Error("SS0310", new SourceLocation(plan.SweepFile, 1, 1), $"point {point} ({values2}) makes the scenario invalid: {error}");
        }

        return failures.IsEmpty ? new SweepTable(outputs, points, values, baselines) : null;
    }
}
