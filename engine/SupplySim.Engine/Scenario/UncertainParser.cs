
namespace SupplySim.Scenario;

/// <summary>Parses a scalar or a <c>{dist: ...}</c> mapping into an <see cref="UncertainDocument"/>.</summary>
internal static class UncertainParser
{
    internal static readonly Dictionary<string, (string[] Required, string[] Optional)> Shapes = new(StringComparer.Ordinal)
    {
        ["fixed"] = (["value"], []),
        ["uniform"] = (["min", "max"], []),
        ["triangular"] = (["min", "mode", "max"], []),
        ["pert"] = (["min", "mode", "max"], ["lambda"]),
        ["normal"] = (["mean", "sd"], ["min", "max"]),
        ["lognormal"] = (["median", "sigma"], ["max"]),
        ["beta"] = (["alpha", "beta"], ["min", "max"]),
        ["discrete"] = (["values", "weights"], []),
    };

    /// <summary>Shape parameters that never carry a unit.</summary>
    private static readonly HashSet<string> Unitless = ["lambda", "sigma", "alpha", "beta", "weights"];

    public static IReadOnlyCollection<string> Names => Shapes.Keys;

    public static UncertainDocument? Parse(YamlTreeNode node, string key, Dimension dimension, string? defaultUnit, string file, DiagnosticBag diagnostics)
    {
        var location = YamlMapReader.At(node, file);
        if (node is YamlScalar scalar)
        {
            if (Units.TryParse(scalar.Value, dimension, defaultUnit, out double value) is { } error)
            {
                diagnostics.Error(error.Code, location, $"{key}: {error.Message}");
                return null;
            }

            return UncertainDocument.Fixed(value, location, scalar.Value);
        }

        if (node is not YamlMapping map)
        {
            diagnostics.Error("SS0002", location, $"{key} must be a number or a distribution {{dist: ...}}, not a list");
            return null;
        }

        var reader = new YamlMapReader(map, file, diagnostics);
        var dist = reader.Choice("dist", Shapes.Keys, required: true);
        if (dist is null)
        {
            return null;
        }

        var unitValue = reader.String("unit");
        string? unit = unitValue?.Value;
        if (unit is not null && Units.Factor(unit, dimension) is null)
        {
            diagnostics.Error("SS0007", unitValue!.Location,
                $"{key}: unknown unit '{unit}'; expected one of {string.Join(", ", Units.Accepted(dimension))}");
            return null;
        }

        var (required, optional) = Shapes[dist.Value];
        var doc = new UncertainDocument { Dist = dist.Value, Location = location };
        bool ok = true;
        foreach (string name in required.Concat(optional))
        {
            bool isRequired = Array.IndexOf(required, name) >= 0;
            var paramDimension = Unitless.Contains(name) ? Dimension.None : dimension;
            if (name is "values" or "weights")
            {
                var list = ParseList(reader, name, paramDimension, unit ?? defaultUnit, key);
                ok &= list is not null;
                if (name == "values") { doc.Values = list; } else { doc.Weights = list; }
                continue;
            }

            var number = reader.Number(name, paramDimension, paramDimension == Dimension.None ? null : unit ?? defaultUnit, isRequired);
            if (number is null)
            {
                ok &= !isRequired && !reader.Has(name);
                continue;
            }

            doc.Parameters[name] = number.Value;
            doc.ParameterLocations[name] = number.Location;
            if (reader.Node(name) is YamlScalar { Value: var text })
            {
                doc.ParameterText[name] = unit is not null && double.TryParse(text, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out _)
                    ? $"{text} {unit}"
                    : text;
            }
        }

        reader.ReportUnknownKeys([.. required, .. optional, "dist", "unit"], $"a {dist.Value} distribution");
        return ok ? doc : null;
    }

    private static List<double>? ParseList(YamlMapReader reader, string name, Dimension dimension, string? unit, string key)
    {
        if (reader.Sequence(name, required: true) is not { } sequence)
        {
            return null;
        }

        var list = new List<double>();
        foreach (var item in sequence.Items)
        {
            if (item is not YamlScalar scalar ||
                Units.TryParse(scalar.Value, dimension, dimension == Dimension.None ? null : unit, out double v) is not null)
            {
                reader.Diagnostics.Error("SS0006", YamlMapReader.At(item, reader.File), $"{key}.{name}: each entry must be a number");
                return null;
            }

            list.Add(v);
        }

        return list;
    }
}
