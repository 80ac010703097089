using NUnit.Framework;
using SupplySim.Reporting;
using SupplySim.Reporting.Html;
using SupplySim.Simulation;

namespace SupplySim.Tests.Reporting.Html;

/// <summary>
/// A large network's run keeps sector columns only; its report draws lane flows and picks key consumers from column
/// means recorded on the way, and must say what a run keeping every column says.
/// </summary>
[TestFixture]
internal sealed class ReportWithoutAllColumnsTests
{
    private const int Trials = 40;
    private const ulong Seed = 11;

    [Test]
    public void SectorsOnlyRunWithColumnMeans_SameReportAsARunKeepingEveryColumn()
    {
        var model = ReportFixtures.Shipped();
        var all = ReportFixtures.Run(model, Trials, Seed);
        var options = new MonteCarloOptions(Trials, Seed, RecordWeeklySeries: true)
        {
            RecordMonthlyPrices = model.Network.MarketCount > 0, Detail = MetricDetail.Sectors, RecordColumnMeans = true,
        };
        var sectors = new RunReport(model, Seed, [.. model.Scenarios.Select(s => MonteCarlo.Run(model, s, options))]);

        var expected = ReportData.FromRun(all);
        var actual = ReportData.FromRun(sectors);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(sectors.Results[0].Layout.Width, Is.LessThan(all.Results[0].Layout.Width), "the run kept fewer columns");
            Assert.That(actual.Scenarios.Select(s => s.Fans.Select(f => f.Consumer)), Is.EqualTo(expected.Scenarios.Select(s => s.Fans.Select(f => f.Consumer))),
                "the same key consumers");
            for (int s = 0; s < expected.Scenarios.Count; s++)
            {
                var want = expected.Scenarios[s].LaneShippedT;
                var got = actual.Scenarios[s].LaneShippedT;
                Assert.That(got, Has.Count.EqualTo(model.Network.LaneCount));
                for (int lane = 0; lane < want.Count; lane++)
                {
                    Assert.That(got[lane], Is.EqualTo(want[lane]).Within(1e-6 + (1e-12 * want[lane])), $"{expected.Scenarios[s].Id} lane {lane}");
                }

                Assert.That(actual.Scenarios[s].Sectors.Count, Is.EqualTo(expected.Scenarios[s].Sectors.Count));
            }

            Assert.That(HtmlReport.Render(actual), Is.EqualTo(HtmlReport.Render(expected)), "the rendered report");
        }
    }

    [Test]
    public void SectorsOnlyRun_WithoutColumnMeans_ReportSaysWhatIsMissing()
    {
        var model = ReportFixtures.Chain();
        var options = new MonteCarloOptions(4, Seed, RecordWeeklySeries: true) { Detail = MetricDetail.Sectors };
        var report = new RunReport(model, Seed, [.. model.Scenarios.Select(s => MonteCarlo.Run(model, s, options))]);

        Assert.That(() => ReportData.FromRun(report), Throws.InvalidOperationException.With.Message.Contains("RecordColumnMeans"));
    }

    [Test]
    public void ColumnMeans_SameBitsOnOneThreadAndTwo()
    {
        var model = ReportFixtures.Shipped();
        var scenario = model.Find("combined")!;
        var options = new MonteCarloOptions(48, Seed) { Detail = MetricDetail.Sectors, RecordColumnMeans = true };

        var one = MonteCarlo.Run(model, scenario, options with { MaxDegreeOfParallelism = 1 }).ColumnSums!;
        var two = MonteCarlo.Run(model, scenario, options with { MaxDegreeOfParallelism = 2 }).ColumnSums!;

        Assert.That(Enumerable.Range(0, two.Width).Select(two.Mean), Is.EqualTo(Enumerable.Range(0, one.Width).Select(one.Mean)));
        Assert.That(one.Count, Is.EqualTo(48));
    }
}
