using SupplySim.Scenario;

namespace SupplySim.Decisions;

/// <summary>
/// One compiled decision variable: its range in internal units (tonnes, days, tonnes per day; 0..1 for on/off levers),
/// its cost model, and how a value is written into a copy of the scenario document. Immutable.
/// </summary>
public sealed class Lever
{
    internal Lever(string id, LeverKind kind, string target, string? material, double lower, double upper)
    {
        Id = id;
        Kind = kind;
        Target = target;
        Material = material;
        Lower = lower;
        Upper = upper;
    }

    /// <summary>Name in outputs.</summary>
    public string Id { get; }

    /// <summary>What the lever changes.</summary>
    public LeverKind Kind { get; }

    /// <summary>The node id, or the lane <c>FROM-&gt;TO</c> of a prequalify lever.</summary>
    public string Target { get; }

    /// <summary>The stockpiled material, or null.</summary>
    public string? Material { get; }

    /// <summary>Smallest value, internal unit.</summary>
    public double Lower { get; }

    /// <summary>Largest value, internal unit.</summary>
    public double Upper { get; }

    /// <summary>Whether the lever is on or off (values are rounded to 0 or 1).</summary>
    public bool IsOnOff => Kind == LeverKind.Prequalify;

    /// <summary>The unit of values in outputs: t, d, t/yr or on/off.</summary>
    public string Unit => Kind switch
    {
        LeverKind.Stockpile => "t",
        LeverKind.DaysOfCover => "d",
        LeverKind.Capacity or LeverKind.Recycling => "t/yr",
        _ => "on/off",
    };

    /// <summary>stockpile: US dollars per tonne bought at the start.</summary>
    internal double PurchasePerTonne { get; init; }

    /// <summary>stockpile: US dollars per tonne held per year. days_of_cover: US dollars per day of cover per year (over the node's materials).</summary>
    internal double HoldingPerUnitYear { get; init; }

    /// <summary>capacity, recycling: US dollars per tonne a year of added capacity.</summary>
    internal double CapitalPerAnnualTonne { get; init; }

    /// <summary>prequalify: US dollars when on.</summary>
    internal double FixedCost { get; init; }

    /// <summary>capacity, recycling: the node's capacity in the file (tonnes per day), to which the lever adds.</summary>
    internal double BaseCapacity { get; init; }

    /// <summary>capacity, recycling: days from the start until the added capacity produces.</summary>
    internal double OnlineAfterDays { get; init; }

    /// <summary><paramref name="value"/> as a policy holds it: clamped to the range, on/off levers rounded.</summary>
    public double Normalise(double value)
    {
        double clamped = Math.Clamp(value, Lower, Upper);
        return IsOnOff ? Math.Round(clamped, MidpointRounding.AwayFromZero) : clamped;
    }

    /// <summary>A value in the unit of outputs (<see cref="Unit"/>): rates per year, everything else as is.</summary>
    public double ToOutputUnit(double value) => Kind is LeverKind.Capacity or LeverKind.Recycling ? value * Units.DaysPerYear : value;

    /// <summary>What setting the lever to <paramref name="value"/> costs over a run of <paramref name="horizonYears"/>, US dollars.</summary>
    public double Cost(double value, double horizonYears) => Kind switch
    {
        LeverKind.Stockpile => value * (PurchasePerTonne + (HoldingPerUnitYear * horizonYears)),
        LeverKind.DaysOfCover => value * HoldingPerUnitYear * horizonYears,
        LeverKind.Capacity or LeverKind.Recycling => value * Units.DaysPerYear * CapitalPerAnnualTonne,
        _ => value >= 0.5 ? FixedCost : 0,
    };

    /// <summary>Writes <paramref name="value"/> into <paramref name="document"/>, a private copy of the scenario file.</summary>
    internal void Apply(ScenarioFileDocument document, double value)
    {
        switch (Kind)
        {
            case LeverKind.Stockpile:
                foreach (var node in document.Nodes.Where(n => n.Id?.Value == Target))
                {
                    node.InitialInventory ??= new Dictionary<string, InventoryAmountDocument>(StringComparer.Ordinal);
                    node.InitialInventory[Material!] = new InventoryAmountDocument { Tonnes = UncertainDocument.Fixed(value, node.Location), Location = node.Location };
                }

                break;
            case LeverKind.DaysOfCover:
                foreach (var node in document.Nodes.Where(n => n.Id?.Value == Target))
                {
                    // The consumer starts with the cover it keeps: a policy of 120 days is not judged on 60 days of stock.
                    node.DaysOfCover = new LocatedValue<double>(value, node.DaysOfCover?.Location ?? node.Location);
                    foreach (var (material, amount) in node.InitialInventory?.ToList() ?? [])
                    {
                        if (amount.CoverDays is not null)
                        {
                            node.InitialInventory![material] = new InventoryAmountDocument { CoverDays = value, Location = amount.Location };
                        }
                    }
                }

                break;
            case LeverKind.Capacity or LeverKind.Recycling:
                AddCapacity(document, value);
                break;
            default:
                if (value >= 0.5)
                {
                    foreach (var lane in document.Lanes.Where(l => $"{l.From?.Value}->{l.To?.Value}" == Target))
                    {
                        lane.Qualification = null;
                    }
                }

                break;
        }
    }

    /// <summary>
    /// Added capacity: from the start when it is online at once, else a capacity change in every scenario, the
    /// baseline's stand-in <see cref="PolicyEvaluator.BaselineStandIn"/> included.
    /// </summary>
    private void AddCapacity(ScenarioFileDocument document, double value)
    {
        var node = document.Nodes.First(n => n.Id?.Value == Target);
        if (OnlineAfterDays <= 0)
        {
            node.Capacity = UncertainDocument.Fixed(BaseCapacity + value, node.Capacity?.Location ?? node.Location);
            return;
        }

        var start = document.Start!.Value.AddDays((int)Math.Round(OnlineAfterDays));
        foreach (var scenario in document.Scenarios)
        {
            scenario.Events.Add(new EventDocument
            {
                Type = new("capacity_change", node.Location),
                Id = new($"lever-{Id}", node.Location),
                Node = new(Target, node.Location),
                Start = new(start, node.Location),
                Capacity = UncertainDocument.Fixed(BaseCapacity + value, node.Location),
                Location = node.Location,
            });
        }
    }
}
