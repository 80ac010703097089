using SupplySim.Scenario;

namespace SupplySim.Model;

/// <summary>Lane validation, arcs (lane × material), CSR grouping and the reachability check.</summary>
internal sealed partial class NetworkBuilder
{
    private sealed record ArcSpec(int From, int To, int Material, int Lane, int LeadParam, double Share, bool IsRelease);

    private CompiledNetwork? CompileLanes(NodeTables t)
    {
        var arcs = new List<ArcSpec>();
        var laneNames = new List<string>();
        var laneCapacity = new List<int>();
        var seenLanes = new HashSet<(int, int)>();
        foreach (var lane in _doc.Lanes)
        {
            int? from = Node(lane.From, "lane from"), to = Node(lane.To, "lane to");
            if (from is not int f || to is not int b)
            {
                continue;
            }

            if (!CheckLaneEnds(lane, f, b, t) || !seenLanes.Add((f, b)))
            {
                if (seenLanes.Contains((f, b)) && CheckLaneEnds(lane, f, b, t))
                {
                    _diagnostics.Error("SS0115", lane.Location, $"duplicate lane {t.Ids[f]}->{t.Ids[b]}; list its materials on one lane");
                }

                continue;
            }

            string path = $"lanes[{t.Ids[f]}->{t.Ids[b]}]";
            int laneIndex = laneNames.Count;
            laneNames.Add($"{t.Ids[f]}->{t.Ids[b]}");
            laneCapacity.Add(lane.Capacity is { } cap ? Parameters.Add(cap, $"{path}.capacity", "capacity", 0, NetworkCompiler.MaxQuantity, perTrial: true) : -1);
            int lead = lane.LeadTime is { } lt ? Parameters.Add(lt, $"{path}.lead_time", "lead_time", 0, ParameterCompiler.MaxDurationDays, perTrial: false) : -1;
            _laneQualification.Add(lane.Qualification is { } q
                ? Parameters.Add(q, $"{path}.qualification", "qualification", 0, NetworkCompiler.MaxHorizonDays, perTrial: true) : -1);
            double share = lane.Share?.Value ?? 1.0;
            if (lane.Share is { } s && !(s.Value > 0 && double.IsFinite(s.Value)))
            {
                _diagnostics.Error("SS0104", s.Location, $"share must be > 0, was {ParameterCompiler.Format(s.Value)}");
            }

            foreach (int m in LaneMaterials(lane, f, b, t))
            {
                arcs.Add(new ArcSpec(f, b, m, laneIndex, lead, share, IsRelease: false));
            }
        }

        AddEventReleaseTargets(t);
        for (int s = 0; s < N; s++)
        {
            if (t.Kind[s] != NodeKind.Stockpile)
            {
                continue;
            }

            int lead = t.ReleaseLead[s] >= 0 ? t.ReleaseLead[s] : Parameters.Table.Add($"nodes[{t.Ids[s]}].release.lead_time",
                DistributionKind.Fixed, 1, 0, 0, 0, 0, ParameterCompiler.MaxDurationDays, perTrial: false);
            foreach (int c in t.ReleaseTo[s])
            {
                for (int m = 0; m < M; m++)
                {
                    if (t.Held[(s * M) + m] && t.Demand[(c * M) + m] >= 0)
                    {
                        arcs.Add(new ArcSpec(s, c, m, -1, lead, 1, IsRelease: true));
                    }
                }
            }
        }

        CheckSupply(arcs, t);
        return _diagnostics.HasErrors ? null : Lower(t, arcs, laneNames, laneCapacity);
    }

    private bool CheckLaneEnds(LaneDocument lane, int f, int b, NodeTables t)
    {
        string? problem = (t.Kind[f], t.Kind[b]) switch
        {
            _ when f == b => "a lane must join two different nodes",
            (NodeKind.Consumer, _) => "a consumer ships nothing; lanes start at producers, processors or transshippers",
            (NodeKind.Stockpile, _) => "a stockpile ships through its release rule, not lanes",
            (_, NodeKind.Producer) => "a producer buys nothing; lanes end at processors, transshippers, stockpiles or consumers",
            _ => null,
        };
        if (problem is not null)
        {
            _diagnostics.Error("SS0107", lane.Location, $"lane {t.Ids[f]}->{t.Ids[b]}: {problem}");
        }

        return problem is null;
    }

