using SupplySim.Scenario;

namespace SupplySim.Model;

/// <summary>Lowering of each event type.</summary>
internal sealed partial class ScenarioCompiler
{
    private void CompileExportControl(EventDocument ev, string path, int start, int end)
    {
        if (ev.Exporter is not { } exporter || !builder.Country(exporter, "exporter"))
        {
            return;
        }

        var materials = Materials(ev);
        bool anyDestination = ev.Destinations is [{ Value: "*" }];
        var destinations = new HashSet<string>(StringComparer.Ordinal);
        if (!anyDestination)
        {
            foreach (var destination in ev.Destinations ?? [])
            {
                if (builder.Country(destination, "destinations"))
                {
                    destinations.Add(destination.Value);
                }
            }
        }

        bool isBan = ev.Mode?.Value == "ban";
        int processing = isBan ? -1 : Param(ev.ProcessingTime, path, "processing_time", 0, ParameterCompiler.MaxDurationDays, perTrial: false);
        int approval = isBan ? -1 : Param(ev.ApprovalProbability, path, "approval_probability", 0, 1);
        int validity = -1;
        if (ev.Validity is { } validityDoc)
        {
            if (isBan)
            {
                _diagnostics.Error("SS0121", validityDoc.Location, "validity applies only to mode: license; a ban grants no licence to keep");
            }
            else
            {
                validity = Param(validityDoc, path, "validity", 0, ParameterCompiler.MaxDurationDays, perTrial: false);
            }
        }

        var denied = new HashSet<int>();
        foreach (var sector in ev.DenySectors ?? [])
        {
            int s = -1;
            for (int i = 0; i < _net.SectorNames.Count; i++)
            {
                s = _net.SectorNames[i] == sector.Value ? i : s;
            }

            if (s < 0)
            {
                _diagnostics.Error("SS0116", sector.Location, $"unknown sector '{sector.Value}'{Suggest.Hint(sector.Value, _net.SectorNames)}");
            }

            denied.Add(s);
        }

        var byDestination = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (country, p) in ev.ApprovalByDestination ?? [])
        {
            if (builder.Country(new LocatedValue<string>(country, ev.ApprovalByDestinationLocations[country]), "approval_by_destination"))
            {
                byDestination[country] = Param(p, path, $"approval_by_destination.{country}", 0, 1);
            }
        }

        if (!isBan && ev.Mode is null)
        {
            return;
        }

        int k = _controlNames.Count;
        _controlNames.Add(ev.Id?.Value ?? path);
        _controlIsBan.Add(isBan);
        _controlExtraterritorial.Add(ev.Extraterritorial?.Value ?? false);
        _controlProcessing.Add(processing);
        _controlValidity.Add(validity);
        if (!isBan && processing >= 0)
        {
            _licenceRing = Math.Max(_licenceRing, builder.StepsFor(builder.Parameters.UpperBound(processing)) + 1);
        }

        int arcs = _net.ArcCount;
        var approvalByArc = new int[arcs];
        int origin = builder.Origins.ToList().IndexOf(exporter.Value);
        _controlExporter.Add(origin);
        var covered = new List<int>();
        for (int a = 0; a < arcs; a++)
        {
            int from = _net.ArcFrom[a], to = _net.ArcTo[a];
            string destination = _net.NodeCountries[to];
            bool covers = !_net.ArcIsRelease[a] && materials.Contains(_net.ArcMaterial[a]) && destination != exporter.Value &&
                          (anyDestination || destinations.Contains(destination)) &&
                          (_net.NodeKind[from] == NodeKind.Transshipper || _net.NodeOrigin[from] == origin);
            approvalByArc[a] = denied.Contains(_net.NodeSector[to]) && _net.NodeKind[to] == NodeKind.Consumer
                ? -1
                : byDestination.TryGetValue(destination, out int p) ? p : approval;
            if (covers)
            {
                covered.Add(a);
            }
        }

