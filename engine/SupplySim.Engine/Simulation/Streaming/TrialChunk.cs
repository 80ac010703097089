using System.Diagnostics;

namespace SupplySim.Simulation.Streaming;

/// <summary>
/// The per-trial metrics of a contiguous range of trials for every scenario of a streamed run, stored per scenario
/// column by column (<c>[column * Capacity + trial − FirstTrial]</c>) so each metric of a chunk is one span.
/// </summary>
/// <remarks>Not thread-safe to read while <see cref="StreamingMonteCarlo"/> is filling it.</remarks>
internal sealed class TrialChunk
{
    private readonly double[][] _values;

    internal TrialChunk(IReadOnlyList<MetricLayout> layouts, int capacity)
    {
        Layouts = layouts;
        Capacity = capacity;
        _values = [.. layouts.Select(layout => new double[(long)layout.Width * capacity])];
    }

    /// <summary>Layout of each scenario's row; index 0 is the baseline.</summary>
    public IReadOnlyList<MetricLayout> Layouts { get; }

    /// <summary>Most trials a chunk holds.</summary>
    public int Capacity { get; }

    /// <summary>Index of the chunk's first trial.</summary>
    public int FirstTrial { get; private set; }

    /// <summary>Number of trials in the chunk, 1 to <see cref="Capacity"/>.</summary>
    public int Count { get; private set; }

    /// <summary>Values of <paramref name="column"/> of <paramref name="scenario"/> for the chunk's trials, in trial order.</summary>
    public ReadOnlySpan<double> Column(int scenario, int column) =>
        _values[scenario].AsSpan((int)((long)column * Capacity), Count);

    internal void Reset(int firstTrial, int count)
    {
        Debug.Assert(count >= 1 && count <= Capacity, "a chunk holds 1 to Capacity trials");
        FirstTrial = firstTrial;
        Count = count;
    }

    /// <summary>Stores the kept cells of one trial's kernel row of <paramref name="scenario"/>; each trial writes only its own cells.</summary>
    internal void Store(int scenario, int trialInChunk, ReadOnlySpan<double> row)
    {
        var values = _values[scenario];
        var source = Layouts[scenario].SourceColumns;
        for (int column = 0; column < source.Length; column++)
        {
            values[((long)column * Capacity) + trialInChunk] = row[source[column]];
        }
    }
}
