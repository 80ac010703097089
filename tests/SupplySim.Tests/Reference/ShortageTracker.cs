using SupplySim.Simulation;

namespace SupplySim.Tests.Reference;

/// <summary>
/// The shortage and delay metrics of DESIGN §3 for one consumer and material (or one sector and material), built
/// step by step from what happened that day. Written independently of the engine's accumulators on purpose.
/// </summary>
internal sealed class ShortageTracker
{
    private const double Tolerance = 1e-9;

    private double _demand;
    private double _shortage;
    private int _stockoutSteps;
    private double _backlogSteps;
    private int _maxDelaySteps;
    private int _firstShortStep = -1;
    private int _episodeStartStep = -1;
    private int _recoverStep = -1;

    /// <summary>
    /// Records one step: its demand, the demand not met that day, whether that counts as a shortage day, the backlog
    /// left at the end of the day and the age in steps of the oldest unpaid demand.
    /// </summary>
    public void Record(int step, int referenceStep, double demand, double unmet, bool isShort, double backlog, int oldestAgeSteps)
    {
        _demand += demand;
        _shortage += unmet;
        _backlogSteps += backlog;
        _maxDelaySteps = Math.Max(_maxDelaySteps, oldestAgeSteps);
        if (isShort)
        {
            _stockoutSteps++;

            // Time to shortage counts from the scenario's first event: earlier shortages are not "caused" by it.
            if (_firstShortStep < 0 && step >= referenceStep)
            {
                _firstShortStep = step;
            }

            // Recovery counts from the run's first shortage, in every run alike, so a scenario and the baseline pair.
            if (_episodeStartStep < 0)
            {
                _episodeStartStep = step;
            }
        }

        // Recovered: the first later day with neither unmet demand nor anything still owed.
        if (_episodeStartStep >= 0 && _recoverStep < 0 && step > _episodeStartStep && !isShort && backlog <= Tolerance)
        {
            _recoverStep = step;
        }
    }

    /// <summary>Writes the nine metrics in <see cref="MetricNames.ShortageMetrics"/> order, in days where timed.</summary>
    public void Write(Span<double> cells, int steps, int referenceStep, double stepDays)
    {
        double shortage = Math.Min(_shortage, _demand);
        double fill = _demand > 0 ? 1 - (shortage / _demand) : 1;
        cells[0] = _demand;
        cells[1] = fill;
        cells[2] = shortage;
        cells[3] = 1 - fill;
        cells[4] = _stockoutSteps * stepDays;
        cells[5] = _demand > 0 ? _backlogSteps * stepDays / _demand : 0;
        cells[6] = _maxDelaySteps * stepDays;
        cells[7] = ((_firstShortStep >= 0 ? _firstShortStep : steps) - referenceStep) * stepDays;
        cells[8] = _episodeStartStep < 0 ? 0 : ((_recoverStep >= 0 ? _recoverStep : steps) - _episodeStartStep) * stepDays;
    }
}
