using BenchmarkDotNet.Attributes;
using SupplySim.Model;
using SupplySim.Scenario;

namespace SupplySim.Bench;

/// <summary>Per-run overhead before any trial: read and parse the shipped YAML, then validate and compile it.</summary>
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
}
