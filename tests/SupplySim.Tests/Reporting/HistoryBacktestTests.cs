using NUnit.Framework;
using SupplySim.Reporting;
using SupplySim.Simulation;
using SupplySim.Tests.Support;

namespace SupplySim.Tests.Reporting;

/// <summary>Does the shipped history reproduce what was observed in 2023-2025?</summary>
[TestFixture]
internal sealed class HistoryBacktestTests
{
    /// <summary>
    /// Observations the model does not reproduce, with the reason (scenarios/SOURCES.md, "What fits and what does
    /// not"). The test asserts they are still outside the band, so a calibration change that fixes or breaks one
    /// is noticed and this list is revisited rather than silently drifting.
    /// </summary>
    /// <remarks>
    /// Empty since licence validity (SOURCES.md H3). <c>cn-magnets-all-2025</c> sits on the P90 edge: inside at these
    /// 200 trials (P90 57,475 t against 57,392 t observed), 17 t above P90 at 300 trials; if it drops out again,
    /// list it here with the reason.
    /// </remarks>
    private static readonly Dictionary<string, string> KnownMisfits = new(StringComparer.Ordinal);

    private static IReadOnlyList<BacktestComparison> Comparisons { get; } = Run();

    private static IReadOnlyList<BacktestComparison> Run()
    {
        var model = TestModels.CompileFile(Path.Combine(TestModels.RepoRoot(), "scenarios", "history-2023-2025.yaml"));
        var options = new MonteCarloOptions(Trials: 200, Seed: 20230101, RecordMonthlyLaneFlows: true);
        var results = model.Scenarios.Where(s => s.Id is "baseline" or "history").Select(s => MonteCarlo.Run(model, s, options)).ToList();
        return Backtest.Compare(model, results);
    }

    private static IEnumerable<TestCaseData> Observations() =>
        Comparisons.Select(c => new TestCaseData(c.Observation.Id).SetName($"Backtest_History_{c.Observation.Id}"));

    [TestCaseSource(nameof(Observations))]
    public void Backtest_History_ObservedValueAgainstModelledBand(string id)
    {
        var comparison = Comparisons.Single(c => c.Observation.Id == id);
        string band = $"observed {comparison.Observation.ObservedTonnes} t, modelled P10-P90 {comparison.P10:0}-{comparison.P90:0} t";
        if (KnownMisfits.TryGetValue(id, out string? reason))
        {
            Assert.That(comparison.Inside, Is.False, $"known misfit now fits ({band}); remove it from KnownMisfits and SOURCES.md: {reason}");
        }
        else
        {
            Assert.That(comparison.Inside, Is.True, band);
        }
    }

    [Test]
    public void Backtest_History_HasTheIssuesObservations() =>
        Assert.That(Comparisons.Select(c => c.Observation.Id), Does.Contain("cn-magnets-to-us-2024").And.Contain("cn-magnets-to-us-2025").And.Contain("cn-sb-to-us-q4-2024"));
}
