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
    private ITrialKernel _kernel = null!;
    private double[] _rows = [];
    private int _rowWidth;
    private long _trial;

    [Params(true, false)]
    public bool Markets { get; set; } = true;

    [GlobalSetup]
    public void Setup()
    {
        var model = Markets ? BenchInputs.Model : BenchInputs.WithoutMarkets;
        var scenario = model.Find("combined")!;
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
