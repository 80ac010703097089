using System.Text.Json.Nodes;
using static SupplySim.Scenario.Schema.SchemaParts;

namespace SupplySim.Scenario.Schema;

/// <summary>
/// The JSON Schema (draft 2020-12) of scenario files, for editors (completion, checks as one types) and tools. Built
/// from the loader's own tables of keys (nodes per kind, events per type, distributions), so the schema cannot drift
/// from what the loader accepts; descriptions and units follow docs/scenario-format.md. The schema checks structure
/// (keys, types, required fields); meaning (ids that exist, ranges, dates inside the run) stays with the compiler.
/// </summary>
internal static class ScenarioSchema
{
    /// <summary>Where the schema is kept in the repository (editors find it through the first line of each file).</summary>
    public const string RepositoryPath = "docs/schema/scenario.schema.json";

    private const string Rate = "a rate: a number (t/d) or a quantity such as '60000 t/yr', '25000 kg/yr', '10 t/d'; or a distribution";
    private const string Duration = "a duration: days ('30d'), working days ('45wd'), weeks, months or years ('2y'); or a distribution";
    private const string Share = "a share in [0, 1]; or a distribution";
    private const string Mass = "tonnes ('4300 t', '20000 kg'); or a distribution";
    private const string Date = "^\\d{4}-\\d{2}-\\d{2}$";

    private static readonly Dictionary<string, Func<JsonNode>> Properties = new(StringComparer.Ordinal)
    {
        ["id"] = () => String("unique id: lower-case letters, digits, '-' and '_'", examples: ["cn-sb"]),
        ["name"] = () => String("readable name"),
        ["description"] = () => String("what this is, for readers and reports"),
        ["kind"] = () => Enum("what the node is", NodeReader.Kinds),
        ["country"] = () => String("ISO 3166 alpha-2 country code", "^[A-Z]{2}$", ["CN", "US"]),
        ["material"] = () => String("a material id of materials:"),
        ["materials"] = () => StringList("material ids"),
        ["capacity"] = () => Uncertain("capacity per year or day: " + Rate),
        ["quota"] = () => Uncertain("an undisclosed annual production quota: " + Rate),
        ["policy"] = () => Enum("how the node orders: order-up-to a cover target, (s, S), or not at all", ["none", "order_up_to", "s_S"]),
        ["days_of_cover"] = () => Quantity("stock target in days of mean use: " + Duration),
        ["reorder_point"] = () => Quantity("(s, S): order when cover falls below this: " + Duration),
        ["order_up_to"] = () => Quantity("(s, S): order back up to this cover: " + Duration),
        ["delay"] = () => Uncertain("time a consignment spends at the transshipper: " + Duration),
        ["leak_fraction"] = () => Uncertain("share of controlled material re-exported to controlled destinations: " + Share),
        ["interdiction_probability"] = () => Uncertain("chance a leaked consignment is seized: " + Share),
        ["sector"] = () => String("the consumer's sector (defense, ev, solar, telecom, electronics, ...)"),
        ["demand"] = () => MaterialMap("demand per material: " + Rate),
        ["demand_cv"] = () => Uncertain("coefficient of variation of daily demand: a number >= 0; or a distribution"),
        ["priority"] = () => new JsonObject { ["type"] = "number", ["description"] = "allocation priority: 1 is served first, then 2 and so on; default 5" },
        ["unmet"] = () => Enum("what happens to demand not met on its day", ["backorder", "lost_sales"], "backorder"),
        ["coupled"] = () => Bool("output is lost when any input runs short (coupled consumer)"),
        ["rated"] = () => Bool("a rated order (DPAS): served before unrated ones"),
        ["recipe"] = () => Object("what a processor makes from what", ["output", "inputs"],
            key => key == "output" ? String("the output material") : MaterialMap("tonnes of each input per tonne of output; or a distribution"),
            ["output", "inputs"]),
        ["release"] = () => Release("a stockpile's release rule"),
        ["acquisition"] = () => MaterialMap("tonnes bought into the stockpile per material: " + Mass),
        ["initial_inventory"] = () => new JsonObject
        {
            ["description"] = "stock on day 0: days of cover of every material ('30d'), or tonnes per material",
            ["anyOf"] = new JsonArray(Quantity("days of cover of every material"), MaterialMap("tonnes per material: " + Mass)),
        },
        ["type"] = () => Enum("what the event does", EventReader.KeysByType.Keys),
        ["start"] = () => String("first day (YYYY-MM-DD)", Date),
        ["end"] = () => String("day after the last (YYYY-MM-DD); none: to the horizon", Date),
        ["exporter"] = () => String("ISO code of the controlling country", "^[A-Z]{2}$"),
        ["destinations"] = () => new JsonObject
        {
            ["description"] = "destination countries (ISO codes), or \"*\" for every destination",
            ["anyOf"] = new JsonArray(String("\"*\": every destination"), StringList("ISO codes")),
        },
        ["mode"] = () => Enum("ban: nothing ships; license: shipments queue for approval", ["ban", "license"]),
        ["extraterritorial"] = () => Bool("the control also binds re-exports of the exporter's material from third countries"),
        ["processing_time"] = () => Uncertain("licence processing time, per application: " + Duration),
        ["approval_probability"] = () => Uncertain("chance an application is approved: " + Share),
        ["deny_sectors"] = () => StringList("sectors whose applications are always denied (e.g. defense)"),
        ["approval_by_destination"] = () => MaterialMap("approval chance per destination country (ISO code): " + Share),
        ["validity"] = () => Uncertain("how long an approved licence covers further shipments: " + Duration),
        ["node"] = () => String("a node id"),
        ["lane"] = () => String("a lane as FROM->TO"),
        ["annual"] = () => Uncertain("the annual quota: " + Rate),
        ["rate_per_year"] = () => Uncertain("expected outages per year; or a distribution"),
        ["duration"] = () => Uncertain("how long each outage lasts: " + Duration),
        ["capacity_lost"] = () => Uncertain("share of capacity lost during an outage: " + Share),
        ["multiplier"] = () => Uncertain("factor applied (demand or capacity); or a distribution"),
        ["ramp"] = () => Uncertain("time to reach the new capacity: " + Duration),
        ["to"] = () => StringList("the nodes released stock goes to"),
        ["rate"] = () => Uncertain("release rate: " + Rate),
        ["below_cover_days"] = () => Quantity("release when the receiver's cover falls below this: " + Duration),
        ["lead_time"] = () => Uncertain("days from order to arrival: " + Duration),
    };

