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
    /// No flow observation since licence validity (SOURCES.md H3); <c>cn-magnets-all-2025</c> sits near the P90 edge.
    /// The price observations the market layer's priors (fixed before the backtest, SOURCES.md 9.2) do not reach
    /// are listed: the modelled prices rise far less than the recorded ones (calibrating them is issue 20's job).
    /// </remarks>
    private static readonly Dictionary<string, string> KnownMisfits = new(StringComparer.Ordinal)
    {
        ["sb-rotterdam-2024-05"] = "Sb rose 1.5x by May 2024 before the US ban; the modelled outside market barely moves until buyers' cover falls",
        ["sb-rotterdam-2025-06"] = "Sb reached ~5x the 2023 price; the model's P90 is ~4.4x",
        ["ga-rotterdam-2023-10"] = "Ga rose ~1.7x within two months of the 2023 licensing; no outside buyer in the model runs short, so its price does not rise",
        ["ga-rotterdam-2023-12"] = "as ga-rotterdam-2023-10 (~2.1x)",
        ["ga-rotterdam-2025-05"] = "as ga-rotterdam-2023-10 (~2.6x)",
        ["ge-europe-2024-09"] = "Ge rose ~1.9x in 2024 without a matching shortage in the model",
        ["ge-us-2025"] = "Ge averaged ~2.6x its Jan 2024 price in 2025; the model's P90 stays ~1.4x",
    };

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
        string band = $"observed {comparison.Observation.Observed} {comparison.Observation.Unit}, modelled P10-P90 {comparison.P10:0}-{comparison.P90:0} {comparison.Observation.Unit}";
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
