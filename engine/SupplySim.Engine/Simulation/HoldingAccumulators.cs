namespace SupplySim.Simulation;

/// <summary>Running shortage and delay statistics per demand holding (or per sector-material pair).</summary>
internal sealed class HoldingAccumulators(int count)
{
    public double[] Demand { get; } = new double[count];

    public double[] Shortage { get; } = new double[count];

    public int[] StockoutSteps { get; } = new int[count];

    /// <summary>Σ over steps of the backlog at the end of the step (tonne-steps).</summary>
    public double[] BacklogSum { get; } = new double[count];

    public int[] MaxDelaySteps { get; } = new int[count];

    /// <summary>First step with unmet demand at or after the scenario's first event, -1 if none.</summary>
    public int[] FirstShortStep { get; } = new int[count];

    /// <summary>First step after <see cref="FirstShortStep"/> that ended with nothing owed, -1 if none.</summary>
    public int[] RecoverStep { get; } = new int[count];

    public void Clear()
    {
        Array.Clear(Demand);
        Array.Clear(Shortage);
        Array.Clear(StockoutSteps);
        Array.Clear(BacklogSum);
        Array.Clear(MaxDelaySteps);
        Array.Fill(FirstShortStep, -1);
        Array.Fill(RecoverStep, -1);
    }

    /// <summary>Records one step of one slot: demand, unmet today, backlog after the step, age of the oldest debt.</summary>
    public void Record(int slot, int step, int referenceStep, double demand, double unmet, double backlog, int oldestAgeSteps)
    {
        Demand[slot] += demand;
        Shortage[slot] += unmet;
        BacklogSum[slot] += backlog;
        if (unmet > Tolerance)
        {
            StockoutSteps[slot]++;
            if (FirstShortStep[slot] < 0 && step >= referenceStep)
            {
                FirstShortStep[slot] = step;
            }
        }

        if (oldestAgeSteps > MaxDelaySteps[slot])
        {
            MaxDelaySteps[slot] = oldestAgeSteps;
        }

        if (FirstShortStep[slot] >= 0 && RecoverStep[slot] < 0 && step > FirstShortStep[slot] && unmet <= Tolerance && backlog <= Tolerance)
        {
            RecoverStep[slot] = step;
        }
    }

    /// <summary>Amounts below this (tonnes) are rounding noise, not shortage.</summary>
    public const double Tolerance = 1e-9;

    /// <summary>
    /// The nine shortage metrics of one slot, in <see cref="MetricNames.ShortageMetrics"/> order, from its sums
    /// (both kernels' rows come from here). All defined for zero demand.
    /// </summary>
    public static void WriteMetrics(Span<double> cells, double demand, double shortageSum, int stockoutSteps, double backlogSum,
        int maxDelaySteps, int firstShortStep, int recoverStep, int referenceStep, int steps, double stepDays)
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
        cells[8] = firstShortStep < 0 ? 0 : ((recoverStep >= 0 ? recoverStep : steps) - firstShortStep) * stepDays;
    }
}
