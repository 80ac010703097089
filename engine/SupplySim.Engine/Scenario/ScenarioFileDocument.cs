namespace SupplySim.Scenario;

/// <summary>A whole scenario file as written: calendar, network and scenarios. Mutable; no invariants.</summary>
public sealed class ScenarioFileDocument
{
    /// <summary>The file path as given.</summary>
    public string FilePath { get; set; } = "";

    /// <summary>Readable name of the network.</summary>
    public LocatedValue<string>? Name { get; set; }

    /// <summary>Calendar date of day 0.</summary>
    public LocatedValue<DateOnly>? Start { get; set; }

    /// <summary>Run length in days.</summary>
    public LocatedValue<double>? HorizonDays { get; set; }

    /// <summary>Alternative to the horizon: the last day of the run.</summary>
    public LocatedValue<DateOnly>? End { get; set; }

    /// <summary>Step length in days.</summary>
    public LocatedValue<double>? StepDays { get; set; }

    /// <summary>Default seed.</summary>
    public LocatedValue<ulong>? Seed { get; set; }

    /// <summary>Metric name to the thresholds whose exceedance probability is reported.</summary>
    public Dictionary<string, List<double>> Thresholds { get; } = new(StringComparer.Ordinal);

    /// <summary>Where each threshold key was written.</summary>
    public Dictionary<string, SourceLocation> ThresholdLocations { get; } = new(StringComparer.Ordinal);

    /// <summary>Materials.</summary>
    public List<MaterialDocument> Materials { get; } = [];

    /// <summary>Nodes.</summary>
    public List<NodeDocument> Nodes { get; } = [];

    /// <summary>Lanes.</summary>
    public List<LaneDocument> Lanes { get; } = [];

    /// <summary>Scenarios.</summary>
    public List<ScenarioDocument> Scenarios { get; } = [];

    /// <summary>Prices and demand response per material (empty: no market layer).</summary>
    public List<MarketDocument> Markets { get; } = [];

    /// <summary>Observed flows for backtesting.</summary>
    public List<ObservationDocument> Observations { get; } = [];

    /// <summary>The parameters <c>calibrate</c> fits (<c>calibrate: parameters:</c>); null fits every uncertain per-trial one.</summary>
    public List<LocatedValue<string>>? CalibrateParameters { get; set; }

    /// <summary>Rank correlations between per-trial parameters (<c>correlations:</c>), or null.</summary>
    public CorrelationDocument? Correlations { get; set; }

    /// <summary>Decision variables (<c>levers:</c>) that <c>supplysim optimize</c> searches over; empty when none.</summary>
    public List<LeverDocument> Levers { get; } = [];

    /// <summary>How <c>optimize</c> scores a policy (<c>objectives:</c>), or null.</summary>
    public ObjectivesDocument? Objectives { get; set; }

    /// <summary>Where the document starts.</summary>
    public SourceLocation Location { get; set; }
}
