using BenchmarkDotNet.Attributes;
using SupplySim.Scenario;
using SupplySim.Sweeps;

namespace SupplySim.Bench;

/// <summary>
/// One point of the shipped sweep (<c>scenarios/sweeps/defense-magnets.yaml</c>, its 50 trials for the baseline and
/// for <c>ree-licensing-apr-2025</c>): apply the point's values to a copy of the document, compile, run both. The
/// cost a researcher pays per point, overhead included.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(ThroughputConfig))]
public class SweepPointBenchmarks
{
    private const string SweepFile = "scenarios/sweeps/defense-magnets.yaml";
    private SweepPlan _plan = null!;
    private ShardSpec _onePoint;

    [GlobalSetup]
    public void Setup()
    {
        string path = Path.Combine(Path.GetDirectoryName(Path.GetDirectoryName(BenchInputs.ScenarioPath))!, SweepFile);
        var diagnostics = new DiagnosticBag();
        _plan = SweepLoader.LoadFile(path, diagnostics) ??
            throw new InvalidOperationException(string.Join(Environment.NewLine, diagnostics.Sorted()));
        if (_plan.Trials != 50)
        {
            throw new InvalidOperationException($"{SweepFile} now runs {_plan.Trials} trials per point; update [TrialsPerOperation]");
        }

        _onePoint = new ShardSpec(0, _plan.PointCount);
    }

    /// <summary>Point 0 alone: two scenarios × 50 trials, single-threaded as sweep points run.</summary>
    [Benchmark]
    [TrialsPerOperation(100)]
    public SweepTable? Point() => SweepRunner.Run(_plan, _onePoint, 1, new DiagnosticBag());
}
