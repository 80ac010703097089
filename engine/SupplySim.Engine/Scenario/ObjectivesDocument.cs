namespace SupplySim.Scenario;

/// <summary>The <c>objectives:</c> section as written: what a shortage costs, the risk measure and how policies are judged across scenarios.</summary>
public sealed class ObjectivesDocument
{
    /// <summary>The scenarios a policy is judged on, or null for every scenario of the file (baseline included).</summary>
    public List<LocatedValue<string>>? Scenarios { get; set; }

    /// <summary>Shortage costs, one entry per sector and material (per tonne) or coupled consumer (per day stopped).</summary>
    public List<ShortageCostDocument> ShortageCosts { get; } = [];

    /// <summary>cvar95 or p_above.</summary>
    public LocatedValue<string>? RiskMeasure { get; set; }

    /// <summary>The sector whose shortage fraction is the risk.</summary>
    public LocatedValue<string>? RiskSector { get; set; }

    /// <summary>The sector's materials; a trial's risk outcome is the largest of their shortage fractions.</summary>
    public List<LocatedValue<string>>? RiskMaterials { get; set; }

    /// <summary>p_above: the shortage fraction that counts as a failure.</summary>
    public LocatedValue<double>? RiskThreshold { get; set; }

    /// <summary>worst_case, regret or satisficing.</summary>
    public LocatedValue<string>? Robustness { get; set; }

    /// <summary>satisficing: a scenario is met when its risk is at most this.</summary>
    public LocatedValue<double>? MaxRisk { get; set; }

    /// <summary>Where the section starts.</summary>
    public SourceLocation Location { get; set; }
}

/// <summary>One entry of <c>objectives: shortage_costs:</c> as written.</summary>
public sealed class ShortageCostDocument
{
    /// <summary>The sector (with <see cref="Material"/> and <see cref="PerTonne"/>).</summary>
    public LocatedValue<string>? Sector { get; set; }

    /// <summary>The material short.</summary>
    public LocatedValue<string>? Material { get; set; }

    /// <summary>Cost per tonne short, as written (e.g. <c>2 MUSD/t</c>).</summary>
    public CostDocument? PerTonne { get; set; }

    /// <summary>A coupled consumer (with <see cref="PerDayStopped"/>).</summary>
    public LocatedValue<string>? Consumer { get; set; }

    /// <summary>Cost per day of stopped output, as written (e.g. <c>1 MUSD/d</c>).</summary>
    public CostDocument? PerDayStopped { get; set; }

    /// <summary>Where the entry starts.</summary>
    public SourceLocation Location { get; set; }
}
