using SupplySim.Scenario;

namespace SupplySim.Model;

/// <summary>Working state of one compilation: validated ids, per-node and per-holding arrays, parameters.</summary>
internal sealed partial class NetworkBuilder
{
    private readonly ScenarioFileDocument _doc;
    private readonly DiagnosticBag _diagnostics;
    private readonly ParameterTableBuilder _table = new();
    private readonly Dictionary<string, int> _materialIndex = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _nodeIndex = new(StringComparer.Ordinal);
    private readonly List<string> _sectors = [];
    private readonly List<string> _origins = [];
    private CompiledNetwork? _network;
    private MarketTables _markets = MarketTables.None;

    /// <summary>Per lane: its per-trial qualification time, or -1 (qualified from the start).</summary>
    private readonly List<int> _laneQualification = [];

    public NetworkBuilder(ScenarioFileDocument doc, DiagnosticBag diagnostics)
    {
        _doc = doc;
        _diagnostics = diagnostics;
        Parameters = new ParameterCompiler(_table, diagnostics);
    }

    public ParameterCompiler Parameters { get; }

    public DiagnosticBag Diagnostics => _diagnostics;

    public DateOnly Start { get; private set; }

    public int Steps { get; private set; }

    public double StepDays { get; private set; } = 1;

    public double HorizonDays { get; private set; }

    public int M => _materialIndex.Count;

    public int N => _nodeIndex.Count;

    public IReadOnlyDictionary<string, int> MaterialIndex => _materialIndex;

    public IReadOnlyDictionary<string, int> NodeIndex => _nodeIndex;

    public IReadOnlyList<string> Sectors => _sectors;

    public IReadOnlyList<string> Origins => _origins;

    public CompiledNetwork Network => _network!;

    public CompiledNetwork? Build()
    {
        if (!CompileCalendar())
        {
            return null;
        }

        CollectOrigins();
        CompileMaterials();
        var nodes = CompileNodes();
        if (nodes is null)
        {
            return null;
        }

        _network = CompileLanes(nodes);
        _markets = CompileMarkets(nodes);
        return _network;
    }

    /// <summary>The network with the complete parameter table (network and scenario parameters).</summary>
    public CompiledNetwork Freeze()
    {
        var n = _network!;
        return new CompiledNetwork
        {
            Name = n.Name, Start = n.Start, Steps = n.Steps, StepDays = n.StepDays, DefaultSeed = n.DefaultSeed,
            Thresholds = n.Thresholds, MaterialIds = n.MaterialIds, NodeIds = n.NodeIds, NodeCountries = n.NodeCountries,
            SectorNames = n.SectorNames, OriginNames = n.OriginNames, LaneNames = n.LaneNames, Parameters = _table.Build(),
            NodeKind = n.NodeKind, NodeOrigin = n.NodeOrigin, NodeSector = n.NodeSector, CapacityParam = n.CapacityParam,
            QuotaParam = n.QuotaParam, IsPush = n.IsPush, CoverDays = n.CoverDays, OutputMaterial = n.OutputMaterial,
            RecipeStart = n.RecipeStart, RecipeMaterial = n.RecipeMaterial, RecipeRatioParam = n.RecipeRatioParam,
            DelayParam = n.DelayParam, LeakParam = n.LeakParam, InterdictionParam = n.InterdictionParam,
            ReleaseBelowCoverParam = n.ReleaseBelowCoverParam, ReleaseRateParam = n.ReleaseRateParam,
            DemandCvParam = n.DemandCvParam, Priority = n.Priority, LostSales = n.LostSales, Coupled = n.Coupled,
            UsesReorderPoint = n.UsesReorderPoint, ReorderDays = n.ReorderDays, Held = n.Held, DemandParam = n.DemandParam, ArcMeanLeadDays = n.ArcMeanLeadDays,
            AcquisitionParam = n.AcquisitionParam, InitialParam = n.InitialParam, InitialCoverDays = n.InitialCoverDays,
            ArcFrom = n.ArcFrom, ArcTo = n.ArcTo, ArcMaterial = n.ArcMaterial, ArcLane = n.ArcLane,
            ArcLeadParam = n.ArcLeadParam, ArcShare = n.ArcShare, ArcIsPush = n.ArcIsPush, ArcIsRelease = n.ArcIsRelease,
            ArcPipeLength = n.ArcPipeLength, Pipeline = n.Pipeline,
            InStart = n.InStart, InArcs = n.InArcs, OutStart = n.OutStart, OutArcs = n.OutArcs, OutGroupEnd = n.OutGroupEnd,
            ReleaseStart = n.ReleaseStart, ReleaseArcs = n.ReleaseArcs, LaneCapacityParam = n.LaneCapacityParam,
            YearOfStep = n.YearOfStep, MonthOfStep = n.MonthOfStep, Markets = _markets, LaneQualificationParam = [.. _laneQualification],
        };
    }

    /// <summary>Converts a date to a step index; reports SS0106 when it lies outside the run.</summary>
    public int StepOf(LocatedValue<DateOnly> date, string field, bool allowEnd)
    {
        int days = date.Value.DayNumber - Start.DayNumber;
        double horizonDays = HorizonDays;
        if (days < 0 || days > horizonDays || (!allowEnd && days == horizonDays))
        {
            _diagnostics.Error("SS0106", date.Location,
                $"{field} {date.Value:yyyy-MM-dd} is outside the run, which covers {Start:yyyy-MM-dd} to {Start.AddDays((int)horizonDays - 1):yyyy-MM-dd}");
            return -1;
        }

        return (int)Math.Floor(days / StepDays);
    }

