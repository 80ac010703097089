using YamlDotNet.RepresentationModel;

namespace SupplySim.Scenario;

/// <summary>Reads one entry of <c>markets:</c>.</summary>
internal static class MarketReader
{
    private static readonly string[] Keys = ["material", "exporter", "start_price", "scarcity_sensitivity", "adjustment_time", "demand_elasticity"];

    public static MarketDocument Read(YamlMapReader r)
    {
        var market = new MarketDocument
        {
            Material = r.String("material", required: true),
            Exporter = r.String("exporter", required: true),
            ScarcitySensitivity = r.Uncertain("scarcity_sensitivity", Dimension.None, required: true),
            AdjustmentTime = r.Uncertain("adjustment_time", Dimension.Duration, required: true),
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
            foreach (var key in elasticities.Children.Keys.OfType<YamlScalarNode>())
            {
                string sector = key.Value ?? "";
                market.DemandElasticityLocations[sector] = YamlMapReader.At(key, r.File);
                if (er.Uncertain(sector, Dimension.None) is { } elasticity)
                {
                    market.DemandElasticity[sector] = elasticity;
                }
            }
        }

        r.ReportUnknownKeys(Keys, "a market");
        return market;
    }
}
