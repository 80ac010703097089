namespace SupplySim.Model;

/// <summary>A compiled network and its scenarios, the baseline first. Immutable.</summary>
public sealed class CompiledModel
{
    internal CompiledModel(CompiledNetwork network, IReadOnlyList<CompiledScenario> scenarios, IReadOnlyList<CompiledObservation> observations,
        IReadOnlyList<string>? calibrationParameters = null)
    {
        CalibrationParameters = calibrationParameters ?? Calibration.AbcSmc.CalibratableParameters(network);
        Network = network;
        Scenarios = scenarios;
        Observations = observations;
    }

    /// <summary>Observed flows to backtest against, in file order.</summary>
    public IReadOnlyList<CompiledObservation> Observations { get; }

    /// <summary>The parameters <c>calibrate</c> fits: those of the file's <c>calibrate:</c> section, else every calibratable one.</summary>
    public IReadOnlyList<string> CalibrationParameters { get; }

    /// <summary>The network.</summary>
    public CompiledNetwork Network { get; }

    /// <summary>The baseline (index 0) and every scenario of the file, in file order.</summary>
    public IReadOnlyList<CompiledScenario> Scenarios { get; }

    /// <summary>The scenario with <paramref name="id"/>, or null.</summary>
    public CompiledScenario? Find(string id) => Scenarios.FirstOrDefault(s => s.Id == id);
}