    public int? Node(LocatedValue<string>? id, string field)
    {
        if (id is null)
        {
            return null;
        }

        if (_nodeIndex.TryGetValue(id.Value, out int index))
        {
            return index;
        }

        _diagnostics.Error("SS0102", id.Location, $"{field}: unknown node '{id.Value}'{Suggest.Hint(id.Value, _nodeIndex.Keys)}");
        return null;
    }

    public int? Material(LocatedValue<string> id, string field) => Material(id.Value, id.Location, field);

    public int? Material(string id, SourceLocation location, string field)
    {
        if (_materialIndex.TryGetValue(id, out int index))
        {
            return index;
        }

        _diagnostics.Error("SS0103", location, $"{field}: unknown material '{id}'{Suggest.Hint(id, _materialIndex.Keys)}");
        return null;
    }

    public bool Country(LocatedValue<string> code, string field)
    {
        if (Countries.IsValid(code.Value))
        {
            return true;
        }

        _diagnostics.Error("SS0111", code.Location,
            $"{field}: '{code.Value}' is not an ISO 3166 alpha-2 country code{Countries.Hint(code.Value)}");
        return false;
    }

    private bool CompileCalendar()
    {
        if (_doc.Start is null)
        {
            return false;
        }

        Start = _doc.Start.Value;
        double horizon;
        if (_doc.HorizonDays is { } h)
        {
            horizon = h.Value;
            if (_doc.End is { } both)
            {
                _diagnostics.Error("SS0106", both.Location, "give either 'horizon' or 'end', not both");
            }
        }
        else if (_doc.End is { } end)
        {
            horizon = end.Value.DayNumber - Start.DayNumber + 1;
            if (horizon < 1)
            {
                _diagnostics.Error("SS0106", end.Location, $"end {end.Value:yyyy-MM-dd} is before start {Start:yyyy-MM-dd}");
                return false;
            }
        }
        else
        {
            return false;
        }

        var at = _doc.HorizonDays?.Location ?? _doc.End?.Location ?? _doc.Location;
        if (!(horizon >= 1 && horizon <= NetworkCompiler.MaxHorizonDays))
        {
            _diagnostics.Error("SS0104", at, $"horizon must be in [1d, {NetworkCompiler.MaxHorizonDays}d], was {ParameterCompiler.Format(horizon)}d");
            return false;
        }

        if (_doc.StepDays is { } step)
        {
            if (step.Value < 1 || step.Value != Math.Floor(step.Value) || step.Value > horizon)
            {
                _diagnostics.Error("SS0104", step.Location, $"step must be a whole number of days in [1, horizon], was {ParameterCompiler.Format(step.Value)}d");
                return false;
            }

            StepDays = step.Value;
        }

        Steps = (int)Math.Ceiling(horizon / StepDays);
        if (Steps * StepDays != horizon)
        {
            // Every step is simulated whole, so demand, stockout days and censored times run to the last step's end.
            _diagnostics.Warning("SS0127", at,
                $"horizon {ParameterCompiler.Format(horizon)}d is not a whole number of {ParameterCompiler.Format(StepDays)}d steps: the run covers " +
                $"{ParameterCompiler.Format(Steps * StepDays)}d ({Steps} steps) and reports over that; give {ParameterCompiler.Format((Steps - 1) * StepDays)}d or {ParameterCompiler.Format(Steps * StepDays)}d to choose");
        }

        HorizonDays = horizon;
        CheckThresholds();
        return true;
    }

    private void CheckThresholds()
    {
        foreach (var (metric, location) in _doc.ThresholdLocations)
        {
            if (!ReportedMetrics.Names.Contains(metric))
            {
                _diagnostics.Error("SS0004", location, $"unknown metric '{metric}' in thresholds{Suggest.Hint(metric, ReportedMetrics.Names)}");
            }
        }
    }

    /// <summary>Origin classes: each exporter named by an export control, in first-seen order, then "other".</summary>
    private void CollectOrigins()
    {
        foreach (var ev in _doc.Scenarios.SelectMany(s => s.Events))
        {
            if (ev.Type?.Value == "export_control" && ev.Exporter is { } exporter && !_origins.Contains(exporter.Value))
            {
                _origins.Add(exporter.Value);
            }
        }

        _origins.Add("other");
    }

    private void CompileMaterials()
    {
        foreach (var material in _doc.Materials)
        {
            if (material.Id is not { } id || !ValidId(id, "material id"))
            {
                continue;
            }

            if (!_materialIndex.TryAdd(id.Value, _materialIndex.Count))
            {
                _diagnostics.Error("SS0101", id.Location, $"duplicate material id '{id.Value}'");
            }
        }

        if (_doc.Materials.Count == 0)
        {
            _diagnostics.Error("SS0003", _doc.Location, "no materials: list at least one under 'materials'");
        }
    }

    public bool ValidId(LocatedValue<string> id, string field)
    {
        if (id.Value.Length > 0 && id.Value.Length <= 64 && id.Value.All(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-' or '_'))
        {
            return true;
        }

        _diagnostics.Error("SS0013", id.Location, $"{field} '{id.Value}' must be 1-64 characters of a-z, 0-9, '-' or '_'");
        return false;
    }

    public int SectorIndex(string sector)
    {
        int index = _sectors.IndexOf(sector);
        if (index < 0)
        {
            _sectors.Add(sector);
            index = _sectors.Count - 1;
        }

        return index;
    }
}
