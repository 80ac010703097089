using System.Runtime.CompilerServices;
using SupplySim.Model;

namespace SupplySim.Simulation;

/// <summary>
/// Per-arc lead-time draws in whole steps, the kernel's most frequent draw (one per shipment). Fixed, uniform and
/// triangular lead times, the common cases, are sampled inline from per-arc copies of their parameters; other
/// kinds go through <see cref="Sampler"/>. Same draws as the generic path: one uniform per shipment.
/// </summary>
internal sealed class LeadTimeSampler
{
    private readonly ParameterTable _table;
    private readonly int[] _param;
    private readonly DistributionKind[] _kind;
    private readonly double[] _a;
    private readonly double[] _b;
    private readonly double[] _c;
    private readonly double _stepDays;

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
        for (int a = 0; a < arcs; a++)
        {
            int p = _param[a];
            _kind[a] = p < 0 ? DistributionKind.Fixed : _table.Kind[p];
            _a[a] = p < 0 ? 1 : _table.A[p];
            _b[a] = p < 0 ? 0 : _table.B[p];
            _c[a] = p < 0 ? 0 : _table.C[p];
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int DrawSteps(int arc, ref Rng rng)
    {
        double days;
        switch (_kind[arc])
        {
            case DistributionKind.Fixed:
                days = _a[arc];
                break;
            case DistributionKind.Uniform:
                days = _a[arc] + ((_b[arc] - _a[arc]) * rng.NextDouble());
                break;
            case DistributionKind.Triangular:
                days = Sampler.Triangular(_a[arc], _b[arc], _c[arc], rng.NextDouble());
                break;
            default:
                days = Sampler.Sample(_table, _param[arc], ref rng);
                break;
        }

        return Math.Max(1, (int)Math.Ceiling((days / _stepDays) - 1e-9));
    }
}
