using SupplySim.Sweeps;

namespace SupplySim.Decisions;

/// <summary>
/// An optimize run whose evaluations are spread over shards through an <see cref="OptimizationWorkFolder"/>. The
/// driver replays the search from the first generation with the outcomes the shards wrote, up to the first generation
/// not yet evaluated, whose policies it writes for the shards; run again once they are done, it goes one generation
/// further. The replay costs nothing next to the evaluations, and gives exactly the front of an unsharded run.
/// </summary>
public static class ShardedOptimization
{
    /// <summary>Where a driver step stopped: the finished search, or the generation waiting for its shards.</summary>
    /// <param name="Result">The search's result once every generation is evaluated, else null.</param>
    /// <param name="PendingGeneration">The generation waiting for its shards, or -1.</param>
    /// <param name="PendingPolicies">Its number of policies.</param>
    public sealed record DriverStep(OptimizationResult? Result, int PendingGeneration, int PendingPolicies);

    /// <summary>One driver step for <paramref name="problem"/> in <paramref name="work"/>, whose manifest fixes the settings.</summary>
    public static DriverStep Drive(DecisionProblem problem, OptimizationWorkFolder work)
    {
        ArgumentNullException.ThrowIfNull(problem);
        ArgumentNullException.ThrowIfNull(work);
        var manifest = work.ReadManifest() ?? throw new InvalidOperationException($"{work.Root} has no manifest");
        int generation = 0;
        try
        {
            var result = PolicyOptimizer.Search(problem, batch =>
            {
                int g = generation++;
                if (work.LatestGeneration() < g)
                {
                    work.WriteCandidates(g, batch);
                }

                var outcomes = work.ReadOutcomes(g, batch.Count, manifest.Shards) ?? throw new PendingException(g, batch.Count);
                return [.. batch.Select((levers, i) => PolicyOutcome.FromVector([.. problem.Levers.Select((l, j) => l.Normalise(levers[j]))], outcomes[i]))];
            }, manifest.Budget, manifest.Seed);
            return new DriverStep(result, -1, 0);
        }
        catch (PendingException pending)
        {
            return new DriverStep(null, pending.Generation, pending.Policies);
        }
    }

    /// <summary>
    /// Evaluates <paramref name="shard"/> of the latest generation the driver wrote (nothing when that shard is done);
    /// returns the generation and the number of policies evaluated.
    /// </summary>
    public static (int Generation, int Evaluated) EvaluateShard(PolicyEvaluator evaluator, OptimizationWorkFolder work, ShardSpec shard, int threads = -1)
    {
        ArgumentNullException.ThrowIfNull(evaluator);
        ArgumentNullException.ThrowIfNull(work);
        int generation = work.LatestGeneration();
        if (generation < 0 || work.HasShard(generation, shard))
        {
            return (generation, 0);
        }

        var candidates = work.ReadCandidates(generation);
        int[] mine = [.. Enumerable.Range(0, candidates.Count).Where(shard.Includes)];
        var outcomes = evaluator.EvaluateAll([.. mine.Select(i => candidates[i])], threads);
        work.WriteShard(generation, shard, mine.Select((policy, k) => (policy, outcomes[k].ToVector())));
        return (generation, mine.Length);
    }

    /// <summary>Stops the replay at the first generation without outcomes.</summary>
    private sealed class PendingException(int generation, int policies) : Exception($"generation {generation} is not evaluated yet")
    {
        public int Generation { get; } = generation;

        public int Policies { get; } = policies;
    }
}
