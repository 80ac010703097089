namespace SupplySim.Simulation;

/// <summary>The shortage metrics of a consumer (or sector) and material, from the sums a kernel keeps over a trial.</summary>
internal static class ShortageMetrics
{
    /// <summary>Amounts below this (tonnes) are rounding noise, not shortage.</summary>
    public const double Tolerance = 1e-9;

    /// <summary>
    /// The nine shortage metrics of one slot, in <see cref="MetricNames.ShortageMetrics"/> order, from its sums
    /// (every row comes from here). All defined for zero demand. Time to shortage counts from
    /// <paramref name="referenceStep"/> (the scenario's first event) to <paramref name="firstShortStep"/>, the first
    /// shortage from then; time to recover from the run's first shortage, <paramref name="episodeStartStep"/>, which
    /// every run counts from the start, so a scenario's recovery pairs with the baseline's.
    /// </summary>
    public static void Write(Span<double> cells, double demand, double shortageSum, int stockoutSteps, double backlogSum,
        int maxDelaySteps, int firstShortStep, int episodeStartStep, int recoverStep, int referenceStep, int steps, double stepDays)
    {
        double shortage = Math.Min(shortageSum, demand);
        double fill = demand > 0 ? 1 - (shortage / demand) : 1;
        cells[0] = demand;
        cells[1] = fill;
        cells[2] = shortage;
        cells[3] = 1 - fill;
        cells[4] = stockoutSteps * stepDays;
        cells[5] = demand > 0 ? backlogSum * stepDays / demand : 0;
        cells[6] = maxDelaySteps * stepDays;
        cells[7] = (firstShortStep >= 0 ? firstShortStep - referenceStep : steps - referenceStep) * stepDays;
        cells[8] = episodeStartStep < 0 ? 0 : ((recoverStep >= 0 ? recoverStep : steps) - episodeStartStep) * stepDays;
    }
}
