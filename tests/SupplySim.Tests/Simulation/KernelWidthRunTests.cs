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
            var scalar = MonteCarlo.Run(model, scenario, options with { Lanes = 1 });
            var batch = MonteCarlo.Run(model, scenario, options with { Lanes = lanes });
            for (int column = 0; column < scalar.Layout.Width; column++)
            {
                Assert.That(Bits(batch.Column(column)), Is.EqualTo(Bits(scalar.Column(column))),
                    $"{scenario.Id}: column {column} ({scalar.Layout.Columns[column]})");
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
            var scalar = MonteCarlo.Run(model, scenario, options with { Lanes = 1 });
            foreach (int lanes in new[] { 2, 4, 8 })
            {
                var batch = MonteCarlo.Run(model, scenario, options with { Lanes = lanes });
                for (int column = 0; column < scalar.Layout.Width; column++)
                {
                    Assert.That(Bits(batch.Column(column)), Is.EqualTo(Bits(scalar.Column(column))),
                        $"{scenario.Id}, {trials} trials, {lanes} lanes: column {column} ({scalar.Layout.Columns[column]})");
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
        var scalar = MonteCarlo.Run(model, scenario, options with { Lanes = 1 });
        var batch = MonteCarlo.Run(model, scenario, options with { Lanes = lanes });
        for (int lane = 0; lane < model.Network.LaneCount; lane++)
        {
            for (int month = 0; month < model.Network.MonthCount; month++)
            {
                Assert.That(Bits(batch.MonthlyLaneFlow(lane, month)), Is.EqualTo(Bits(scalar.MonthlyLaneFlow(lane, month))), $"lane {lane}, month {month}");
            }
        }

        for (int series = 0; series < scalar.Layout.DemandSeries.Count; series++)
        {
            for (int week = 0; week < model.Network.WeekCount; week++)
            {
                Assert.That(Bits(batch.WeeklyCover(series, week)), Is.EqualTo(Bits(scalar.WeeklyCover(series, week))), $"series {series}, week {week}");
                Assert.That(Bits(batch.WeeklyFill(series, week)), Is.EqualTo(Bits(scalar.WeeklyFill(series, week))), $"series {series}, week {week}");
            }
        }

        Assert.That(scalar.WeeklyCover(0, 10).ToArray(), Has.Some.GreaterThan(0), "the series must be recorded at all");
    }

    [TestCase(8)]
    [TestCase(2)]
    public void StreamingRun_WidthVersusOneLane_SameChunks(int lanes)
    {
        var model = ShippedModel();
        var options = new MonteCarloOptions(Trials: 45, Seed: 3, MaxDegreeOfParallelism: 2);
        var scalar = new CapturingSink();
        var batch = new CapturingSink();
        StreamingMonteCarlo.Run(model, model.Scenarios, options with { Lanes = 1 }, scalar, chunkTrials: 20);
        StreamingMonteCarlo.Run(model, model.Scenarios, options with { Lanes = lanes }, batch, chunkTrials: 20);
        Assert.That(batch.Values, Has.Count.EqualTo(scalar.Values.Count));
        Assert.That(batch.Values, Is.EqualTo(scalar.Values));
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
