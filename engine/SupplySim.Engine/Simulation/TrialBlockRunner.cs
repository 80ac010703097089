using SupplySim.Model;

namespace SupplySim.Simulation;

/// <summary>
/// Runs blocks of up to <see cref="BlockTrials"/> consecutive trials of one scenario for one worker, through a
/// <see cref="TrialKernel{T, TMask}"/> of the width <see cref="KernelWidth"/> picks (or the options ask for). A block shorter
/// than the kernel's width (the run's last) runs whole and keeps only its trials' rows: a trial's row depends only on
/// its own streams, never on its lane or its neighbours, so the width never changes results.
/// </summary>
internal sealed class TrialBlockRunner
{
    /// <summary>Trials per call of <see cref="Run"/> at most: the widest kernel's block, a multiple of every width.</summary>
    public const int BlockTrials = KernelWidth.Max;

    private readonly ITrialKernel _kernel;
    private readonly int _rowWidth;

    public TrialBlockRunner(CompiledNetwork network, CompiledScenario scenario, MetricLayout layout, MonthlySeries monthly = MonthlySeries.None,
        int[]? weeklySeries = null, int lanes = KernelWidth.Auto, ParameterOverrides? overrides = null, TrialBlockRunner? shareWith = null)
    {
        // Sharing a runner's block state (another scenario's, run in turn by the same worker) needs the same width.
        _kernel = KernelWidth.CreateKernel(shareWith?._kernel.Width ?? (lanes == KernelWidth.Auto ? KernelWidth.Best : lanes), network, scenario, layout,
            monthly, weeklySeries, shareWith?._kernel);
        _kernel.UseOverrides(overrides);
        _rowWidth = layout.Width;
        MonthlyWidth = network.MonthlyWidth(monthly);
        WeeklyWidth = (weeklySeries?.Length ?? 0) * network.WeekCount * 2;
        Rows = new double[BlockTrials * layout.Width];
        Monthly = new double[BlockTrials * MonthlyWidth];
        Weekly = new double[BlockTrials * WeeklyWidth];
    }

    public int MonthlyWidth { get; }

    /// <summary>From the next block on, per-trial parameters take these values where they name them (null: none).</summary>
    public void UseOverrides(ParameterOverrides? overrides) => _kernel.UseOverrides(overrides);

    public int WeeklyWidth { get; }

    /// <summary>The last block's rows: trial <c>first + i</c> at <c>[i * layout.Width ..]</c>.</summary>
    public double[] Rows { get; }

    /// <summary>The last block's monthly lane flows, trial <c>first + i</c> at <c>[i * MonthlyWidth ..]</c>.</summary>
    public double[] Monthly { get; }

    /// <summary>The last block's weekly series, trial <c>first + i</c> at <c>[i * WeeklyWidth ..]</c>.</summary>
    public double[] Weekly { get; }

    /// <summary>Runs trials <paramref name="first"/> … <paramref name="first"/> + <paramref name="count"/> − 1 (count ≤ <see cref="BlockTrials"/>).</summary>
    public void Run(ulong seed, long first, int count)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(count, BlockTrials);
        int lanes = _kernel.Width;
        for (int offset = 0; offset < count; offset += lanes)
        {
            _kernel.Run(seed, first + offset, Rows.AsSpan(offset * _rowWidth), Monthly.AsSpan(offset * MonthlyWidth),
                Weekly.AsSpan(offset * WeeklyWidth));
        }
    }
}
