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
}
