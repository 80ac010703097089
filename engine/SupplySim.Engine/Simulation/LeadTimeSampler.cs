using System.Runtime.CompilerServices;
using SupplySim.Model;

namespace SupplySim.Simulation;

/// <summary>
/// Per-arc lead-time draws in whole steps, the kernel's most frequent draw (one per shipment). Same draws and same
/// results as the generic path (one uniform per uniform or triangular lead time, none for a fixed one), but cheaper:
/// the result is a step function of the uniform, so each arc has a table over the uniform's top bits giving the
/// steps for every bucket where the step function is constant; only draws in a bucket that straddles a step
/// boundary evaluate the inverse CDF. Other distributions go through <see cref="Sampler"/>.
/// </summary>
internal sealed class LeadTimeSampler
{
    /// <summary>Buckets per arc are the top <c>BucketBits</c> of the 53-bit uniform.</summary>
    private const int BucketBits = 9;
    private const int Buckets = 1 << BucketBits;
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

    /// <summary>Steps per bucket, <c>[arc * Buckets + bucket]</c>, or <see cref="Straddles"/>.</summary>
    private readonly ushort[] _steps;

    /// <summary>One sampler per network, shared by every kernel that runs it (it is immutable after construction).</summary>
    private static readonly ConditionalWeakTable<CompiledNetwork, LeadTimeSampler> Shared = new();

    public LeadTimeSampler(CompiledNetwork network)
    {
        _table = network.Parameters;
        _param = network.ArcLeadParam;
        _stepDays = network.StepDays;
        int arcs = network.ArcCount;
        _kind = new DistributionKind[arcs];
        _a = new double[arcs];
        _b = new double[arcs];
        _c = new double[arcs];
        _steps = new ushort[arcs * Buckets];
        for (int a = 0; a < arcs; a++)
        {
            int p = _param[a];
            _kind[a] = p < 0 ? DistributionKind.Fixed : _table.Kind[p];
            _a[a] = p < 0 ? 1 : _table.A[p];
            _b[a] = p < 0 ? 0 : _table.B[p];
            _c[a] = p < 0 ? 0 : _table.C[p];
            if (_kind[a] is DistributionKind.Uniform or DistributionKind.Triangular)
            {
                FillBuckets(a);
            }
        }
    }

    /// <summary>The shared sampler of <paramref name="network"/>, built on first use (its tables take ~1 ms to fill).</summary>
    public static LeadTimeSampler For(CompiledNetwork network) => Shared.GetValue(network, n => new LeadTimeSampler(n));

    /// <summary>Whole steps of lead time for one shipment on <paramref name="arc"/>: rounded up, at least one.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int DrawSteps(int arc, ref Rng rng)
    {
        switch (_kind[arc])
        {
            case DistributionKind.Fixed:
                return ToSteps(_a[arc]);
            case DistributionKind.Uniform:
            case DistributionKind.Triangular:
                ulong bits = rng.NextUInt64() >> (64 - MantissaBits);
                ushort steps = _steps[(arc * Buckets) + (int)(bits >> (MantissaBits - BucketBits))];
                return steps != Straddles ? steps : StepsAt(arc, bits * Ulp);
            default:
                return ToSteps(Sampler.Sample(_table, _param[arc], ref rng));
        }
    }

    /// <summary>
    /// The inverse CDF, rounded up to steps, at uniform <paramref name="u"/> (the value <see cref="Rng.NextDouble"/>
    /// would have returned). Non-decreasing in <paramref name="u"/> on each side of a triangular's mode, since every
    /// operation in it is a monotone rounding of a monotone function.
    /// </summary>
    private int StepsAt(int arc, double u) => ToSteps(_kind[arc] == DistributionKind.Uniform
        ? _a[arc] + ((_b[arc] - _a[arc]) * u)
        : Sampler.Triangular(_a[arc], _b[arc], _c[arc], u));

    private int ToSteps(double days) => Math.Max(1, (int)Math.Ceiling((days / _stepDays) - 1e-9));

    /// <summary>
    /// A bucket is constant when the steps at its first and last uniform agree and, for a triangular whose mode cut
    /// falls inside it, also on both sides of the cut (the only place the function may step down by rounding).
    /// </summary>
    private void FillBuckets(int arc)
    {
        const ulong PerBucket = 1UL << (MantissaBits - BucketBits);
        double cut = _kind[arc] == DistributionKind.Triangular && _c[arc] > _a[arc]
            ? (_b[arc] - _a[arc]) / (_c[arc] - _a[arc])
            : double.NaN;
        for (int bucket = 0; bucket < Buckets; bucket++)
        {
            ulong first = (ulong)bucket * PerBucket, last = first + PerBucket - 1;
            int steps = StepsAt(arc, first * Ulp);
            bool constant = steps == StepsAt(arc, last * Ulp) && steps < Straddles;
            if (constant && cut > first * Ulp && cut <= last * Ulp)
            {
                ulong atCut = (ulong)Math.Ceiling(cut / Ulp);
                constant = StepsAt(arc, (atCut - 1) * Ulp) == steps && StepsAt(arc, atCut * Ulp) == steps;
            }

            _steps[(arc * Buckets) + bucket] = constant ? (ushort)steps : Straddles;
        }
    }
}
