using BenchmarkDotNet.Attributes;
using SupplySim.Simulation;

namespace SupplySim.Bench;

/// <summary>
/// Eight baseline trials, at the width runs pick on this CPU, of the shipped network scaled in size (1, 2, 5 or 10
/// regional copies, 45 lanes each) and in time (365, 730 or 3650 daily steps), for the linearity targets of the
/// performance issue: cost per trial-lane-step should not grow with the network or the horizon. Baseline only,
/// because a horizon shorter than the file's cannot hold its scenarios' events; <see cref="KernelBenchmarks"/>
/// compares baseline and combined.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(ThroughputConfig))]
public class ScalingBenchmarks
{
    private KernelBlock _block = null!;

    [Params(1, 2, 5, 10)]
    public int Copies { get; set; } = 1;

    [Params(365, 730, 3650)]
    public int HorizonDays { get; set; } = 730;

    [GlobalSetup]
    public void Setup() =>
        _block = new KernelBlock(BenchInputs.Scaled(Copies, HorizonDays), "baseline", KernelWidth.Best);

    [Benchmark]
    [TrialsPerOperation(KernelWidth.Max)]
    public double Block() => _block.Run();
}
