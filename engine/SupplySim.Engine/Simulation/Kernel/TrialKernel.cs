using System.Runtime.CompilerServices;
using SupplySim.Model;
using static SupplySim.Simulation.Lanes;

namespace SupplySim.Simulation;

/// <summary>
/// Steps a block of <c>T.Count</c> trials of one scenario day by day in the order of DESIGN §2: events, arrivals,
/// licence decisions, production, processing, consumption, orders, shipping (with licence queues), stockpile
/// releases, metrics. Written once for every width: every per-trial quantity is a <typeparamref name="T"/> with one
/// trial per lane, a branch is a lane mask, and each trial draws from its own streams (masked advances), so a
/// trial's row is the same bits at every width and in every lane. Work that differs in shape between trials (the
/// backorder queue, where a shipment lands in the pipeline or the licence queue, rare distributions, inverse-normal
/// tails) runs per lane. One instance per worker; it allocates nothing per block. The plain reference kernel in the
/// tests is the readable specification this one must agree with.
/// </summary>
internal sealed partial class TrialKernel<T, TMask> : LaneArithmetic<T, TMask>, ITrialKernel
    where T : struct, ILanes<T, TMask>
    where TMask : struct
{
    private const double DaysPerYear = 365.0;

    private static readonly T Tolerance = T.Create(ShortageMetrics.Tolerance);

    private readonly CompiledNetwork _net;
    private readonly CompiledScenario _scenario;

    /// <summary>Nodes whose capacity a scenario event changes: their planned use is derived again with the events.</summary>
    private readonly int[] _replannedNodes;
    private readonly MetricLayout _layout;
    private readonly KernelScratch<T, TMask> _s;
    private readonly ParameterTable _params;
    private readonly int _m;
    private readonly int _o;
    private readonly int _arcs;
    private readonly double _stepDays;

    /// <summary>The part of an annual quota the run's first calendar year grants (<see cref="CalendarYear.ShareFrom"/>).</summary>
    private readonly double _firstYearQuotaShare;
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

    /// <summary>Per arc, its ring's length class: arcs whose pipelines are equally long share today's slot (<see cref="_ringToday"/>).</summary>
    private readonly int[] _arcRingClass;

    /// <summary>Per ring length class (<see cref="KernelIndex.RingLengths"/>), today's slot: the step modulo that length.</summary>
    private readonly int[] _ringToday;

    private readonly int[] _ringLengths;
    private readonly bool[] _fromTransshipper;
    private readonly int[] _arcFromOrigin;
    private readonly int[] _holdingSlot;
    private readonly int[] _sectorSlotOfHolding;
    private readonly PipelineLayout _pipeline;
    private readonly MarketScratch<T, TMask> _market;

    /// <summary>Per arc: its lane's per-trial qualification time, or -1 (qualified from the start).</summary>
    private readonly int[] _arcQualificationParam;

    /// <summary>Per buyer holding: whether any of its inbound arcs needs qualifying.</summary>
    private readonly bool[] _qualifies;

    /// <summary>Per arc needing qualification: the step from which the buyer may order on it, or -1 (not started).</summary>
    private readonly AlignedArray<T> _qualifiedFrom;

    /// <summary>Per market: the demand holdings that buy in it.</summary>
    private readonly int[][] _marketHoldings;

    /// <summary>Tonnes shipped per lane and calendar month, <c>[lane * months + month]</c>; empty unless recording.</summary>
    private readonly AlignedArray<T> _laneMonthly;
    private readonly int _months;

    /// <summary>Lanes whose monthly flows are recorded: all, or none when only prices are (<see cref="MonthlySeries"/>).</summary>
    private readonly int _monthlyLanes;

    /// <summary>Steps in each calendar month of the run (to average monthly prices).</summary>
    private readonly int[] _stepsInMonth;

    /// <summary>Weekly cover-days sum and met tonnes per recorded demand slot, <c>[(row * weeks + week) * 2 + 0|1]</c>; empty unless recording.</summary>
    private readonly AlignedArray<T> _weekly;

    /// <summary>Per demand slot, its row in <see cref="_weekly"/>, or -1 when the slot is not recorded.</summary>
    private readonly int[] _weeklyRow;
    private readonly AlignedArray<T> _weekDemand;
    private readonly int _weeks;

    /// <summary>One chunk of arcs' arrivals as <see cref="ReceiveArrivals"/> takes them off the pipeline.</summary>
    private readonly AlignedArray<T> _arrivalsTaken;

    /// <summary>Values that replace some per-trial parameters' draws, or null.</summary>
    private ParameterOverrides? _overrides;

    /// <summary>Draws a trial's per-trial parameters (correlations and overrides included) into <see cref="_trialValues"/>.</summary>
    private readonly TrialParameterDraw _draw;
    private readonly double[] _trialValues;

    /// <param name="network">The network.</param>
    /// <param name="scenario">The scenario the kernel runs.</param>
    /// <param name="layout">The scenario's full (kernel) layout.</param>
    /// <param name="monthly">What each trial keeps per month: lane flows and prices, prices, or nothing.</param>
    /// <param name="weeklySeries">The demand slots whose weekly cover and fill each trial keeps, ascending; null or empty for none.</param>
    /// <param name="shareWith">A kernel of the same width and network whose network-sized block state this one shares
    /// (see <see cref="KernelScratch{T, TMask}"/>); the two must never run at the same time.</param>
    public TrialKernel(CompiledNetwork network, CompiledScenario scenario, MetricLayout layout, MonthlySeries monthly = MonthlySeries.None,
        int[]? weeklySeries = null, ITrialKernel? shareWith = null)
    {
        var share = shareWith as TrialKernel<T, TMask>;
        if ((shareWith is not null && share is null) || (share is not null && share._net != network))
        {
            throw new ArgumentException("a kernel shares state only with a kernel of the same width and network", nameof(shareWith));
        }

        _months = monthly == MonthlySeries.None ? 0 : network.MonthCount;
        _monthlyLanes = monthly == MonthlySeries.LaneFlowsAndPrices ? network.LaneCount : 0;
        _laneMonthly = new AlignedArray<T>(network.MonthlyWidth(monthly));
        _stepsInMonth = new int[network.MonthCount];
        foreach (int month in network.MonthOfStep)
        {
            _stepsInMonth[month]++;
        }

        _arrivalsTaken = new AlignedArray<T>(ArrivalChunkArcs * network.OriginCount);
        _draw = new TrialParameterDraw(network.Parameters, network.Correlations);
        _trialValues = new double[network.Parameters.Count];
        weeklySeries ??= [];
        _weeks = weeklySeries.Length > 0 ? network.WeekCount : 0;
        _weekly = new AlignedArray<T>(weeklySeries.Length * _weeks * 2);
        _weekDemand = new AlignedArray<T>(weeklySeries.Length * _weeks);
        _weeklyRow = new int[layout.DemandHoldings.Length];
        Array.Fill(_weeklyRow, -1);
        for (int row = 0; row < weeklySeries.Length; row++)
        {
            _weeklyRow[weeklySeries[row]] = row;
        }
        _net = network;
        _scenario = scenario;
        _replannedNodes = [.. scenario.Events.Where(e => e.Kind == EventKind.CapacityChange).Select(e => e.Nodes[0]).Distinct().Order()];
        _layout = layout;
        _params = network.Parameters;
        _m = network.MaterialCount;
        _o = network.OriginCount;
        _arcs = network.ArcCount;
        _stepDays = network.StepDays;
        _firstYearQuotaShare = CalendarYear.ShareFrom(network.Start);
        _licences = LicenceQueueLayout.For(network, scenario);
        _s = new KernelScratch<T, TMask>(network, layout, _licences.CellCount, scenario.ControlCount, scenario.Events.Length, share?._s);
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
        _arcRingClass = index.ArcRingClass;
        _ringLengths = index.RingLengths;
        _ringToday = new int[_ringLengths.Length];
        _fromTransshipper = index.FromTransshipper;
        _pipeline = network.Pipeline;
        _arcFromOrigin = index.ArcFromOrigin;
        _holdingSlot = new int[holdings];
        Array.Fill(_holdingSlot, -1);
        for (int slot = 0; slot < layout.DemandHoldings.Length; slot++)
        {
            _holdingSlot[layout.DemandHoldings[slot]] = slot;
        }

        _market = new MarketScratch<T, TMask>(network.Markets, layout.SectorMaterials.Length, network.NodeCount, network.MaterialCount);
        _marketHoldings = [.. Enumerable.Range(0, network.Markets.Count)
            .Select(j => layout.DemandHoldings.Where(h => network.Markets.HoldingMarket[h] == j).ToArray())];
        _arcQualificationParam = [.. network.ArcLane.Select(lane => lane >= 0 && network.LaneQualificationParam.Length > 0 ? network.LaneQualificationParam[lane] : -1)];
        _qualifies = [.. Enumerable.Range(0, holdings).Select(h =>
            Enumerable.Range(network.InStart[h], network.InStart[h + 1] - network.InStart[h]).Any(i => _arcQualificationParam[network.InArcs[i]] >= 0))];
        _qualifiedFrom = new AlignedArray<T>(_qualifies.Any(q => q) ? network.ArcCount : 0);
        _sectorSlotOfHolding = new int[holdings];
        Array.Fill(_sectorSlotOfHolding, -1);
        foreach (int holding in layout.DemandHoldings)
        {
            int sectorMaterial = (network.NodeSector[holding / _m] * _m) + (holding % _m);
            _sectorSlotOfHolding[holding] = Array.IndexOf(layout.SectorMaterials, sectorMaterial);
        }
    }

    /// <summary>
    /// Bytes a kernel of this width allocates for <paramref name="scenario"/> (its block state; the small index
    /// arrays aside) and, when recording, its monthly and weekly series.
    /// </summary>
    public static long BytesFor(CompiledNetwork network, CompiledScenario scenario, MetricLayout layout, MonthlySeries monthly,
        int weeklySeries, bool shared = false)
    {
        long series = network.MonthlyWidth(monthly) + (weeklySeries * (long)network.WeekCount * 3);
        long own = KernelScratch<T, TMask>.ScenarioBytesFor(LicenceQueueLayout.For(network, scenario).CellCount, scenario.ControlCount, scenario.Events.Length);
        return own + (shared ? 0 : KernelScratch<T, TMask>.SharedBytesFor(network, layout)) + (series * Unsafe.SizeOf<T>());
    }

    /// <inheritdoc/>
    public int Width => T.Count;

    /// <inheritdoc/>
    public void UseOverrides(ParameterOverrides? overrides) => _overrides = overrides;

    /// <inheritdoc/>
    public void Run(ulong seed, long firstTrial, Span<double> rows, Span<double> monthlyLaneFlows = default, Span<double> weeklySeries = default)
    {
        int width = _layout.Width, monthlyWidth = _laneMonthly.Length, weeklyWidth = _weekly.Length;
        if (rows.Length < T.Count * width || monthlyLaneFlows.Length < T.Count * monthlyWidth || weeklySeries.Length < T.Count * weeklyWidth)
        {
            throw new ArgumentException($"the buffers must hold {T.Count} rows of {width} metrics, {monthlyWidth} monthly flows and {weeklyWidth} weekly values");
        }

        Initialise(seed, firstTrial);
        for (int step = 0; step < _net.Steps; step++)
        {
            _step = step;
            for (int c = 0; c < _ringLengths.Length; c++)
            {
                _ringToday[c] = step % _ringLengths[c];
            }

            ApplyEvents(step);
            ReceiveArrivals(step);
            MatureLicences(step);
            Produce();
            Process();
            if (_marketHoldings.Length > 0)
            {
                UpdatePrices(step);
            }

            Consume(step);
            PlaceOrders();
            Ship(step);
            ReleaseStockpiles(step);
            LandQueuedArrivals();
            RecordSectors(step);
        }

        for (int lane = 0; lane < T.Count; lane++)
        {
            WriteRow(lane, rows.Slice(lane * width, width));
            WriteMonthlyLaneFlows(lane, monthlyLaneFlows.Slice(lane * monthlyWidth, monthlyWidth));
            WriteWeeklySeries(lane, weeklySeries.Slice(lane * weeklyWidth, weeklyWidth));
        }
    }

    private void Initialise(ulong seed, long firstTrial)
    {
        var s = _s;
        s.Reset();
        _queuedArrivals = 0;
        var values = s.Values;
        values.Clear();
        _laneMonthly.Span.Clear();
        _weekly.Span.Clear();
        _weekDemand.Span.Clear();
        int holdings = _net.NodeCount * _m;
        for (int lane = 0; lane < T.Count; lane++)
        {
            long trial = firstTrial + lane;
            _draw.Draw(seed, trial, _overrides, _trialValues);
            for (int p = 0; p < values.Length; p++)
            {
                if (_params.IsPerTrial[p])
                {
                    At(values, p, lane) = _trialValues[p];
                }
            }

            for (int n = 0; n < _net.NodeCount; n++)
            {
                At(s.BaseCapacity, n, lane) = _net.CapacityParam[n] >= 0 ? At(values, _net.CapacityParam[n], lane) : double.PositiveInfinity;
                At(s.PlannedCapacity, n, lane) = At(s.BaseCapacity, n, lane);
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

        _market.Reset();
        InitialiseMarkets();
        _qualifiedFrom.Span.Fill(T.Create(-1.0));
    }

    /// <summary>Mean daily use a node's stock of a material covers, in one lane: demand, recipe use or production.</summary>
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
    private T TotalStock(int h)
    {
        var stock = _s.Stock;
        int at = h * _o;
        var total = T.Zero;
        for (int origin = 0; origin < _o; origin++)
        {
            total += stock[at + origin];
        }

        return total;
    }

    /// <summary>Takes <paramref name="amount"/> from holding <paramref name="h"/> pro rata across origins, in the lanes of <paramref name="mask"/>.</summary>
    private void TakeStock(int h, T amount, T total, TMask mask)
    {
        var stock = _s.Stock;
        int at = h * _o;
        var fraction = Where(Gt(total, T.Zero), Min(T.One, amount / total), T.Zero);
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

    /// <summary>
    /// Pro-rata takes shrink a minority origin geometrically; left alone it would reach subnormal doubles, which are
    /// two orders of magnitude slower. Parts below 1e-9 of the largest are moved to it (per lane: the largest
    /// differs by lane): mass is unchanged and the origin error is at most one part in a billion.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void MergeTinyOrigins(int at, TMask mask)
    {
        var stock = _s.Stock;
        var largest = stock[at];
        var largestIndex = T.Zero;
        for (int i = 1; i < _o; i++)
        {
            var bigger = Gt(stock[at + i], largest);
            largest = Where(bigger, stock[at + i], largest);
            largestIndex = Where(bigger, T.Create((double)i), largestIndex);
        }

        var floor = largest * 1e-9;
        var merged = largest;
        bool anyMoved = false;
        for (int i = 0; i < _o; i++)
        {
            var part = stock[at + i];
            var move = AndNot(AndNot(And(mask, Lt(part, floor)), Eq(largestIndex, T.Create((double)i))), Eq(part, T.Zero));
            if (Any(move))
            {
                anyMoved = true;
                merged = AddWhere(move, merged, part);
                stock[at + i] = Where(move, T.Zero, part);
            }
        }

        if (anyMoved)
        {
            for (int i = 0; i < _o; i++)
            {
                stock[at + i] = Where(Eq(largestIndex, T.Create((double)i)), merged, stock[at + i]);
            }
        }
    }
}
