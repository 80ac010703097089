using System.Globalization;
using SupplySim.Model;
using SupplySim.Scenario;
using SupplySim.Simulation;

namespace SupplySim.Sweeps;

/// <summary>The <c>outputs:</c> section, resolved against the scenario's result columns.</summary>
public static partial class SweepLoader
{
    internal static readonly string[] OutputKeys = ["name", "metric", "entity", "material", "statistic"];

    private static readonly string[] StatisticNames = ["mean", "p50", "p90", "p95", "p_above:<x>"];

    private static List<SweepOutput> ReadOutputs(YamlMapReader reader, CompiledModel model, CompiledScenario scenario, DiagnosticBag diagnostics)
    {
        var columns = new MetricLayout(model.Network, scenario).Columns;
        var outputs = new List<SweepOutput>();
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var item in ScenarioLoader.Items(reader, "outputs", required: true))
        {
            var r = new YamlMapReader(item, reader.File, diagnostics);
            r.ReportUnknownKeys(OutputKeys, "a sweep output");
            var metricText = r.String("metric", required: true);
            var entity = r.String("entity", required: true);
            var material = r.String("material");
            var statisticText = r.String("statistic") ?? new LocatedValue<string>("mean", r.Location);
            var statistic = ParseStatistic(statisticText, diagnostics, out double threshold);
            if (metricText is null || entity is null)
            {
                continue;
            }

            int metricIndex = MetricNames.All.ToList().IndexOf(metricText.Value);
            var candidates = columns.Select((c, i) => (Column: c, Index: i))
                .Where(x => x.Column.Kind is EntityKind.Consumer or EntityKind.Sector).ToList();
            if (metricIndex < 0 || !candidates.Exists(x => (int)x.Column.Metric == metricIndex))
            {
                var valid = candidates.Select(x => MetricNames.Of(x.Column.Metric)).Distinct().ToList();
                diagnostics.Error("SS0309", metricText.Location, $"unknown output metric '{metricText.Value}'{Suggest.Hint(metricText.Value, valid)}; " +
                                                                 $"allowed: {string.Join(", ", valid)}");
                continue;
            }

            var ofEntity = candidates.Where(x => x.Column.Entity == entity.Value && (int)x.Column.Metric == metricIndex).ToList();
            if (ofEntity.Count == 0)
            {
                var entities = candidates.Select(x => x.Column.Entity).Distinct().ToList();
                diagnostics.Error("SS0309", entity.Location, $"no consumer or sector '{entity.Value}' reports {metricText.Value}" +
                                                             $"{Suggest.Hint(entity.Value, entities)}; known: {string.Join(", ", entities)}");
                continue;
            }

            // A consumer id wins over a sector of the same name.
            var kind = ofEntity.Exists(x => x.Column.Kind == EntityKind.Consumer) ? EntityKind.Consumer : EntityKind.Sector;
            ofEntity = ofEntity.Where(x => x.Column.Kind == kind).ToList();
            var materials = ofEntity.Select(x => x.Column.Material).ToList();
            var chosen = material is null
                ? ofEntity.Count == 1 ? ofEntity[0] : default
                : ofEntity.Find(x => x.Column.Material == material.Value);
            if (chosen.Column.Entity is null)
            {
                diagnostics.Error("SS0309", material?.Location ?? entity.Location, material is null
                    ? $"'{entity.Value}' has several materials; add material: one of {string.Join(", ", materials)}"
                    : $"'{entity.Value}' has no material '{material.Value}'{Suggest.Hint(material.Value, materials)}; it has: {string.Join(", ", materials)}");
                continue;
            }

            if (statistic is null)
            {
                continue;
            }

            string name = r.String("name")?.Value ?? $"{metricText.Value}:{entity.Value}:{chosen.Column.Material}:{statisticText.Value}";
            if (!names.Add(name))
            {
                diagnostics.Error("SS0309", r.Location, $"output '{name}' is listed twice");
                continue;
            }

            outputs.Add(new SweepOutput(name, chosen.Column.Metric, kind, entity.Value, chosen.Column.Material, statistic.Value, threshold,
                statisticText.Value, chosen.Index));
        }

        return outputs;
    }

    private static OutputStatistic? ParseStatistic(LocatedValue<string> text, DiagnosticBag diagnostics, out double threshold)
    {
        threshold = double.NaN;
        switch (text.Value)
        {
            case "mean": return OutputStatistic.Mean;
            case "p50": return OutputStatistic.P50;
            case "p90": return OutputStatistic.P90;
            case "p95": return OutputStatistic.P95;
        }

        if (text.Value.StartsWith("p_above:", StringComparison.Ordinal)
            && double.TryParse(text.Value["p_above:".Length..], NumberStyles.Float, CultureInfo.InvariantCulture, out threshold)
            && double.IsFinite(threshold))
        {
            return OutputStatistic.PAbove;
        }

        diagnostics.Error("SS0309", text.Location, $"unknown statistic '{text.Value}'{Suggest.Hint(text.Value, StatisticNames)}; " +
                                                   $"allowed: {string.Join(", ", StatisticNames)}");
        return null;
    }
}
