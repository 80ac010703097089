using SupplySim.Simulation;

namespace SupplySim.Cli.Workbench;

/// <summary>
/// The unchanged scenario's runs of recent batches, so that every edit of a scenario is compared with the same trials
/// without simulating them again. Bounded in runs and in bytes: on a network of thousands of lanes one run keeps
/// hundreds of megabytes, and a count alone would let the cache hold gigabytes.
/// </summary>
internal sealed class UnchangedRuns(int maxRuns, long maxBytes)
{
    private readonly Dictionary<(string File, string Scenario, long First, int Trials), ScenarioResult> _runs = [];
    private long _bytes;

    /// <summary>Runs kept.</summary>
    public int Count
    {
        get
        {
            lock (_runs)
            {
                return _runs.Count;
            }
        }
    }

    /// <summary>Bytes of per-trial values the kept runs hold.</summary>
    public long Bytes
    {
        get
        {
            lock (_runs)
            {
                return _bytes;
            }
        }
    }

    /// <summary>The run of <paramref name="key"/>: kept, or made by <paramref name="run"/> and kept when it fits.</summary>
    public ScenarioResult GetOrRun((string File, string Scenario, long First, int Trials) key, Func<ScenarioResult> run)
    {
        lock (_runs)
        {
            if (_runs.TryGetValue(key, out var cached))
            {
                return cached;
            }
        }

        // Simulated outside the lock: another client's what-if need not wait for this one.
        var result = run();
        long size = result.HeldBytes;
        if (size > maxBytes)
        {
            return result; // larger than the whole cache: used once, not kept
        }

        lock (_runs)
        {
            // Whole-cache eviction: batches of one what-if come together, and older ones are rarely asked for again.
            if (_runs.Count >= maxRuns || _bytes + size > maxBytes)
            {
                _runs.Clear();
                _bytes = 0;
            }

            if (_runs.TryAdd(key, result))
            {
                _bytes += size;
            }
        }

        return result;
    }
}
