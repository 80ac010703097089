using System.Text.Json.Nodes;
using SupplySim.Scenario.Schema;
using static SupplySim.Scenario.Schema.SchemaParts;

namespace SupplySim.Sweeps;

/// <summary>
/// The JSON Schema (draft 2020-12) of sweep files (docs/sweeps.md), built from the sweep loader's own tables of keys
/// and designs. Structure only: parameter paths, scenario ids and outputs are checked against the scenario file by
/// the loader.
/// </summary>
internal static class SweepSchema
{
    /// <summary>Where the schema is kept in the repository.</summary>
    public const string RepositoryPath = "docs/schema/sweep.schema.json";

    /// <summary>The schema as a JSON document.</summary>
    public static JsonObject Build()
    {
        var root = Object("A SupplySim sweep file: which parameters of a scenario file to vary, how, and what to measure (docs/sweeps.md).",
            SweepLoader.RootKeys, Root, ["scenario_file", "scenario", "parameters", "design", "outputs"]);
        root["$defs"] = ScenarioSchema.Definitions();
        return Document("https://supplysim.example/schema/sweep.schema.json", "SupplySim sweep file", root);
    }

    private static JsonNode Root(string key) => key switch
    {
        "name" => String("readable name of the sweep"),
        "description" => String("what the sweep asks"),
        "scenario_file" => String("the scenario file, relative to this file"),
        "scenario" => String("the scenario run at every point (besides the baseline)"),
        "trials" => new JsonObject { ["type"] = "integer", ["minimum"] = 1, ["default"] = 100, ["description"] = "Monte Carlo trials per point" },
        "seed" => new JsonObject { ["type"] = new JsonArray("integer", "string"), ["description"] = "seed of every point's trials (common random numbers) and of the design" },
        "parameters" => Array(Object("a swept parameter: min and max, values, or a distribution", SweepLoader.ParameterKeys, key => key switch
        {
            "path" => String("nodes[ID].FIELD, nodes[ID].demand.MATERIAL, lanes[FROM->TO].FIELD or events[EVENT_ID].FIELD",
                examples: ["events[ree-licence-no18].approval_probability", "nodes[th-traders].leak_fraction"]),
            "name" => String("a short name for tables and charts"),
            "min" or "max" => Quantity($"the range's {key}, in the field's unit"),
            "values" => new JsonObject { ["type"] = "array", ["description"] = "the values to try (grid)", ["items"] = Ref("quantity") },
            _ => Uncertain("a distribution to sample the parameter from"),
        }, ["path"]), "the parameters varied", 1),
        "design" => Discriminated("the experimental design", "type", SweepLoader.Designs.ToDictionary(d => d.Key, d => d.Value.Keys), key => key switch
        {
            "bootstrap" => new JsonObject { ["type"] = "integer", ["minimum"] = 0, ["description"] = "bootstrap resamples for the indices' 95% intervals" },
            _ => new JsonObject { ["type"] = "integer", ["minimum"] = 1, ["description"] = $"the design's {key}" },
        }, _ => ["type"]),
        "outputs" => Array(Object("a measured output", SweepLoader.OutputKeys, key => key switch
        {
            "metric" => Enum("the metric (docs/metrics.md)", Simulation.MetricNames.All),
            "entity" => String("the node, sector, lane or market it is measured on"),
            "material" => String("the material (when the entity has several)"),
            "statistic" => String("mean, p50, p90, p95 or p_above:X (share of trials above X)", "^(mean|p50|p90|p95|p_above:.+)$"),
            _ => String("a short name for tables and charts"),
        }, ["metric", "entity"]), "what each point measures", 1),
        _ => throw new InvalidOperationException($"no schema for the sweep key '{key}'"),
    };
}
