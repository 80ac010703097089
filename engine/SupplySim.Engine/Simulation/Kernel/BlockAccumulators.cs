using static SupplySim.Simulation.Lanes;


namespace SupplySim.Simulation;

/// <summary>
/// Running shortage and delay statistics per demand holding (or per sector-material pair) for a block: each slot
/// holds the block's trials in one <typeparamref name="T"/>; counts and steps as doubles.
/// </summary>
internal sealed class BlockAccumulators<T>(int count)
    where T : struct, ILanes<T>
{
    private static readonly T Tolerance = T.Create(ShortageMetrics.Tolerance);
    private static readonly T None = T.Create(-1.0);

    public T[] Demand { get; } = new T[count];

    public T[] Shortage { get; } = new T[count];

    public T[] StockoutSteps { get; } = new T[count];

    public T[] BacklogSum { get; } = new T[count];

    public T[] MaxDelaySteps { get; } = new T[count];

    public T[] FirstShortStep { get; } = new T[count];

    public T[] RecoverStep { get; } = new T[count];

    public void Clear()
    {
        Array.Clear(Demand);
        Array.Clear(Shortage);
        Array.Clear(StockoutSteps);
        Array.Clear(BacklogSum);
        Array.Clear(MaxDelaySteps);
        Array.Fill(FirstShortStep, None);
        Array.Fill(RecoverStep, None);
    }

    /// <summary>Records one step of one slot for every trial of the block: demand, unmet today, backlog after the step, age of the oldest debt.</summary>
    public void Record(int slot, int step, int referenceStep, T demand, T unmet, T backlog, T oldestAgeSteps)
    {
        Demand[slot] += demand;
        Shortage[slot] += unmet;
        BacklogSum[slot] += backlog;
        var stepValue = T.Create((double)step);
        var shortToday = Gt(unmet, Tolerance);
        StockoutSteps[slot] = AddWhere(shortToday, StockoutSteps[slot], T.One);
        if (step >= referenceStep)
        {
            FirstShortStep[slot] = Where(shortToday & Lt(FirstShortStep[slot], T.Zero), stepValue, FirstShortStep[slot]);
        }

        MaxDelaySteps[slot] = Max(MaxDelaySteps[slot], oldestAgeSteps);
        var first = FirstShortStep[slot];
        var recovered = Ge(first, T.Zero) & Lt(RecoverStep[slot], T.Zero) & Lt(first, stepValue) &
                        Le(unmet, Tolerance) & Le(backlog, Tolerance);
        RecoverStep[slot] = Where(recovered, stepValue, RecoverStep[slot]);
    }
}
