using BenchmarkDotNet.Attributes;
using SupplySim.Simulation;

namespace SupplySim.Bench;

/// <summary>
/// One trial of one scenario through the scalar <see cref="TrialKernel"/> (<c>Trial</c>), and one block of eight
/// trials through the <see cref="BatchKernel"/> (<c>Batch</c>, what runs use on CPUs with 512-bit vectors), as a
/// Monte Carlo worker runs them: kernels and rows are reused, and each invocation runs the next trial numbers so
/// draws differ. Must allocate nothing.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(ThroughputConfig))]
public class KernelBenchmarks
{
    private TrialKernel _kernel = null!;
    private BatchKernel _batch = null!;
    private double[] _row = [];
    private double[] _rows = [];
    private ulong _seed;
    private long _trial;

    [Params("baseline", "licensing-2023-2024", "us-ban-dec-2024", "ree-licensing-apr-2025", "combined")]
    public string Scenario { get; set; } = "baseline";

    [GlobalSetup]
    public void Setup()
    {
        var network = BenchInputs.Model.Network;
        var scenario = BenchInputs.Scenario(Scenario);
        var layout = new MetricLayout(network, scenario);
        _kernel = new TrialKernel(network, scenario, layout);
        _batch = new BatchKernel(network, scenario, layout);
        _row = new double[layout.Width];
        _rows = new double[layout.Width * BatchKernel.Width];
        _seed = BenchInputs.Seed;
        _trial = 0;
    }

    [Benchmark]
    [TrialsPerOperation(1)]
    public double Trial()
    {
        _kernel.Run(_seed, _trial++, _row);
        return _row[0];
    }

    [Benchmark]
    [TrialsPerOperation(BatchKernel.Width)]
    public double Batch()
    {
        _batch.Run(_seed, _trial, _rows);
        _trial += BatchKernel.Width;
        return _rows[0];
    }
}
