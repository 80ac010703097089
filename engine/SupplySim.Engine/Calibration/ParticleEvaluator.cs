using SupplySim.Model;
using SupplySim.Reporting;
using SupplySim.Simulation;

namespace SupplySim.Calibration;

/// <summary>
/// Simulates what a candidate set of parameter values predicts for the fitted observations: the observations'
/// scenarios, for a few trials with the candidate's values in every trial. Thread-safe; each call runs on the caller's
/// thread.
/// </summary>
internal sealed class ParticleEvaluator
{
    private readonly CompiledModel _model;
    private readonly CompiledScenario[] _scenarios;
    private readonly int[][] _targets;

    public ParticleEvaluator(CompiledModel model, IReadOnlyList<CompiledObservation> observations, int[][] targets, int trials)
    {
        _model = model;
        Observations = observations;
        Trials = trials;
        _scenarios = [.. observations.Select(o => o.ScenarioId).Distinct().Select(id => model.Find(id)!)];
        _targets = targets;
    }

    public IReadOnlyList<CompiledObservation> Observations { get; }

    public int Trials { get; }

    /// <summary>Simulated trials per call.</summary>
    public int Cost => _scenarios.Length * Trials;

    /// <summary>
    /// Per observation and trial, <c>[observation * Trials + trial]</c>, its modelled value with
    /// <paramref name="values"/> for the parameters, trials 0 … Trials − 1 of <paramref name="seed"/>.
    /// </summary>
    public double[] Evaluate(double[] values, ulong seed)
    {
        var overrides = new ParameterOverrides(_targets, values, [1.0], fixedRow: 0);
        var options = new MonteCarloOptions(Trials, seed, 1, RecordMonthlyLaneFlows: true) { Overrides = overrides };
        var results = _scenarios.Select(s => MonteCarlo.Run(_model, s, options)).ToList();
        var simulated = new double[Observations.Count * Trials];
        for (int o = 0; o < Observations.Count; o++)
        {
            var observation = Observations[o];
            Backtest.PerTrial(observation, results.First(r => r.Scenario.Id == observation.ScenarioId)).CopyTo(simulated, o * Trials);
        }

        return simulated;
    }
}
