namespace SupplySim.Scenario;

/// <summary>One event of a scenario as written; one flat shape for every event type.</summary>
public sealed class EventDocument
{
    /// <summary>export_control, quota, enforcement, disruption, demand_shock, capacity_change, stockpile_release.</summary>
    public LocatedValue<string>? Type { get; set; }

    /// <summary>Optional id for reports and sweeps.</summary>
    public LocatedValue<string>? Id { get; set; }

    /// <summary>First day the event acts.</summary>
    public LocatedValue<DateOnly>? Start { get; set; }

    /// <summary>First day it no longer acts; null means the end of the run.</summary>
    public LocatedValue<DateOnly>? End { get; set; }

    /// <summary>export_control: the exporting country.</summary>
    public LocatedValue<string>? Exporter { get; set; }

    /// <summary>Materials the event applies to.</summary>
    public List<LocatedValue<string>>? Materials { get; set; }

    /// <summary>export_control: destination countries; <c>*</c> for all.</summary>
    public List<LocatedValue<string>>? Destinations { get; set; }

    /// <summary>export_control: ban or license.</summary>
    public LocatedValue<string>? Mode { get; set; }

    /// <summary>export_control: also reaches re-exports of this origin from third countries.</summary>
    public LocatedValue<bool>? Extraterritorial { get; set; }

    /// <summary>export_control license: days to process each application.</summary>
    public UncertainDocument? ProcessingTime { get; set; }

    /// <summary>
    /// export_control license: how long an approved licence covers further shipments on the same lane (days, drawn per
    /// approval); null means every shipment applies.
    /// </summary>
    public UncertainDocument? Validity { get; set; }

    /// <summary>export_control license: chance an application is approved.</summary>
    public UncertainDocument? ApprovalProbability { get; set; }

    /// <summary>export_control license: sectors whose buyers are always denied.</summary>
    public List<LocatedValue<string>>? DenySectors { get; set; }

    /// <summary>export_control license: approval chance per destination country.</summary>
    public Dictionary<string, UncertainDocument>? ApprovalByDestination { get; set; }

    /// <summary>Where each approval_by_destination key was written.</summary>
    public Dictionary<string, SourceLocation> ApprovalByDestinationLocations { get; } = new(StringComparer.Ordinal);

    /// <summary>Target node.</summary>
    public LocatedValue<string>? Node { get; set; }

    /// <summary>quota: target country.</summary>
    public LocatedValue<string>? Country { get; set; }

    /// <summary>disruption: target lane as <c>from-&gt;to</c>.</summary>
    public LocatedValue<string>? Lane { get; set; }

    /// <summary>demand_shock: target sector.</summary>
    public LocatedValue<string>? Sector { get; set; }

    /// <summary>quota: annual cap, tonnes per day averaged over a year.</summary>
    public UncertainDocument? Annual { get; set; }

    /// <summary>enforcement: new leak fraction.</summary>
    public UncertainDocument? LeakFraction { get; set; }

    /// <summary>enforcement: new interdiction probability.</summary>
    public UncertainDocument? InterdictionProbability { get; set; }

    /// <summary>disruption: outage arrivals per year.</summary>
    public UncertainDocument? RatePerYear { get; set; }

    /// <summary>disruption: outage duration, days.</summary>
    public UncertainDocument? Duration { get; set; }

    /// <summary>disruption: fraction of capacity lost during an outage.</summary>
    public UncertainDocument? CapacityLost { get; set; }

    /// <summary>demand_shock and capacity_change: multiplier.</summary>
    public UncertainDocument? Multiplier { get; set; }

    /// <summary>capacity_change: new capacity, tonnes per day.</summary>
    public UncertainDocument? Capacity { get; set; }

    /// <summary>capacity_change: ramp duration, days.</summary>
    public UncertainDocument? Ramp { get; set; }

    /// <summary>stockpile_release: the rule in force while the event is active.</summary>
    public ReleaseDocument? Release { get; set; }

    /// <summary>Where the entry starts.</summary>
    public SourceLocation Location { get; set; }
}
