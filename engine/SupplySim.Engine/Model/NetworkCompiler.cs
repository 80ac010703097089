using SupplySim.Scenario;

namespace SupplySim.Model;

/// <summary>
/// Validates a scenario document and lowers it to a <see cref="CompiledModel"/>. Every problem is reported to the
/// diagnostic bag; the result is null when the bag holds any error (including the loader's), and otherwise satisfies
/// every invariant the kernel relies on.
/// </summary>
public static class NetworkCompiler
{
    /// <summary>Longest run accepted, in days (100 years).</summary>
    public const double MaxHorizonDays = 100 * 366;

    /// <summary>
    /// Largest quantity or rate accepted, in tonnes or tonnes per day (10^12 t/d is ~10^5 times world iron-ore
    /// output). Keeps sums over a century of steps, and their squares in the statistics, far below overflow.
    /// </summary>
    public const double MaxQuantity = 1e12;

    /// <summary>Compiles <paramref name="document"/>; returns null if <paramref name="diagnostics"/> has errors.</summary>
    public static CompiledModel? Compile(ScenarioFileDocument document, DiagnosticBag diagnostics)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(diagnostics);
        var builder = new NetworkBuilder(document, diagnostics);
        var network = builder.Build();
        if (network is null || diagnostics.HasErrors)
        {
            return null;
        }

        var scenarios = new List<CompiledScenario> { ScenarioCompiler.Baseline(network.Steps) };
        var seen = new HashSet<string>(StringComparer.Ordinal) { "baseline" };
        foreach (var scenario in document.Scenarios)
        {
            if (scenario.Id is { } id && !seen.Add(id.Value))
            {
                diagnostics.Error("SS0101", id.Location,
                    id.Value == "baseline" ? "scenario id 'baseline' is reserved for the network without events" : $"duplicate scenario id '{id.Value}'");
                continue;
            }

            if (new ScenarioCompiler(builder, scenario).Compile() is { } compiled)
            {
                scenarios.Add(compiled);
            }
        }

        // Scenario events add parameters, so the table is frozen only now.
        var final = builder.Freeze();
        var observations = ObservationCompiler.Compile(document, final, scenarios, diagnostics);
        var calibration = CalibrationParameters(document, final, diagnostics);
        final.Correlations = CorrelationCompiler.Compile(document.Correlations, final, diagnostics);
        return diagnostics.HasErrors ? null : new CompiledModel(final, scenarios, observations, calibration);
    }

    /// <summary>The paths of <c>calibrate: parameters:</c>, each a continuous uncertain per-trial parameter (SS0123); null when not given.</summary>
    private static List<string>? CalibrationParameters(ScenarioFileDocument document, CompiledNetwork network, DiagnosticBag diagnostics)
    {
        if (document.CalibrateParameters is not { } paths)
        {
            return null;
        }

        var calibratable = Calibration.AbcSmc.CalibratableParameters(network);
        var names = new List<string>();
        foreach (var path in paths)
        {
            if (names.Contains(path.Value))
            {
                diagnostics.Error("SS0123", path.Location, $"calibrate: '{path.Value}' is listed twice");
            }
            else if (!calibratable.Contains(path.Value))
            {
                bool exists = network.Parameters.Names.Contains(path.Value);
                diagnostics.Error("SS0123", path.Location, exists
                    ? $"calibrate: '{path.Value}' is not uncertain per trial (a fixed value, a discrete choice or a per-use duration); " +
                      "calibration fits continuous distributions drawn once per trial"
                    : $"calibrate: '{path.Value}' is not a parameter of this file{Scenario.Suggest.Hint(path.Value, calibratable)}; " +
                      "paths are as in sweep files (nodes[ID].FIELD, lanes[FROM->TO].FIELD, events[ID].FIELD, markets.MATERIAL.FIELD)");
            }
            else
            {
                names.Add(path.Value);
            }
        }

        if (paths.Count == 0)
        {
            diagnostics.Error("SS0123", document.Location, "calibrate: 'parameters' is empty; list parameter paths or remove the section to fit every uncertain one");
        }

        return names;
    }
}
