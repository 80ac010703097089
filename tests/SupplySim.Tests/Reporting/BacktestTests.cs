using NUnit.Framework;
using SupplySim.Reporting;
using SupplySim.Simulation;
using SupplySim.Tests.Support;

namespace SupplySim.Tests.Reporting;

/// <summary>Observed flows against the modelled band.</summary>
[TestFixture]
internal sealed class BacktestTests
{
    private static string WithObservations(string observations) => TestModels.Chain + "\n" + observations;

    private const string Observations = """
        observations:
          - id: banned-flow
            scenario: ban
            lanes: [mine->user]
            year: 2024
            value: 0 t
          - id: free-flow
            scenario: baseline
            lanes: [mine->user]
            from: 2024-02
            to: 2024-11
            value: 3040 t
          - id: far-too-much
            scenario: baseline
            lanes: [mine->user]
            year: 2024
            value: 1000000 t
        """;

    [Test]
    public void Compare_ChainWithObservations_BandsMatchTheFlows()
    {
        var model = TestModels.Compile(WithObservations(Observations));
        var options = new MonteCarloOptions(8, 3, RecordMonthlyLaneFlows: true);
        var results = model.Scenarios.Select(s => MonteCarlo.Run(model, s, options)).ToList();
        var comparisons = Backtest.Compare(model, results);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(comparisons.Select(c => c.Observation.Id), Is.EqualTo(new[] { "banned-flow", "free-flow", "far-too-much" }));
            Assert.That(comparisons[0].P90, Is.Zero);
            Assert.That(comparisons[0].Inside, Is.True);
            // Demand is 10 t/d without noise: from February to November (304 days) the consumer re-orders what it used.
            Assert.That(comparisons[1].P50, Is.EqualTo(3040).Within(1e-6));
            Assert.That(comparisons[1].Inside, Is.True);
            Assert.That(comparisons[2].Inside, Is.False);
        }
    }

    [Test]
    public void Compile_ObservationOfUnknownLaneAndScenario_ReportsBoth()
    {
        var diagnostics = new SupplySim.Scenario.DiagnosticBag();
        var doc = SupplySim.Scenario.ScenarioLoader.Load(WithObservations("""
            observations:
              - id: x
                scenario: bann
                lanes: [mine->usr]
                year: 2024
                value: 1 t
            """), "obs.yaml", diagnostics);
        var model = SupplySim.Model.NetworkCompiler.Compile(doc!, diagnostics);
        Assert.That(model, Is.Null);
        Assert.That(diagnostics.Items.Select(d => d.Code), Is.EquivalentTo(new[] { "SS0117", "SS0102" }));
    }
}