    /// <summary>The schema as a JSON document.</summary>
    public static JsonObject Build()
    {
        var root = Object("A SupplySim scenario file: the network, its scenarios of export controls and quotas, and what was observed (docs/scenario-format.md).",
            ScenarioLoader.RootKeys, Root, ["name", "start", "materials", "nodes", "lanes"]);
        root["anyOf"] = new JsonArray(new JsonObject { ["required"] = new JsonArray("horizon") }, new JsonObject { ["required"] = new JsonArray("end") });
        root["$defs"] = Definitions();
        return Document("https://supplysim.example/schema/scenario.schema.json", "SupplySim scenario file", root);
    }

    /// <summary><c>quantity</c> and <c>uncertain</c>: a number, a quantity with a unit, or a distribution.</summary>
    internal static JsonObject Definitions()
    {
        // One branch per distribution: its own keys (required and optional) and "unit"; anything else is an error.
        var shapes = UncertainParser.Shapes.ToDictionary(s => s.Key, s => (string[])[.. s.Value.Required, .. s.Value.Optional, "unit"]);
        var distribution = Discriminated("a distribution drawn once per trial (or per use, for durations of shipments and outages)", "dist", shapes,
            key => key switch
            {
                "unit" => String("unit of every parameter that has none, e.g. 't/yr', 'kg/yr', 'USD/t'"),
                "values" or "weights" => new JsonObject { ["type"] = "array", ["description"] = key == "values" ? "the values of a discrete choice" : "their weights", ["items"] = new JsonObject { ["type"] = new JsonArray("number", "string") } },
                _ => new JsonObject { ["type"] = new JsonArray("number", "string"), ["description"] = $"the distribution's {key}" },
            },
            dist => UncertainParser.Shapes[dist].Required);
        return new JsonObject
        {
            ["quantity"] = new JsonObject
            {
                ["type"] = new JsonArray("number", "string"),
                ["description"] = "a number in the internal unit, or a number with a unit: 't', 'kg', 't/yr', 'kg/yr', 't/d', 'd', 'wd', 'w', 'mo', 'y', 'USD/t', 'USD/kg'",
            },
            ["uncertain"] = new JsonObject
            {
                ["description"] = "a number, a quantity with a unit, or a distribution {dist: uniform|triangular|pert|normal|lognormal|beta|discrete|fixed, ...}",
                ["anyOf"] = new JsonArray(Ref("quantity"), distribution),
                ["examples"] = new JsonArray("60000 t/yr", "30d", JsonNode.Parse("""{"dist": "triangular", "min": 45000, "mode": 52000, "max": 60000, "unit": "t/yr"}""")),
            },
        };
    }

