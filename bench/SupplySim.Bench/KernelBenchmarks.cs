using BenchmarkDotNet.Attributes;
using SupplySim.Simulation;

namespace SupplySim.Bench;

/// <summary>
/// Eight trials of one scenario through the kernel at each width (<c>Lanes</c>: one block of 8, two of 4, four of 2,
/// eight of 1), as a Monte Carlo worker runs them: kernels and rows are reused, and each invocation runs the next
/// trial numbers so draws differ. The default job shows what the CPU's widths cost; run it again under
/// <c>DOTNET_EnableAVX512=0</c> or <c>DOTNET_EnableAVX=0</c> for other machines. Must allocate nothing.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(ThroughputConfig))]
public class KernelBenchmarks
{
    private KernelBlock _block = null!;

    [Params("baseline", "combined")]
    public string Scenario { get; set; } = "baseline";

    [Params(1, 2, 4, 8)]
    public int Lanes { get; set; } = 8;

    [GlobalSetup]
    public void Setup() =>
        _block = new KernelBlock(BenchInputs.Model, Scenario, Lanes);

    [Benchmark]
    [TrialsPerOperation(KernelWidth.Max)]
    public double Block() => _block.Run();
}
