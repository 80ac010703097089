namespace SupplySim.Scenario;

/// <summary>A material entry (<c>materials:</c>).</summary>
public sealed class MaterialDocument
{
    /// <summary>Unique id used by nodes, lanes and events.</summary>
    public LocatedValue<string>? Id { get; set; }

    /// <summary>Readable name.</summary>
    public string? Name { get; set; }

    /// <summary>Where the entry starts.</summary>
    public SourceLocation Location { get; set; }
}
