namespace SupplySim.Model;

/// <summary>Lowering to dense arrays: arcs, pipelines, CSR groupings, calendar.</summary>
internal sealed partial class NetworkBuilder
{
    private CompiledNetwork Lower(NodeTables t, List<ArcSpec> arcs, List<string> laneNames, List<int> laneCapacity)
    {
        int a = arcs.Count, h = N * M;
        var pipeLength = new int[a];
        for (int arc = 0; arc < a; arc++)
        {
            var spec = arcs[arc];
            double maxDays = Math.Min(Parameters.UpperBound(spec.LeadParam), ParameterCompiler.MaxDurationDays);
            if (t.Kind[spec.From] == NodeKind.Transshipper && t.Delay[spec.From] >= 0)
            {
                maxDays += Math.Min(Parameters.UpperBound(t.Delay[spec.From]), ParameterCompiler.MaxDurationDays);
            }

            // As long as the longest transit, not rounded up to a power of two: a third fewer cells, and the kernel
            // takes today's slot from a per-step table of step mod length (a few distinct lengths), not a mask.
            pipeLength[arc] = StepsFor(maxDays) + 1;
        }

        // Inbound: arcs a buyer orders on. Outbound: arcs a supplier serves, highest priority (lowest number) first.
        var inbound = Csr(h, Enumerable.Range(0, a).Where(x => !arcs[x].IsRelease && !t.IsPush[arcs[x].From]), x => (arcs[x].To * M) + arcs[x].Material);
        var outbound = Csr(h, Enumerable.Range(0, a).Where(x => !arcs[x].IsRelease)
            .OrderBy(x => t.Priority[arcs[x].To]).ThenBy(x => x), x => (arcs[x].From * M) + arcs[x].Material);
        var release = Csr(h, Enumerable.Range(0, a).Where(x => arcs[x].IsRelease), x => (arcs[x].From * M) + arcs[x].Material);
        var groupEnd = new bool[outbound.Items.Length];
        for (int holding = 0; holding < h; holding++)
        {
            for (int i = outbound.Start[holding]; i < outbound.Start[holding + 1]; i++)
            {
                groupEnd[i] = i + 1 == outbound.Start[holding + 1] ||
                              t.Priority[arcs[outbound.Items[i + 1]].To] != t.Priority[arcs[outbound.Items[i]].To];
            }
        }

        // Mean lead time of each arc in whole steps (plus transshipper delay): buyers plan their pipeline on it.
        var means = _table.Build();
        var arcLead = new double[a];
        for (int arc = 0; arc < a; arc++)
        {
            var spec = arcs[arc];
            double days = spec.LeadParam >= 0 ? means.Mean(spec.LeadParam) : 0;
            if (t.Kind[spec.From] == NodeKind.Transshipper && t.Delay[spec.From] >= 0)
            {
                days += means.Mean(t.Delay[spec.From]);
            }

            arcLead[arc] = StepsFor(days) * StepDays;
        }

        var recipeStart = new int[N + 1];
        for (int n = 0; n < N; n++)
        {
            recipeStart[n + 1] = recipeStart[n] + t.RecipeMaterial[n].Count;
        }

        var yearOfStep = new int[Steps];
        var monthOfStep = new int[Steps];
        for (int step = 0; step < Steps; step++)
        {
            var day = Start.AddDays((int)(step * StepDays));
            yearOfStep[step] = day.Year - Start.Year;
            monthOfStep[step] = ObservationCompiler.MonthIndex(Start, day);
        }

        return new CompiledNetwork
        {
            Name = _doc.Name?.Value ?? "", Start = Start, Steps = Steps, StepDays = StepDays, DefaultSeed = _doc.Seed?.Value,
            Thresholds = _doc.Thresholds.ToDictionary(p => p.Key, p => p.Value.ToArray()),
            MaterialIds = [.. _materialIndex.OrderBy(p => p.Value).Select(p => p.Key)],
            NodeIds = t.Ids, NodeCountries = t.Country, SectorNames = [.. _sectors], OriginNames = [.. _origins],
            LaneNames = laneNames, NodeKind = t.Kind, NodeOrigin = t.Origin, NodeSector = t.Sector,
            CapacityParam = t.Capacity, QuotaParam = t.Quota, IsPush = t.IsPush, CoverDays = t.CoverDays,
            OutputMaterial = t.OutputMaterial, RecipeStart = recipeStart,
            RecipeMaterial = [.. t.RecipeMaterial.SelectMany(x => x)], RecipeRatioParam = [.. t.RecipeRatio.SelectMany(x => x)],
            DelayParam = t.Delay, LeakParam = t.Leak, InterdictionParam = t.Interdiction,
            ReleaseBelowCoverParam = t.ReleaseBelowCover, ReleaseRateParam = t.ReleaseRate,
            DemandCvParam = t.DemandCv, Priority = t.Priority, LostSales = t.LostSales, Coupled = t.Coupled,
            UsesReorderPoint = t.UsesReorderPoint, ReorderDays = t.ReorderDays, Held = t.Held, DemandParam = t.Demand, ArcMeanLeadDays = arcLead,
            AcquisitionParam = t.Acquisition, InitialParam = t.Initial, InitialCoverDays = t.InitialCoverDays,
            ArcFrom = [.. arcs.Select(x => x.From)], ArcTo = [.. arcs.Select(x => x.To)],
            ArcMaterial = [.. arcs.Select(x => x.Material)], ArcLane = [.. arcs.Select(x => x.Lane)],
            ArcLeadParam = [.. arcs.Select(x => x.LeadParam)], ArcShare = [.. arcs.Select(x => x.Share)],
            ArcIsPush = [.. arcs.Select(x => !x.IsRelease && t.IsPush[x.From])], ArcIsRelease = [.. arcs.Select(x => x.IsRelease)],
            ArcPipeLength = pipeLength,
            Pipeline = PipelineLayout.Build([.. arcs.Select(x => (x.From, x.To, x.Material))], pipeLength, t.Origin, M, _origins.Count),
            InStart = inbound.Start, InArcs = inbound.Items, OutStart = outbound.Start, OutArcs = outbound.Items,
            OutGroupEnd = groupEnd, ReleaseStart = release.Start, ReleaseArcs = release.Items,
            LaneCapacityParam = [.. laneCapacity], YearOfStep = yearOfStep, MonthOfStep = monthOfStep,
        };
    }

    /// <summary>Whole steps a duration of <paramref name="days"/> takes: rounded up, at least one.</summary>
    public int StepsFor(double days) => Math.Max(1, (int)Math.Ceiling((days / StepDays) - 1e-9));

    private static (int[] Start, int[] Items) Csr(int rows, IEnumerable<int> items, Func<int, int> rowOf)
    {
        var ordered = items.ToList();
        var start = new int[rows + 1];
        foreach (int item in ordered)
        {
            start[rowOf(item) + 1]++;
        }

        for (int row = 0; row < rows; row++)
        {
            start[row + 1] += start[row];
        }

        var next = (int[])start.Clone();
        var result = new int[ordered.Count];
        foreach (int item in ordered)
        {
            result[next[rowOf(item)]++] = item;
        }

        return (start, result);
    }
}
