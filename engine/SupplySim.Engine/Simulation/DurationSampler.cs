using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using SupplySim.Model;

namespace SupplySim.Simulation;

/// <summary>
/// Draws of per-use durations in whole steps (rounded up, at least one) for a fixed list of slots, each with its
/// parameter: lead times per arc (the kernel's most frequent draw, one per shipment) and licence processing times
/// per export control (one per application). Same draws and same results as the generic path (one uniform per
/// uniform or triangular duration, none for a fixed one or an absent parameter, which means one day), but cheaper:
/// the result is a step function of the uniform, so each slot has a table over the uniform's top bits giving the
/// steps for every bucket where the step function is constant; only draws in a bucket that straddles a step
/// boundary evaluate the inverse CDF. Other distributions go through <see cref="Sampler"/>. The batch draw needs no
/// table: eight lanes of the inverse CDF in vector registers cost less than eight table reads, and keep the tables
/// out of the batch kernel's cache.
/// </summary>
internal sealed class DurationSampler
{
    /// <summary>
    /// Bytes of step tables a sampler aims at. More buckets mean fewer draws that straddle a step boundary and fall
    /// back to the inverse CDF (~6% of draws at 512 buckets, ~1.5% at 2048), but the tables compete with the kernel's
    /// state for L2: 2048 buckets per arc made the 10× network lose 10% of its per-lane-step rate (measured when the
    /// batch kernel still read them). So: up to 2048 buckets while the tables fit this, at least 512.
    /// </summary>
    private const int TableBudgetBytes = 256 * 1024;
    private const int MinBucketBits = 9;
    private const int MaxBucketBits = 11;

    /// <summary>Buckets per slot are the top <see cref="_bucketBits"/> of the 53-bit uniform.</summary>
    private readonly int _bucketBits;
    private readonly int _buckets;
    private const int MantissaBits = 53;
    private const double Ulp = 1.0 / (1UL << MantissaBits);

    /// <summary>Marks a bucket whose draws do not all give the same steps.</summary>
    private const ushort Straddles = ushort.MaxValue;

    private readonly ParameterTable _table;
    private readonly int[] _param;
    private readonly DistributionKind[] _kind;
    private readonly double[] _a;
    private readonly double[] _b;
    private readonly double[] _c;
    private readonly double _stepDays;

    /// <summary>Which slots the batch draw evaluates in vector registers, and the terms it needs, per slot.</summary>
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

