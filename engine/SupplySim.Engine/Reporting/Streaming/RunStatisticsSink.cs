using SupplySim.Simulation;
using SupplySim.Simulation.Streaming;
using SupplySim.Statistics;
using SupplySim.Statistics.Streaming;

namespace SupplySim.Reporting.Streaming;

/// <summary>
/// Streaming statistics of a run: one <see cref="MetricAccumulator"/> per scenario and column and, for every
/// scenario but the baseline, one per common column for the paired difference against the baseline's same trial.
/// </summary>
/// <remarks>
/// Scenarios are processed in parallel within a chunk; each accumulator still sees its values in trial order, so
/// the statistics are identical whatever the thread count.
/// </remarks>
internal sealed class RunStatisticsSink : ITrialChunkSink
{
    private readonly MetricAccumulator[][] _values;
    private readonly MetricAccumulator[][] _deltas;
    private readonly double[][] _scratch;

    public RunStatisticsSink(IReadOnlyList<MetricLayout> layouts, Func<Metric, double[]> thresholds, int chunkCapacity)
    {
        _values = [.. layouts.Select(layout => layout.Columns.Select(column => new MetricAccumulator(thresholds(column.Metric))).ToArray())];
        _deltas = [.. layouts.Select((layout, s) => s == 0 ? [] : Enumerable.Range(0, layout.CommonColumnCount).Select(_ => new MetricAccumulator([])).ToArray())];
        _scratch = [.. layouts.Select(_ => new double[chunkCapacity])];
    }

    public void Consume(TrialChunk chunk) => Parallel.For(0, _values.Length, scenario =>
    {
        var values = _values[scenario];
        for (int column = 0; column < values.Length; column++)
        {
            values[column].AddChunk(chunk.Column(scenario, column));
        }

        var deltas = _deltas[scenario];
        for (int column = 0; column < deltas.Length; column++)
        {
            deltas[column].AddDifferences(chunk.Column(scenario, column), chunk.Column(0, column), _scratch[scenario]);
        }
    });

    /// <summary>Every summary and delta, keyed as <see cref="RunReport"/> caches them.</summary>
    public Dictionary<(int Scenario, int Column, bool Paired), MetricSummary> Summaries()
    {
        var summaries = new Dictionary<(int, int, bool), MetricSummary>();
        for (int s = 0; s < _values.Length; s++)
        {
            for (int c = 0; c < _values[s].Length; c++)
            {
                summaries[(s, c, false)] = _values[s][c].ToSummary();
            }

            for (int c = 0; c < _deltas[s].Length; c++)
            {
                summaries[(s, c, true)] = _deltas[s][c].ToSummary();
            }
        }

        return summaries;
    }
}
