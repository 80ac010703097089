using SupplySim.Scenario;

namespace SupplySim.Model;

/// <summary>Validates one scenario's events against the compiled network and lowers them.</summary>
internal sealed partial class ScenarioCompiler(NetworkBuilder builder, ScenarioDocument doc)
{
    private readonly DiagnosticBag _diagnostics = builder.Diagnostics;
    private readonly CompiledNetwork _net = builder.Network;
    private readonly List<CompiledEvent> _events = [];
    private readonly List<string> _controlNames = [];
    private readonly List<bool> _controlIsBan = [];
    private readonly List<bool> _controlExtraterritorial = [];
    private readonly List<int> _controlProcessing = [];
    private readonly List<int> _controlValidity = [];
    private readonly List<int> _controlExporter = [];
    private readonly List<int[]> _controlApproval = [];
    private readonly List<ControlGate.Claim> _gateClaims = [];
    private int _licenceRing = 1;
    private ParameterTable? _means;

    public static CompiledScenario Baseline(int steps) => new() { Id = "baseline", Description = "the network with no events", DeriveEventState = EventDerivation.Steps([], steps) };

    public CompiledScenario? Compile()
    {
        if (doc.Id is not { } id || !builder.ValidId(id, "scenario id"))
        {
            return null;
        }

        int firstStep = int.MaxValue;
        for (int index = 0; index < doc.Events.Count; index++)
        {
            var ev = doc.Events[index];
            if (ev.Type is null || ev.Start is null)
            {
                continue;
            }

            int start = builder.StepOf(ev.Start, "start", allowEnd: false);
            int end = ev.End is { } e ? builder.StepOf(e, "end", allowEnd: true) : _net.Steps;
            if (start < 0 || end < 0)
            {
                continue;
            }

            if (ev.End is { } endDate && endDate.Value <= ev.Start.Value)
            {
                _diagnostics.Error("SS0106", endDate.Location, $"end {endDate.Value:yyyy-MM-dd} must be after start {ev.Start.Value:yyyy-MM-dd}");
                continue;
            }

            firstStep = Math.Min(firstStep, start);
            string key = ev.Id?.Value ?? $"{ev.Type.Value}@{ev.Start.Value:yyyy-MM-dd}:{Target(ev)}";
            CompileEvent(ev, $"events[{key}]", start, Math.Max(end, start + 1));
        }

        if (doc.Events.Count == 0)
        {
            _diagnostics.Warning("SS0120", doc.Location, $"scenario '{id.Value}' has no events; it equals the baseline");
        }

        return new CompiledScenario
        {
            DeriveEventState = EventDerivation.Steps(_events, _net.Steps),
            Id = id.Value,
            Description = doc.Description ?? "",
            FirstEventStep = firstStep == int.MaxValue ? 0 : firstStep,
            ControlNames = _controlNames,
            ControlIsBan = [.. _controlIsBan],
            ControlExtraterritorial = [.. _controlExtraterritorial],
            ControlProcessingParam = [.. _controlProcessing],
            ControlMeanProcessingDays = [.. _controlProcessing.Select(p => p < 0 ? 0 : builder.StepsFor(MeanOf(p)) * _net.StepDays)],
            ControlArcApproval = [.. _controlApproval.SelectMany(x => x)],
            ControlValidityParam = [.. _controlValidity],
            ControlExporter = [.. _controlExporter],
            LicenceRingLength = (int)System.Numerics.BitOperations.RoundUpToPowerOf2((uint)_licenceRing),
            Gate = _controlNames.Count == 0 ? null : ControlGate.Build(_gateClaims, _controlIsBan, _net.Steps, _net.ArcCount, _net.OriginCount),
            Events = [.. _events.OrderBy(e => e.Kind)],
        };

        static string Target(EventDocument ev) =>
            ev.Node?.Value ?? ev.Lane?.Value ?? ev.Country?.Value ?? ev.Sector?.Value ?? ev.Exporter?.Value ?? "";
    }

    private void CompileEvent(EventDocument ev, string path, int start, int end)
    {
        switch (ev.Type!.Value)
        {
            case "export_control":
                CompileExportControl(ev, path, start, end);
                break;
            case "quota":
                CompileQuota(ev, path, start, end);
                break;
            case "enforcement":
                CompileEnforcement(ev, path, start, end);
                break;
            case "disruption":
                CompileDisruption(ev, path, start, end);
                break;
            case "demand_shock":
                CompileDemandShock(ev, path, start, end);
                break;
            case "capacity_change":
                CompileCapacityChange(ev, path, start, end);
                break;
            case "stockpile_release":
                CompileStockpileRelease(ev, path, start, end);
                break;
        }
    }

    private int Param(UncertainDocument? value, string path, string field, double lo, double hi, bool perTrial = true) =>
        value is null ? -1 : builder.Parameters.Add(value, $"{path}.{field}", field, lo, hi, perTrial);

    private int? NodeOfKind(EventDocument ev, string type, params NodeKind[] kinds)
    {
        if (builder.Node(ev.Node, "node") is not int n)
        {
            if (ev.Node is null)
            {
                _diagnostics.Error("SS0003", ev.Location, $"{type} needs 'node'");
            }

            return null;
        }

        if (Array.IndexOf(kinds, _net.NodeKind[n]) < 0)
        {
            _diagnostics.Error("SS0112", ev.Node!.Location,
                $"{type} applies to {string.Join(" or ", kinds.Select(k => k.ToString().ToLowerInvariant()))} nodes; '{ev.Node.Value}' is a {_net.NodeKind[n].ToString().ToLowerInvariant()}");
            return null;
        }

        return n;
    }

    private List<int> Materials(EventDocument ev)
    {
        var result = new List<int>();
        foreach (var material in ev.Materials ?? [])
        {
            if (builder.Material(material, "materials") is int m)
            {
                result.Add(m);
            }
        }

        return result;
    }
}