    /// <summary>Steps per bucket, <c>[slot * buckets + bucket]</c>, or <see cref="Straddles"/>.</summary>
    private readonly ushort[] _steps;

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
        _b = new double[slots];
        _c = new double[slots];
        _vectorShape = new VectorShape[slots];
        _width = new double[slots];
        _cut = new double[slots];
        _lowSpan = new double[slots];
        _highSpan = new double[slots];
        int bits = BitOperations.Log2((uint)Math.Max(1, TableBudgetBytes / (sizeof(ushort) * Math.Max(1, slots))));
        _bucketBits = Math.Clamp(bits, MinBucketBits, MaxBucketBits);
        _buckets = 1 << _bucketBits;
        _steps = new ushort[slots * _buckets];
        for (int slot = 0; slot < slots; slot++)
        {
            int p = _param[slot];
            _kind[slot] = p < 0 ? DistributionKind.Fixed : _table.Kind[p];
            _a[slot] = p < 0 ? 1 : _table.A[p];
            _b[slot] = p < 0 ? 0 : _table.B[p];
            _c[slot] = p < 0 ? 0 : _table.C[p];
            if (_kind[slot] is DistributionKind.Uniform or DistributionKind.Triangular)
            {
                FillBuckets(slot);
                SetVectorTerms(slot);
            }
        }
    }

    /// <summary>Lead times of <paramref name="network"/>, slot = arc; built on first use (the tables take ~1 ms to fill).</summary>
    public static DurationSampler LeadTimes(CompiledNetwork network) =>
        SharedLeadTimes.GetValue(network, n => new DurationSampler(n.Parameters, n.ArcLeadParam, n.StepDays));

    /// <summary>Transshipper delays of <paramref name="network"/>, slot = arc (its supplier's delay; -1 when it has none).</summary>
    public static DurationSampler Delays(CompiledNetwork network) =>
        SharedDelays.GetValue(network, n => new DurationSampler(n.Parameters, [.. n.ArcFrom.Select(from => n.DelayParam[from])], n.StepDays));

    /// <summary>Licence processing times of <paramref name="scenario"/> on <paramref name="network"/>, slot = export control.</summary>
    public static DurationSampler ProcessingTimes(CompiledNetwork network, CompiledScenario scenario) =>
        SharedProcessingTimes.GetValue(scenario, s => new DurationSampler(network.Parameters, s.ControlProcessingParam, network.StepDays));

    /// <summary>Whole steps of one draw for <paramref name="slot"/>: rounded up, at least one.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int DrawSteps(int slot, ref Rng rng)
    {
        switch (_kind[slot])
        {
            case DistributionKind.Fixed:
                return ToSteps(_a[slot]);
            case DistributionKind.Uniform:
            case DistributionKind.Triangular:
                ulong bits = rng.NextUInt64() >> (64 - MantissaBits);
                ushort steps = _steps[(slot * _buckets) + (int)(bits >> (MantissaBits - _bucketBits))];
                return steps != Straddles ? steps : StepsAt(slot, bits * Ulp);
            default:
                return ToSteps(Sampler.Sample(_table, _param[slot], ref rng));
        }
    }

    /// <summary>
    /// <see cref="DrawSteps(int, ref Rng)"/> for the trials of a batch: lane <c>l</c> of the result is what lane
    /// <c>l</c> of <paramref name="rng"/> would draw alone, in the lanes of <paramref name="mask"/>; other lanes
    /// neither draw nor mean anything. Uniform and triangular durations evaluate the inverse CDF in all lanes at once
    /// with the same IEEE operations as <see cref="StepsAt"/> (so no table, no per-lane branch); rare distributions
    /// draw lane by lane through <see cref="Sampler"/>.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Vector512<double> DrawSteps(int slot, ref RngBatch rng, Vector512<double> mask)
    {
        var shape = _vectorShape[slot];
        if (shape == VectorShape.None)
        {
            return DrawOtherSteps(slot, ref rng, mask);
        }

        var u = Vector512.ConvertToDouble(rng.NextUInt64(mask.AsUInt64()) >>> (64 - MantissaBits)) * Ulp;
        if (shape == VectorShape.Uniform)
        {
            return ToSteps(Vector512.Create(_a[slot]) + (Vector512.Create(_width[slot]) * u));
        }

        // Sampler.Triangular term by term: both branches' radicands, one square root.
        var width = Vector512.Create(_width[slot]);
        var below = Vector512.LessThan(u, Vector512.Create(_cut[slot]));
        var radicand = Vector512.ConditionalSelect(below, u * width * Vector512.Create(_lowSpan[slot]),
            (Vector512<double>.One - u) * width * Vector512.Create(_highSpan[slot]));
        var root = Vector512.Sqrt(radicand);
        return ToSteps(Vector512.ConditionalSelect(below, Vector512.Create(_a[slot]) + root, Vector512.Create(_c[slot]) - root));
    }

    /// <summary>Fixed durations, degenerate triangulars and rare distributions (lane by lane through <see cref="Sampler"/>).</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private Vector512<double> DrawOtherSteps(int slot, ref RngBatch rng, Vector512<double> mask)
    {
        switch (_kind[slot])
        {
            case DistributionKind.Fixed:
                return Vector512.Create((double)ToSteps(_a[slot]));
            case DistributionKind.Triangular:
                // Zero width: one uniform drawn, the minimum returned (Sampler.Triangular).
                rng.NextUInt64(mask.AsUInt64());
                return Vector512.Create((double)ToSteps(_a[slot]));
            default:
                var steps = Vector512<double>.Zero;
                for (uint bits = (uint)mask.ExtractMostSignificantBits(); bits != 0; bits &= bits - 1)
                {
                    int lane = BitOperations.TrailingZeroCount(bits);
                    var one = rng.GetLane(lane);
                    steps = steps.WithElement(lane, (double)ToSteps(Sampler.Sample(_table, _param[slot], ref one)));
                    rng.SetLane(lane, one);
                }

                return steps;
        }
    }

    /// <summary><see cref="ToSteps(double)"/> in every lane, as whole doubles (the batch kernel's indices are doubles).</summary>
    private Vector512<double> ToSteps(Vector512<double> days)
    {
        var inSteps = _stepDays == 1 ? days : days / Vector512.Create(_stepDays);
        return Vector512.Max(Vector512.Ceiling(inSteps - Vector512.Create(1e-9)), Vector512<double>.One);
    }

    /// <summary>
    /// The inverse CDF, rounded up to steps, at uniform <paramref name="u"/> (the value <see cref="Rng.NextDouble"/>
    /// would have returned). Non-decreasing in <paramref name="u"/> on each side of a triangular's mode, since every
    /// operation in it is a monotone rounding of a monotone function.
    /// </summary>
    private int StepsAt(int slot, double u) => ToSteps(_kind[slot] == DistributionKind.Uniform
        ? _a[slot] + ((_b[slot] - _a[slot]) * u)
        : Sampler.Triangular(_a[slot], _b[slot], _c[slot], u));

    private int ToSteps(double days) => Math.Max(1, (int)Math.Ceiling((days / _stepDays) - 1e-9));

    /// <summary>The terms of <see cref="StepsAt"/> that do not depend on the uniform, computed as it computes them.</summary>
    private void SetVectorTerms(int slot)
    {
        if (_kind[slot] == DistributionKind.Uniform)
        {
            _vectorShape[slot] = VectorShape.Uniform;
            _width[slot] = _b[slot] - _a[slot];
            return;
        }

        double min = _a[slot], mode = _b[slot], max = _c[slot], width = max - min;
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

    /// <summary>
    /// A bucket is constant when the steps at its first and last uniform agree and, for a triangular whose mode cut
    /// falls inside it, also on both sides of the cut (the only place the function may step down by rounding).
    /// </summary>
    private void FillBuckets(int slot)
    {
        ulong perBucket = 1UL << (MantissaBits - _bucketBits);
        double cut = _kind[slot] == DistributionKind.Triangular && _c[slot] > _a[slot]
            ? (_b[slot] - _a[slot]) / (_c[slot] - _a[slot])
            : double.NaN;
        for (int bucket = 0; bucket < _buckets; bucket++)
        {
            ulong first = (ulong)bucket * perBucket, last = first + perBucket - 1;
            int steps = StepsAt(slot, first * Ulp);
            bool constant = steps == StepsAt(slot, last * Ulp) && steps < Straddles;
            if (constant && cut > first * Ulp && cut <= last * Ulp)
            {
                ulong atCut = (ulong)Math.Ceiling(cut / Ulp);
                constant = StepsAt(slot, (atCut - 1) * Ulp) == steps && StepsAt(slot, atCut * Ulp) == steps;
            }

            _steps[(slot * _buckets) + bucket] = constant ? (ushort)steps : Straddles;
        }
    }
}
