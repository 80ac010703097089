using System.Runtime.Intrinsics;
using SupplySim.Model;

namespace SupplySim.Simulation;

/// <summary>
/// Runs blocks of up to <see cref="BatchKernel.Width"/> consecutive trials of one scenario for one worker: a full
/// block in the <see cref="BatchKernel"/> when this CPU has 512-bit vectors and nothing is recorded per step,
/// otherwise trial by trial in the scalar <see cref="TrialKernel"/>. Both write the same bytes for a trial, so which
/// one runs never changes results.
/// </summary>
internal sealed class TrialBlockRunner
{
    public const int BlockTrials = BatchKernel.Width;

    private readonly CompiledNetwork _network;
    private readonly CompiledScenario _scenario;
    private readonly MetricLayout _layout;
    private readonly bool _recordMonthly;
    private readonly bool _recordWeekly;
    private readonly bool _batch;
    private TrialKernel? _scalar;
    private BatchKernel? _batchKernel;

    public TrialBlockRunner(CompiledNetwork network, CompiledScenario scenario, MetricLayout layout, bool recordMonthlyLaneFlows = false,
        bool recordWeeklySeries = false, KernelChoice kernel = KernelChoice.Auto)
    {
        _network = network;
        _scenario = scenario;
        _layout = layout;
        _recordMonthly = recordMonthlyLaneFlows;
        _recordWeekly = recordWeeklySeries;
        // The batch kernel records no per-step series: runs that keep them always step trials one at a time.
        _batch = !recordMonthlyLaneFlows && !recordWeeklySeries &&
                 (kernel == KernelChoice.Batch || (kernel == KernelChoice.Auto && Vector512.IsHardwareAccelerated));
        MonthlyWidth = recordMonthlyLaneFlows ? network.LaneCount * network.MonthCount : 0;
        WeeklyWidth = recordWeeklySeries ? layout.DemandSeries.Count * network.WeekCount * 2 : 0;
        Rows = new double[BlockTrials * layout.Width];
        Monthly = new double[BlockTrials * MonthlyWidth];
        Weekly = new double[BlockTrials * WeeklyWidth];
    }

    public int MonthlyWidth { get; }

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
        if (_batch && count == BlockTrials)
        {
            _batchKernel ??= new BatchKernel(_network, _scenario, _layout);
            _batchKernel.Run(seed, first, Rows);
            return;
        }

        _scalar ??= new TrialKernel(_network, _scenario, _layout, _recordMonthly, _recordWeekly);
        int width = _layout.Width;
        for (int i = 0; i < count; i++)
        {
            _scalar.Run(seed, first + i, Rows.AsSpan(i * width, width), Monthly.AsSpan(i * MonthlyWidth, MonthlyWidth),
                Weekly.AsSpan(i * WeeklyWidth, WeeklyWidth));
        }
    }
}

/// <summary>Which kernel runs full blocks of trials; tests pin one to compare them. Results never depend on it.</summary>
internal enum KernelChoice
{
    /// <summary>The batch kernel where the hardware and the options allow it.</summary>
    Auto,

    /// <summary>Always the scalar kernel.</summary>
    Scalar,

    /// <summary>The batch kernel for every full block of a run without per-step series, even without 512-bit hardware (emulated, slow): for tests.</summary>
    Batch,
}
