using System.Text.Json.Nodes;
using static SupplySim.Scenario.Schema.SchemaParts;

namespace SupplySim.Scenario.Schema;

/// <summary>The JSON Schema of the decision sections, <c>levers:</c> and <c>objectives:</c> (docs/decisions.md).</summary>
internal static class DecisionSchema
{
    public static JsonObject Levers() => Array(Object("a decision variable with its range and cost model", DecisionReader.LeverKeys, key => key switch
    {
        "id" => String("the lever's name in outputs"),
        "kind" => Enum("what the lever changes", DecisionReader.LeverKinds),
        "node" => String("the stockpile, consumer, producer or processor it acts on"),
        "material" => String("stockpile: the material held"),
        "lane" => String("prequalify: the lane FROM->TO whose qualification delay it removes"),
        "range" => new JsonObject
        {
            ["type"] = "array", ["minItems"] = 2, ["maxItems"] = 2, ["items"] = new JsonObject { ["type"] = new JsonArray("number", "string") },
            ["description"] = "[LOW, HIGH]: t (stockpile), d (days_of_cover) or t/yr (capacity, recycling)",
        },
        "online_after" => Quantity("capacity, recycling: time from the start until the added capacity produces"),
        "purchase_price" => Cost("stockpile: price paid per tonne at the start, USD/t or USD/kg, or 'market' for the market's start price"),
        "holding_cost" => new JsonObject
        {
            ["description"] = "cost of holding a tonne for a year (USD/t/yr); days_of_cover: one cost or one per material",
            ["anyOf"] = new JsonArray(Cost("USD/t/yr"), new JsonObject { ["type"] = "object", ["additionalProperties"] = Cost("USD/t/yr of this material") }),
        },
        "capital_cost" => Cost("capacity, recycling: USD per tonne a year of capacity, e.g. '100 kUSD/(t/yr)'"),
        _ => Cost("prequalify: one-off cost, e.g. '2 MUSD'"),
    }, ["id", "kind"]), "decision variables searched by 'supplysim optimize'");

    public static JsonObject Objectives() => Object("how optimize scores a policy", DecisionReader.ObjectiveKeys, key => key switch
    {
        "scenarios" => StringList("the scenarios a policy is judged on (default: all, baseline included)"),
        "shortage_costs" => Array(Object("what a shortage costs", DecisionReader.ShortageCostKeys, cost => cost switch
        {
            "sector" => String("a sector"),
            "material" => String("the material it is short of"),
            "per_tonne" => Cost("USD per tonne short, e.g. '2 MUSD/t'"),
            "consumer" => String("a coupled consumer"),
            _ => Cost("USD per day of stopped output, e.g. '1 MUSD/d'"),
        }), "shortage costs per sector and material, or per coupled consumer"),
        "risk" => Object("the risk measure", DecisionReader.RiskKeys, risk => risk switch
        {
            "measure" => Enum("cvar95: mean of the worst 5% of trials; p_above: probability above threshold", ["cvar95", "p_above"]),
            "sector" => String("the sector whose shortage fraction is the risk"),
            "materials" => StringList("its materials; a trial counts the largest of their shortage fractions"),
            _ => new JsonObject { ["type"] = "number", ["description"] = "p_above: the shortage fraction that counts as a failure" },
        }, ["measure", "sector", "materials"]),
        "robustness" => Enum("how outcomes across scenarios become objectives", ["worst_case", "regret", "satisficing"]),
        _ => new JsonObject { ["type"] = "number", ["description"] = "satisficing: the risk a scenario may have and still count as met" },
    }, ["shortage_costs", "risk", "robustness"]);

    private static JsonObject Cost(string description) => new()
    {
        ["description"] = description,
        ["anyOf"] = new JsonArray(
            new JsonObject { ["type"] = "string" },
            Object("a stated range where the cost is not known (counted with its mean)", ["dist", "min", "mode", "max"], key => key == "dist"
                ? Enum("the range's shape", ["uniform", "triangular"])
                : String($"the range's {key}, with its unit"), ["dist", "min", "max"])),
    };
}
