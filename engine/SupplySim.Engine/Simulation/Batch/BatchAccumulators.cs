using System.Runtime.Intrinsics;
using V = System.Runtime.Intrinsics.Vector512<double>;

namespace SupplySim.Simulation;

/// <summary><see cref="HoldingAccumulators"/> for a batch: each slot holds the batch's trials in one vector; counts and steps as doubles.</summary>
internal sealed class BatchAccumulators(int count)
{
    private static readonly V Tolerance = Vector512.Create(HoldingAccumulators.Tolerance);
    private static readonly V None = Vector512.Create(-1.0);

    public V[] Demand { get; } = new V[count];

    public V[] Shortage { get; } = new V[count];

    public V[] StockoutSteps { get; } = new V[count];

    public V[] BacklogSum { get; } = new V[count];

    public V[] MaxDelaySteps { get; } = new V[count];

    public V[] FirstShortStep { get; } = new V[count];

    public V[] RecoverStep { get; } = new V[count];

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

    /// <summary><see cref="HoldingAccumulators.Record"/> for every trial of the batch.</summary>
    public void Record(int slot, int step, int referenceStep, V demand, V unmet, V backlog, V oldestAgeSteps)
    {
        Demand[slot] += demand;
        Shortage[slot] += unmet;
        BacklogSum[slot] += backlog;
        var stepValue = Vector512.Create((double)step);
        var shortToday = Lanes.Gt(unmet, Tolerance);
        StockoutSteps[slot] = Lanes.AddWhere(shortToday, StockoutSteps[slot], V.One);
        if (step >= referenceStep)
        {
            FirstShortStep[slot] = Lanes.Where(shortToday & Lanes.Lt(FirstShortStep[slot], V.Zero), stepValue, FirstShortStep[slot]);
        }

        MaxDelaySteps[slot] = Lanes.Max(MaxDelaySteps[slot], oldestAgeSteps);
        var first = FirstShortStep[slot];
        var recovered = Lanes.Ge(first, V.Zero) & Lanes.Lt(RecoverStep[slot], V.Zero) & Lanes.Lt(first, stepValue) &
                        Lanes.Le(unmet, Tolerance) & Lanes.Le(backlog, Tolerance);
        RecoverStep[slot] = Lanes.Where(recovered, stepValue, RecoverStep[slot]);
    }
}
