using SupplySim.Model;
using SupplySim.Simulation;

namespace SupplySim.Tests.Reference;

/// <summary>
/// A deliberately plain re-implementation of one trial of the model (DESIGN §2–3), to check the optimised
/// <see cref="TrialKernel{T, TMask}"/> against. One instance is one trial: the constructor samples the trial's parameters and
/// sets up its state, <see cref="Run"/> steps it and returns the
/// metric row in <see cref="MetricLayout"/> order.
/// </summary>
/// <remarks>
/// <para>
/// Clarity over speed: shipments in transit and licence applications are lists of records (arc, origin, amount,
/// due step) rather than power-of-two rings; backorders are a FIFO list per consumer and material; derived state
/// (capacities, quotas, lane states, which holdings buy and sell on which arcs) is recomputed every step; every
/// random draw goes through the generic <see cref="Sampler"/>. The random numbers come from the same
/// <see cref="Rng.ForStream"/> streams, with the same purpose keys and in the same order, as the kernel's, because
/// the model's results are defined by those draws.
/// </para>
/// <para>
/// Mirrored rather than re-derived, because they decide which random numbers are drawn and so cannot be
/// "equivalent up to rounding": (1) after every pro-rata take from a holding, origin parts below 1e-9 of the largest
/// part are folded into it (the kernel's <c>MergeTinyOrigins</c>; without it a vanishing controlled-origin part
/// would keep drawing licence and interdiction numbers); (2) licence applications on one arc that fall due on the
/// same step are decided per origin with a single draw, as the kernel's licence ring merges them; (3) a backorder
/// paid down to within 1e-9 t is written off, and lane room is reserved even for amounts too small to ship.
/// The compiled gate table (<see cref="CompiledScenario"/>) is used as given: it is the scenario's input, not an
/// optimisation.
/// </para>
/// <para>
/// A licence application is decided under the control it was made under (<see cref="LicenceAttribution.OwnControl"/>,
/// the model); <see cref="LicenceAttribution.LatestControlOnArc"/> reproduces the kernel's earlier, wrong rule.
/// Licence <c>validity</c> is in <c>ReferenceKernel.Licences.cs</c>.
/// Left out: the kernel's caps of lead and licence waits at its ring lengths (never binding, since draws are
/// clamped to the bounds the rings are sized for), and the optional monthly lane flows and weekly series, which
/// are not part of the metric row.
/// </para>
/// </remarks>
internal sealed partial class ReferenceKernel
{
    private const double DaysPerYear = 365.0;

    /// <summary>Amounts at or below this (tonnes) are rounding noise: not shortage, not worth shipping.</summary>
    private const double Tolerance = 1e-9;

    // Purpose keys of the random streams; they must equal TrialKernel's, as the draws define the results.
    private const ulong DemandStream = 1UL << 56;
    private const ulong LeadStream = 2UL << 56;
    private const ulong LicenceStream = 3UL << 56;
    private const ulong InterdictionStream = 4UL << 56;
    private const ulong DisruptionStream = 5UL << 56;

    private readonly CompiledNetwork _net;
    private readonly CompiledScenario _scenario;
    private readonly MetricLayout _layout;
    private readonly ParameterTable _table;
    private readonly int _materials;
    private readonly int _origins;
    private readonly double _stepDays;

    /// <summary>This trial's draw of every per-trial parameter (0 for per-use ones, which are drawn when used).</summary>
    private readonly double[] _values;

    /// <summary>Per node: capacity before events (per day), +∞ when the node has none.</summary>
    private readonly double[] _baseCapacity;

    /// <summary>Capacity after today's capacity changes, before outages: what a plant plans its inputs and stock on.</summary>
    private readonly double[] _plannedCapacity;

    /// <summary>Per holding: the mean daily use its stock covers (demand, recipe use or production).</summary>
    private readonly double[] _meanNeed;

    private readonly Rng[] _demandRng;
    private readonly Rng[] _leadRng;
    private readonly Rng[] _licenceRng;
    private readonly Rng[] _interdictionRng;
    private readonly Rng[] _disruptionRng;

    /// <summary>Per holding, per origin class: tonnes on hand.</summary>
    private readonly double[][] _stock;

    /// <summary>Per holding: tonnes ordered (or pushed to it) and not yet arrived.</summary>
    private readonly double[] _onOrder;

    /// <summary>Per holding: tonnes of demand owed (backorders).</summary>
    private readonly double[] _backlog;

    /// <summary>Per arc: tonnes the buyer has asked for that the supplier has not yet shipped.</summary>
    private readonly double[] _outstanding;

    private readonly List<Shipment> _inTransit = [];
    private readonly List<LicenceApplication> _licenceQueue = [];

    /// <summary>Per holding: unpaid demand, oldest first.</summary>
    private readonly List<Backorder>[] _backorders;

