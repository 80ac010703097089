using SupplySim.Model;
using SupplySim.Simulation;
using SupplySim.Simulation.Streaming;
using SupplySim.Statistics;
using SupplySim.Statistics.Streaming;

namespace SupplySim.Reporting.Streaming;

/// <summary>
/// Streaming statistics of a run: one <see cref="MetricAccumulator"/> per scenario and column and, for every
/// scenario but the baseline, one per common column for the paired difference against the baseline's same trial
/// (on the baseline's footing, <see cref="BaselineFooting"/>).
/// </summary>
/// <remarks>
/// Scenarios are processed in parallel within a chunk; each accumulator still sees its values in trial order, so
/// the statistics are identical whatever the thread count.
/// </remarks>
internal sealed class RunStatisticsSink : ITrialChunkSink
{
    private readonly MetricAccumulator[][] _values;
    private readonly MetricAccumulator[][] _deltas;
    private readonly double[][] _referenceDays;
    private readonly double[][] _scratch;
    private readonly double[][] _aligned;

    /// <param name="scenarios">The run's scenarios, the baseline first; <paramref name="layouts"/>[s] is scenario s's.</param>
    /// <param name="layouts">Each scenario's columns.</param>
    /// <param name="stepDays">Days per step of the network.</param>
    /// <param name="thresholds">Thresholds of each metric.</param>
    /// <param name="chunkCapacity">The most trials a chunk holds.</param>
    public RunStatisticsSink(IReadOnlyList<CompiledScenario> scenarios, IReadOnlyList<MetricLayout> layouts, double stepDays,
        Func<Metric, double[]> thresholds, int chunkCapacity)
    {
        _values = [.. layouts.Select(layout => layout.Columns.Select(column => new MetricAccumulator(thresholds(column.Metric))).ToArray())];
        _deltas = [.. layouts.Select((layout, s) => s == 0 ? [] : Enumerable.Range(0, layout.CommonColumnCount).Select(_ => new MetricAccumulator([])).ToArray())];
        _referenceDays = [.. layouts.Select((layout, s) => layout.Columns.Take(_deltas[s].Length)
            .Select(column => BaselineFooting.ReferenceDays(column.Metric, scenarios[s], stepDays)).ToArray())];
        _scratch = [.. layouts.Select(_ => new double[chunkCapacity])];
        _aligned = [.. layouts.Select(_ => new double[chunkCapacity])];
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
            var baseline = chunk.Column(0, column);
            var aligned = BaselineFooting.Align(chunk.Column(scenario, column), baseline, _referenceDays[scenario][column], _aligned[scenario]);
            deltas[column].AddDifferences(aligned, baseline, _scratch[scenario]);
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