    private static JsonNode Root(string key) => key switch
    {
        "name" => String("readable name of the network"),
        "start" => String("calendar date of day 0 (YYYY-MM-DD)", Date),
        "horizon" => Quantity("run length, e.g. '730d' or '2y' (or give end)"),
        "end" => String("the last day of the run (YYYY-MM-DD), instead of horizon", Date),
        "step" => Quantity("step length (default 1d)"),
        "seed" => new JsonObject { ["type"] = new JsonArray("integer", "string"), ["description"] = "default master seed" },
        "thresholds" => new JsonObject
        {
            ["type"] = "object",
            ["description"] = "per metric, thresholds whose exceedance probability is reported",
            ["propertyNames"] = Enum("a reported metric", Model.ReportedMetrics.Names),
            ["additionalProperties"] = new JsonObject { ["type"] = "array", ["items"] = new JsonObject { ["type"] = new JsonArray("number", "string") } },
        },
        "materials" => Array(Object("a material", ["id", "name"], Property, ["id"]), "the materials the network moves", 1),
        "nodes" => Array(Discriminated("a node: producer, processor, transshipper, stockpile or consumer", "kind", NodeReader.KeysByKind, Property, NodeRequired),
            "producers, processors, transshippers, stockpiles and consumers", 1),
        "lanes" => Array(Object("a lane from a supplier to a buyer", ["from", "to", "materials", "lead_time", "capacity", "share", "qualification"], key => key switch
        {
            "from" => String("the supplying node id"),
            "to" => String("the buying node id"),
            "share" => new JsonObject { ["type"] = "number", ["description"] = "the buyer's share of orders on this lane" },
            "qualification" => Uncertain("time a buyer needs to qualify this supplier before ordering on it: " + Duration),
            _ => Property(key),
        }, ["from", "to", "lead_time"]), "who can ship to whom", 1),
        "scenarios" => Array(Object("a scenario: events acting on the network", ["id", "description", "events"], key => key == "events"
            ? Array(Discriminated("an event", "type", EventReader.KeysByType, Property, EventRequired), "the scenario's events")
            : Property(key), ["id"]), "what-ifs, each compared with the baseline on the same random draws"),
        "markets" => Array(Object("prices and demand response for one material", MarketReader.Keys, Market, ["material", "exporter", "start_price", "scarcity_sensitivity", "adjustment_time"]),
            "the market layer (docs/scenario-format.md, Markets)"),
        "observations" => Array(Object("an observed flow or price", ObservationReader.Keys, Observation, ["id", "scenario", "value"]),
            "what was observed, for backtest and calibrate"),
        "calibrate" => Object("which parameters calibrate fits (docs/calibration.md)", ["parameters"],
            _ => StringList("parameter paths as in sweep files"), ["parameters"]),
        "correlations" => Object("rank correlations between per-trial parameters (Iman-Conover)", ["parameters", "matrix"], key => key == "parameters"
            ? StringList("parameter paths")
            : Array(Array(new JsonObject { ["type"] = "number", ["minimum"] = -1, ["maximum"] = 1 }, "one row"), "target Spearman correlations, one row per parameter"),
            ["parameters", "matrix"]),
        "levers" => DecisionSchema.Levers(),
        "objectives" => DecisionSchema.Objectives(),
        _ => throw new InvalidOperationException($"no schema for the root key '{key}'"),
    };

