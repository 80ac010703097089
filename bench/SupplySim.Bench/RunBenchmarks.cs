using BenchmarkDotNet.Attributes;
using SupplySim.Model;
using SupplySim.Simulation;

namespace SupplySim.Bench;

/// <summary>
/// A whole <see cref="MonteCarlo.Run"/> of the "combined" scenario (every event of the shipped file), 1000 trials,
/// on one thread and on all cores. Includes the per-run layout, result table and per-worker kernels.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(ThroughputConfig))]
public class RunBenchmarks
{
    public const int Trials = 1000;
    public const string ScenarioId = "combined";

    private CompiledModel _model = null!;
    private CompiledScenario _scenario = null!;
    private MonteCarloOptions _options = null!;

    /// <summary>1 = one worker; -1 = as many as the runtime likes (all cores).</summary>
    [Params(1, -1)]
    public int MaxDegreeOfParallelism { get; set; } = 1;

    [GlobalSetup]
    public void Setup()
    {
        _model = BenchInputs.Model;
        _scenario = BenchInputs.Scenario(ScenarioId);
        _options = new MonteCarloOptions(Trials, BenchInputs.Seed, MaxDegreeOfParallelism);
    }

    [Benchmark]
    [TrialsPerOperation(Trials)]
    public ScenarioResult Run() => MonteCarlo.Run(_model, _scenario, _options);
}
