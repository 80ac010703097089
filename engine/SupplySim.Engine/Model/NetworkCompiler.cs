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
        return diagnostics.HasErrors ? null : new CompiledModel(final, scenarios, observations);
    }
}
