using System.Text.RegularExpressions;
using SupplySim.Scenario;

namespace SupplySim.Sweeps;

/// <summary>
/// A value in a scenario document addressed by ids: <c>nodes[ID].FIELD</c>, <c>nodes[ID].FIELD.KEY</c> (demand,
/// initial_inventory, acquisition), <c>lanes[FROM-&gt;TO].FIELD</c> or <c>events[EVENT_ID].FIELD</c> (every event with
/// that id, in any scenario). Resolution checks that the file sets the value; <see cref="Apply"/> overwrites it in any
/// freshly loaded copy of the same file with a fixed number in the internal unit.
/// </summary>
internal sealed partial class ParameterTarget
{
    private static readonly Dictionary<string, Dimension> NodeFields = new(StringComparer.Ordinal)
    {
        ["capacity"] = Dimension.Rate, ["quota"] = Dimension.Rate, ["days_of_cover"] = Dimension.Duration,
        ["reorder_point"] = Dimension.Duration, ["order_up_to"] = Dimension.Duration, ["delay"] = Dimension.Duration,
        ["leak_fraction"] = Dimension.None, ["interdiction_probability"] = Dimension.None, ["demand_cv"] = Dimension.None,
        ["priority"] = Dimension.None, ["demand"] = Dimension.Rate, ["acquisition"] = Dimension.Mass,
        ["initial_inventory"] = Dimension.Mass,
    };

    private static readonly Dictionary<string, Dimension> LaneFields = new(StringComparer.Ordinal)
    {
        ["lead_time"] = Dimension.Duration, ["capacity"] = Dimension.Rate, ["share"] = Dimension.None,
    };

    private static readonly Dictionary<string, Dimension> EventFields = new(StringComparer.Ordinal)
    {
        ["processing_time"] = Dimension.Duration, ["approval_probability"] = Dimension.None, ["validity"] = Dimension.Duration,
        ["approval_by_destination"] = Dimension.None, ["annual"] = Dimension.Rate, ["leak_fraction"] = Dimension.None,
        ["interdiction_probability"] = Dimension.None, ["rate_per_year"] = Dimension.None, ["duration"] = Dimension.Duration,
        ["capacity_lost"] = Dimension.None, ["multiplier"] = Dimension.None, ["capacity"] = Dimension.Rate,
        ["ramp"] = Dimension.Duration,
    };

    private static readonly HashSet<string> KeyedFields = ["demand", "acquisition", "initial_inventory", "approval_by_destination"];

    private ParameterTarget(string collection, string id, string field, string? key, Dimension dimension)
    {
        Collection = collection;
        Id = id;
        Field = field;
        Key = key;
        Dimension = dimension;
    }

    public string Collection { get; }

    public string Id { get; }

    public string Field { get; }

    public string? Key { get; }

    /// <summary>The unit family of the value; sweep bounds are parsed with it.</summary>
    public Dimension Dimension { get; private set; }

    [GeneratedRegex(@"^(?<collection>[a-z_]+)\[(?<id>[^\]]+)\]\.(?<field>[a-z_]+)(\.(?<key>[^.\s]+))?$")]
    private static partial Regex PathPattern();

    /// <summary>Parses and resolves <paramref name="path"/> against <paramref name="document"/>; null after a diagnostic.</summary>
    public static ParameterTarget? Resolve(string path, SourceLocation at, ScenarioFileDocument document, DiagnosticBag diagnostics)
    {
        var match = PathPattern().Match(path);
        if (!match.Success)
        {
            diagnostics.Error("SS0303", at, $"parameter path '{path}' is malformed; expected nodes[ID].FIELD, nodes[ID].demand.MATERIAL, " +
                                            "lanes[FROM->TO].FIELD or events[EVENT_ID].FIELD");
            return null;
        }

        string collection = match.Groups["collection"].Value, id = match.Groups["id"].Value, field = match.Groups["field"].Value;
        string? key = match.Groups["key"].Success ? match.Groups["key"].Value : null;
        Dictionary<string, Dimension>? fields = collection switch
        {
            "nodes" => NodeFields,
            "lanes" => LaneFields,
            "events" => EventFields,
            _ => null,
        };
        if (fields is null)
        {
            string[] collections = ["nodes", "lanes", "events"];
            diagnostics.Error("SS0303", at, $"unknown collection '{collection}' in '{path}'{Suggest.Hint(collection, collections)}; expected nodes, lanes or events");
            return null;
        }

        var ids = collection switch
        {
            "nodes" => document.Nodes.Select(n => n.Id?.Value),
            "lanes" => document.Lanes.Select(l => $"{l.From?.Value}->{l.To?.Value}"),
            _ => document.Scenarios.SelectMany(s => s.Events).Select(e => e.Id?.Value),
        };
        var known = ids.OfType<string>().Distinct().ToList();
        if (!known.Contains(id))
        {
            string what = collection == "events" ? "event id" : collection[..^1];
            diagnostics.Error("SS0304", at, $"unknown {what} '{id}' in '{path}'{Suggest.Hint(id, known)}");
            return null;
        }

        if (!fields.TryGetValue(field, out var dimension))
        {
            diagnostics.Error("SS0305", at, $"'{field}' is not a sweepable field of {collection}{Suggest.Hint(field, fields.Keys)}; " +
                                            $"allowed: {string.Join(", ", fields.Keys)}");
            return null;
        }

        if (KeyedFields.Contains(field) != key is not null)
        {
            diagnostics.Error("SS0303", at, KeyedFields.Contains(field)
                ? $"'{field}' needs a key, e.g. {collection}[{id}].{field}.KEY"
                : $"'{field}' takes no key; remove '.{key}'");
            return null;
        }

        var target = new ParameterTarget(collection, id, field, key, dimension);
        if (!target.IsSetIn(document, diagnostics, at, path))
        {
            return null;
        }

        return target;
    }

    /// <summary>Overwrites the addressed value in <paramref name="document"/> with <paramref name="value"/>.</summary>
    public void Apply(ScenarioFileDocument document, double value)
    {
        switch (Collection)
        {
            case "nodes":
                foreach (var node in document.Nodes.Where(n => n.Id?.Value == Id))
                {
                    ApplyToNode(node, value);
                }

                break;
            case "lanes":
                foreach (var lane in document.Lanes.Where(l => $"{l.From?.Value}->{l.To?.Value}" == Id))
                {
                    ApplyToLane(lane, value);
                }

                break;
            default:
                foreach (var e in document.Scenarios.SelectMany(s => s.Events).Where(e => e.Id?.Value == Id))
                {
                    ApplyToEvent(e, value);
                }

                break;
        }
    }

    private static UncertainDocument Fixed(UncertainDocument? old, double value, SourceLocation fallback) =>
        UncertainDocument.Fixed(value, old?.Location ?? fallback);

    private static LocatedValue<double> Located(LocatedValue<double>? old, double value, SourceLocation fallback) =>
        new(value, old?.Location ?? fallback);
}
