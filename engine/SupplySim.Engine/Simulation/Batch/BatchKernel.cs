using System.Runtime.Intrinsics;
using System.Runtime.CompilerServices;
using SupplySim.Model;
using static SupplySim.Simulation.Lanes;
using V = System.Runtime.Intrinsics.Vector512<double>;

namespace SupplySim.Simulation;

/// <summary>
/// <see cref="TrialKernel"/> for <see cref="Lanes.Width"/> trials at once: every per-trial quantity is a
/// <see cref="System.Runtime.Intrinsics.Vector512{T}"/> with one trial per lane, a branch of the scalar kernel is a
/// lane mask, and each trial draws from its own streams (masked advances), so every lane's row is bit-identical to
/// the scalar kernel's row for that trial. Work that differs in shape between trials (the backorder queue, where a
/// shipment lands in the pipeline or the licence queue, rare distributions, inverse-normal tails) runs per lane.
/// The scalar kernel stays the specification and the fallback (monthly and weekly recording, partial batches).
/// </summary>
internal sealed partial class BatchKernel
{
    public const int Width = Lanes.Width;

    private const double DaysPerYear = 365.0;

    private static readonly V Tolerance = Vector512.Create(HoldingAccumulators.Tolerance);

    private readonly CompiledNetwork _net;
    private readonly CompiledScenario _scenario;
    private readonly MetricLayout _layout;
    private readonly BatchScratch _s;
    private readonly ParameterTable _params;
    private readonly int _m;
    private readonly int _o;
    private readonly int _arcs;
    private readonly double _stepDays;
    private readonly V _stepDaysV;
    private readonly DurationSampler _leadTimes;
    private readonly DurationSampler _processingTimes;
    private readonly DurationSampler _delays;
    private readonly LicenceQueueLayout _licences;

    private readonly int[] _supplierHoldings;
    private readonly int[] _buyerHoldings;
    private readonly bool[] _receivesShipments;
    private readonly int[] _producers;
    private readonly int[] _processors;
    private readonly int[] _nodeOf;
    private readonly int[] _materialOf;
    private readonly int[] _buyerOfArc;
    private readonly int[] _supplierOfArc;
    private readonly int[] _arcLane;
    private readonly int[] _arcDelayParam;
    private readonly int[] _arcPipeMaxSteps;
    private readonly bool[] _fromTransshipper;
    private readonly int[] _arcFromOrigin;
    private readonly int[] _holdingSlot;
    private readonly int[] _sectorSlotOfHolding;
    private readonly int _pipeMask;

    public BatchKernel(CompiledNetwork network, CompiledScenario scenario, MetricLayout layout)
    {
        _net = network;
        _scenario = scenario;
        _layout = layout;
        _params = network.Parameters;
        _m = network.MaterialCount;
        _o = network.OriginCount;
        _arcs = network.ArcCount;
        _stepDays = network.StepDays;
        _stepDaysV = Vector512.Create(_stepDays);
        _licences = LicenceQueueLayout.For(network, scenario);
        _s = new BatchScratch(network, layout, _licences.CellCount, scenario.ControlCount, scenario.Events.Length);
        _leadTimes = DurationSampler.LeadTimes(network);
        _processingTimes = DurationSampler.ProcessingTimes(network, scenario);
        _delays = DurationSampler.Delays(network);
        int holdings = network.NodeCount * _m;
        var index = KernelIndex.For(network);
        _supplierHoldings = index.SupplierHoldings;
        _buyerHoldings = index.BuyerHoldings;
        _receivesShipments = index.ReceivesShipments;
        _producers = index.Producers;
        _processors = index.Processors;
        _nodeOf = index.NodeOf;
        _materialOf = index.MaterialOf;
        _supplierOfArc = index.SupplierOfArc;
        _buyerOfArc = index.BuyerOfArc;
        _arcLane = network.ArcLane;
        _arcDelayParam = index.ArcDelayParam;
        _arcPipeMaxSteps = index.ArcPipeMaxSteps;
        _fromTransshipper = index.FromTransshipper;
        _pipeMask = network.PipeRing - 1;
        _arcFromOrigin = index.ArcFromOrigin;
        _holdingSlot = new int[holdings];
        Array.Fill(_holdingSlot, -1);
        for (int slot = 0; slot < layout.DemandHoldings.Length; slot++)
        {
            _holdingSlot[layout.DemandHoldings[slot]] = slot;
        }

        _sectorSlotOfHolding = new int[holdings];
        Array.Fill(_sectorSlotOfHolding, -1);
        foreach (int holding in layout.DemandHoldings)
        {
            int sectorMaterial = (network.NodeSector[holding / _m] * _m) + (holding % _m);
            _sectorSlotOfHolding[holding] = Array.IndexOf(layout.SectorMaterials, sectorMaterial);
        }
    }

    /// <summary>
    /// Runs trials <paramref name="firstTrial"/> … <paramref name="firstTrial"/> + <see cref="Width"/> − 1 and writes
    /// the row of trial <c>firstTrial + l</c> to <c>rows[l * layout.Width ..]</c>.
    /// </summary>
    public void Run(ulong seed, long firstTrial, Span<double> rows)
    {
        if (rows.Length < Width * _layout.Width)
        {
            throw new ArgumentException($"rows must hold {Width} rows of {_layout.Width} metrics", nameof(rows));
        }

        Initialise(seed, firstTrial);
        for (int step = 0; step < _net.Steps; step++)
        {
            _step = step;
            ApplyEvents(step);
            ReceiveArrivals(step);
            MatureLicences(step);
            Produce();
            Process();
            Consume(step);
            PlaceOrders();
            Ship(step);
            ReleaseStockpiles(step);
            RecordSectors(step);
        }

        for (int lane = 0; lane < Width; lane++)
        {
            WriteRow(lane, rows.Slice(lane * _layout.Width, _layout.Width));
        }
    }