    /// <summary>Per node: tonnes made since the start of the current calendar year (for annual quotas).</summary>
    private readonly double[] _producedThisYear;

    private int _year;

    /// <summary>Per scenario event: the step a disruption's current outage ends (-1 before any outage).</summary>
    private readonly int[] _outageUntil;

    private int _step;

    private readonly LicenceAttribution _licenceAttribution;

    /// <summary>Per arc: the control of the latest licence application on it (-1 before any), for <see cref="LicenceAttribution.LatestControlOnArc"/>.</summary>
    private readonly int[] _latestControlOnArc;

    private ReferenceKernel(CompiledNetwork network, CompiledScenario scenario, ulong seed, long trial, LicenceAttribution licenceAttribution)
    {
        _licenceAttribution = licenceAttribution;
        _latestControlOnArc = [.. Enumerable.Repeat(-1, network.ArcCount)];
        ResetLicenceValidity(network.ArcCount);
        _net = network;
        _scenario = scenario;
        _layout = new MetricLayout(network, scenario);
        _table = network.Parameters;
        _materials = network.MaterialCount;
        _origins = network.OriginCount;
        _stepDays = network.StepDays;
        int holdings = network.NodeCount * _materials;

        _values = new double[_table.Count];
        for (int p = 0; p < _table.Count; p++)
        {
            if (_table.IsPerTrial[p])
            {
                var rng = Rng.ForStream(seed, trial, _table.StreamKey[p]);
                _values[p] = Sampler.Sample(_table, p, ref rng);
            }
        }

        _baseCapacity = [.. Enumerable.Range(0, network.NodeCount)
            .Select(n => network.CapacityParam[n] >= 0 ? _values[network.CapacityParam[n]] : double.PositiveInfinity)];
        _plannedCapacity = [.. _baseCapacity];
        _meanNeed = [.. Enumerable.Range(0, holdings).Select(MeanNeedOf)];

        _demandRng = [.. Enumerable.Range(0, holdings).Select(h => Rng.ForStream(seed, trial, DemandStream | (uint)h))];
        _leadRng = [.. Enumerable.Range(0, network.ArcCount).Select(a => Rng.ForStream(seed, trial, LeadStream | (uint)a))];
        _licenceRng = [.. Enumerable.Range(0, network.ArcCount).Select(a => Rng.ForStream(seed, trial, LicenceStream | (uint)a))];
        _interdictionRng = [.. Enumerable.Range(0, network.ArcCount)
            .Select(a => Rng.ForStream(seed, trial, InterdictionStream | (uint)a))];
        _disruptionRng = [.. scenario.Events.Select(e => Rng.ForStream(seed, trial, DisruptionStream ^ e.StreamKey))];
        _outageUntil = [.. scenario.Events.Select(_ => -1)];

        _stock = [.. Enumerable.Range(0, holdings).Select(_ => new double[_origins])];
        for (int h = 0; h < holdings; h++)
        {
            if (network.Held[h])
            {
                _stock[h][network.NodeOrigin[NodeOf(h)]] = InitialStock(h);
            }
        }

        _onOrder = new double[holdings];
        _backlog = new double[holdings];
        _outstanding = new double[network.ArcCount];
        _backorders = [.. Enumerable.Range(0, holdings).Select(_ => new List<Backorder>())];
        _producedThisYear = new double[network.NodeCount];

        _capacity = new double[network.NodeCount];
        _quotaAnnual = new double[network.NodeCount];
        _leak = new double[network.NodeCount];
        _interdiction = new double[network.NodeCount];
        _releaseRate = new double[network.NodeCount];
        _releaseBelow = new double[network.NodeCount];
        _releaseArcOn = new bool[network.ArcCount];
        _laneCapacity = new double[network.LaneCount];
        _laneOpen = new bool[network.LaneCount];
        _demandMultiplier = new double[holdings];
        _shippedToday = new double[network.NodeCount];
        _laneUsedToday = new double[network.LaneCount];
        _demandToday = new double[holdings];

        _consumerTrackers = _layout.DemandHoldings.ToDictionary(h => h, _ => new ShortageTracker());
        _sectorTrackers = [.. _layout.SectorMaterials.Select(_ => new ShortageTracker())];
        _sectorToday = [.. _layout.SectorMaterials.Select(_ => new SectorDay())];
        _plannedUnits = new double[network.NodeCount];
        _madeUnits = new double[network.NodeCount];
        _produced = new double[network.NodeCount];
        _quotaBindingSteps = new int[network.NodeCount];
        _laneShipped = new double[network.LaneCount];
        _laneSeized = new double[network.LaneCount];
        _licenceApplied = new double[scenario.ControlCount];
        _licenceApproved = new double[scenario.ControlCount];
        _licenceDenied = new double[scenario.ControlCount];
        InitialiseMarkets();
        _qualifiedFrom = [.. Enumerable.Repeat(-1, network.ArcCount)];
    }

