using NUnit.Framework;
using SupplySim.Model;
using SupplySim.Simulation;
using SupplySim.Simulation.Streaming;
using SupplySim.Tests.Support;

namespace SupplySim.Tests.Simulation;

/// <summary>
/// Whole runs give the same bytes whatever the kernel's width (8, 4, 2 or 1 trials per block: what the CPU picks),
/// including runs whose trial count leaves a partial last block, runs that record weekly and monthly series, and
/// streamed runs.
/// </summary>
[TestFixture]
internal sealed class KernelWidthRunTests
{
    private static CompiledModel ShippedModel() =>
        TestModels.CompileFile(Path.Combine(TestModels.RepoRoot(), "scenarios", "critical-minerals.yaml"));

    [TestCase(37, 2, 8)]
    [TestCase(70, 1, 4)]
    [TestCase(21, 2, 2)]
    public void MonteCarlo_WidthVersusOneLane_SameTrialValues(int trials, int threads, int lanes)
    {
        var model = ShippedModel();
        foreach (var scenario in model.Scenarios)
        {
            var options = new MonteCarloOptions(trials, Seed: 11, MaxDegreeOfParallelism: threads);
            var oneLane = MonteCarlo.Run(model, scenario, options with { Lanes = 1 });
            var wide = MonteCarlo.Run(model, scenario, options with { Lanes = lanes });
            for (int column = 0; column < oneLane.Layout.Width; column++)
            {
                Assert.That(Bits(wide.Column(column)), Is.EqualTo(Bits(oneLane.Column(column))),
                    $"{scenario.Id}: column {column} ({oneLane.Layout.Columns[column]})");
            }
        }
    }

    /// <summary>Awkward lengths around the block of eight: each leaves a different partial last block, run with lanes to spare.</summary>
    [TestCase(1)]
    [TestCase(7)]
    [TestCase(8)]
    [TestCase(9)]
    [TestCase(15)]
    [TestCase(16)]
    [TestCase(17)]
    [TestCase(33)]
    public void MonteCarlo_AwkwardTrialCounts_EveryWidthEqualsOneLane(int trials)
    {
        var model = TestModels.Compile(Reference.ReferenceNetworks.Licensing);
        foreach (var scenario in model.Scenarios)
        {
            var options = new MonteCarloOptions(trials, Seed: 5, MaxDegreeOfParallelism: 2);
            var oneLane = MonteCarlo.Run(model, scenario, options with { Lanes = 1 });
            foreach (int lanes in new[] { 2, 4, 8 })
            {
                var wide = MonteCarlo.Run(model, scenario, options with { Lanes = lanes });
                for (int column = 0; column < oneLane.Layout.Width; column++)
                {
                    Assert.That(Bits(wide.Column(column)), Is.EqualTo(Bits(oneLane.Column(column))),
                        $"{scenario.Id}, {trials} trials, {lanes} lanes: column {column} ({oneLane.Layout.Columns[column]})");
                }
            }
        }
    }

    /// <summary>Weekly and monthly series (report fan charts, backtests) are recorded per lane like the rows.</summary>
    [TestCase(2)]
    [TestCase(4)]
    [TestCase(8)]
    public void MonteCarlo_RecordingSeries_SameSeriesAtEveryWidth(int lanes)
    {
        var model = ShippedModel();
        var scenario = model.Scenarios[^1];
        var options = new MonteCarloOptions(Trials: 16, Seed: 2, MaxDegreeOfParallelism: 1, RecordMonthlyLaneFlows: true, RecordWeeklySeries: true);
        var oneLane = MonteCarlo.Run(model, scenario, options with { Lanes = 1 });
        var wide = MonteCarlo.Run(model, scenario, options with { Lanes = lanes });
        for (int lane = 0; lane < model.Network.LaneCount; lane++)
        {
            for (int month = 0; month < model.Network.MonthCount; month++)
            {
                Assert.That(Bits(wide.MonthlyLaneFlow(lane, month)), Is.EqualTo(Bits(oneLane.MonthlyLaneFlow(lane, month))), $"lane {lane}, month {month}");
            }
        }

        for (int series = 0; series < oneLane.Layout.DemandSeries.Count; series++)
        {
            for (int week = 0; week < model.Network.WeekCount; week++)
            {
                Assert.That(Bits(wide.WeeklyCover(series, week)), Is.EqualTo(Bits(oneLane.WeeklyCover(series, week))), $"series {series}, week {week}");
                Assert.That(Bits(wide.WeeklyFill(series, week)), Is.EqualTo(Bits(oneLane.WeeklyFill(series, week))), $"series {series}, week {week}");
            }
        }

        Assert.That(oneLane.WeeklyCover(0, 10).ToArray(), Has.Some.GreaterThan(0), "the series must be recorded at all");
    }

    [TestCase(8)]
    [TestCase(2)]
    public void StreamingRun_WidthVersusOneLane_SameChunks(int lanes)
    {
        var model = ShippedModel();
        var options = new MonteCarloOptions(Trials: 45, Seed: 3, MaxDegreeOfParallelism: 2);
        var oneLane = new CapturingSink();
        var wide = new CapturingSink();
        StreamingMonteCarlo.Run(model, model.Scenarios, options with { Lanes = 1 }, oneLane, chunkTrials: 20);
        StreamingMonteCarlo.Run(model, model.Scenarios, options with { Lanes = lanes }, wide, chunkTrials: 20);
        Assert.That(wide.Values, Has.Count.EqualTo(oneLane.Values.Count));
        Assert.That(wide.Values, Is.EqualTo(oneLane.Values));
    }

    private static long[] Bits(ReadOnlySpan<double> values) => [.. values.ToArray().Select(BitConverter.DoubleToInt64Bits)];

    /// <summary>Keeps every cell of every chunk as raw bits, in arrival order.</summary>
    private sealed class CapturingSink : ITrialChunkSink
    {
        public List<long> Values { get; } = [];

        public void Consume(TrialChunk chunk)
        {
            for (int scenario = 0; scenario < chunk.Layouts.Count; scenario++)
            {
                for (int column = 0; column < chunk.Layouts[scenario].Width; column++)
                {
                    Values.AddRange(Bits(chunk.Column(scenario, column)));
                }
            }
        }
    }
}
