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
    /// <summary>The observed value: tonnes for a flow, USD per tonne (mean over the period) for a price.</summary>
    public double Observed { get; internal init; }

    /// <summary>For a price observation, the market (index into the network's markets); -1 for a flow.</summary>
    public int Market { get; internal init; } = -1;

    /// <summary>True for a price observation.</summary>
    public bool IsPrice => Market >= 0;

    /// <summary>The unit of <see cref="Observed"/> and of the modelled band: <c>t</c> or <c>USD/t</c>.</summary>
    public string Unit => IsPrice ? "USD/t" : "t";

    /// <summary>Source of the observed figure.</summary>
    public string Source { get; internal init; } = "";
}
