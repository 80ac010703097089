using SupplySim.Scenario;

namespace SupplySim.Model;

/// <summary>Compiles <c>markets:</c>: two markets per priced material, and which market and elasticity each consumer's demand has.</summary>
internal sealed partial class NetworkBuilder
{
    /// <summary>The widest adjustment time accepted: ten years.</summary>
    private const double MaxAdjustmentDays = 3650;

    /// <summary>Demand elasticities accepted: short-run values in the literature lie well inside [-3, 0].</summary>
    private const double MinElasticity = -5;

    /// <summary>The sector key that covers every sector not named in <c>demand_elasticity</c>.</summary>
    private const string OtherSectors = "*";

    private MarketTables CompileMarkets(NodeTables nodes)
    {
        if (_doc.Markets.Count == 0)
        {
            return MarketTables.None;
        }

        int[] nodeSector = nodes.Sector, demandParam = nodes.Demand;
        var names = new List<string>();
        var material = new List<int>();
        var startPrice = new List<int>();
        var sensitivity = new List<int>();
        var adjustment = new List<int>();
        var holdingMarket = Enumerable.Repeat(-1, N * M).ToArray();
        var holdingElasticity = Enumerable.Repeat(-1, N * M).ToArray();
        var priced = new HashSet<int>();
        var responseMarket = new List<int>();
        var threshold = new List<int>();
        var lag = new List<int>();
        var ramp = new List<int>();
        var ceiling = new List<int>();
        var responders = new List<int[]>();
        var smuggling = Enumerable.Repeat(-1, M).ToArray();
        var outsideOf = Enumerable.Repeat(-1, M).ToArray();
        foreach (var market in _doc.Markets)
        {
            if (market.Material is not { } materialId || Material(materialId, "market material") is not int m ||
                market.Exporter is not { } exporter || !Country(exporter, "market exporter"))
            {
                continue;
            }

            if (!priced.Add(m))
            {
                _diagnostics.Error("SS0101", materialId.Location, $"a second market for material '{materialId.Value}'; give one entry per material");
                continue;
            }

            string path = $"markets.{materialId.Value}";
            int sensitivityParam = Parameters.Add(market.ScarcitySensitivity!, $"{path}.scarcity_sensitivity", "scarcity_sensitivity", 0, 20, perTrial: true);
            int adjustmentParam = Parameters.Add(market.AdjustmentTime!, $"{path}.adjustment_time", "adjustment_time", StepDays, MaxAdjustmentDays, perTrial: true);
            var elasticityBySector = CompileElasticities(market, path, nodeSector);
            int inside = names.Count;
            outsideOf[m] = inside + 1;
            if (market.SmugglingElasticity is { } eta)
            {
                smuggling[m] = Parameters.Add(eta, $"{path}.smuggling_elasticity", "smuggling_elasticity", 0, 10, perTrial: true);
            }

            foreach (var (side, price) in new[] { ("inside", market.StartPriceInside!), ("outside", market.StartPriceOutside!) })
            {
                names.Add($"{side}-{exporter.Value}");
                material.Add(m);
                startPrice.Add(Parameters.Add(price, $"{path}.start_price.{side}", $"start_price {side}", 1e-6, 1e12, perTrial: true));
                sensitivity.Add(sensitivityParam);
                adjustment.Add(adjustmentParam);
            }

            int[] outsideProducers = [.. Enumerable.Range(0, N)
                .Where(n => nodes.Kind[n] == NodeKind.Producer && nodes.OutputMaterial[n] == m && nodes.Country[n] != exporter.Value)];
            for (int t = 0; t < market.SupplyResponses.Count; t++)
            {
                var response = market.SupplyResponses[t];
                string at = $"{path}.supply_response[{t}]";
                responseMarket.Add(inside + 1);
                threshold.Add(Parameters.Add(response.Threshold!, $"{at}.threshold", "threshold", 1, 1e6, perTrial: true));
                lag.Add(Parameters.Add(response.Lag!, $"{at}.lag", "lag", 0, NetworkCompiler.MaxHorizonDays, perTrial: true));
                ramp.Add(Parameters.Add(response.Ramp!, $"{at}.ramp", "ramp", 0, NetworkCompiler.MaxHorizonDays, perTrial: true));
                ceiling.Add(Parameters.Add(response.Ceiling!, $"{at}.ceiling", "ceiling", 0, 100, perTrial: true));
                responders.Add(outsideProducers);
            }

            for (int n = 0; n < N; n++)
            {
                int h = (n * M) + m;
                if (demandParam[h] < 0)
                {
                    continue;
                }

                holdingMarket[h] = nodes.Country[n] == exporter.Value ? inside : inside + 1;
                holdingElasticity[h] = elasticityBySector[nodeSector[n]];
            }
        }

        return new MarketTables
        {
            Names = [.. names], Material = [.. material], StartPriceParam = [.. startPrice], SensitivityParam = [.. sensitivity],
            AdjustmentParam = [.. adjustment], HoldingMarket = holdingMarket, HoldingElasticityParam = holdingElasticity,
            ResponseMarket = [.. responseMarket], ResponseThresholdParam = [.. threshold], ResponseLagParam = [.. lag],
            ResponseRampParam = [.. ramp], ResponseCeilingParam = [.. ceiling], ResponseProducers = [.. responders],
            SmugglingParam = smuggling, OutsideMarketOf = outsideOf,
        };
    }

    /// <summary>Per sector: the elasticity parameter of this market's demand (the <c>*</c> entry's for sectors not named), or -1.</summary>
    private int[] CompileElasticities(MarketDocument market, string path, int[] nodeSector)
    {
        var bySector = Enumerable.Repeat(-1, _sectors.Count).ToArray();
        int other = -1;
        foreach (var (sector, elasticity) in market.DemandElasticity)
        {
            int p = Parameters.Add(elasticity, $"{path}.demand_elasticity.{sector}", $"demand_elasticity {sector}", MinElasticity, 0, perTrial: true);
            if (sector == OtherSectors)
            {
                other = p;
                continue;
            }

            int s = _sectors.IndexOf(sector);
            if (s < 0 || !nodeSector.Contains(s))
            {
                _diagnostics.Error("SS0116", market.DemandElasticityLocations[sector],
                    $"unknown sector '{sector}' in demand_elasticity{Suggest.Hint(sector, _sectors)}");
                continue;
            }

            bySector[s] = p;
        }

        for (int s = 0; s < bySector.Length; s++)
        {
            bySector[s] = bySector[s] < 0 ? other : bySector[s];
        }

        return bySector;
    }
}
