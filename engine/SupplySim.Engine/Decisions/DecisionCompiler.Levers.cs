using SupplySim.Model;
using SupplySim.Scenario;

namespace SupplySim.Decisions;

/// <summary>The <c>levers:</c> half of <see cref="DecisionCompiler"/>: one method per lever kind.</summary>
public static partial class DecisionCompiler
{
    private static readonly Dictionary<string, string[]> CostKeysByKind = new(StringComparer.Ordinal)
    {
        ["stockpile"] = ["purchase_price", "holding_cost"],
        ["days_of_cover"] = ["holding_cost"],
        ["capacity"] = ["capital_cost"],
        ["recycling"] = ["capital_cost"],
        ["prequalify"] = ["cost"],
    };

    private static Lever? CompileLever(LeverDocument lever, ScenarioFileDocument document, CompiledModel model, DiagnosticBag diagnostics)
    {
        if (lever.Id is not { } id || lever.Kind is not { } kind)
        {
            return null; // the loader reported it
        }

        int errors = diagnostics.Items.Count;
        var allowed = CostKeysByKind[kind.Value];
        foreach (var (key, cost) in lever.Costs.Where(c => !allowed.Contains(c.Key)))
        {
            diagnostics.Error("SS0125", cost.Location, $"lever '{id.Value}': '{key}' is not a cost of a {kind.Value} lever; its costs are {string.Join(", ", allowed)}");
        }

        if (lever.HoldingCostByMaterial is not null && kind.Value != "days_of_cover")
        {
            diagnostics.Error("SS0125", lever.Location, $"lever '{id.Value}': holding_cost per material is for days_of_cover levers; give one cost, e.g. 300 USD/t/yr");
        }

        if (lever.OnlineAfter is { } online && kind.Value is not ("capacity" or "recycling"))
        {
            diagnostics.Error("SS0125", online.Location, $"lever '{id.Value}': online_after is for capacity and recycling levers");
        }

        var compiled = kind.Value switch
        {
            "stockpile" => Stockpile(lever, id.Value, model, diagnostics),
            "days_of_cover" => DaysOfCover(lever, id.Value, model, diagnostics),
            "capacity" or "recycling" => Capacity(lever, id.Value, kind.Value, document, model, diagnostics),
            _ => Prequalify(lever, id.Value, document, model, diagnostics),
        };
        return diagnostics.Items.Count == errors ? compiled : null;
    }

    /// <summary>The index of the lever's node when it exists and is of one of <paramref name="kinds"/>; null after a diagnostic.</summary>
    private static int? LeverNode(LeverDocument lever, string what, CompiledNetwork network, DiagnosticBag diagnostics, params NodeKind[] kinds)
    {
        if (NodeIndex(lever.Node, network, lever.Location, what, diagnostics) is not int node)
        {
            return null;
        }

        if (!kinds.Contains(network.Kinds[node]))
        {
            diagnostics.Error("SS0125", lever.Node!.Location, $"{what}: node '{lever.Node.Value}' is a {network.Kinds[node].ToString().ToLowerInvariant()}, " +
                                                             $"not a {string.Join(" or ", kinds.Select(k => k.ToString().ToLowerInvariant()))}");
            return null;
        }

        return node;
    }

    /// <summary>The range's two ends in <paramref name="dimension"/>; an empty or reversed range is an error.</summary>
    private static (double Low, double High)? Range(LeverDocument lever, string id, Dimension dimension, DiagnosticBag diagnostics)
    {
        if (lever.Range is not { } range)
        {
            diagnostics.Error("SS0003", lever.Location, $"lever '{id}' needs 'range: [LOW, HIGH]' in {string.Join(" or ", Units.Accepted(dimension))}");
            return null;
        }

        if (range.Count != 2)
        {
            diagnostics.Error("SS0002", range.Count > 0 ? range[0].Location : lever.Location, $"lever '{id}': range must be two values [LOW, HIGH], had {range.Count}");
            return null;
        }

        var ends = new double[2];
        for (int i = 0; i < 2; i++)
        {
            if (Units.TryParse(range[i].Value, dimension, null, out ends[i]) is { } error)
            {
                diagnostics.Error(error.Code, range[i].Location, $"lever '{id}' range: {error.Message}");
                return null;
            }

            if (ends[i] < 0)
            {
                diagnostics.Error("SS0104", range[i].Location, $"lever '{id}': range value '{range[i].Value}' is negative; levers add, they do not remove");
                return null;
            }
        }

        if (ends[1] <= ends[0])
        {
            diagnostics.Error("SS0104", range[0].Location, $"lever '{id}': range [{range[0].Value}, {range[1].Value}] is empty; the second value must be larger");
            return null;
        }

        return (ends[0], ends[1]);
    }

