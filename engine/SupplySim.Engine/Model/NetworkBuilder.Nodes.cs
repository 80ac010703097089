using SupplySim.Scenario;

namespace SupplySim.Model;

/// <summary>Node validation and lowering.</summary>
internal sealed partial class NetworkBuilder
{
    private NodeTables? CompileNodes()
    {
        foreach (var node in _doc.Nodes)
        {
            if (node.Id is { } id && ValidId(id, "node id") && !_nodeIndex.TryAdd(id.Value, _nodeIndex.Count))
            {
                _diagnostics.Error("SS0101", id.Location, $"duplicate node id '{id.Value}'");
            }
        }

        if (_doc.Nodes.Count == 0)
        {
            _diagnostics.Error("SS0003", _doc.Location, "no nodes: list at least one under 'nodes'");
        }

        if (_diagnostics.HasErrors)
        {
            return null;
        }

        var t = new NodeTables(N, M);
        foreach (var doc in _doc.Nodes)
        {
            int n = _nodeIndex[doc.Id!.Value];
            t.Ids[n] = doc.Id.Value;
            t.Kind[n] = Enum.Parse<NodeKind>(doc.Kind!.Value, ignoreCase: true);
            t.Country[n] = doc.Country!.Value;
            Country(doc.Country, "country");
            t.Origin[n] = _origins.IndexOf(doc.Country.Value) is int o and >= 0 ? o : _origins.Count - 1;
            string path = $"nodes[{doc.Id.Value}]";
            CompileNode(doc, n, path, t);
        }

        return _diagnostics.HasErrors ? null : t;
    }

    /// <summary>
    /// An order_up_to producer or processor makes at most its stock target each step (its days of cover of capacity,
    /// less its stock), so a target shorter than a step holds it below capacity, and 0 days stops it altogether.
    /// </summary>
    private void CheckPlantCover(NodeDocument doc, int n, NodeTables t)
    {
        if (t.IsPush[n] || t.CoverDays[n] >= StepDays)
        {
            return;
        }

        string days = ParameterCompiler.Format(t.CoverDays[n]), step = ParameterCompiler.Format(StepDays);
        string effect = t.CoverDays[n] == 0 ? "so it would make nothing" : $"so it would make at most {days} of {step} days' capacity";
        _diagnostics.Error("SS0104", doc.DaysOfCover?.Location ?? doc.Location,
            $"days_of_cover {days}d of order_up_to {t.Ids[n]} is shorter than a step ({step}d): it makes at most its cover target each step, {effect}; give at least {step}d, or policy: none to make at capacity");
    }

    private void CompileNode(NodeDocument doc, int n, string path, NodeTables t)
    {
        var kind = t.Kind[n];
        if (doc.Capacity is { } capacity)
        {
            t.Capacity[n] = Parameters.Add(capacity, $"{path}.capacity", "capacity", 0, NetworkCompiler.MaxQuantity, perTrial: true);
        }

        t.CoverDays[n] = doc.DaysOfCover?.Value ?? 30;
        if (doc.DaysOfCover is { Value: < 0 or > NetworkCompiler.MaxHorizonDays } cover)
        {
            _diagnostics.Error("SS0104", cover.Location, $"days_of_cover must be in [0, {NetworkCompiler.MaxHorizonDays}] days, was {ParameterCompiler.Format(cover.Value)}");
        }

        switch (kind)
        {
            case NodeKind.Producer:
                if (doc.Material is { } producedMaterial && Material(producedMaterial, "material") is int pm)
                {
                    t.OutputMaterial[n] = pm;
                    t.Held[(n * M) + pm] = t.Supplies[(n * M) + pm] = true;
                }

                if (doc.Quota is { } quota)
                {
                    t.Quota[n] = Parameters.Add(quota, $"{path}.quota", "quota", 0, NetworkCompiler.MaxQuantity, perTrial: true);
                }

                t.IsPush[n] = doc.Policy?.Value is null or "none";
                CheckPlantCover(doc, n, t);
                break;
            case NodeKind.Processor:
                t.IsPush[n] = doc.Policy?.Value is null or "none";
                CheckPlantCover(doc, n, t);
                CompilePriority(doc, n, t);
                if (doc.Rated?.Value == true)
                {
                    // A rated order is served ahead of every unrated one, as a priority-1 buyer's.
                    t.Priority[n] = RatedPriority;
                }

                if (doc.Recipe is { } recipe)
                {
                    CompileRecipe(recipe, n, path, t);
                }

                break;
            case NodeKind.Transshipper:
                foreach (var material in doc.Materials ?? [])
                {
                    if (Material(material, "materials") is int tm)
                    {
                        t.Held[(n * M) + tm] = t.Supplies[(n * M) + tm] = true;
                    }
                }

                t.Delay[n] = doc.Delay is { } delay ? Parameters.Add(delay, $"{path}.delay", "delay", 0, ParameterCompiler.MaxDurationDays, perTrial: false) : -1;
                t.Leak[n] = Probability(doc.LeakFraction, $"{path}.leak_fraction", "leak_fraction", 1.0);
                t.Interdiction[n] = Probability(doc.InterdictionProbability, $"{path}.interdiction_probability", "interdiction_probability", 0.0);
                break;
            case NodeKind.Stockpile:
                foreach (var (material, amount) in doc.Acquisition ?? [])
                {
                    if (Material(material, doc.AcquisitionLocations[material], "acquisition") is int am)
                    {
                        t.Held[(n * M) + am] = true;
                        t.Acquisition[(n * M) + am] = Parameters.Add(amount, $"{path}.acquisition.{material}", "acquisition", 0, NetworkCompiler.MaxQuantity, perTrial: true);
                    }
                }

                if (doc.Release is { } release)
                {
                    CompileRelease(release, n, path, t);
                }

                break;
            case NodeKind.Consumer:
                CompileConsumer(doc, n, path, t);
                break;
        }

        CompileInitialInventory(doc, n, path, t);
    }

