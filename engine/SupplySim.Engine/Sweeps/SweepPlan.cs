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

    /// <summary>SHA-256 of the sweep and scenario files (hex), and of the posterior when there is one: shards and merges refuse files that changed.</summary>
    public string Fingerprint { get; private init; }

    /// <summary>The posterior every point's trials draw their calibrated parameters from (those the sweep does not set), or null.</summary>
    public Calibration.Posterior? Posterior { get; private init; }

    /// <summary>The folder <see cref="Posterior"/> was read from (recorded for shard merges), or null.</summary>
    public string? PosteriorFolder { get; private init; }

    /// <summary>
    /// The same sweep run from <paramref name="posterior"/> (read from <paramref name="folder"/>): parameters the sweep
    /// sets are dropped from it, and the fingerprint covers its particles.
    /// </summary>
    public SweepPlan WithPosterior(Calibration.Posterior posterior, string folder)
    {
        ArgumentNullException.ThrowIfNull(posterior);
        ArgumentNullException.ThrowIfNull(folder);
        var text = new System.Text.StringBuilder(Fingerprint).Append('|').Append(posterior.NetworkFingerprint);
        foreach (string name in posterior.ParameterNames)
        {
            text.Append('|').Append(name);
        }

        for (int i = 0; i < posterior.Particles; i++)
        {
            text.Append('|').Append(posterior.Weights[i].ToString("R", System.Globalization.CultureInfo.InvariantCulture));
            for (int j = 0; j < posterior.ParameterNames.Count; j++)
            {
                text.Append(',').Append(posterior.Value(i, j).ToString("R", System.Globalization.CultureInfo.InvariantCulture));
            }
        }

        string fingerprint = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(text.ToString())));
        return new SweepPlan(SweepFile, ScenarioFile, ScenarioText, ScenarioId, Parameters, Outputs, Design, Trials, Seed, _unitPoints, fingerprint)
        {
            Posterior = posterior.Without(Parameters.Select(p => p.Path).ToHashSet(StringComparer.Ordinal)),
            PosteriorFolder = Path.GetFullPath(folder),
        };
    }

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