    private List<int> LaneMaterials(LaneDocument lane, int f, int b, NodeTables t)
    {
        var result = new List<int>();
        if (lane.Materials is { } listed)
        {
            foreach (var material in listed)
            {
                if (Material(material, "lane materials") is not int m)
                {
                    continue;
                }

                if (!t.Supplies[(f * M) + m] || !t.Held[(b * M) + m])
                {
                    string who = !t.Supplies[(f * M) + m] ? $"'{t.Ids[f]}' does not supply it" : $"'{t.Ids[b]}' does not use or hold it";
                    _diagnostics.Error("SS0108", material.Location, $"lane {t.Ids[f]}->{t.Ids[b]} carries '{material.Value}', but {who}");
                    continue;
                }

                result.Add(m);
            }
        }
        else
        {
            result.AddRange(Enumerable.Range(0, M).Where(m => t.Supplies[(f * M) + m] && t.Held[(b * M) + m]));
            if (result.Count == 0)
            {
                _diagnostics.Error("SS0108", lane.Location, $"lane {t.Ids[f]}->{t.Ids[b]} carries nothing: no material that '{t.Ids[f]}' supplies is used by '{t.Ids[b]}'");
            }
        }

        return result;
    }

    private void AddEventReleaseTargets(NodeTables t)
    {
        foreach (var ev in _doc.Scenarios.SelectMany(s => s.Events).Where(e => e.Type?.Value == "stockpile_release"))
        {
            if (ev.Node is { } id && _nodeIndex.TryGetValue(id.Value, out int s) && t.Kind[s] == NodeKind.Stockpile && ev.Release is { } release)
            {
                AddReleaseTargets(release, s, $"nodes[{id.Value}]", t);
            }
        }
    }

    /// <summary>
    /// Every recipe input needs an inbound lane (SS0109; a warning, SS0122, where initial stock alone feeds it), and every consumer's demanded material must be reachable
    /// from some source of it through the lane graph (SS0110), checked per material with QuikGraph.
    /// </summary>
    private void CheckSupply(List<ArcSpec> arcs, NodeTables t)
    {
        var supplied = arcs.Select(a => (a.To, a.Material)).ToHashSet();
        for (int n = 0; n < N; n++)
        {
            foreach (int m in t.RecipeMaterial[n])
            {
                if (supplied.Contains((n, m)))
                {
                    continue;
                }

                string material = _materialIndex.First(p => p.Value == m).Key;
                var at = _doc.Nodes[n].Recipe!.InputLocations[material];
                if (t.Initial[(n * M) + m] < 0 && double.IsNaN(t.InitialCoverDays[(n * M) + m]))
                {
                    _diagnostics.Error("SS0109", at, $"recipe input '{material}' of '{t.Ids[n]}' has no lane bringing it and no initial stock");
                }
                else
                {
                    // Legal (a plant working down its own stock), but more often a lane left out by mistake.
                    _diagnostics.Warning("SS0122", at, $"recipe input '{material}' of '{t.Ids[n]}' has no lane bringing it: only its initial stock will feed the plant, never replenished");
                }
            }
        }

        for (int m = 0; m < M; m++)
        {
            var reached = Reachability.FromSources(N, arcs.Where(a => a.Material == m).Select(a => (a.From, a.To)),
                Enumerable.Range(0, N).Where(n => IsSourceOf(n, m, t)));
            for (int c = 0; c < N; c++)
            {
                if (t.Demand[(c * M) + m] >= 0 && !reached.Contains(c))
                {
                    string material = _materialIndex.First(p => p.Value == m).Key;
                    _diagnostics.Error("SS0110", _doc.Nodes[c].DemandLocations[material],
                        $"consumer '{t.Ids[c]}' demands '{material}', but no producer, processor or stock of it can reach it through the lanes");
                }
            }
        }
    }

    private bool IsSourceOf(int n, int m, NodeTables t) =>
        t.OutputMaterial[n] == m || t.Initial[(n * M) + m] >= 0 || !double.IsNaN(t.InitialCoverDays[(n * M) + m]) ||
        (t.Kind[n] == NodeKind.Stockpile && t.Held[(n * M) + m]);
}
