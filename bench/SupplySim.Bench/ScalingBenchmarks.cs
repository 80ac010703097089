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
    private ITrialKernel _kernel = null!;
    private double[] _rows = [];
    private int _rowWidth;
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
        _kernel = KernelWidth.CreateKernel(KernelWidth.Best, model.Network, scenario, layout);
        _rowWidth = layout.Width;
        _rows = new double[layout.Width * KernelWidth.Max];
        _trial = 0;
    }

    [Benchmark]
    [TrialsPerOperation(KernelWidth.Max)]
    public double Block()
    {
        for (int offset = 0; offset < KernelWidth.Max; offset += _kernel.Width)
        {
            _kernel.Run(BenchInputs.Seed, _trial + offset, _rows.AsSpan(offset * _rowWidth));
        }

        _trial += KernelWidth.Max;
        return _rows[0];
    }
}
