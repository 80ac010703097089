using System.Runtime.CompilerServices;
using SupplySim.Model;

namespace SupplySim.Simulation;

/// <summary>
/// Draws of per-use durations in whole steps (rounded up, at least one) for a fixed list of slots, each with its
/// parameter: lead times per arc (the kernel's most frequent draw, one per shipment), transshipper delays per arc and
/// licence processing times per export control (one per application). The same draws and results as
/// <see cref="Sampler.DrawSteps"/> (one uniform per uniform or triangular duration, none for a fixed one or an
/// absent parameter, which means one day), but uniform and triangular durations evaluate the inverse CDF in every
/// lane at once, with the same IEEE operations as <see cref="Sampler.Triangular"/>; rare distributions draw lane by
/// lane through <see cref="Sampler"/>.
/// </summary>
internal sealed class DurationSampler
{
    private const int MantissaBits = 53;
    private const double Ulp = 1.0 / (1UL << MantissaBits);

    private readonly ParameterTable _table;
    private readonly int[] _param;
    private readonly DistributionKind[] _kind;
    private readonly double[] _a;
    private readonly double[] _c;
    private readonly double _stepDays;

    /// <summary>Which slots the draw evaluates in vector registers, and the terms it needs, per slot.</summary>
    private readonly VectorShape[] _vectorShape;
    private readonly double[] _width;
    private readonly double[] _cut;
    private readonly double[] _lowSpan;
    private readonly double[] _highSpan;

    private enum VectorShape : byte
    {
        None,
        Uniform,
        Triangular,
    }

    /// <summary>Samplers are immutable after construction, so one per network or scenario is shared by every kernel.</summary>
    private static readonly ConditionalWeakTable<CompiledNetwork, DurationSampler> SharedLeadTimes = new();
    private static readonly ConditionalWeakTable<CompiledScenario, DurationSampler> SharedProcessingTimes = new();
    private static readonly ConditionalWeakTable<CompiledNetwork, DurationSampler> SharedDelays = new();

    /// <summary>A sampler over <paramref name="paramOfSlot"/>: slot i draws parameter <c>paramOfSlot[i]</c> (-1: one day).</summary>
    public DurationSampler(ParameterTable table, int[] paramOfSlot, double stepDays)
    {
        _table = table;
        _param = paramOfSlot;
        _stepDays = stepDays;
        int slots = paramOfSlot.Length;
        _kind = new DistributionKind[slots];
        _a = new double[slots];
        _c = new double[slots];
        _vectorShape = new VectorShape[slots];
        _width = new double[slots];
        _cut = new double[slots];
        _lowSpan = new double[slots];
        _highSpan = new double[slots];
        for (int slot = 0; slot < slots; slot++)
        {
            int p = _param[slot];
            _kind[slot] = p < 0 ? DistributionKind.Fixed : _table.Kind[p];
            _a[slot] = p < 0 ? 1 : _table.A[p];
            _c[slot] = p < 0 ? 0 : _table.C[p];
            if (_kind[slot] is DistributionKind.Uniform or DistributionKind.Triangular)
            {
                SetVectorTerms(slot, _a[slot], _table.B[p], _c[slot]);
            }
        }
    }

    /// <summary>Lead times of <paramref name="network"/>, slot = arc.</summary>
    public static DurationSampler LeadTimes(CompiledNetwork network) =>
        SharedLeadTimes.GetValue(network, n => new DurationSampler(n.Parameters, n.ArcLeadParam, n.StepDays));

    /// <summary>Transshipper delays of <paramref name="network"/>, slot = arc (its supplier's delay; -1 when it has none).</summary>
    public static DurationSampler Delays(CompiledNetwork network) =>
        SharedDelays.GetValue(network, n => new DurationSampler(n.Parameters, [.. n.ArcFrom.Select(from => n.DelayParam[from])], n.StepDays));

    /// <summary>Licence processing times of <paramref name="scenario"/> on <paramref name="network"/>, slot = export control.</summary>
    public static DurationSampler ProcessingTimes(CompiledNetwork network, CompiledScenario scenario) =>
        SharedProcessingTimes.GetValue(scenario, s => new DurationSampler(network.Parameters, s.ControlProcessingParam, network.StepDays));

