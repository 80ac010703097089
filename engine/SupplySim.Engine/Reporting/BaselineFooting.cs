using SupplySim.Model;
using SupplySim.Simulation;

namespace SupplySim.Reporting;

/// <summary>
/// Puts a scenario's per-trial values of one column on the baseline's footing, so that <c>scenario − baseline</c>,
/// trial by trial, is the change the scenario made. Only <c>time_to_shortage_days</c> is restated: the other metrics
/// count alike in both (<c>time_to_recover_days</c> from each run's first shortage since the start; docs/metrics.md).
/// </summary>
/// <remarks>
/// <c>time_to_shortage_days</c> counts from the scenario's first event, the baseline's from the start, so their plain
/// difference would report the gap between the two starting days as an effect (−459 days in every trial of a
/// scenario whose first event is on day 459, even where neither run ever falls short). Restated from the start, the
/// scenario's value is the day of its trial's first shortage: its own value plus the days before its first event,
/// unless the baseline fell short before that event. On common random numbers the two trials are identical until
/// the first event, so the scenario fell short on that very day as well: the same value as the baseline's, a
/// difference of 0. A censored value stays censored: horizon − event + event = horizon, the baseline's.
/// </remarks>
internal static class BaselineFooting
{
    /// <summary>Days from the start to the point <paramref name="metric"/> counts from in <paramref name="scenario"/>, where that differs from the baseline's; else 0.</summary>
    public static double ReferenceDays(Metric metric, CompiledScenario scenario, double stepDays) =>
        metric == Metric.TimeToShortageDays ? scenario.FirstEventStep * stepDays : 0;

    /// <summary>
    /// <paramref name="scenario"/> restated as the baseline counts it (see the remarks on the class), in
    /// <paramref name="room"/> if anything changes; <paramref name="scenario"/> itself when
    /// <paramref name="referenceDays"/> is 0.
    /// </summary>
    public static ReadOnlySpan<double> Align(ReadOnlySpan<double> scenario, ReadOnlySpan<double> baseline, double referenceDays, Span<double> room)
    {
        if (referenceDays == 0)
        {
            return scenario;
        }

        var aligned = room[..scenario.Length];
        for (int trial = 0; trial < aligned.Length; trial++)
        {
            aligned[trial] = baseline[trial] < referenceDays ? baseline[trial] : scenario[trial] + referenceDays;
        }

        return aligned;
    }
}
