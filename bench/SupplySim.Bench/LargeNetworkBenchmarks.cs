using BenchmarkDotNet.Attributes;
using SupplySim.Simulation;

namespace SupplySim.Bench;

/// <summary>
/// Eight baseline trials, at the width runs pick on this CPU, of the shipped network tiled to 1, 16, 64 and 445
/// regional copies (49, 784, 3,136 and 21,805 lanes): the lane-steps/s column of the large-network scaling table
/// (bench/README.md, docs/large-networks.md). The 445-copy network takes seconds per operation; run with
/// <c>--job short</c>.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(ThroughputConfig))]
public class LargeNetworkBenchmarks
{
    private KernelBlock _block = null!;

    [Params(1, 16, 64, 445)]
    public int Copies { get; set; } = 1;

    [GlobalSetup]
    public void Setup() => _block = new KernelBlock(BenchInputs.Scaled(Copies, 730), "baseline", KernelWidth.Best);

    [Benchmark]
    [TrialsPerOperation(KernelWidth.Max)]
    public double Block() => _block.Run();
}
