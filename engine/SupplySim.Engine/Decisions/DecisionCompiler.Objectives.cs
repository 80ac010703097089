using SupplySim.Model;
using SupplySim.Scenario;
using SupplySim.Simulation;

namespace SupplySim.Decisions;

/// <summary>The <c>objectives:</c> half of <see cref="DecisionCompiler"/>.</summary>
public static partial class DecisionCompiler
{
    private static (List<ShortageCost> Costs, RiskMeasure Risk, Robustness Robustness, double MaxRisk, List<string> Scenarios)? CompileObjectives(
        ObjectivesDocument objectives, CompiledModel model, DiagnosticBag diagnostics)
    {
        int errors = diagnostics.Items.Count;
        var network = model.Network;
        var layout = new MetricLayout(network, model.Scenarios[0]);
        var sectorMaterials = layout.Columns.Where(c => c.Kind == EntityKind.Sector).Select(c => (c.Entity, c.Material)).ToHashSet();
        var scenarioIds = model.Scenarios.Select(s => s.Id).ToList();
        var scenarios = new List<string>();
        foreach (var id in objectives.Scenarios ?? [.. scenarioIds.Select(s => new LocatedValue<string>(s, objectives.Location))])
        {
            if (!scenarioIds.Contains(id.Value))
            {
                diagnostics.Error("SS0126", id.Location, $"unknown scenario '{id.Value}'{Suggest.Hint(id.Value, scenarioIds)}; known: {string.Join(", ", scenarioIds)}");
            }
            else if (scenarios.Contains(id.Value))
            {
                diagnostics.Error("SS0126", id.Location, $"scenario '{id.Value}' is listed twice");
            }
            else
            {
                scenarios.Add(id.Value);
            }
        }

        if (objectives.Scenarios is { Count: 0 })
        {
            diagnostics.Error("SS0126", objectives.Location, "objectives: scenarios is empty; list at least one, or leave it out for all");
        }

        var costs = new List<ShortageCost>();
        foreach (var cost in objectives.ShortageCosts)
        {
            if (ShortageCostOf(cost, network, sectorMaterials, diagnostics) is { } compiled)
            {
                costs.Add(compiled);
            }
        }

        var risk = RiskOf(objectives, network, sectorMaterials, diagnostics);
        var robustness = objectives.Robustness?.Value switch
        {
            "regret" => Robustness.Regret,
            "satisficing" => Robustness.Satisficing,
            _ => Robustness.WorstCase,
        };
        double maxRisk = double.NaN;
        if (robustness == Robustness.Satisficing)
        {
            if (objectives.MaxRisk is not { } max)
            {
                diagnostics.Error("SS0003", objectives.Location, "robustness: satisficing needs 'max_risk' (the risk a scenario may have and still count as met)");
            }
            else if (max.Value < 0 || (max.Value > 1 && risk?.Measure == "p_above"))
            {
                diagnostics.Error("SS0104", max.Location, $"max_risk {max.Value:G6} is outside [0, 1]");
            }
            else
            {
                maxRisk = max.Value;
            }
        }
        else if (objectives.MaxRisk is { } unused)
        {
            diagnostics.Error("SS0126", unused.Location, $"max_risk is for robustness: satisficing, not {objectives.Robustness?.Value}");
        }

        return diagnostics.Items.Count == errors && risk is not null ? (costs, risk, robustness, maxRisk, scenarios) : null;
    }

    private static ShortageCost? ShortageCostOf(ShortageCostDocument cost, CompiledNetwork network, HashSet<(string, string)> sectorMaterials, DiagnosticBag diagnostics)
    {
        if ((cost.Sector is null) == (cost.Consumer is null))
        {
            diagnostics.Error("SS0126", cost.Location, "a shortage cost names either a sector (with material and per_tonne) or a coupled consumer (with per_day_stopped)");
            return null;
        }

        if (cost.Consumer is { } consumer)
        {
            int node = network.NodeIds.ToList().IndexOf(consumer.Value);
            if (node < 0)
            {
                diagnostics.Error("SS0102", consumer.Location, $"unknown node '{consumer.Value}'{Suggest.Hint(consumer.Value, network.NodeIds)}");
                return null;
            }

            if (!network.Coupled[node])
            {
                diagnostics.Error("SS0126", consumer.Location, $"'{consumer.Value}' is not a coupled consumer, so its output does not stop; cost its shortage per tonne by sector");
                return null;
            }

            return Money(cost.PerDayStopped, MoneyPer.Day, "per_day_stopped", cost.Location, diagnostics) is { } perDay
                ? new ShortageCost(EntityKind.Consumer, consumer.Value, "*", perDay)
                : null;
        }

        var sector = cost.Sector!;
        if (!network.SectorNames.Contains(sector.Value))
        {
            diagnostics.Error("SS0116", sector.Location, $"unknown sector '{sector.Value}'{Suggest.Hint(sector.Value, network.SectorNames)}");
            return null;
        }

        if (cost.Material is not { } material)
        {
            diagnostics.Error("SS0003", cost.Location, $"the shortage cost of sector '{sector.Value}' needs 'material'");
            return null;
        }

        if (!sectorMaterials.Contains((sector.Value, material.Value)))
        {
            var used = sectorMaterials.Where(sm => sm.Item1 == sector.Value).Select(sm => sm.Item2).ToList();
            diagnostics.Error("SS0103", material.Location, $"sector '{sector.Value}' has no demand for '{material.Value}'{Suggest.Hint(material.Value, used)}; it uses {string.Join(", ", used)}");
            return null;
        }

        return Money(cost.PerTonne, MoneyPer.Mass, "per_tonne", cost.Location, diagnostics) is { } perTonne
            ? new ShortageCost(EntityKind.Sector, sector.Value, material.Value, perTonne)
            : null;
    }

    private static RiskMeasure? RiskOf(ObjectivesDocument objectives, CompiledNetwork network, HashSet<(string, string)> sectorMaterials, DiagnosticBag diagnostics)
    {
        if (objectives.RiskMeasure is not { } measure || objectives.RiskSector is not { } sector || objectives.RiskMaterials is not { } materials)
        {
            return null; // the loader reported what is missing
        }

        if (!network.SectorNames.Contains(sector.Value))
        {
            diagnostics.Error("SS0116", sector.Location, $"risk: unknown sector '{sector.Value}'{Suggest.Hint(sector.Value, network.SectorNames)}; known: {string.Join(", ", network.SectorNames)}");
            return null;
        }

        var used = sectorMaterials.Where(sm => sm.Item1 == sector.Value).Select(sm => sm.Item2).ToList();
        bool ok = materials.Count > 0;
        if (!ok)
        {
            diagnostics.Error("SS0126", sector.Location, $"risk: materials is empty; list some of {string.Join(", ", used)}");
        }

        foreach (var material in materials.Where(m => !used.Contains(m.Value)))
        {
            diagnostics.Error("SS0103", material.Location, $"risk: sector '{sector.Value}' has no demand for '{material.Value}'{Suggest.Hint(material.Value, used)}; it uses {string.Join(", ", used)}");
            ok = false;
        }

        double threshold = double.NaN;
        if (measure.Value == "p_above" && objectives.RiskThreshold is { } t)
        {
            if (t.Value is < 0 or >= 1)
            {
                diagnostics.Error("SS0104", t.Location, $"risk threshold {t.Value:G6} is a shortage fraction; expected a value in [0, 1)");
                ok = false;
            }

            threshold = t.Value;
        }

        return ok ? new RiskMeasure(measure.Value, sector.Value, [.. materials.Select(m => m.Value)], threshold) : null;
    }
}