    private void Initialise(ulong seed, long firstTrial)
    {
        var s = _s;
        s.Reset();
        var values = s.Values;
        Array.Clear(values);
        int holdings = _net.NodeCount * _m;
        for (int lane = 0; lane < Width; lane++)
        {
            long trial = firstTrial + lane;
            for (int p = 0; p < values.Length; p++)
            {
                if (_params.IsPerTrial[p])
                {
                    var rng = Rng.ForStream(seed, trial, _params.StreamKey[p]);
                    At(values, p, lane) = Sampler.Sample(_params, p, ref rng);
                }
            }

            for (int n = 0; n < _net.NodeCount; n++)
            {
                At(s.BaseCapacity, n, lane) = _net.CapacityParam[n] >= 0 ? At(values, _net.CapacityParam[n], lane) : double.PositiveInfinity;
            }

            for (int a = 0; a < _arcs; a++)
            {
                s.LeadRng[a].SetLane(lane, Rng.ForStream(seed, trial, TrialStreams.Lead | (uint)a));
                s.LicenceRng[a].SetLane(lane, Rng.ForStream(seed, trial, TrialStreams.Licence | (uint)a));
                s.InterdictionRng[a].SetLane(lane, Rng.ForStream(seed, trial, TrialStreams.Interdiction | (uint)a));
            }

            for (int e = 0; e < _scenario.Events.Length; e++)
            {
                s.DisruptionRng[e].SetLane(lane, Rng.ForStream(seed, trial, TrialStreams.Disruption ^ _scenario.Events[e].StreamKey));
            }

            for (int h = 0; h < holdings; h++)
            {
                At(s.MeanNeed, h, lane) = MeanNeedOf(h, lane);
                if (_net.DemandParam[h] >= 0)
                {
                    s.DemandRng[h].SetLane(lane, Rng.ForStream(seed, trial, TrialStreams.Demand | (uint)h));
                }

                if (!_net.Held[h])
                {
                    continue;
                }

                double initial = _net.InitialParam[h] >= 0 ? At(values, _net.InitialParam[h], lane)
                    : double.IsNaN(_net.InitialCoverDays[h]) ? 0 : _net.InitialCoverDays[h] * At(s.MeanNeed, h, lane);
                At(s.Stock, (h * _o) + _net.NodeOrigin[h / _m], lane) = initial;
                At(s.MassInitial, h % _m, lane) += initial;
            }
        }

        for (int a = 0; a < _arcs; a++)
        {
            s.NextTransitSteps[a] = DrawTransitSteps(a, True);
        }
    }

    /// <summary>Mean daily use a node's stock of a material covers, in one lane (see the scalar kernel).</summary>
    private double MeanNeedOf(int h, int lane)
    {
        int n = h / _m, material = h % _m;
        if (_net.DemandParam[h] >= 0)
        {
            return At(_s.Values, _net.DemandParam[h], lane);
        }

        double capacity = At(_s.BaseCapacity, n, lane);
        if (double.IsPositiveInfinity(capacity))
        {
            return 0;
        }

        if (_net.OutputMaterial[n] == material)
        {
            return capacity;
        }

        for (int i = _net.RecipeStart[n]; i < _net.RecipeStart[n + 1]; i++)
        {
            if (_net.RecipeMaterial[i] == material)
            {
                return capacity * At(_s.Values, _net.RecipeRatioParam[i], lane);
            }
        }

        return 0;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private V TotalStock(int h)
    {
        var stock = _s.Stock;
        int at = h * _o;
        var total = V.Zero;
        for (int origin = 0; origin < _o; origin++)
        {
            total += stock[at + origin];
        }

        return total;
    }

    /// <summary>Takes <paramref name="amount"/> from holding <paramref name="h"/> pro rata across origins, in the lanes of <paramref name="mask"/>.</summary>
    private void TakeStock(int h, V amount, V total, V mask)
    {
        var stock = _s.Stock;
        int at = h * _o;
        var fraction = Where(Gt(total, V.Zero), Min(V.One, amount / total), V.Zero);
        for (int origin = 0; origin < _o; origin++)
        {
            var held = stock[at + origin];
            stock[at + origin] = Where(mask, held - (held * fraction), held);
        }

        if (_receivesShipments[h])
        {
            MergeTinyOrigins(at, mask);
        }
    }

    /// <summary>The scalar kernel's merge of origin parts below 1e-9 of the largest into it, per lane (the largest differs by lane).</summary>
    private void MergeTinyOrigins(int at, V mask)
    {
        var stock = _s.Stock;
        var largest = stock[at];
        var largestIndex = V.Zero;
        for (int i = 1; i < _o; i++)
        {
            var bigger = Gt(stock[at + i], largest);
            largest = Where(bigger, stock[at + i], largest);
            largestIndex = Where(bigger, Vector512.Create((double)i), largestIndex);
        }

        var floor = largest * 1e-9;
        var merged = largest;
        bool anyMoved = false;
        for (int i = 0; i < _o; i++)
        {
            var part = stock[at + i];
            var move = mask & ~Eq(largestIndex, Vector512.Create((double)i)) & ~Eq(part, V.Zero) & Lt(part, floor);
            if (Any(move))
            {
                anyMoved = true;
                merged = AddWhere(move, merged, part);
                stock[at + i] = Where(move, V.Zero, part);
            }
        }

        if (anyMoved)
        {
            for (int i = 0; i < _o; i++)
            {
                stock[at + i] = Where(Eq(largestIndex, Vector512.Create((double)i)), merged, stock[at + i]);
            }
        }
    }
}
