namespace SupplySim.Scenario;

/// <summary>A named scenario: a list of events layered on the network.</summary>
public sealed class ScenarioDocument
{
    /// <summary>Unique id; <c>baseline</c> is reserved.</summary>
    public LocatedValue<string>? Id { get; set; }

    /// <summary>What the scenario represents.</summary>
    public string? Description { get; set; }

    /// <summary>The events.</summary>
    public List<EventDocument> Events { get; } = [];

    /// <summary>Where the entry starts.</summary>
    public SourceLocation Location { get; set; }
}
