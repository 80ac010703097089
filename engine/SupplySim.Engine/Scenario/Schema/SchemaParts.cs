using System.Text.Json.Nodes;

namespace SupplySim.Scenario.Schema;

/// <summary>Small builders for JSON Schema (draft 2020-12) fragments.</summary>
internal static class SchemaParts
{
    public const string Draft = "https://json-schema.org/draft/2020-12/schema";

    public static JsonObject Ref(string definition) => new() { ["$ref"] = $"#/$defs/{definition}" };

    public static JsonObject String(string description, string? pattern = null, IEnumerable<string>? examples = null)
    {
        var schema = new JsonObject { ["type"] = "string", ["description"] = description };
        if (pattern is not null)
        {
            schema["pattern"] = pattern;
        }

        if (examples is not null)
        {
            schema["examples"] = new JsonArray([.. examples.Select(e => (JsonNode)e)]);
        }

        return schema;
    }

    public static JsonObject Enum(string description, IEnumerable<string> values, string? @default = null)
    {
        var schema = new JsonObject { ["description"] = description, ["enum"] = new JsonArray([.. values.Select(v => (JsonNode)v)]) };
        if (@default is not null)
        {
            schema["default"] = @default;
        }

        return schema;
    }

    /// <summary>A list of ids, or one id as a scalar.</summary>
    public static JsonObject StringList(string description) => new()
    {
        ["description"] = description,
        ["anyOf"] = new JsonArray(new JsonObject { ["type"] = "array", ["items"] = new JsonObject { ["type"] = "string" } }, new JsonObject { ["type"] = "string" }),
    };

    public static JsonObject Array(JsonNode items, string description, int minItems = 0) =>
        new() { ["type"] = "array", ["description"] = description, ["items"] = items, ["minItems"] = minItems };

    public static JsonObject Bool(string description, bool @default = false) =>
        new() { ["type"] = "boolean", ["description"] = description, ["default"] = @default };

    /// <summary>A number or a quantity with a unit ("1000 t/yr", "30d"), or a distribution: <c>$defs/uncertain</c>.</summary>
    public static JsonObject Uncertain(string description) =>
        new() { ["$ref"] = "#/$defs/uncertain", ["description"] = description };

    /// <summary>A number or a quantity with a unit: <c>$defs/quantity</c>.</summary>
    public static JsonObject Quantity(string description) =>
        new() { ["$ref"] = "#/$defs/quantity", ["description"] = description };

    /// <summary>An object with exactly <paramref name="keys"/> (each described), some required.</summary>
    public static JsonObject Object(string description, IEnumerable<string> keys, Func<string, JsonNode> property, IEnumerable<string>? required = null,
        bool closed = true)
    {
        var properties = new JsonObject();
        foreach (string key in keys)
        {
            properties[key] = property(key);
        }

        var schema = new JsonObject { ["type"] = "object", ["description"] = description, ["properties"] = properties };
        if (required?.ToList() is { Count: > 0 } list)
        {
            schema["required"] = new JsonArray([.. list.Select(r => (JsonNode)r)]);
        }

        if (closed)
        {
            schema["additionalProperties"] = false;
        }

        return schema;
    }

    /// <summary>
    /// An object whose allowed keys depend on a discriminator (<c>kind</c>, <c>type</c>): the discriminator's enum, then
    /// one if/then per value naming its keys, and <c>unevaluatedProperties: false</c> so other keys are errors.
    /// </summary>
    public static JsonObject Discriminated(string description, string discriminator, IReadOnlyDictionary<string, string[]> keysByValue,
        Func<string, JsonNode> property, Func<string, IEnumerable<string>> required)
    {
        var branches = new JsonArray();
        foreach (var (value, keys) in keysByValue)
        {
            var then = Object($"a {value}", keys.Where(k => k != discriminator), property, required(value), closed: false);
            then.Remove("type");
            then.Remove("description");
            branches.Add(new JsonObject
            {
                ["if"] = new JsonObject
                {
                    ["properties"] = new JsonObject { [discriminator] = new JsonObject { ["const"] = value } },
                    ["required"] = new JsonArray(discriminator),
                },
                ["then"] = then,
            });
        }

        return new JsonObject
        {
            ["type"] = "object",
            ["description"] = description,
            ["properties"] = new JsonObject { [discriminator] = Enum($"what this entry is: {string.Join(", ", keysByValue.Keys)}", keysByValue.Keys) },
            ["required"] = new JsonArray(discriminator),
            ["allOf"] = branches,
            ["unevaluatedProperties"] = false,
        };
    }

    /// <summary><paramref name="body"/> with <c>$schema</c>, <c>$id</c> and <c>title</c> first, as editors and readers expect.</summary>
    public static JsonObject Document(string id, string title, JsonObject body)
    {
        var document = new JsonObject { ["$schema"] = Draft, ["$id"] = id, ["title"] = title };
        foreach (string key in body.Select(p => p.Key).ToList())
        {
            var value = body[key];
            body.Remove(key);
            document[key] = value;
        }

        return document;
    }
}