    /// <summary>Runs trial <paramref name="trial"/> of <paramref name="scenario"/> and returns its metric row.</summary>
    public static double[] Run(CompiledNetwork network, CompiledScenario scenario, ulong seed, long trial,
        LicenceAttribution licenceAttribution = LicenceAttribution.OwnControl)
    {
        var kernel = new ReferenceKernel(network, scenario, seed, trial, licenceAttribution);
        for (int step = 0; step < network.Steps; step++)
        {
            kernel.Step(step);
        }

        return kernel.MetricRow();
    }

    /// <summary>One day (step) in the order of DESIGN §2, "One step, in order".</summary>
    private void Step(int step)
    {
        _step = step;
        ApplyEvents(step);
        ReceiveArrivals(step);
        DecideLicences(step);
        Produce();
        Process();
        if (HasMarkets)
        {
            UpdatePrices(step);
        }

        Consume(step);
        PlaceOrders();
        Ship(step);
        ReleaseStockpiles(step);
        RecordSectors(step);
    }

    private int NodeOf(int holding) => holding / _materials;

    private int MaterialOf(int holding) => holding % _materials;

    private int HoldingOf(int node, int material) => (node * _materials) + material;

    private int SupplierOf(int arc) => HoldingOf(_net.ArcFrom[arc], _net.ArcMaterial[arc]);

    private int BuyerOf(int arc) => HoldingOf(_net.ArcTo[arc], _net.ArcMaterial[arc]);

    private NodeKind KindOf(int node) => _net.NodeKind[node];

    private double ValueOr(int param, double absent) => param >= 0 ? _values[param] : absent;

    private double MeanNeedOf(int h)
    {
        int n = NodeOf(h), material = MaterialOf(h);
        if (_net.DemandParam[h] >= 0)
        {
            return _values[_net.DemandParam[h]];
        }

        double capacity = _plannedCapacity[n];
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
                return capacity * _values[_net.RecipeRatioParam[i]];
            }
        }

        return 0;
    }

    /// <summary>Initial stock: a mass, or days of cover of the holding's mean need, else nothing.</summary>
    private double InitialStock(int h)
    {
        if (_net.InitialParam[h] >= 0)
        {
            return _values[_net.InitialParam[h]];
        }

        return double.IsNaN(_net.InitialCoverDays[h]) ? 0 : _net.InitialCoverDays[h] * _meanNeed[h];
    }

    private double TotalStock(int h)
    {
        double total = 0;
        for (int origin = 0; origin < _origins; origin++)
        {
            total += _stock[h][origin];
        }

        return total;
    }

    /// <summary>Takes <paramref name="amount"/> from a holding pro rata across origins (all of it if it is short).</summary>
    private void TakeProRata(int h, double amount)
    {
        double total = TotalStock(h);
        double fraction = total > 0 ? Math.Min(1.0, amount / total) : 0;
        for (int origin = 0; origin < _origins; origin++)
        {
            _stock[h][origin] -= _stock[h][origin] * fraction;
        }

        FoldTinyOrigins(h);
    }

    /// <summary>
    /// Mirrors the kernel: origin parts below 1e-9 of a holding's largest part move to that part. Mass is unchanged;
    /// it matters because a vanishing controlled-origin part would otherwise keep drawing random numbers.
    /// </summary>
    private void FoldTinyOrigins(int h)
    {
        var parts = _stock[h];
        int largest = 0;
        for (int origin = 1; origin < _origins; origin++)
        {
            largest = parts[origin] > parts[largest] ? origin : largest;
        }

        double floor = parts[largest] * 1e-9;
        for (int origin = 0; origin < _origins; origin++)
        {
            if (origin != largest && parts[origin] != 0 && parts[origin] < floor)
            {
                parts[largest] += parts[origin];
                parts[origin] = 0;
            }
        }
    }

    /// <summary>Whole steps a duration takes: rounded up, at least one.</summary>
    private int StepsOf(double days) => Math.Max(1, (int)Math.Ceiling((days / _stepDays) - 1e-9));

    /// <summary>Draws a per-use duration (processing, delay, outage) in steps; one step when there is none.</summary>
    private int DrawSteps(int param, ref Rng rng) => param < 0 ? 1 : StepsOf(Sampler.Sample(_table, param, ref rng));

    /// <summary>Which export control (index), if any, gates <paramref name="arc"/> today for material of <paramref name="origin"/>.</summary>
    private int ControlOn(int arc, int origin) =>
        _scenario.Gate is { } gate ? gate.At(_step, arc, origin) : -1;
}
