using BenchmarkDotNet.Attributes;
using SupplySim.Model;
using SupplySim.Scenario;
using SupplySim.Simulation;

namespace SupplySim.Bench;

/// <summary>
/// Per-run overhead: read and parse the shipped YAML, validate and compile it, and a whole one-trial run (workers
/// started on all cores). The run's overhead is <see cref="LoadCompileAndRunOneTrial"/> minus one kernel trial
/// (<see cref="KernelBenchmarks"/>, baseline).
/// </summary>
[MemoryDiagnoser]
[Config(typeof(ThroughputConfig))]
public class CompileBenchmarks
{
    private string _path = "";

    [GlobalSetup]
    public void Setup() => _path = BenchInputs.ScenarioPath;

    /// <summary>Loading only (YAML read and shape checks), to split the total below.</summary>
    [Benchmark]
    public ScenarioFileDocument? Load() => ScenarioLoader.LoadFile(_path, new DiagnosticBag());

    /// <summary>Load + validate + compile, as <c>supplysim run</c> does once per file.</summary>
    [Benchmark(Baseline = true)]
    public CompiledModel LoadAndCompile() => BenchInputs.Compile(_path);

    /// <summary>What a sweep point or a tiny run pays before its trials: load, compile, start workers, run one trial.</summary>
    [Benchmark]
    public ScenarioResult LoadCompileAndRunOneTrial()
    {
        var model = BenchInputs.Compile(_path);
        return MonteCarlo.Run(model, model.Scenarios[0], new MonteCarloOptions(1, BenchInputs.Seed, -1));
    }
}
