using SupplySim.Model;

namespace SupplySim.Simulation;

/// <summary>
/// Steps one trial of one scenario day by day in the order of DESIGN §2: events, arrivals, production,
/// processing, consumption, orders, shipping (with licence queues), stockpile releases, metrics. One instance per
/// worker thread; it owns a <see cref="TrialScratch"/> and allocates nothing per trial.
/// </summary>
internal sealed partial class TrialKernel
{
    private const double DaysPerYear = 365.0;

    private readonly CompiledNetwork _net;
    private readonly CompiledScenario _scenario;
    private readonly MetricLayout _layout;
    private readonly TrialScratch _s;
    private readonly ParameterTable _params;
    private readonly int _m;
    private readonly int _o;
    private readonly int _arcs;
    private readonly double _stepDays;
    private readonly DurationSampler _leadTimes;
    private readonly DurationSampler _processingTimes;
    private readonly LicenceQueueLayout _licences;

    /// <summary>Tonnes shipped per lane and calendar month (<c>[lane * months + month]</c>); empty unless recording.</summary>
    private readonly double[] _laneMonthly;
    private readonly int _months;

    /// <summary>Weekly cover-days sum and met tonnes per demand series, <c>[(slot * weeks + week) * 2 + 0|1]</c>; empty unless recording.</summary>
    private readonly double[] _weekly;
    private readonly double[] _weekDemand;
    private readonly int _weeks;

    /// <summary>Holdings that ship on lanes (outbound arcs) and that order on lanes (inbound arcs).</summary>
    private readonly int[] _supplierHoldings;
    private readonly int[] _buyerHoldings;

    /// <summary>Per holding: does any arc deliver to it (only such stock can mix origins)?</summary>
    private readonly bool[] _receivesShipments;

    /// <summary>Producer and processor nodes, in node order.</summary>
    private readonly int[] _producers;
    private readonly int[] _processors;

    /// <summary>Per holding <c>h = node * M + material</c>: its node and material (integer division is slow in hot loops).</summary>
    private readonly int[] _nodeOf;
    private readonly int[] _materialOf;

    /// <summary>Per arc: the holding it delivers to (buyer node × material).</summary>
    private readonly int[] _buyerOfArc;

    /// <summary>Per arc: the holding it ships from (supplier node × material).</summary>
    private readonly int[] _supplierOfArc;

    /// <summary>Per-arc fields the shipping loop reads: the network's own arrays, or flattened from per-node ones.</summary>
    private readonly int[] _arcFrom;
    private readonly int[] _arcLane;
    private readonly int[] _arcDelayParam;
    private readonly int[] _arcPipeMaxSteps;
    private readonly bool[] _fromTransshipper;
    private readonly int[] _arcFromOrigin;
    private readonly int _pipeMask;

    public TrialKernel(CompiledNetwork network, CompiledScenario scenario, MetricLayout layout, bool recordMonthlyLaneFlows = false,
        bool recordWeeklySeries = false)
    {
        _weeks = recordWeeklySeries ? network.WeekCount : 0;
        _weekly = new double[layout.DemandHoldings.Length * _weeks * 2];
        _weekDemand = new double[layout.DemandHoldings.Length * _weeks];
        _months = recordMonthlyLaneFlows ? network.MonthCount : 0;
        _laneMonthly = new double[network.LaneCount * _months];
        _net = network;
        _scenario = scenario;
        _layout = layout;
        _params = network.Parameters;
        _m = network.MaterialCount;
        _o = network.OriginCount;
        _arcs = network.ArcCount;
        _stepDays = network.StepDays;
        _licences = LicenceQueueLayout.For(network, scenario);
        _s = new TrialScratch(network, layout, _licences.CellCount, scenario.ControlCount);
        _s.EnsureEvents(scenario.Events.Length);
        _leadTimes = DurationSampler.LeadTimes(network);
        _processingTimes = DurationSampler.ProcessingTimes(network, scenario);
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
        _arcFrom = network.ArcFrom;
        _arcLane = network.ArcLane;
        _arcDelayParam = index.ArcDelayParam;
        _arcPipeMaxSteps = index.ArcPipeMaxSteps;
        _fromTransshipper = index.FromTransshipper;
        _pipeMask = network.PipeRing - 1;
        _arcFromOrigin = index.ArcFromOrigin;
    }

    public TrialScratch Scratch => _s;