        _gateClaims.Add(new ControlGate.Claim(k, isBan, start, end, origin, [.. covered]));
        _controlApproval.Add(approvalByArc);
    }

    private void CompileQuota(EventDocument ev, string path, int start, int end)
    {
        int annual = Param(ev.Annual, path, "annual", 0, NetworkCompiler.MaxQuantity);
        var nodes = new List<int>();
        if (ev.Node is not null)
        {
            if (NodeOfKind(ev, "quota", NodeKind.Producer) is int n)
            {
                nodes.Add(n);
            }
        }
        else if (ev.Country is { } country && builder.Country(country, "country"))
        {
            var materials = Materials(ev);
            nodes.AddRange(Enumerable.Range(0, _net.NodeCount).Where(n => _net.NodeKind[n] == NodeKind.Producer &&
                _net.NodeCountries[n] == country.Value && (materials.Count == 0 || materials.Contains(_net.OutputMaterial[n]))));
            if (nodes.Count == 0)
            {
                _diagnostics.Error("SS0112", country.Location, $"quota: no producer in '{country.Value}' makes the listed materials");
            }
        }
        else if (ev.Country is null)
        {
            _diagnostics.Error("SS0003", ev.Location, "quota needs 'node' or 'country'");
        }

        // A country quota is shared by its producers in proportion to each trial's drawn capacities (the kernel's ApplyQuota).
        _events.Add(new CompiledEvent { Kind = EventKind.Quota, StartStep = start, EndStep = end, Nodes = [.. nodes], ValueParam = annual });
    }

    /// <summary>The mean of a parameter compiled so far (builds a snapshot of the table; compile time only).</summary>
    /// <summary>
    /// The mean of a parameter. Parameters are only ever appended, so one built table answers until a newer parameter
    /// is asked for: building it per call made a country quota over thousands of producers quadratic.
    /// </summary>
    private double MeanOf(int param)
    {
        if (_means is null || param >= _means.Count)
        {
            _means = builder.Parameters.Table.Build();
        }

        return _means.Mean(param);
    }

    private void CompileEnforcement(EventDocument ev, string path, int start, int end)
    {
        if (NodeOfKind(ev, "enforcement", NodeKind.Transshipper) is not int n)
        {
            return;
        }

        if (ev.LeakFraction is null && ev.InterdictionProbability is null)
        {
            _diagnostics.Error("SS0003", ev.Location, "enforcement needs leak_fraction or interdiction_probability");
        }

        _events.Add(new CompiledEvent
        {
            Kind = EventKind.Enforcement, StartStep = start, EndStep = end, Nodes = [n],
            ValueParam = Param(ev.LeakFraction, path, "leak_fraction", 0, 1),
            SecondParam = Param(ev.InterdictionProbability, path, "interdiction_probability", 0, 1),
        });
    }

    private void CompileDisruption(EventDocument ev, string path, int start, int end)
    {
        int[] nodes = [];
        int lane = -1;
        if (ev.Node is not null && ev.Lane is not null)
        {
            _diagnostics.Error("SS0104", ev.Lane.Location, "disruption takes 'node' or 'lane', not both");
            return;
        }

        if (ev.Lane is { } laneName)
        {
            lane = _net.LaneNames.ToList().IndexOf(laneName.Value);
            if (lane < 0)
            {
                _diagnostics.Error("SS0102", laneName.Location, $"unknown lane '{laneName.Value}' (write from->to){Suggest.Hint(laneName.Value, _net.LaneNames)}");
                return;
            }
        }
        else if (NodeOfKind(ev, "disruption", NodeKind.Producer, NodeKind.Processor, NodeKind.Transshipper) is int n)
        {
            nodes = [n];
            if (_net.CapacityParam[n] < 0 && ev.CapacityLost is { } partial &&
                !(partial.Dist == "fixed" && partial.Parameters.TryGetValue("value", out double lost) && lost >= 1))
            {
                _diagnostics.Warning("SS0128", partial.Location,
                    $"'{_net.NodeIds[n]}' has no capacity, so losing a part of it changes nothing: only capacity_lost 1 (a whole outage, the default) acts; give the node a capacity to model a partial one");
            }
        }
        else
        {
            return;
        }

        int duration = Param(ev.Duration, path, "duration", 0, ParameterCompiler.MaxDurationDays, perTrial: false);
        _events.Add(new CompiledEvent
        {
            Kind = EventKind.Disruption, StartStep = start, EndStep = end, Nodes = nodes, Lane = lane,
            ValueParam = Param(ev.RatePerYear, path, "rate_per_year", 0, 365),
            SecondParam = duration,
            LongestOutageSteps = Math.Max(1, builder.StepsFor(Math.Min(builder.Parameters.UpperBound(duration), ParameterCompiler.MaxDurationDays))),
            ThirdParam = ev.CapacityLost is null ? builder.Parameters.Table.AddFixed($"{path}.capacity_lost", 1) : Param(ev.CapacityLost, path, "capacity_lost", 0, 1),
            StreamKey = StableHash.Of(path),
        });
    }

    private void CompileDemandShock(EventDocument ev, string path, int start, int end)
    {
        var consumers = new List<int>();
        if (ev.Node is not null)
        {
            if (NodeOfKind(ev, "demand_shock", NodeKind.Consumer) is int n)
            {
                consumers.Add(n);
            }
        }
        else if (ev.Sector is { } sector)
        {
            int s = _net.SectorNames.ToList().IndexOf(sector.Value);
            if (s < 0)
            {
                _diagnostics.Error("SS0116", sector.Location, $"unknown sector '{sector.Value}'{Suggest.Hint(sector.Value, _net.SectorNames)}");
            }

            consumers.AddRange(Enumerable.Range(0, _net.NodeCount).Where(c => _net.NodeKind[c] == NodeKind.Consumer && _net.NodeSector[c] == s));
        }
        else
        {
            _diagnostics.Error("SS0003", ev.Location, "demand_shock needs 'node' or 'sector'");
        }

        var materials = Materials(ev);
        int m = _net.MaterialCount;
        var holdings = consumers.SelectMany(c => Enumerable.Range(0, m).Where(x => _net.DemandParam[(c * m) + x] >= 0 &&
            (materials.Count == 0 || materials.Contains(x))).Select(x => (c * m) + x));
        _events.Add(new CompiledEvent
        {
            Kind = EventKind.DemandShock, StartStep = start, EndStep = end, Holdings = [.. holdings],
            ValueParam = Param(ev.Multiplier, path, "multiplier", 0, 1000),
        });
    }

    private void CompileCapacityChange(EventDocument ev, string path, int start, int end)
    {
        if (NodeOfKind(ev, "capacity_change", NodeKind.Producer, NodeKind.Processor, NodeKind.Transshipper) is not int n)
        {
            return;
        }

        if ((ev.Capacity is null) == (ev.Multiplier is null))
        {
            _diagnostics.Error("SS0003", ev.Location, "capacity_change needs exactly one of 'capacity' or 'multiplier'");
        }

        int ramp = ev.Ramp is null ? -1 : Param(ev.Ramp, path, "ramp", 0, NetworkCompiler.MaxHorizonDays);
        _events.Add(new CompiledEvent
        {
            Kind = EventKind.CapacityChange, StartStep = start, EndStep = end, Nodes = [n],
            ValueParam = Param(ev.Capacity, path, "capacity", 0, NetworkCompiler.MaxQuantity),
            SecondParam = Param(ev.Multiplier, path, "multiplier", 0, 1000),
            RampSteps = ramp < 0 ? 0 : (int)Math.Ceiling(builder.Parameters.UpperBound(ramp) / _net.StepDays),
            RampParam = ramp,
        });
    }

    private void CompileStockpileRelease(EventDocument ev, string path, int start, int end)
    {
        if (NodeOfKind(ev, "stockpile_release", NodeKind.Stockpile) is not int n || ev.Release is not { } release)
        {
            return;
        }

        var targets = (release.To ?? []).Select(t => _net.NodeIds.ToList().IndexOf(t.Value)).ToHashSet();
        var arcs = new List<int>();
        int m = _net.MaterialCount;
        for (int h = n * m; h < (n + 1) * m; h++)
        {
            for (int i = _net.ReleaseStart[h]; i < _net.ReleaseStart[h + 1]; i++)
            {
                int arc = _net.ReleaseArcs[i];
                if (targets.Count == 0 || targets.Contains(_net.ArcTo[arc]))
                {
                    arcs.Add(arc);
                }
            }
        }

        if (arcs.Count == 0)
        {
            _diagnostics.Error("SS0108", release.Location, $"stockpile_release: '{ev.Node!.Value}' holds nothing the listed consumers demand");
        }

        _events.Add(new CompiledEvent
        {
            Kind = EventKind.StockpileRelease, StartStep = start, EndStep = end, Nodes = [n], Arcs = [.. arcs],
            ValueParam = Param(release.Rate, path, "rate", 0, NetworkCompiler.MaxQuantity),
            SecondParam = Param(release.BelowCoverDays, path, "below_cover_days", 0, NetworkCompiler.MaxHorizonDays),
        });
    }
}
