namespace SupplySim.Scenario;

/// <summary>A processor's recipe: tonnes of each input per tonne of output.</summary>
public sealed class RecipeDocument
{
    /// <summary>The output material id.</summary>
    public LocatedValue<string>? Output { get; set; }

    /// <summary>Input material id to tonnes per tonne of output.</summary>
    public Dictionary<string, UncertainDocument> Inputs { get; } = new(StringComparer.Ordinal);

    /// <summary>Where each input key was written.</summary>
    public Dictionary<string, SourceLocation> InputLocations { get; } = new(StringComparer.Ordinal);

    /// <summary>Where the recipe starts.</summary>
    public SourceLocation Location { get; set; }
}
