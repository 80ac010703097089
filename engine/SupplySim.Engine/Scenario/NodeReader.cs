
namespace SupplySim.Scenario;

/// <summary>Reads a node entry; which keys are allowed depends on its <c>kind</c>.</summary>
internal static class NodeReader
{
    public static readonly string[] Kinds = ["producer", "processor", "transshipper", "stockpile", "consumer"];

    private static readonly string[] Common = ["id", "kind", "country", "initial_inventory"];

    internal static readonly Dictionary<string, string[]> KeysByKind = new(StringComparer.Ordinal)
    {
        ["producer"] = [.. Common, "material", "capacity", "quota", "policy", "days_of_cover"],
        ["processor"] = [.. Common, "recipe", "capacity", "policy", "days_of_cover", "priority", "rated"],
        ["transshipper"] = [.. Common, "materials", "capacity", "delay", "leak_fraction", "interdiction_probability"],
        ["stockpile"] = [.. Common, "release", "acquisition"],
        ["consumer"] = [.. Common, "sector", "demand", "demand_cv", "priority", "unmet", "coupled", "policy",
            "days_of_cover", "reorder_point", "order_up_to"],
    };

    public static NodeDocument Read(YamlMapReader r)
    {
        var node = new NodeDocument
        {
            Id = r.String("id", required: true),
            Kind = r.Choice("kind", Kinds, required: true),
            Country = r.String("country", required: true),
            Location = r.Location,
        };
        string kind = node.Kind?.Value ?? "";
        node.Material = r.String("material", required: kind == "producer");
        node.Materials = r.StringList("materials", required: kind == "transshipper");
        node.Capacity = r.Uncertain("capacity", Dimension.Rate, required: kind is "producer" or "processor");
        node.Quota = r.Uncertain("quota", Dimension.Rate);
        node.Policy = r.Choice("policy", kind == "consumer" ? ["order_up_to", "s_S"] : ["none", "order_up_to"]);
        node.DaysOfCover = r.Number("days_of_cover", Dimension.Duration);
        node.ReorderPoint = r.Number("reorder_point", Dimension.Duration);
        node.OrderUpTo = r.Number("order_up_to", Dimension.Duration);
        node.Delay = r.Uncertain("delay", Dimension.Duration);
        node.LeakFraction = r.Uncertain("leak_fraction", Dimension.None);
        node.InterdictionProbability = r.Uncertain("interdiction_probability", Dimension.None);
        node.Sector = r.String("sector", required: kind == "consumer");
        node.DemandCv = r.Uncertain("demand_cv", Dimension.None);
        node.Priority = r.Number("priority", Dimension.None);
        node.Unmet = r.Choice("unmet", ["backorder", "lost_sales"]);
        node.Coupled = r.Bool("coupled");
        node.Rated = r.Bool("rated");
        if (r.Map("recipe", required: kind == "processor") is { } recipe)
        {
            node.Recipe = ReadRecipe(new YamlMapReader(recipe, r.File, r.Diagnostics));
        }

        if (r.Map("release") is { } release)
        {
            node.Release = ReadRelease(new YamlMapReader(release, r.File, r.Diagnostics), "a release rule");
        }

        node.Demand = ReadMaterialMap(r, "demand", Dimension.Rate, node.DemandLocations, required: kind == "consumer");
        node.Acquisition = ReadMaterialMap(r, "acquisition", Dimension.Mass, node.AcquisitionLocations, required: false);
        ReadInitialInventory(r, node);
        if (KeysByKind.TryGetValue(kind, out var allowed))
        {
            r.ReportUnknownKeys(allowed, $"a {kind} node");
        }

        return node;
    }

    public static ReleaseDocument ReadRelease(YamlMapReader r, string context)
    {
        var release = new ReleaseDocument
        {
            To = r.StringList("to"),
            BelowCoverDays = r.Uncertain("below_cover_days", Dimension.Duration),
            Rate = r.Uncertain("rate", Dimension.Rate),
            LeadTime = r.Uncertain("lead_time", Dimension.Duration),
            Location = r.Location,
        };
        r.ReportUnknownKeys(["to", "below_cover_days", "rate", "lead_time"], context);
        return release;
    }

    private static RecipeDocument ReadRecipe(YamlMapReader r)
    {
        var recipe = new RecipeDocument { Output = r.String("output", required: true), Location = r.Location };
        if (r.Map("inputs", required: true) is { } inputs)
        {
            var ir = new YamlMapReader(inputs, r.File, r.Diagnostics);
            foreach (var key in inputs.ScalarKeys)
            {
                string material = key.Value;
                if (ir.Uncertain(material, Dimension.None) is { } ratio)
                {
                    recipe.Inputs[material] = ratio;
                    recipe.InputLocations[material] = YamlMapReader.At(key, r.File);
                }
            }
        }

        r.ReportUnknownKeys(["output", "inputs"], "a recipe");
        return recipe;
    }

    private static Dictionary<string, UncertainDocument>? ReadMaterialMap(
        YamlMapReader r, string key, Dimension dimension, Dictionary<string, SourceLocation> locations, bool required)
    {
        if (r.Map(key, required) is not { } map)
        {
            return null;
        }

        var mr = new YamlMapReader(map, r.File, r.Diagnostics);
        var result = new Dictionary<string, UncertainDocument>(StringComparer.Ordinal);
        foreach (var materialKey in map.ScalarKeys)
        {
            string material = materialKey.Value;
            locations[material] = YamlMapReader.At(materialKey, r.File);
            if (mr.Uncertain(material, dimension) is { } value)
            {
                result[material] = value;
            }
        }

        return result;
    }

    private static void ReadInitialInventory(YamlMapReader r, NodeDocument node)
    {
        if (r.Node("initial_inventory") is not { } value)
        {
            return;
        }

        node.InitialInventory = new Dictionary<string, InventoryAmountDocument>(StringComparer.Ordinal);
        if (value is YamlScalar)
        {
            if (ReadAmount(value, "initial_inventory", r) is { } amount)
            {
                node.InitialInventory["*"] = amount;
                node.InitialInventoryLocations["*"] = amount.Location;
            }

            return;
        }

        if (value is not YamlMapping map)
        {
            r.Diagnostics.Error("SS0002", YamlMapReader.At(value, r.File), "initial_inventory must be a duration (60d) or a mapping of material to amount");
            return;
        }

        _ = new YamlMapReader(map, r.File, r.Diagnostics); // reports keys that print alike (the tree builder already refused equal scalar keys)
        foreach (var (key, amountNode) in map.Entries)
        {
            string material = (key as YamlScalar)?.Value ?? "";
            if (ReadAmount(amountNode, $"initial_inventory.{material}", r) is { } amount)
            {
                node.InitialInventory[material] = amount;
                node.InitialInventoryLocations[material] = YamlMapReader.At(key, r.File);
            }
        }
    }

    /// <summary>An amount is a duration (days of cover) or a mass (possibly uncertain).</summary>
    private static InventoryAmountDocument? ReadAmount(YamlTreeNode node, string key, YamlMapReader r)
    {
        var location = YamlMapReader.At(node, r.File);
        if (node is YamlScalar scalar && Units.TryParse(scalar.Value, Dimension.Duration, null, out double days) is null)
        {
            return new InventoryAmountDocument { CoverDays = days, Location = location };
        }

        return UncertainParser.Parse(node, key, Dimension.Mass, null, r.File, r.Diagnostics) is { } tonnes
            ? new InventoryAmountDocument { Tonnes = tonnes, Location = location }
            : null;
    }
}
