using BenchmarkDotNet.Attributes;
using SupplySim.Simulation;

namespace SupplySim.Bench;

/// <summary>
/// What the market layer costs the kernel: eight trials of the shipped file's <c>combined</c> scenario at the width
/// runs pick on this machine, with its <c>markets:</c> section and without (issue 19 asks for at most 1.3×).
/// </summary>
[MemoryDiagnoser]
[Config(typeof(ThroughputConfig))]
public class MarketCostBenchmarks
{
    private KernelBlock _block = null!;

    [Params(true, false)]
    public bool Markets { get; set; } = true;

    [GlobalSetup]
    public void Setup() =>
        _block = new KernelBlock(Markets ? BenchInputs.Model : BenchInputs.WithoutMarkets, "combined", KernelWidth.Best);

    [Benchmark]
    [TrialsPerOperation(KernelWidth.Max)]
    public double Block() => _block.Run();
}
