using BenchmarkDotNet.Attributes;
using SupplySim.Simulation;

namespace SupplySim.Bench;

/// <summary>
/// One baseline scalar-kernel trial (<c>Trial</c>) and one block of eight batch-kernel trials (<c>Batch</c>) of the shipped network scaled in size (1, 2, 5 or 10 regional copies, 45 lanes each)
/// and in time (365, 730 or 3650 daily steps), for the linearity targets of the performance issue: cost per
/// trial-lane-step should not grow with the network or the horizon. Baseline only, because a horizon shorter than
/// the file's cannot hold its scenarios' events; <see cref="KernelBenchmarks"/> compares baseline and combined.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(ThroughputConfig))]
public class ScalingBenchmarks
{
    private TrialKernel _kernel = null!;
    private BatchKernel _batch = null!;
    private double[] _row = [];
    private double[] _rows = [];
    private long _trial;

    [Params(1, 2, 5, 10)]
    public int Copies { get; set; } = 1;

    [Params(365, 730, 3650)]
    public int HorizonDays { get; set; } = 730;

    [GlobalSetup]
    public void Setup()
    {
        var model = BenchInputs.Scaled(Copies, HorizonDays);
        var scenario = model.Find("baseline")!;
        var layout = new MetricLayout(model.Network, scenario);
        _kernel = new TrialKernel(model.Network, scenario, layout);
        _batch = new BatchKernel(model.Network, scenario, layout);
        _row = new double[layout.Width];
        _rows = new double[layout.Width * BatchKernel.Width];
        _trial = 0;
    }

    [Benchmark]
    [TrialsPerOperation(1)]
    public double Trial()
    {
        _kernel.Run(BenchInputs.Seed, _trial++, _row);
        return _row[0];
    }

    [Benchmark]
    [TrialsPerOperation(BatchKernel.Width)]
    public double Batch()
    {
        _batch.Run(BenchInputs.Seed, _trial, _rows);
        _trial += BatchKernel.Width;
        return _rows[0];
    }
}
