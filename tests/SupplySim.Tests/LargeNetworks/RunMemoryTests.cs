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
            Assert.That(streamed.KernelBytes, Is.EqualTo(3 * kernels.Sum()));
            Assert.That(streamed.ResultBytes, Is.EqualTo(2 * columns * 1000 * sizeof(double)), "two chunks of (here) every trial");
            Assert.That(RunMemory.For(model, scenarios, options with { Trials = 100_000 }, stream: false).ResultBytes,
                Is.EqualTo(100 * inMemory.ResultBytes), "results grow with trials in memory");
            Assert.That(RunMemory.For(model, scenarios, options with { Trials = 100_000 }, stream: true).Total,
                Is.EqualTo(streamed.Total + (streamed.ResultBytes / 1000 * 24)), "streamed: only the chunk grows, to 1,024 trials");
        }
    }
}
