using SupplySim.Model;

namespace SupplySim.Simulation;

/// <summary>
/// The per-trial metrics of one scenario, stored column by column (<c>[column * Trials + trial]</c>) so that each
/// metric's distribution is one contiguous span.
/// </summary>
public sealed class ScenarioResult
{
    private readonly double[] _values;

    internal ScenarioResult(CompiledScenario scenario, MetricLayout layout, int trials, double[] values)
    {
        Scenario = scenario;
        Layout = layout;
        Trials = trials;
        _values = values;
    }

    /// <summary>The scenario run.</summary>
    public CompiledScenario Scenario { get; }

    /// <summary>What each column means.</summary>
    public MetricLayout Layout { get; }

    /// <summary>Number of trials.</summary>
    public int Trials { get; }

    /// <summary>The values of column <paramref name="column"/>, one per trial in trial order.</summary>
    public ReadOnlySpan<double> Column(int column) => _values.AsSpan(column * Trials, Trials);
}
