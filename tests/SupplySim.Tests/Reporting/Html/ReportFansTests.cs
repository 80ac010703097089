using NUnit.Framework;
using SupplySim.Reporting.Html;
using SupplySim.Simulation;

namespace SupplySim.Tests.Reporting.Html;

/// <summary>
/// A report on a network too large to keep every consumer's weekly series records only its key consumers' in a second
/// run of the same trials: the charts must be the ones a single run keeping everything draws.
/// </summary>
[TestFixture]
internal sealed class ReportFansTests
{
    private const int Trials = 48;
    private const ulong Seed = 7;

    [Test]
    public void WeeklySeries_Chosen_RecordsThoseOnlyWithTheValuesOfARunRecordingAll()
    {
        var model = ReportFixtures.Shipped();
        var scenario = model.Find("combined")!;
        var all = MonteCarlo.Run(model, scenario, new MonteCarloOptions(Trials, Seed, RecordWeeklySeries: true));
        int[] chosen = [all.Layout.DemandSeries.Count - 1, 2];

        var some = MonteCarlo.Run(model, scenario, new MonteCarloOptions(Trials, Seed, RecordWeeklySeries: true) { WeeklySeries = chosen });

        using (Assert.EnterMultipleScope())
        {
            Assert.That(some.WeeklySeriesRecorded, Is.EqualTo(chosen.Order()));
            foreach (int series in chosen)
            {
                for (int week = 0; week < model.Network.WeekCount; week++)
                {
                    Assert.That(some.WeeklyCover(series, week).ToArray(), Is.EqualTo(all.WeeklyCover(series, week).ToArray()), $"cover {series} week {week}");
                    Assert.That(some.WeeklyFill(series, week).ToArray(), Is.EqualTo(all.WeeklyFill(series, week).ToArray()), $"fill {series} week {week}");
                }
            }

            Assert.That(() => some.WeeklyCover(0, 0).ToArray(), Throws.InvalidOperationException.With.Message.Contains("not recorded"));
            Assert.That(some.Column(0).ToArray(), Is.EqualTo(all.Column(0).ToArray()), "recording changes no result");
        }
    }

    [Test]
    public void WeeklySeries_OutOfRange_Throws()
    {
        var model = ReportFixtures.Chain();
        var options = new MonteCarloOptions(2, 1, RecordWeeklySeries: true) { WeeklySeries = [1] };

        Assert.That(() => MonteCarlo.Run(model, model.Scenarios[0], options), Throws.InstanceOf<ArgumentOutOfRangeException>());
    }

    [Test]
    public void RecordKeySeries_SecondRunOfTheSameTrials_SameReportAsOneRunKeepingEverySeries()
    {
        var model = ReportFixtures.Shipped();
        var onePass = ReportFixtures.Run(model, Trials, Seed);
        var withoutWeekly = new MonteCarloOptions(Trials, Seed) { RecordMonthlyPrices = model.Network.MarketCount > 0 };
        var first = new SupplySim.Reporting.RunReport(model, Seed, [.. model.Scenarios.Select(s => MonteCarlo.Run(model, s, withoutWeekly))]);
        int reruns = 0;

        var twoPass = ReportFans.RecordKeySeries(first, withoutWeekly, ReportData.DefaultMaxFans, (scenario, options) =>
        {
            reruns++;
            Assert.That(options.WeeklySeries, Has.Count.EqualTo(ReportData.DefaultMaxFans));
            return MonteCarlo.Run(model, scenario, options);
        });

        Assert.That(reruns, Is.EqualTo(model.Scenarios.Count));
        Assert.That(Json(twoPass), Is.EqualTo(Json(onePass)));
        Assert.That(ReportData.FromRun(twoPass).Scenarios.Select(s => s.Fans.Count), Has.All.EqualTo(ReportData.DefaultMaxFans));
    }

    [Test]
    public void AllSeriesBytes_ConsumersWeeksTrialsAndScenarios()
    {
        var model = ReportFixtures.Shipped();
        var layout = new MetricLayout(model.Network, model.Scenarios[0]);
        long consumers = layout.DemandSeries.Count;

        long bytes = ReportFans.AllSeriesBytes(model.Network, layout, model.Scenarios.Count, 1000);

        Assert.That(bytes, Is.EqualTo(consumers * model.Network.WeekCount * 2 * 8 * 1000 * model.Scenarios.Count));
    }

    private static string Json(SupplySim.Reporting.RunReport report)
    {
        using var stream = new MemoryStream();
        ReportDataJson.Write(ReportData.FromRun(report), stream);
        return System.Text.Encoding.UTF8.GetString(stream.ToArray());
    }
}