    private int Probability(UncertainDocument? doc, string name, string field, double fallback) =>
        doc is null ? Parameters.Table.AddFixed(name, fallback) : Parameters.Add(doc, name, field, 0, 1, perTrial: true);

    private void CompileRecipe(RecipeDocument recipe, int n, string path, NodeTables t)
    {
        if (recipe.Output is { } output && Material(output, "recipe output") is int om)
        {
            t.OutputMaterial[n] = om;
            t.Held[(n * M) + om] = t.Supplies[(n * M) + om] = true;
        }

        if (recipe.Inputs.Count == 0)
        {
            _diagnostics.Error("SS0003", recipe.Location, "recipe needs at least one input (material: tonnes per tonne of output)");
        }

        foreach (var (material, ratio) in recipe.Inputs)
        {
            if (Material(material, recipe.InputLocations[material], "recipe input") is not int im)
            {
                continue;
            }

            if (im == t.OutputMaterial[n])
            {
                _diagnostics.Error("SS0104", recipe.InputLocations[material], $"recipe input '{material}' is also its output");
                continue;
            }

            t.Held[(n * M) + im] = true;
            t.RecipeMaterial[n].Add(im);
            int p = Parameters.Add(ratio, $"{path}.recipe.{material}", "recipe ratio", 1e-12, 1e6, perTrial: true);
            t.RecipeRatio[n].Add(p);
        }
    }

    private void CompileRelease(ReleaseDocument release, int n, string path, NodeTables t)
    {
        t.ReleaseRate[n] = release.Rate is { } rate
            ? Parameters.Add(rate, $"{path}.release.rate", "release rate", 0, NetworkCompiler.MaxQuantity, perTrial: true)
            : Parameters.Table.AddFixed($"{path}.release.rate", double.MaxValue);
        t.ReleaseBelowCover[n] = release.BelowCoverDays is { } below
            ? Parameters.Add(below, $"{path}.release.below_cover_days", "below_cover_days", 0, NetworkCompiler.MaxHorizonDays, perTrial: true)
            : -1;
        AddReleaseTargets(release, n, path, t);
    }

    /// <summary>Adds the consumers of a release rule (node or event) to the stockpile's release targets.</summary>
    public void AddReleaseTargets(ReleaseDocument release, int n, string path, NodeTables t)
    {
        if (release.LeadTime is { } lead && t.ReleaseLead[n] < 0)
        {
            t.ReleaseLead[n] = Parameters.Add(lead, $"{path}.release.lead_time", "lead_time", 0, ParameterCompiler.MaxDurationDays, perTrial: false);
        }

        foreach (var to in release.To ?? [])
        {
            if (Node(to, "release to") is int c)
            {
                if (_doc.Nodes[c].Kind?.Value != "consumer")
                {
                    _diagnostics.Error("SS0107", to.Location, $"release target '{to.Value}' is a {_doc.Nodes[c].Kind?.Value}; a stockpile releases to consumers");
                }
                else if (!t.ReleaseTo[n].Contains(c))
                {
                    t.ReleaseTo[n].Add(c);
                }
            }
        }
    }

