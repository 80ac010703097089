namespace SupplySim.Scenario;

/// <summary>A stockpile's release rule, on the node or in a <c>stockpile_release</c> event.</summary>
public sealed class ReleaseDocument
{
    /// <summary>Consumers the stockpile may release to.</summary>
    public List<LocatedValue<string>>? To { get; set; }

    /// <summary>Release when a consumer's cover (days of mean demand) falls below this.</summary>
    public UncertainDocument? BelowCoverDays { get; set; }

    /// <summary>Maximum release per day and material, tonnes per day.</summary>
    public UncertainDocument? Rate { get; set; }

    /// <summary>Days from release to arrival.</summary>
    public UncertainDocument? LeadTime { get; set; }

    /// <summary>Where the rule starts.</summary>
    public SourceLocation Location { get; set; }
}