    private static JsonNode Property(string key) =>
        Properties.TryGetValue(key, out var build) ? build() : throw new InvalidOperationException($"no schema for the key '{key}'");

    private static JsonNode Market(string key) => key switch
    {
        "exporter" => String("ISO code of the country whose controls split the market in two", "^[A-Z]{2}$"),
        "start_price" => Object("prices on day 0", ["inside", "outside"], side => Uncertain($"price {side} the exporter: USD/t or USD/kg; or a distribution"), ["inside", "outside"]),
        "scarcity_sensitivity" => Uncertain("κ: how strongly the price reacts to scarcity; or a distribution"),
        "adjustment_time" => Uncertain("τ: how fast the price moves towards its target: " + Duration),
        "demand_elasticity" => MaterialMap("price elasticity of demand per sector ('*' for the rest); or a distribution"),
        "supply_response" => Array(Object("a tranche of new supply outside the exporter", MarketReader.ResponseKeys, key => key switch
        {
            "threshold" => Uncertain("price ratio that triggers it; or a distribution"),
            "lag" => Uncertain("time before it starts: " + Duration),
            "ramp" => Uncertain("time to full output: " + Duration),
            _ => Uncertain("its size as a share of the market: " + Share),
        }, MarketReader.ResponseKeys), "supply that answers high prices"),
        "smuggling_elasticity" => Uncertain("how leakage through transshippers grows with the price gap; or a distribution"),
        _ => Property(key),
    };

    private static JsonNode Observation(string key) => key switch
    {
        "scenario" => String("the scenario whose modelled values are compared"),
        "lanes" => StringList("lanes (FROM->TO) whose flows are summed"),
        "market" => String("a market (inside-XX or outside-XX), for a price observation"),
        "year" => new JsonObject { ["type"] = "integer", ["description"] = "a calendar year (or from/to)" },
        "from" => String("first month (YYYY-MM)", "^\\d{4}-\\d{2}$"),
        "to" => String("last month (YYYY-MM)", "^\\d{4}-\\d{2}$"),
        "value" => Quantity("the observed value: tonnes ('7440 t') or a price ('60250 USD/t')"),
        "source" => String("where the value comes from"),
        _ => Property(key),
    };

    private static IEnumerable<string> NodeRequired(string kind) => kind switch
    {
        "producer" => ["id", "country", "material", "capacity"],
        "processor" => ["id", "country", "capacity", "recipe"],
        "transshipper" => ["id", "country", "materials"],
        "consumer" => ["id", "country", "sector", "demand"],
        _ => ["id", "country"],
    };

    private static IEnumerable<string> EventRequired(string type) => type switch
    {
        "export_control" => ["start", "exporter", "materials", "destinations", "mode"],
        "quota" => ["start", "annual"],
        "enforcement" or "capacity_change" => ["start", "node"],
        "disruption" => ["start", "rate_per_year", "duration"],
        "demand_shock" => ["start", "multiplier"],
        "stockpile_release" => ["start", "node", "rate"],
        _ => ["start"],
    };

    private static JsonObject Release(string description) =>
        Object(description, ["to", "below_cover_days", "rate", "lead_time"], key => key == "to" ? StringList("the nodes it releases to") : Property(key));

    private static JsonObject MaterialMap(string description) => new()
    {
        ["type"] = "object",
        ["description"] = description,
        ["additionalProperties"] = Ref("uncertain"),
    };
}