    private void CompileConsumer(NodeDocument doc, int n, string path, NodeTables t)
    {
        t.Sector[n] = SectorIndex(doc.Sector?.Value ?? "");
        foreach (var (material, rate) in doc.Demand ?? [])
        {
            if (Material(material, doc.DemandLocations[material], "demand") is int dm)
            {
                t.Held[(n * M) + dm] = true;
                t.Demand[(n * M) + dm] = Parameters.Add(rate, $"{path}.demand.{material}", "demand", 0, NetworkCompiler.MaxQuantity, perTrial: true);
            }
        }

        t.DemandCv[n] = doc.DemandCv is { } cv
            ? Parameters.Add(cv, $"{path}.demand_cv", "demand_cv", 0, 10, perTrial: true)
            : Parameters.Table.AddFixed($"{path}.demand_cv", 0);
        CompilePriority(doc, n, t);

        t.LostSales[n] = doc.Unmet?.Value == "lost_sales";
        t.Coupled[n] = doc.Coupled?.Value ?? false;
        if (doc.Policy?.Value == "s_S")
        {
            t.UsesReorderPoint[n] = true;
            if (doc.ReorderPoint is null || doc.OrderUpTo is null)
            {
                _diagnostics.Error("SS0003", doc.Policy.Location, "policy s_S needs reorder_point and order_up_to (days of cover)");
                return;
            }

            t.ReorderDays[n] = doc.ReorderPoint.Value;
            t.CoverDays[n] = doc.OrderUpTo.Value;
            if (doc.ReorderPoint.Value > doc.OrderUpTo.Value)
            {
                _diagnostics.Error("SS0104", doc.ReorderPoint.Location,
                    $"reorder_point {ParameterCompiler.Format(doc.ReorderPoint.Value)}d must not exceed order_up_to {ParameterCompiler.Format(doc.OrderUpTo.Value)}d");
            }
        }
    }

    private void CompileInitialInventory(NodeDocument doc, int n, string path, NodeTables t)
    {
        foreach (var (material, amount) in doc.InitialInventory ?? [])
        {
            IEnumerable<int> targets;
            if (material == "*")
            {
                targets = Enumerable.Range(0, M).Where(m => t.Held[(n * M) + m]);
            }
            else if (Material(material, doc.InitialInventoryLocations[material], "initial_inventory") is int im)
            {
                if (!t.Held[(n * M) + im] && t.Kind[n] != NodeKind.Stockpile)
                {
                    _diagnostics.Error("SS0108", doc.InitialInventoryLocations[material], $"initial_inventory of '{material}', which node '{t.Ids[n]}' does not hold");
                    continue;
                }

                t.Held[(n * M) + im] = true;
                targets = [im];
            }
            else
            {
                continue;
            }

            foreach (int m in targets)
            {
                if (amount.CoverDays is double days)
                {
                    if (days is < 0 or > NetworkCompiler.MaxHorizonDays)
                    {
                        _diagnostics.Error("SS0104", amount.Location, $"initial_inventory must be in [0, {NetworkCompiler.MaxHorizonDays}] days, was {ParameterCompiler.Format(days)}");
                    }

                    if (t.Kind[n] is NodeKind.Stockpile or NodeKind.Transshipper)
                    {
                        _diagnostics.Error("SS0104", amount.Location, $"a {t.Kind[n].ToString().ToLowerInvariant()} has no demand to measure cover by; give initial_inventory in t or kg");
                    }

                    t.InitialCoverDays[(n * M) + m] = days;
                }
                else if (amount.Tonnes is { } tonnes)
                {
                    t.Initial[(n * M) + m] = Parameters.Add(tonnes, $"{path}.initial_inventory.{MaterialName(m)}", "initial_inventory", 0, NetworkCompiler.MaxQuantity, perTrial: true);
                }
            }
        }
    }

    private string MaterialName(int m) => _materialIndex.First(p => p.Value == m).Key;

    /// <summary>The priority of rated orders: first, with the defense primes.</summary>
    private const int RatedPriority = 1;

    /// <summary>A buyer's <c>priority</c> (consumers and processors; default 5): suppliers serve lower numbers first.</summary>
    private void CompilePriority(NodeDocument doc, int n, NodeTables t)
    {
        if (doc.Priority is not { } priority)
        {
            return;
        }

        if (priority.Value < 1 || priority.Value > 99 || priority.Value != Math.Floor(priority.Value))
        {
            _diagnostics.Error("SS0104", priority.Location, $"priority must be a whole number in [1, 99], was {ParameterCompiler.Format(priority.Value)}");
        }

        t.Priority[n] = (int)priority.Value;
    }
}
