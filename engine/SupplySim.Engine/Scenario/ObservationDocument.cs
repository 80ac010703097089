namespace SupplySim.Scenario;

/// <summary>
/// An observed flow to compare a scenario against (<c>observations:</c>): the tonnes that moved on a set of lanes
/// during a calendar year or a range of months.
/// </summary>
public sealed class ObservationDocument
{
    /// <summary>Unique id.</summary>
    public LocatedValue<string>? Id { get; set; }

    /// <summary>What was observed, in words.</summary>
    public string? Description { get; set; }

    /// <summary>The scenario whose modelled flows are compared.</summary>
    public LocatedValue<string>? Scenario { get; set; }

    /// <summary>Lanes (<c>from-&gt;to</c>) whose flows are summed.</summary>
    public List<LocatedValue<string>>? Lanes { get; set; }

    /// <summary>A price observation: the market (<c>outside-CN</c>, <c>inside-CN</c>) whose mean price was observed.</summary>
    public LocatedValue<string>? Market { get; set; }

    /// <summary>A price observation: the material priced.</summary>
    public LocatedValue<string>? Material { get; set; }

    /// <summary>Calendar year of the observation, or null when <see cref="FromMonth"/> and <see cref="ToMonth"/> are given.</summary>
    public LocatedValue<int>? Year { get; set; }

    /// <summary>First month (inclusive), as the first day of that month.</summary>
    public LocatedValue<DateOnly>? FromMonth { get; set; }

    /// <summary>Last month (inclusive), as the first day of that month.</summary>
    public LocatedValue<DateOnly>? ToMonth { get; set; }

    /// <summary>Observed tonnes.</summary>
    public LocatedValue<double>? Value { get; set; }

    /// <summary>Where the figure comes from.</summary>
    public string? Source { get; set; }

    /// <summary>Where the entry starts.</summary>
    public SourceLocation Location { get; set; }
}
