namespace SupplySim.Reporting.Html;

/// <summary>What the report shows of one scenario.</summary>
/// <param name="Id">Scenario id (<c>baseline</c> first).</param>
/// <param name="Description">Description from the file.</param>
/// <param name="Events">Event start dates, in date order.</param>
/// <param name="Sectors">One row per sector × material with demand, in result-column order.</param>
/// <param name="LaneShippedT">Mean tonnes shipped per lane over the horizon, in lane order.</param>
/// <param name="Fans">Weekly bands of the key consumers; empty when weekly series were not recorded.</param>
/// <param name="PriceFans">
/// Monthly price bands per market; null without markets (and then absent from <c>report-data.json</c>, whose bytes
/// stay those of a file without markets).
/// </param>
internal sealed record ReportScenario(string Id, string Description, IReadOnlyList<ReportEvent> Events, IReadOnlyList<ReportSectorRow> Sectors,
    IReadOnlyList<double> LaneShippedT, IReadOnlyList<ReportFan> Fans,
    [property: System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    IReadOnlyList<ReportPriceFan>? PriceFans = null);
