
namespace SupplySim.Scenario;

/// <summary>Reads one entry of <c>markets:</c>.</summary>
internal static class MarketReader
{
    internal static readonly string[] Keys = ["material", "exporter", "start_price", "scarcity_sensitivity", "adjustment_time", "demand_elasticity", "supply_response",
        "smuggling_elasticity"];

    internal static readonly string[] ResponseKeys = ["threshold", "lag", "ramp", "ceiling"];

    public static MarketDocument Read(YamlMapReader r)
    {
        var market = new MarketDocument
        {
            Material = r.String("material", required: true),
            Exporter = r.String("exporter", required: true),
            ScarcitySensitivity = r.Uncertain("scarcity_sensitivity", Dimension.None, required: true),
            AdjustmentTime = r.Uncertain("adjustment_time", Dimension.Duration, required: true),
            SmugglingElasticity = r.Uncertain("smuggling_elasticity", Dimension.None),
            Location = r.Location,
        };
        if (r.Map("start_price", required: true) is { } prices)
        {
            var pr = new YamlMapReader(prices, r.File, r.Diagnostics);
            market.StartPriceInside = pr.Uncertain("inside", Dimension.Price, required: true);
            market.StartPriceOutside = pr.Uncertain("outside", Dimension.Price, required: true);
            pr.ReportUnknownKeys(["inside", "outside"], "a market's start_price");
        }

        if (r.Map("demand_elasticity") is { } elasticities)
        {
            var er = new YamlMapReader(elasticities, r.File, r.Diagnostics);
            foreach (var key in elasticities.ScalarKeys)
            {
                string sector = key.Value;
                market.DemandElasticityLocations[sector] = YamlMapReader.At(key, r.File);
                if (er.Uncertain(sector, Dimension.None) is { } elasticity)
                {
                    market.DemandElasticity[sector] = elasticity;
                }
            }
        }

        if (r.Sequence("supply_response") is { } responses)
        {
            foreach (var item in responses.Items)
            {
                if (item is not YamlMapping map)
                {
                    r.Diagnostics.Error("SS0002", YamlMapReader.At(item, r.File), "a supply_response entry must be a mapping (threshold, lag, ramp, ceiling)");
                    continue;
                }

                var rr = new YamlMapReader(map, r.File, r.Diagnostics);
                market.SupplyResponses.Add(new SupplyResponseDocument
                {
                    Threshold = rr.Uncertain("threshold", Dimension.None, required: true),
                    Lag = rr.Uncertain("lag", Dimension.Duration, required: true),
                    Ramp = rr.Uncertain("ramp", Dimension.Duration, required: true),
                    Ceiling = rr.Uncertain("ceiling", Dimension.None, required: true),
                    Location = rr.Location,
                });
                rr.ReportUnknownKeys(ResponseKeys, "a supply_response entry");
            }
        }

        r.ReportUnknownKeys(Keys, "a market");
        return market;
    }
}