    private static Lever? Stockpile(LeverDocument lever, string id, CompiledModel model, DiagnosticBag diagnostics)
    {
        var network = model.Network;
        var range = Range(lever, id, Dimension.Mass, diagnostics);
        if (LeverNode(lever, $"stockpile lever '{id}'", network, diagnostics, NodeKind.Stockpile) is not int)
        {
            return null;
        }

        if (lever.Material is not { } material)
        {
            diagnostics.Error("SS0003", lever.Location, $"stockpile lever '{id}' needs 'material'");
            return null;
        }

        int m = network.MaterialIds.ToList().IndexOf(material.Value);
        if (m < 0)
        {
            diagnostics.Error("SS0103", material.Location, $"unknown material '{material.Value}'{Suggest.Hint(material.Value, network.MaterialIds)}");
            return null;
        }

        double? price = lever.Costs.GetValueOrDefault("purchase_price")?.Amount is { Value: "market" } market
            ? MarketStartPrice(m, network, market, id, diagnostics)
            : Money(lever.Costs.GetValueOrDefault("purchase_price"), MoneyPer.Mass, "purchase_price", lever.Location, diagnostics);
        double? holding = Money(lever.Costs.GetValueOrDefault("holding_cost"), MoneyPer.MassYear, "holding_cost", lever.Location, diagnostics);
        return range is { } r && price is { } p && holding is { } h
            ? new Lever(id, LeverKind.Stockpile, lever.Node!.Value, material.Value, r.Low, r.High) { PurchasePerTonne = p, HoldingPerUnitYear = h }
            : null;
    }

    /// <summary>
    /// <c>purchase_price: market</c>: the mean start price of the material's market on the buyer's side of the
    /// exporter's controls (outside), or its only market.
    /// </summary>
    private static double? MarketStartPrice(int material, CompiledNetwork network, LocatedValue<string> at, string id, DiagnosticBag diagnostics)
    {
        var markets = network.Markets;
        int market = material < markets.OutsideMarketOf.Length && markets.OutsideMarketOf[material] >= 0
            ? markets.OutsideMarketOf[material]
            : Array.IndexOf(markets.Material, material);
        if (market < 0)
        {
            diagnostics.Error("SS0125", at.Location, $"stockpile lever '{id}': purchase_price is 'market', but the file has no market for " +
                                                     $"'{network.MaterialIds[material]}'; give a price, e.g. 15000 USD/t");
            return null;
        }

        return network.Parameters.Mean(markets.StartPriceParam[market]);
    }

    private static Lever? DaysOfCover(LeverDocument lever, string id, CompiledModel model, DiagnosticBag diagnostics)
    {
        var network = model.Network;
        var range = Range(lever, id, Dimension.Duration, diagnostics);
        if (LeverNode(lever, $"days_of_cover lever '{id}'", network, diagnostics, NodeKind.Consumer) is not int node)
        {
            return null;
        }

        // A day of cover holds one day of mean demand of every material; its yearly cost is the sum over materials.
        int m = network.MaterialCount;
        double perDayYear = 0;
        foreach (int h in Enumerable.Range(node * m, m).Where(h => network.DemandParam[h] >= 0))
        {
            string material = network.MaterialIds[h % m];
            var text = lever.HoldingCostByMaterial is { } byMaterial ? byMaterial.GetValueOrDefault(material) : lever.Costs.GetValueOrDefault("holding_cost");
            if (lever.HoldingCostByMaterial is not null && text is null)
            {
                diagnostics.Error("SS0003", lever.Location, $"days_of_cover lever '{id}': holding_cost has no entry for '{material}', which '{lever.Node!.Value}' uses");
                continue;
            }

            if (Money(text, MoneyPer.MassYear, "holding_cost", lever.Location, diagnostics) is { } cost)
            {
                perDayYear += cost * network.Parameters.Mean(network.DemandParam[h]);
            }
        }

        foreach (var (material, text) in lever.HoldingCostByMaterial ?? [])
        {
            int mi = network.MaterialIds.ToList().IndexOf(material);
            if (mi < 0 || network.DemandParam[(node * m) + mi] < 0)
            {
                diagnostics.Error("SS0103", text.Location, $"days_of_cover lever '{id}': '{lever.Node!.Value}' has no demand for '{material}'");
            }
        }

        return range is { } r ? new Lever(id, LeverKind.DaysOfCover, lever.Node!.Value, null, r.Low, r.High) { HoldingPerUnitYear = perDayYear } : null;
    }

