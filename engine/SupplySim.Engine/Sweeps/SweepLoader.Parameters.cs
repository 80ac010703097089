using System.Text.RegularExpressions;
using SupplySim.Scenario;

namespace SupplySim.Sweeps;

/// <summary>The <c>parameters:</c> section.</summary>
public static partial class SweepLoader
{
    internal static readonly string[] ParameterKeys = ["path", "name", "min", "max", "values", "distribution"];

    private static readonly HashSet<string> ReservedColumns = ["point", "output", "metric", "entity", "material", "statistic", "value", "baseline"];

    [GeneratedRegex("^[a-z0-9_]+$")]
    private static partial Regex NamePattern();

    [GeneratedRegex("[^a-z0-9_]+")]
    private static partial Regex NotNameCharacters();

    private static List<SweepParameter> ReadParameters(YamlMapReader reader, ScenarioFileDocument document, DiagnosticBag diagnostics)
    {
        var parameters = new List<SweepParameter>();
        var names = new HashSet<string>(StringComparer.Ordinal);
        var paths = new HashSet<string>(StringComparer.Ordinal);
        foreach (var item in ScenarioLoader.Items(reader, "parameters", required: true))
        {
            var r = new YamlMapReader(item, reader.File, diagnostics);
            r.ReportUnknownKeys(ParameterKeys, "a sweep parameter");
            if (r.String("path", required: true) is not { } path)
            {
                continue;
            }

            var target = ParameterTarget.Resolve(path.Value, path.Location, document, diagnostics);
            var nameValue = r.String("name");
            string name = nameValue?.Value ?? NotNameCharacters().Replace($"{path.Value[(path.Value.IndexOf('[') + 1)..]}".ToLowerInvariant(), "_").Trim('_');
            if (nameValue is not null && !NamePattern().IsMatch(name))
            {
                diagnostics.Error("SS0311", nameValue.Location, $"parameter name '{name}' must match [a-z0-9_]+ (it names a table column)");
            }
            else if (ReservedColumns.Contains(name) || !names.Add(name))
            {
                diagnostics.Error("SS0311", nameValue?.Location ?? path.Location,
                    $"parameter name '{name}' is {(ReservedColumns.Contains(name) ? "a reserved column name" : "used twice")}; give each parameter a distinct name");
            }

            if (!paths.Add(path.Value))
            {
                diagnostics.Error("SS0311", path.Location, $"'{path.Value}' is swept twice");
            }

            if (target is null)
            {
                continue;
            }

            if (ReadDomain(r, target.Dimension, path.Value) is { } domain)
            {
                parameters.Add(new SweepParameter(name, path.Value, path.Location, target, domain.Min, domain.Max, domain.Values, domain.Distribution));
            }
        }

        return parameters;
    }

    private static (double Min, double Max, double[]? Values, UncertainDocument? Distribution)? ReadDomain(YamlMapReader r, Dimension dimension, string path)
    {
        var diagnostics = r.Diagnostics;
        bool range = r.Has("min") || r.Has("max"), values = r.Has("values"), distribution = r.Has("distribution");
        if ((range ? 1 : 0) + (values ? 1 : 0) + (distribution ? 1 : 0) != 1)
        {
            diagnostics.Error("SS0307", r.Location, $"parameter '{path}' needs exactly one of: min and max, values: [...], or distribution: {{dist: ...}}");
            return null;
        }

        if (values)
        {
            var list = r.StringList("values") ?? [];
            var parsed = new List<double>();
            foreach (var text in list)
            {
                if (Parse(text, dimension, "values", diagnostics) is { } v)
                {
                    parsed.Add(v);
                }
            }

            if (list.Count == 0)
            {
                diagnostics.Error("SS0307", r.KeyLocation("values"), $"values of '{path}' is empty; give at least one value");
                return null;
            }

            return parsed.Count == list.Count ? (parsed.Min(), parsed.Max(), [.. parsed], null) : null;
        }

        if (distribution)
        {
            if (r.Node("distribution") is not { } node || UncertainParser.Parse(node, "distribution", dimension, null, r.File, diagnostics) is not { } dist)
            {
                return null;
            }

            if (!SweepParameter.Distributions.Contains(dist.Dist))
            {
                diagnostics.Error("SS0307", dist.Location, $"a sweep parameter's distribution must be one of {string.Join(", ", SweepParameter.Distributions)}, was '{dist.Dist}'");
                return null;
            }

            var parameter = new SweepParameter("", path, default, null!, 0, 0, null, dist);
            return (parameter.ValueAt(0), parameter.ValueAt(1), null, dist);
        }

        var min = r.String("min", required: true);
        var max = r.String("max", required: true);
        double? low = min is null ? null : Parse(min, dimension, "min", diagnostics);
        double? high = max is null ? null : Parse(max, dimension, "max", diagnostics);
        if (low is null || high is null)
        {
            return null;
        }

        if (!(low < high))
        {
            diagnostics.Error("SS0307", max!.Location, $"max of '{path}' must be greater than min ({min!.Value}), was {max.Value}");
            return null;
        }

        return (low.Value, high.Value, null, null);
    }

    private static double? Parse(LocatedValue<string> text, Dimension dimension, string key, DiagnosticBag diagnostics)
    {
        if (Units.TryParse(text.Value, dimension, null, out double value) is { } error)
        {
            diagnostics.Error(error.Code, text.Location, $"{key}: {error.Message}");
            return null;
        }

        return value;
    }
}
