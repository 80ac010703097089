using SupplySim.Scenario;

namespace SupplySim.Sweeps;

/// <summary>
/// A validated sweep: the scenario file and scenario, parameters, outputs, trials, seed and every design point.
/// Created by <see cref="SweepLoader"/>; immutable, so shards computed from the same files agree point for point.
/// </summary>
public sealed class SweepPlan
{
    private readonly double[][] _unitPoints;

    internal SweepPlan(string sweepFile, string scenarioFile, string scenarioText, string scenarioId, IReadOnlyList<SweepParameter> parameters,
        IReadOnlyList<SweepOutput> outputs, DesignSettings design, int trials, ulong seed, double[][] unitPoints, string fingerprint)
    {
        SweepFile = sweepFile;
        ScenarioFile = scenarioFile;
        ScenarioText = scenarioText;
        ScenarioId = scenarioId;
        Parameters = parameters;
        Outputs = outputs;
        Design = design;
        Trials = trials;
        Seed = seed;
        _unitPoints = unitPoints;
        Fingerprint = fingerprint;
    }

    /// <summary>The sweep file as given.</summary>
    public string SweepFile { get; }

    /// <summary>The scenario file, resolved relative to the sweep file.</summary>
    public string ScenarioFile { get; }

    /// <summary>The scenario run at every point (besides the baseline).</summary>
    public string ScenarioId { get; }

    /// <summary>Swept parameters, in file order (the design's dimensions).</summary>
    public IReadOnlyList<SweepParameter> Parameters { get; }

    /// <summary>Outputs of interest, in file order.</summary>
    public IReadOnlyList<SweepOutput> Outputs { get; }

    /// <summary>The design.</summary>
    public DesignSettings Design { get; }

    /// <summary>Monte Carlo trials per point.</summary>
    public int Trials { get; }

    /// <summary>Seed of every point's trials (common random numbers) and of the design and bootstrap.</summary>
    public ulong Seed { get; }

    /// <summary>Number of points.</summary>
    public int PointCount => _unitPoints.Length;

    /// <summary>SHA-256 of the sweep and scenario files (hex): shards and merges refuse files that changed.</summary>
    public string Fingerprint { get; }

    internal string ScenarioText { get; }

    /// <summary>Design coordinate of <paramref name="parameter"/> at <paramref name="point"/>, in [0, 1].</summary>
    public double UnitValue(int point, int parameter) => _unitPoints[point][parameter];

    /// <summary>Value of <paramref name="parameter"/> at <paramref name="point"/>, in the internal unit.</summary>
    public double Value(int point, int parameter) => Parameters[parameter].ValueAt(_unitPoints[point][parameter]);

    /// <summary>Loads a fresh, unshared copy of the scenario document (a worker mutates its own copy).</summary>
    internal ScenarioFileDocument LoadScenarioCopy() =>
        ScenarioLoader.Load(ScenarioText, ScenarioFile, new DiagnosticBag())
        ?? throw new InvalidOperationException($"{ScenarioFile} no longer loads");
}