    /// <summary>
    /// Runs trial <paramref name="trial"/> and writes its metrics into <paramref name="row"/> and, when recording,
    /// its monthly lane flows into <paramref name="monthlyLaneFlows"/>.
    /// </summary>
    public void Run(ulong seed, long trial, Span<double> row, Span<double> monthlyLaneFlows = default, Span<double> weeklySeries = default)
    {
        System.Diagnostics.Debug.Assert(row.Length == _layout.Width, "row width must match the layout");
        Initialise(seed, trial);
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

        WriteRow(row);
        _laneMonthly.AsSpan(0, Math.Min(_laneMonthly.Length, monthlyLaneFlows.Length)).CopyTo(monthlyLaneFlows);
        if (_weeks > 0)
        {
            FinishWeeklySeries(weeklySeries);
        }
    }

    private void Initialise(ulong seed, long trial)
    {
        var s = _s;
        var values = s.Values;
        for (int p = 0; p < values.Length; p++)
        {
            if (_params.IsPerTrial[p])
            {
                var rng = Rng.ForStream(seed, trial, _params.StreamKey[p]);
                values[p] = Sampler.Sample(_params, p, ref rng);
            }
        }

        s.Reset();
        Array.Clear(_laneMonthly);
        Array.Clear(_weekly);
        Array.Clear(_weekDemand);

        for (int n = 0; n < _net.NodeCount; n++)
        {
            s.BaseCapacity[n] = _net.CapacityParam[n] >= 0 ? values[_net.CapacityParam[n]] : double.PositiveInfinity;
        }

        for (int a = 0; a < _arcs; a++)
        {
            s.LeadRng[a] = Rng.ForStream(seed, trial, TrialStreams.Lead | (uint)a);
            s.LicenceRng[a] = Rng.ForStream(seed, trial, TrialStreams.Licence | (uint)a);
            s.InterdictionRng[a] = Rng.ForStream(seed, trial, TrialStreams.Interdiction | (uint)a);
        }

        for (int e = 0; e < _scenario.Events.Length; e++)
        {
            s.DisruptionRng[e] = Rng.ForStream(seed, trial, TrialStreams.Disruption ^ _scenario.Events[e].StreamKey);
        }

        int holdings = _net.NodeCount * _m;
        for (int h = 0; h < holdings; h++)
        {
            s.MeanNeed[h] = MeanNeedOf(h);
            if (_net.DemandParam[h] >= 0)
            {
                s.DemandRng[h] = Rng.ForStream(seed, trial, TrialStreams.Demand | (uint)h);
            }

            if (!_net.Held[h])
            {
                continue;
            }

            double initial = _net.InitialParam[h] >= 0 ? values[_net.InitialParam[h]]
                : double.IsNaN(_net.InitialCoverDays[h]) ? 0 : _net.InitialCoverDays[h] * s.MeanNeed[h];
            s.Stock[(h * _o) + _net.NodeOrigin[h / _m]] = initial;
            s.MassInitial[h % _m] += initial;
        }
    }

    /// <summary>Mean daily use a node's stock of a material covers: demand, recipe use or production.</summary>
    private double MeanNeedOf(int h)
    {
        int n = h / _m, material = h % _m;
        if (_net.DemandParam[h] >= 0)
        {
            return _s.Values[_net.DemandParam[h]];
        }

        double capacity = _s.BaseCapacity[n];
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
                return capacity * _s.Values[_net.RecipeRatioParam[i]];
            }
        }

        return 0;
    }

    private double TotalStock(int h)
    {
        double total = 0;
        int at = h * _o;
        for (int origin = 0; origin < _o; origin++)
        {
            total += _s.Stock[at + origin];
        }

        return total;
    }

    /// <summary>Takes <paramref name="amount"/> from holding <paramref name="h"/> pro rata across origins into <paramref name="parts"/>.</summary>
    private void TakeStock(int h, double amount, double total, double[] parts)
    {
        int at = h * _o;
        double fraction = total > 0 ? Math.Min(1.0, amount / total) : 0;
        for (int origin = 0; origin < _o; origin++)
        {
            double part = _s.Stock[at + origin] * fraction;
            parts[origin] = part;
            _s.Stock[at + origin] -= part;
        }

        if (_receivesShipments[h])
        {
            MergeTinyOrigins(at);
        }
    }

    /// <summary>
    /// Pro-rata takes shrink a minority origin geometrically; left alone it would reach subnormal doubles, which
    /// are two orders of magnitude slower. Parts below 1e-9 of the largest are moved to it: mass is unchanged and
    /// the origin error is at most one part in a billion.
    /// </summary>
    private void MergeTinyOrigins(int at)
    {
        var stock = _s.Stock;
        int largest = at;
        for (int i = at + 1; i < at + _o; i++)
        {
            largest = stock[i] > stock[largest] ? i : largest;
        }

        double floor = stock[largest] * 1e-9;
        for (int i = at; i < at + _o; i++)
        {
            if (i != largest && stock[i] != 0 && stock[i] < floor)
            {
                stock[largest] += stock[i];
                stock[i] = 0;
            }
        }
    }
}