    private static Lever? Capacity(LeverDocument lever, string id, string kind, ScenarioFileDocument document, CompiledModel model, DiagnosticBag diagnostics)
    {
        var network = model.Network;
        var range = Range(lever, id, Dimension.Rate, diagnostics);
        double? capital = Money(lever.Costs.GetValueOrDefault("capital_cost"), MoneyPer.AnnualCapacity, "capital_cost", lever.Location, diagnostics);
        var kinds = kind == "recycling" ? [NodeKind.Producer] : new[] { NodeKind.Producer, NodeKind.Processor };
        if (LeverNode(lever, $"{kind} lever '{id}'", network, diagnostics, kinds) is not int)
        {
            return null;
        }

        var nodeDocument = document.Nodes.First(n => n.Id?.Value == lever.Node!.Value);
        if (nodeDocument.Capacity is not { IsFixed: true } capacity)
        {
            diagnostics.Error("SS0125", nodeDocument.Capacity?.Location ?? lever.Node!.Location,
                $"{kind} lever '{id}': '{lever.Node!.Value}' needs a fixed capacity to add to (the lever adds tonnes a year); " +
                "model uncertain existing capacity on a separate node and add the new plant to a node of its own");
            return null;
        }

        double online = lever.OnlineAfter?.Value ?? 0;
        double horizon = network.Steps * network.StepDays;
        if (online < 0 || online >= horizon)
        {
            diagnostics.Error("SS0104", lever.OnlineAfter!.Location, $"{kind} lever '{id}': online_after {online:G6} d must be in [0, {horizon:G6}) d, within the run");
            return null;
        }

        var clash = document.Scenarios.SelectMany(s => s.Events).FirstOrDefault(e => e.Type?.Value == "capacity_change" && e.Node?.Value == lever.Node!.Value);
        if (online > 0 && clash is not null)
        {
            diagnostics.Error("SS0125", clash.Location, $"{kind} lever '{id}': a scenario already changes the capacity of '{lever.Node!.Value}'; " +
                                                        "the lever's capacity change would override it");
            return null;
        }

        return range is { } r && capital is { } c
            ? new Lever(id, kind == "recycling" ? LeverKind.Recycling : LeverKind.Capacity, lever.Node!.Value, null, r.Low, r.High)
            {
                CapitalPerAnnualTonne = c, BaseCapacity = capacity.Parameters["value"], OnlineAfterDays = online,
            }
            : null;
    }

    private static Lever? Prequalify(LeverDocument lever, string id, ScenarioFileDocument document, CompiledModel model, DiagnosticBag diagnostics)
    {
        if (lever.Range is { Count: > 0 } range)
        {
            diagnostics.Error("SS0125", range[0].Location, $"prequalify lever '{id}' is on or off; remove 'range'");
        }

        double? cost = Money(lever.Costs.GetValueOrDefault("cost"), MoneyPer.Total, "cost", lever.Location, diagnostics);
        if (lever.Lane is not { } lane)
        {
            diagnostics.Error("SS0003", lever.Location, $"prequalify lever '{id}' needs 'lane: FROM->TO'");
            return null;
        }

        var names = model.Network.LaneNames;
        if (!names.Contains(lane.Value))
        {
            diagnostics.Error("SS0102", lane.Location, $"unknown lane '{lane.Value}'{Suggest.Hint(lane.Value, names)}");
            return null;
        }

        if (document.Lanes.First(l => $"{l.From?.Value}->{l.To?.Value}" == lane.Value).Qualification is null)
        {
            diagnostics.Error("SS0125", lane.Location, $"prequalify lever '{id}': lane '{lane.Value}' has no qualification delay to remove; add 'qualification:' to the lane");
            return null;
        }

        return cost is { } c ? new Lever(id, LeverKind.Prequalify, lane.Value, null, 0, 1) { FixedCost = c } : null;
    }
}
