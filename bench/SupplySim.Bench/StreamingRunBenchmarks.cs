using BenchmarkDotNet.Attributes;
using SupplySim.Model;
using SupplySim.Reporting;
using SupplySim.Reporting.Streaming;
using SupplySim.Simulation;
using SupplySim.Simulation.Streaming;

namespace SupplySim.Bench;

/// <summary>
/// The streamed runner with its statistics (no files): baseline and "combined" together, 1000 trials in chunks of
/// 256, on one thread and on all cores. Compare with <see cref="RunBenchmarks"/>, which runs one scenario in memory:
/// one operation here is twice the kernel work, so equal trial-lane-steps/s means the streaming costs nothing.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(ThroughputConfig))]
public class StreamingRunBenchmarks
{
    public const int Trials = 1000;
    public const int Chunk = 256;

    private CompiledModel _model = null!;
    private CompiledScenario[] _scenarios = null!;
    private MonteCarloOptions _options = null!;
    private MetricLayout[] _layouts = null!;
    private RunReport _thresholds = null!;

    /// <summary>1 = one worker; -1 = one per core.</summary>
    [Params(1, -1)]
    public int MaxDegreeOfParallelism { get; set; } = 1;

    [GlobalSetup]
    public void Setup()
    {
        _model = BenchInputs.Model;
        _scenarios = [BenchInputs.Scenario("baseline"), BenchInputs.Scenario(RunBenchmarks.ScenarioId)];
        _options = new MonteCarloOptions(Trials, BenchInputs.Seed, MaxDegreeOfParallelism);
        _layouts = [.. _scenarios.Select(s => new MetricLayout(_model.Network, s))];
        _thresholds = new RunReport(_model, BenchInputs.Seed, [.. _scenarios.Select(s => MonteCarlo.Run(_model, s, _options with { Trials = 1 }))]);
    }

    [Benchmark]
    [TrialsPerOperation(2 * Trials)]
    public int RunWithStatistics()
    {
        var sink = new RunStatisticsSink(_scenarios, _layouts, _model.Network.StepDays, _thresholds.Thresholds, Chunk);
        StreamingMonteCarlo.Run(_model, _scenarios, _options, sink, chunkTrials: Chunk);
        return sink.Summaries().Count;
    }
}
