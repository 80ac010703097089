using NUnit.Framework;
using SupplySim.Bench;
using SupplySim.Simulation;
using SupplySim.Tests.Support;

namespace SupplySim.Tests.LargeNetworks;

/// <summary>The memory check counts what a run really allocates: kernels per worker (and per scenario when streamed) and results.</summary>
[TestFixture]
internal sealed class RunMemoryTests
{
    private static readonly string ShippedFile = Path.Combine(TestModels.RepoRoot(), "scenarios", "critical-minerals.yaml");

    [TestCase(8)]
    [TestCase(4)]
    [TestCase(2)]
    [TestCase(1)]
    public void KernelBytes_IsWhatBuildingTheKernelAllocates(int lanes)
    {
        // Four regional copies, so the block state dwarfs the kernel's small index arrays as it does on large networks.
        var model = TestModels.Compile(RegionalCopies.Generate(File.ReadAllText(ShippedFile), 4));
        var scenario = model.Scenarios[^1];
        var layout = new MetricLayout(model.Network, scenario);
        long estimate = KernelWidth.KernelBytes(lanes, model.Network, scenario, layout);
        KernelWidth.CreateKernel(lanes, model.Network, scenario, layout);
        long before = GC.GetAllocatedBytesForCurrentThread();
        var kernel = KernelWidth.CreateKernel(lanes, model.Network, scenario, layout);
        long measured = GC.GetAllocatedBytesForCurrentThread() - before;
        GC.KeepAlive(kernel);
        Assert.That(estimate, Is.InRange(0.8 * measured, measured), $"estimated {estimate} B, allocated {measured} B");
    }

    [Test]
    public void KernelsSharingBlockState_RunInTurn_GiveTheRowsOfKernelsAlone()
    {
        var model = TestModels.CompileFile(ShippedFile);
        var network = model.Network;
        var baseline = model.Scenarios[0];
        var combined = model.Find("combined")!;
        var baselineLayout = new MetricLayout(network, baseline);
        var combinedLayout = new MetricLayout(network, combined);
        var first = KernelWidth.CreateKernel(4, network, baseline, baselineLayout);
        var sharing = KernelWidth.CreateKernel(4, network, combined, combinedLayout, shareWith: first);
        var alone = KernelWidth.CreateKernel(4, network, combined, combinedLayout);
        var rows = new double[4 * combinedLayout.Width];
        var expected = new double[4 * combinedLayout.Width];
        var baselineRows = new double[4 * baselineLayout.Width];
        for (long block = 0; block < 3; block++)
        {
            first.Run(5, block * 4, baselineRows);
            sharing.Run(5, block * 4, rows);
            alone.Run(5, block * 4, expected);
            Assert.That(rows, Is.EqualTo(expected), $"block {block}");
        }

        Assert.Throws<ArgumentException>(() => KernelWidth.CreateKernel(2, network, combined, combinedLayout, shareWith: first));
    }

    [Test]
    public void RunMemory_CountsOneKernelPerWorker_AndOnePerScenarioAndWorkerWhenStreamed()
    {
        var model = TestModels.CompileFile(ShippedFile);
        var scenarios = model.Scenarios;
        var options = new MonteCarloOptions(1000, 1, MaxDegreeOfParallelism: 3) { Lanes = 4 };
        long[] kernels = [.. scenarios.Select(s => KernelWidth.KernelBytes(4, model.Network, s, new MetricLayout(model.Network, s)))];
        long columns = scenarios.Sum(s => (long)new MetricLayout(model.Network, s).Width);

        var inMemory = RunMemory.For(model, scenarios, options, stream: false);
        var streamed = RunMemory.For(model, scenarios, options, stream: true);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(inMemory.KernelBytes, Is.EqualTo(3 * kernels.Max()));
            Assert.That(inMemory.ResultBytes, Is.EqualTo(columns * 1000 * sizeof(double)));
            long sharing = scenarios.Skip(1).Sum(s => KernelWidth.KernelBytes(4, model.Network, s, new MetricLayout(model.Network, s), shared: true));
            Assert.That(streamed.KernelBytes, Is.EqualTo(3 * (kernels[0] + sharing)), "a streamed worker's scenarios share one block state");
            Assert.That(sharing, Is.LessThan(kernels.Skip(1).Sum() / 2));
            Assert.That(streamed.ResultBytes, Is.EqualTo(2 * columns * 1000 * sizeof(double)), "two chunks of (here) every trial");
            Assert.That(RunMemory.For(model, scenarios, options with { Trials = 100_000 }, stream: false).ResultBytes,
                Is.EqualTo(100 * inMemory.ResultBytes), "results grow with trials in memory");
            Assert.That(RunMemory.For(model, scenarios, options with { Trials = 100_000 }, stream: true).Total,
                Is.EqualTo(streamed.Total + (streamed.ResultBytes / 1000 * 24)), "streamed: only the chunk grows, to 1,024 trials");
        }
    }

    [Test]
    public void RunMemory_ReportSeries_CountsTheWeeklySeriesChosenAndPricesWithoutLaneFlows()
    {
        // What run --report keeps: on a large network, two consumers' weeks instead of all, and prices instead of every lane's months.
        var model = TestModels.CompileFile(ShippedFile);
        var scenarios = model.Scenarios;
        var network = model.Network;
        var plain = new MonteCarloOptions(100, 1, MaxDegreeOfParallelism: 1) { Lanes = 4 };
        int consumers = new MetricLayout(network, scenarios[0]).DemandSeries.Count;
        long perSeries = network.WeekCount * 2L * sizeof(double) * 100 * scenarios.Count;

        long all = RunMemory.For(model, scenarios, plain with { RecordWeeklySeries = true }, stream: false).ResultBytes;
        long two = RunMemory.For(model, scenarios, plain with { RecordWeeklySeries = true, WeeklySeries = [0, 3] }, stream: false).ResultBytes;
        long none = RunMemory.For(model, scenarios, plain, stream: false).ResultBytes;
        long prices = RunMemory.For(model, scenarios, plain with { RecordMonthlyPrices = true }, stream: false).ResultBytes;
        long flows = RunMemory.For(model, scenarios, plain with { RecordMonthlyLaneFlows = true }, stream: false).ResultBytes;

        using (Assert.EnterMultipleScope())
        {
            Assert.That(all - none, Is.EqualTo(consumers * perSeries));
            Assert.That(two - none, Is.EqualTo(2 * perSeries));
            Assert.That(prices - none, Is.EqualTo(network.MarketCount * (long)network.MonthCount * sizeof(double) * 100 * scenarios.Count));
            Assert.That(flows - none, Is.EqualTo(network.MonthlySeriesWidth * (long)sizeof(double) * 100 * scenarios.Count));
            Assert.That(network.MarketCount, Is.GreaterThan(0), "the shipped file has markets, so prices are counted");
        }
    }
}
