namespace SupplySim.Model;

/// <summary>An observed flow, compiled: the scenario to compare, lane indices and the months (from the run's first month).</summary>
public sealed class CompiledObservation
{
    internal CompiledObservation()
    {
    }

    /// <summary>Observation id.</summary>
    public string Id { get; internal init; } = "";

    /// <summary>What was observed.</summary>
    public string Description { get; internal init; } = "";

    /// <summary>The scenario whose modelled flows are compared.</summary>
    public string ScenarioId { get; internal init; } = "";

    /// <summary>Lane indices whose flows are summed.</summary>
    public IReadOnlyList<int> Lanes { get; internal init; } = [];

    /// <summary>First month index (0 = the run's first calendar month), inclusive.</summary>
    public int FirstMonth { get; internal init; }

    /// <summary>Last month index, inclusive.</summary>
    public int LastMonth { get; internal init; }

    /// <summary>The period as written, e.g. <c>2024</c> or <c>2024-10..2024-12</c>.</summary>
    public string Period { get; internal init; } = "";

    /// <summary>Observed tonnes.</summary>
    public double ObservedTonnes { get; internal init; }

    /// <summary>Source of the observed figure.</summary>
    public string Source { get; internal init; } = "";
}
