using System.Runtime.CompilerServices;

namespace SupplySim.Simulation;

/// <summary>
/// Running shortage and delay statistics per demand holding (or per sector-material pair) for a block: each slot
/// holds the block's trials in one <typeparamref name="T"/>; counts and steps as doubles.
/// </summary>
internal sealed class BlockAccumulators<T, TMask>(int count) : LaneArithmetic<T, TMask>
    where T : struct, ILanes<T, TMask>
    where TMask : struct
{
    private static readonly T Tolerance = T.Create(ShortageMetrics.Tolerance);
    private static readonly T NoStep = T.Create(-1.0);

    private readonly AlignedArray<T> _demand = new(count);
    private readonly AlignedArray<T> _shortage = new(count);
    private readonly AlignedArray<T> _stockoutSteps = new(count);
    private readonly AlignedArray<T> _backlogSum = new(count);
    private readonly AlignedArray<T> _maxDelaySteps = new(count);
    private readonly AlignedArray<T> _firstShortStep = new(count);
    private readonly AlignedArray<T> _episodeStartStep = new(count);
    private readonly AlignedArray<T> _recoverStep = new(count);

    public Span<T> Demand => _demand.Span;

    public Span<T> Shortage => _shortage.Span;

    public Span<T> StockoutSteps => _stockoutSteps.Span;

    public Span<T> BacklogSum => _backlogSum.Span;

    public Span<T> MaxDelaySteps => _maxDelaySteps.Span;

    /// <summary>The first step short on or after the scenario's first event (time to shortage counts to it).</summary>
    public Span<T> FirstShortStep => _firstShortStep.Span;

    /// <summary>
    /// The run's first step short, from the start in every run: recovery counts from it, so a scenario's recovery and
    /// the baseline's pair on common random numbers (a shortage under way at the first event is one episode in both).
    /// </summary>
    public Span<T> EpisodeStartStep => _episodeStartStep.Span;

    public Span<T> RecoverStep => _recoverStep.Span;

    public void Clear()
    {
        Demand.Clear();
        Shortage.Clear();
        StockoutSteps.Clear();
        BacklogSum.Clear();
        MaxDelaySteps.Clear();
        FirstShortStep.Fill(NoStep);
        EpisodeStartStep.Fill(NoStep);
        RecoverStep.Fill(NoStep);
    }

    /// <summary>Records one step of one slot for every trial of the block: demand, unmet today, backlog after the step, age of the oldest debt.</summary>
    /// <remarks>
    /// Inlined: called, its four vector arguments go through the stack, and reading them back stalled on the caller's
    /// stores (10% of a block at 3,136 lanes, on the first argument load).
    /// </remarks>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Record(int slot, int step, int referenceStep, T demand, T unmet, T backlog, T oldestAgeSteps)
    {
        Demand[slot] += demand;
        Shortage[slot] += unmet;
        BacklogSum[slot] += backlog;
        var stepValue = T.Create((double)step);
        var shortToday = Gt(unmet, Tolerance);
        ref T stockoutSteps = ref StockoutSteps[slot];
        stockoutSteps = AddWhere(shortToday, stockoutSteps, T.One);
        if (step >= referenceStep)
        {
            ref T first = ref FirstShortStep[slot];
            first = Where(And(shortToday, Lt(first, T.Zero)), stepValue, first);
        }

        ref T episode = ref EpisodeStartStep[slot];
        episode = Where(And(shortToday, Lt(episode, T.Zero)), stepValue, episode);
        ref T maxDelay = ref MaxDelaySteps[slot];
        maxDelay = Max(maxDelay, oldestAgeSteps);
        ref T recover = ref RecoverStep[slot];
        var recovered = And(And(And(Ge(episode, T.Zero), Lt(recover, T.Zero)), Lt(episode, stepValue)),
                        And(Le(unmet, Tolerance), Le(backlog, Tolerance)));
        recover = Where(recovered, stepValue, recover);
    }
}