    /// <summary>
    /// Whole steps of one draw for <paramref name="slot"/> in each lane of <paramref name="mask"/>: lane <c>l</c> of
    /// the result is <see cref="Sampler.DrawSteps"/> from lane <c>l</c> of <paramref name="rng"/>; other lanes
    /// neither draw nor mean anything.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public T DrawSteps<T, TMask>(int slot, ref RngLanes<T, TMask> rng, TMask mask)
        where T : struct, ILanes<T, TMask>
        where TMask : struct
    {
        var shape = _vectorShape[slot];
        if (shape == VectorShape.None)
        {
            return DrawOtherSteps(slot, ref rng, mask);
        }

        var u = T.BitsToDouble(T.ShiftRightBits(rng.NextUInt64(mask), 64 - MantissaBits)) * Ulp;
        if (shape == VectorShape.Uniform)
        {
            return ToSteps<T, TMask>(T.Create(_a[slot]) + (T.Create(_width[slot]) * u));
        }

        // Sampler.Triangular term by term: both branches' radicands, one square root.
        var width = T.Create(_width[slot]);
        var below = T.LessThan(u, T.Create(_cut[slot]));
        var radicand = T.ConditionalSelect(below, u * width * T.Create(_lowSpan[slot]), (T.One - u) * width * T.Create(_highSpan[slot]));
        var root = T.Sqrt(radicand);
        return ToSteps<T, TMask>(T.ConditionalSelect(below, T.Create(_a[slot]) + root, T.Create(_c[slot]) - root));
    }

    /// <summary>Fixed durations, degenerate triangulars and rare distributions (lane by lane through <see cref="Sampler"/>).</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private T DrawOtherSteps<T, TMask>(int slot, ref RngLanes<T, TMask> rng, TMask mask)
        where T : struct, ILanes<T, TMask>
        where TMask : struct
    {
        switch (_kind[slot])
        {
            case DistributionKind.Fixed:
                return T.Create(ToSteps(_a[slot]));
            case DistributionKind.Triangular:
                // Zero width: one uniform drawn, the minimum returned (Sampler.Triangular).
                rng.NextUInt64(mask);
                return T.Create(ToSteps(_a[slot]));
            default:
                var steps = T.Zero;
                for (uint bits = T.ExtractMostSignificantBits(mask); bits != 0; bits &= bits - 1)
                {
                    int lane = System.Numerics.BitOperations.TrailingZeroCount(bits);
                    var one = rng.GetLane(lane);
                    steps = T.WithElement(steps, lane, Sampler.DrawSteps(_table, _param[slot], ref one, _stepDays));
                    rng.SetLane(lane, one);
                }

                return steps;
        }
    }

    /// <summary><see cref="ToSteps(double)"/> in every lane, as whole doubles (the kernel's indices are doubles).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private T ToSteps<T, TMask>(T days)
        where T : struct, ILanes<T, TMask>
        where TMask : struct
    {
        var inSteps = _stepDays == 1 ? days : days / T.Create(_stepDays);
        return T.Max(T.Ceiling(inSteps - T.Create(1e-9)), T.One);
    }

    private int ToSteps(double days) => Math.Max(1, (int)Math.Ceiling((days / _stepDays) - 1e-9));

    /// <summary>The terms of <see cref="Sampler.Triangular"/> (or the uniform's width) that do not depend on the uniform, computed as it computes them.</summary>
    private void SetVectorTerms(int slot, double min, double mode, double max)
    {
        if (_kind[slot] == DistributionKind.Uniform)
        {
            _vectorShape[slot] = VectorShape.Uniform;
            _width[slot] = mode - min;
            return;
        }

        double width = max - min;
        if (width <= 0)
        {
            return;
        }

        _vectorShape[slot] = VectorShape.Triangular;
        _width[slot] = width;
        _cut[slot] = (mode - min) / width;
        _lowSpan[slot] = mode - min;
        _highSpan[slot] = max - mode;
    }
}
