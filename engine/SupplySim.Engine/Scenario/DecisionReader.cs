
namespace SupplySim.Scenario;

/// <summary>Reads the decision sections <c>levers:</c> and <c>objectives:</c>; their meaning is checked by the decision compiler.</summary>
internal static class DecisionReader
{
    public static readonly string[] LeverKinds = ["stockpile", "days_of_cover", "capacity", "recycling", "prequalify"];

    public static readonly string[] CostKeys = ["purchase_price", "holding_cost", "capital_cost", "cost"];

    public static readonly string[] LeverKeys = ["id", "kind", "node", "material", "lane", "range", "online_after", .. CostKeys];

    public static readonly string[] ObjectiveKeys = ["scenarios", "shortage_costs", "risk", "robustness", "max_risk"];

    public static readonly string[] ShortageCostKeys = ["sector", "material", "per_tonne", "consumer", "per_day_stopped"];

    public static readonly string[] RiskKeys = ["measure", "sector", "materials", "threshold"];

    public static LeverDocument ReadLever(YamlMapReader r)
    {
        var lever = new LeverDocument
        {
            Id = r.String("id", required: true),
            Kind = r.Choice("kind", LeverKinds, required: true),
            Node = r.String("node"),
            Material = r.String("material"),
            Lane = r.String("lane"),
            Range = r.StringList("range"),
            OnlineAfter = r.Number("online_after", Dimension.Duration),
            Location = r.Location,
        };
        foreach (string key in CostKeys)
        {
            if (key == "holding_cost" && r.Node(key) is YamlMapping byMaterial && !byMaterial.HasKey("dist"))
            {
                var costs = new YamlMapReader(byMaterial, r.File, r.Diagnostics);
                lever.HoldingCostByMaterial = new Dictionary<string, CostDocument>(StringComparer.Ordinal);
                foreach (string material in byMaterial.ScalarKeys.Select(k => k.Value))
                {
                    if (Cost(costs, material) is { } cost)
                    {
                        lever.HoldingCostByMaterial[material] = cost;
                    }
                }
            }
            else if (Cost(r, key) is { } cost)
            {
                lever.Costs[key] = cost;
            }
        }

        r.ReportUnknownKeys(LeverKeys, "a lever");
        return lever;
    }

    public static ObjectivesDocument ReadObjectives(YamlMapReader r)
    {
        var objectives = new ObjectivesDocument
        {
            Scenarios = r.StringList("scenarios"),
            Robustness = r.Choice("robustness", ["worst_case", "regret", "satisficing"], required: true),
            MaxRisk = r.Number("max_risk", Dimension.None),
            Location = r.Location,
        };
        foreach (var item in ScenarioLoader.Items(r, "shortage_costs", required: true))
        {
            var c = new YamlMapReader(item, r.File, r.Diagnostics);
            objectives.ShortageCosts.Add(new ShortageCostDocument
            {
                Sector = c.String("sector"),
                Material = c.String("material"),
                PerTonne = Cost(c, "per_tonne"),
                Consumer = c.String("consumer"),
                PerDayStopped = Cost(c, "per_day_stopped"),
                Location = c.Location,
            });
            c.ReportUnknownKeys(ShortageCostKeys, "a shortage cost");
        }

        if (r.Map("risk", required: true) is { } risk)
        {
            var k = new YamlMapReader(risk, r.File, r.Diagnostics);
            objectives.RiskMeasure = k.Choice("measure", ["cvar95", "p_above"], required: true);
            objectives.RiskSector = k.String("sector", required: true);
            objectives.RiskMaterials = k.StringList("materials", required: true);
            objectives.RiskThreshold = k.Number("threshold", Dimension.None, required: objectives.RiskMeasure?.Value == "p_above");
            k.ReportUnknownKeys(RiskKeys, "the risk measure");
        }

        r.ReportUnknownKeys(ObjectiveKeys, "the objectives section");
        return objectives;
    }

    /// <summary>A cost: one amount, or <c>{dist: uniform|triangular, min, [mode,] max}</c> with a unit on each value.</summary>
    private static CostDocument? Cost(YamlMapReader r, string key)
    {
        if (r.Node(key) is not YamlMapping range)
        {
            return r.String(key) is { } amount ? new CostDocument { Amount = amount, Location = amount.Location } : null;
        }

        var c = new YamlMapReader(range, r.File, r.Diagnostics);
        var cost = new CostDocument { Dist = c.Choice("dist", ["uniform", "triangular"], required: true), Location = c.Location };
        foreach (string bound in new[] { "min", "mode", "max" })
        {
            if (c.String(bound, required: bound != "mode" || cost.Dist?.Value == "triangular") is { } value)
            {
                cost.Bounds[bound] = value;
            }
        }

        c.ReportUnknownKeys(cost.Dist?.Value == "triangular" ? ["dist", "min", "mode", "max"] : ["dist", "min", "max"], $"the range of {key}");
        return cost;
    }
}
