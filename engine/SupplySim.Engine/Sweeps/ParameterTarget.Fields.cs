using SupplySim.Scenario;

namespace SupplySim.Sweeps;

/// <summary>Field access of <see cref="ParameterTarget"/>: presence checks and writes, one switch per entity kind.</summary>
internal sealed partial class ParameterTarget
{
    private bool IsSetIn(ScenarioFileDocument document, DiagnosticBag diagnostics, SourceLocation at, string path)
    {
        IEnumerable<string>? keys = null;
        bool set = false;
        switch (Collection)
        {
            case "nodes":
                var node = document.Nodes.First(n => n.Id?.Value == Id);
                (set, keys) = Field switch
                {
                    "capacity" => (node.Capacity is not null, (IEnumerable<string>?)null),
                    "quota" => (node.Quota is not null, null),
                    "days_of_cover" => (node.DaysOfCover is not null, null),
                    "reorder_point" => (node.ReorderPoint is not null, null),
                    "order_up_to" => (node.OrderUpTo is not null, null),
                    "delay" => (node.Delay is not null, null),
                    "leak_fraction" => (node.LeakFraction is not null, null),
                    "interdiction_probability" => (node.InterdictionProbability is not null, null),
                    "demand_cv" => (node.DemandCv is not null, null),
                    "priority" => (node.Priority is not null, null),
                    "demand" => (node.Demand?.ContainsKey(Key!) == true, node.Demand?.Keys),
                    "acquisition" => (node.Acquisition?.ContainsKey(Key!) == true, node.Acquisition?.Keys),
                    _ => (node.InitialInventory?.ContainsKey(Key!) == true, node.InitialInventory?.Keys),
                };
                if (set && Field == "initial_inventory" && node.InitialInventory![Key!].CoverDays is not null)
                {
                    Dimension = Dimension.Duration;
                }

                break;
            case "lanes":
                var lane = document.Lanes.First(l => $"{l.From?.Value}->{l.To?.Value}" == Id);
                set = Field switch
                {
                    "lead_time" => lane.LeadTime is not null,
                    "capacity" => lane.Capacity is not null,
                    _ => lane.Share is not null,
                };
                break;
            default:
                var events = document.Scenarios.SelectMany(s => s.Events).Where(e => e.Id?.Value == Id).ToList();
                set = events.TrueForAll(e => EventValue(e) is not null);
                if (Field == "approval_by_destination")
                {
                    keys = events.SelectMany(e => e.ApprovalByDestination?.Keys ?? Enumerable.Empty<string>()).Distinct();
                }

                break;
        }

        if (!set)
        {
            string hint = Key is not null && keys is not null ? Suggest.Hint(Key, keys) : "";
            diagnostics.Error("SS0306", at, $"'{path}' is not set in {document.FilePath}{hint}; a sweep varies values the scenario file " +
                                            "already sets, so add it there first");
        }

        return set;
    }

    private UncertainDocument? EventValue(EventDocument e) => Field switch
    {
        "processing_time" => e.ProcessingTime,
        "approval_probability" => e.ApprovalProbability,
        "validity" => e.Validity,
        "approval_by_destination" => e.ApprovalByDestination?.GetValueOrDefault(Key!),
        "annual" => e.Annual,
        "leak_fraction" => e.LeakFraction,
        "interdiction_probability" => e.InterdictionProbability,
        "rate_per_year" => e.RatePerYear,
        "duration" => e.Duration,
        "capacity_lost" => e.CapacityLost,
        "multiplier" => e.Multiplier,
        "capacity" => e.Capacity,
        _ => e.Ramp,
    };

    private void ApplyToNode(NodeDocument node, double value)
    {
        var at = node.Location;
        switch (Field)
        {
            case "capacity": node.Capacity = Fixed(node.Capacity, value, at); break;
            case "quota": node.Quota = Fixed(node.Quota, value, at); break;
            case "days_of_cover": node.DaysOfCover = Located(node.DaysOfCover, value, at); break;
            case "reorder_point": node.ReorderPoint = Located(node.ReorderPoint, value, at); break;
            case "order_up_to": node.OrderUpTo = Located(node.OrderUpTo, value, at); break;
            case "delay": node.Delay = Fixed(node.Delay, value, at); break;
            case "leak_fraction": node.LeakFraction = Fixed(node.LeakFraction, value, at); break;
            case "interdiction_probability": node.InterdictionProbability = Fixed(node.InterdictionProbability, value, at); break;
            case "demand_cv": node.DemandCv = Fixed(node.DemandCv, value, at); break;
            case "priority": node.Priority = Located(node.Priority, value, at); break;
            case "demand": node.Demand![Key!] = Fixed(node.Demand[Key!], value, at); break;
            case "acquisition": node.Acquisition![Key!] = Fixed(node.Acquisition[Key!], value, at); break;
            default:
                var amount = node.InitialInventory![Key!];
                node.InitialInventory[Key!] = amount.CoverDays is not null
                    ? new InventoryAmountDocument { CoverDays = value, Location = amount.Location }
                    : new InventoryAmountDocument { Tonnes = UncertainDocument.Fixed(value, amount.Location), Location = amount.Location };
                break;
        }
    }

    private void ApplyToLane(LaneDocument lane, double value)
    {
        switch (Field)
        {
            case "lead_time": lane.LeadTime = Fixed(lane.LeadTime, value, lane.Location); break;
            case "capacity": lane.Capacity = Fixed(lane.Capacity, value, lane.Location); break;
            default: lane.Share = Located(lane.Share, value, lane.Location); break;
        }
    }

    private void ApplyToEvent(EventDocument e, double value)
    {
        var at = e.Location;
        switch (Field)
        {
            case "processing_time": e.ProcessingTime = Fixed(e.ProcessingTime, value, at); break;
            case "approval_probability": e.ApprovalProbability = Fixed(e.ApprovalProbability, value, at); break;
            case "validity": e.Validity = Fixed(e.Validity, value, at); break;
            case "approval_by_destination": e.ApprovalByDestination![Key!] = Fixed(e.ApprovalByDestination[Key!], value, at); break;
            case "annual": e.Annual = Fixed(e.Annual, value, at); break;
            case "leak_fraction": e.LeakFraction = Fixed(e.LeakFraction, value, at); break;
            case "interdiction_probability": e.InterdictionProbability = Fixed(e.InterdictionProbability, value, at); break;
            case "rate_per_year": e.RatePerYear = Fixed(e.RatePerYear, value, at); break;
            case "duration": e.Duration = Fixed(e.Duration, value, at); break;
            case "capacity_lost": e.CapacityLost = Fixed(e.CapacityLost, value, at); break;
            case "multiplier": e.Multiplier = Fixed(e.Multiplier, value, at); break;
            case "capacity": e.Capacity = Fixed(e.Capacity, value, at); break;
            default: e.Ramp = Fixed(e.Ramp, value, at); break;
        }
    }
}
