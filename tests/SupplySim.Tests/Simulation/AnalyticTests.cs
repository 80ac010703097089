using MathNet.Numerics.Distributions;
using NUnit.Framework;
using SupplySim.Simulation;
using SupplySim.Tests.Support;

namespace SupplySim.Tests.Simulation;

/// <summary>The kernel against closed forms.</summary>
[TestFixture]
internal sealed class AnalyticTests
{
    [Test]
    public void Run_OnlySupplierBannedAtDayZero_RunsShortOnDayInventoryOverDemand()
    {
        // I = 100 t, d = 10 t/d, no noise: days 0..9 are covered, day 10 is the first with unmet demand.
        var model = TestModels.Compile(TestModels.Chain);
        var result = TestModels.Run(model, "ban", trials: 4, seed: 1);
        var tts = TestModels.Values(result, EntityKind.Consumer, "user", "sb", Metric.TimeToShortageDays);
        var shortage = TestModels.Values(result, EntityKind.Consumer, "user", "sb", Metric.ShortageT);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(tts, Is.All.EqualTo(100.0 / 10.0));
            Assert.That(shortage, Is.All.EqualTo((365 - 10) * 10.0).Within(1e-6));
        }
    }

    [Test]
    public void Run_BaseStockWithNormalDemand_StockoutProbabilityMatchesTextbook()
    {
        // Base stock S = (cover + L)·μ reviewed daily, fixed lead time L: net stock at the end of a day is
        // S − (demand over the last L days), so P(stockout day) = 1 − Φ(cover·μ / (√L·σ)).
        const double Mu = 10, Cv = 0.3, Cover = 1, Lead = 9;
        const int Horizon = 3650, Trials = 64;
        string yaml = TestModels.Chain
            .Replace("horizon: 365d", $"horizon: {Horizon}d", StringComparison.Ordinal)
            .Replace("demand_cv: 0", $"demand_cv: {Cv}", StringComparison.Ordinal)
            .Replace("days_of_cover: 10d", $"days_of_cover: {Cover}d", StringComparison.Ordinal)
            .Replace("initial_inventory: {sb: 100 t}", $"initial_inventory: {(Cover + Lead) * Mu} t", StringComparison.Ordinal)
            .Replace("lead_time: 5d", $"lead_time: {Lead}d", StringComparison.Ordinal);
        var model = TestModels.Compile(yaml);
        var result = TestModels.Run(model, "baseline", Trials, seed: 11);
        var fractions = TestModels.Values(result, EntityKind.Consumer, "user", "sb", Metric.StockoutDays).Select(d => d / Horizon).ToArray();
        double expected = 1 - Normal.CDF(0, 1, Cover * Mu / (Math.Sqrt(Lead) * Cv * Mu));
        double mean = fractions.Average();
        double sd = Math.Sqrt(fractions.Sum(f => (f - mean) * (f - mean)) / (Trials - 1));
        Assert.That(mean, Is.EqualTo(expected).Within((5 * sd / Math.Sqrt(Trials)) + 0.002));
    }

    [Test]
    public void Run_LicenceWithApprovalP_ApprovesShareP_OfAppliedVolume()
    {
        const double P = 0.35;
        string yaml = TestModels.Chain
            .Replace("horizon: 365d", "horizon: 1825d", StringComparison.Ordinal)
            .Replace("mode: ban", "mode: license\n        processing_time: {dist: uniform, min: 5d, max: 20d}\n        approval_probability: " +
                     P.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
        var model = TestModels.Compile(yaml);
        var result = TestModels.Run(model, "ban", trials: 32, seed: 5);
        string control = result.Scenario.ControlNames[0];
        var applied = TestModels.Values(result, EntityKind.Control, control, "*", Metric.LicenceAppliedT);
        var approved = TestModels.Values(result, EntityKind.Control, control, "*", Metric.LicenceApprovedT);
        var denied = TestModels.Values(result, EntityKind.Control, control, "*", Metric.LicenceDeniedT);
        var share = approved.Zip(denied, (a, d) => a / (a + d)).ToArray();
        double mean = share.Average();
        double sd = Math.Sqrt(share.Sum(x => (x - mean) * (x - mean)) / (share.Length - 1));
        using (Assert.EnterMultipleScope())
        {
            Assert.That(applied, Is.All.GreaterThan(1000.0));
            Assert.That(mean, Is.EqualTo(P).Within((5 * sd / Math.Sqrt(share.Length)) + 0.005));
        }
    }
}
