using System.Globalization;

namespace SupplySim.Scenario;

/// <summary>Reads one entry of <c>observations:</c>.</summary>
internal static class ObservationReader
{
    internal static readonly string[] Keys = ["id", "description", "scenario", "lanes", "market", "material", "year", "from", "to", "value", "source"];

    public static ObservationDocument Read(YamlMapReader r)
    {
        var observation = new ObservationDocument
        {
            Id = r.String("id", required: true),
            Description = r.String("description")?.Value,
            Scenario = r.String("scenario", required: true),
            // A flow observation names lanes and a mass; a price observation a market, a material and a price.
            Lanes = r.StringList("lanes", required: !r.Has("market")),
            Market = r.String("market"),
            Material = r.String("material", required: r.Has("market")),
            FromMonth = Month(r, "from"),
            ToMonth = Month(r, "to"),
            Value = r.Number("value", r.Has("market") ? Dimension.Price : Dimension.Mass, required: true),
            Source = r.String("source")?.Value,
            Location = r.Location,
        };
        if (r.String("year") is { } year)
        {
            if (int.TryParse(year.Value, NumberStyles.None, CultureInfo.InvariantCulture, out int y) && y is >= 1900 and <= 2200)
            {
                observation.Year = new(y, year.Location);
            }
            else
            {
                r.Diagnostics.Error("SS0006", year.Location, $"year must be a whole number in [1900, 2200], was '{year.Value}'");
            }
        }

        if (r.Has("market") && r.Has("lanes"))
        {
            r.Diagnostics.Error("SS0104", r.KeyLocation("market"), "give either 'lanes' (a flow) or 'market' and 'material' (a price), not both");
        }

        bool hasYear = r.Has("year"), hasFrom = r.Has("from"), hasTo = r.Has("to");
        if (hasYear && (hasFrom || hasTo))
        {
            r.Diagnostics.Error("SS0104", r.KeyLocation("year"), "give either 'year' or 'from'/'to', not both");
        }
        else if (!hasYear && !(hasFrom && hasTo))
        {
            r.Diagnostics.Error("SS0003", r.Location, "an observation needs 'year' or both 'from' and 'to' (months, YYYY-MM)");
        }

        r.ReportUnknownKeys(Keys, "an observation");
        return observation;
    }

    private static LocatedValue<DateOnly>? Month(YamlMapReader r, string key)
    {
        if (r.String(key) is not { } text)
        {
            return null;
        }

        if (DateOnly.TryParseExact(text.Value, "yyyy-MM", CultureInfo.InvariantCulture, DateTimeStyles.None, out var month))
        {
            return new(month, text.Location);
        }

        r.Diagnostics.Error("SS0008", text.Location, $"{key}: '{text.Value}' is not a month; expected YYYY-MM");
        return null;
    }
}
