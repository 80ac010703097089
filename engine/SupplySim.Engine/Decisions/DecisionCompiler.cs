using SupplySim.Model;
using SupplySim.Scenario;

namespace SupplySim.Decisions;

/// <summary>
/// Checks the meaning of <c>levers:</c> and <c>objectives:</c> against the compiled network (nodes, kinds, sectors,
/// materials, units of every range and cost) and builds a <see cref="DecisionProblem"/>. Lever problems are SS0125,
/// objective problems SS0126; unknown ids use the compiler's codes (SS0102 node or lane, SS0103 material, SS0116 sector).
/// </summary>
public static partial class DecisionCompiler
{
    /// <summary>Compiles the decision sections of <paramref name="document"/>, whose network is <paramref name="model"/>; null after an error.</summary>
    public static DecisionProblem? Compile(ScenarioFileDocument document, CompiledModel model, DiagnosticBag diagnostics)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(diagnostics);
        var origin = new SourceLocation(document.FilePath, 1, 1);
        if (document.Levers.Count == 0)
        {
            diagnostics.Error("SS0125", origin, "the file has no 'levers:' section; optimize needs at least one lever (see docs/decisions.md)");
        }

        if (document.Objectives is null)
        {
            diagnostics.Error("SS0126", origin, "the file has no 'objectives:' section (shortage_costs, risk, robustness); see docs/decisions.md");
        }

        var bag = new DiagnosticBag();
        var levers = new List<Lever>();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var lever in document.Levers)
        {
            if (lever.Id is { } id && !ids.Add(id.Value))
            {
                bag.Error("SS0101", id.Location, $"duplicate lever id '{id.Value}'");
            }

            if (CompileLever(lever, document, model, bag) is { } compiled)
            {
                levers.Add(compiled);
            }
        }

        var objectives = document.Objectives is { } o ? CompileObjectives(o, model, bag) : null;
        diagnostics.AddRange(bag);
        if (bag.HasErrors || objectives is null || levers.Count == 0)
        {
            return null;
        }

        var (costs, risk, robustness, maxRisk, scenarios) = objectives.Value;
        return new DecisionProblem(levers, costs, risk, robustness, maxRisk, scenarios, model.Network.Steps * model.Network.StepDays);
    }

    /// <summary>A cost in US dollars per <paramref name="per"/>: the amount, or the mean of a stated range (costs count linearly).</summary>
    private static double? Money(CostDocument? cost, MoneyPer per, string key, SourceLocation owner, DiagnosticBag diagnostics)
    {
        if (cost is null)
        {
            diagnostics.Error("SS0003", owner, $"missing '{key}' (a cost in {MoneyUnits.Accepted(per)}, or a range {{dist: uniform, min: ..., max: ...}})");
            return null;
        }

        if (cost.Amount is { } amount)
        {
            return Parse(amount);
        }

        var values = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var (bound, text) in cost.Bounds)
        {
            if (Parse(text) is not { } value)
            {
                return null;
            }

            values[bound] = value;
        }

        if (cost.Dist is null || !values.TryGetValue("min", out double min) || !values.TryGetValue("max", out double max))
        {
            return null; // the loader reported what is missing
        }

        double mode = values.GetValueOrDefault("mode", min);
        if (max < min || (cost.Dist.Value == "triangular" && (mode < min || mode > max)))
        {
            diagnostics.Error("SS0105", cost.Location, $"{key}: the range needs min <= {(cost.Dist.Value == "triangular" ? "mode <= " : "")}max");
            return null;
        }

        return cost.Dist.Value == "triangular" ? (min + mode + max) / 3 : (min + max) / 2;

        double? Parse(LocatedValue<string> text)
        {
            if (MoneyUnits.TryParse(text.Value, per, out double dollars) is { } error)
            {
                diagnostics.Error(error.Code, text.Location, $"{key}: {error.Message}");
                return null;
            }

            return dollars;
        }
    }

    private static int? NodeIndex(LocatedValue<string>? node, CompiledNetwork network, SourceLocation owner, string what, DiagnosticBag diagnostics)
    {
        if (node is null)
        {
            diagnostics.Error("SS0003", owner, $"{what} needs 'node'");
            return null;
        }

        int index = network.NodeIds.ToList().IndexOf(node.Value);
        if (index < 0)
        {
            diagnostics.Error("SS0102", node.Location, $"unknown node '{node.Value}'{Suggest.Hint(node.Value, network.NodeIds)}");
            return null;
        }

        return index;
    }
}
