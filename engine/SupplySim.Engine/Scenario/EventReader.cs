
namespace SupplySim.Scenario;

/// <summary>Reads one scenario event; which keys are allowed depends on its <c>type</c>.</summary>
internal static class EventReader
{
    private static readonly string[] Common = ["type", "id", "start", "end"];

    public static readonly Dictionary<string, string[]> KeysByType = new(StringComparer.Ordinal)
    {
        ["export_control"] = [.. Common, "exporter", "materials", "destinations", "mode", "extraterritorial",
            "processing_time", "approval_probability", "deny_sectors", "approval_by_destination",
            "validity"],
        ["quota"] = [.. Common, "node", "country", "materials", "annual"],
        ["enforcement"] = [.. Common, "node", "leak_fraction", "interdiction_probability"],
        ["disruption"] = [.. Common, "node", "lane", "rate_per_year", "duration", "capacity_lost"],
        ["demand_shock"] = [.. Common, "node", "sector", "materials", "multiplier"],
        ["capacity_change"] = [.. Common, "node", "capacity", "multiplier", "ramp"],
        ["stockpile_release"] = [.. Common, "node", "to", "rate", "below_cover_days", "lead_time"],
    };

    public static EventDocument Read(YamlMapReader r)
    {
        var ev = new EventDocument
        {
            Type = r.Choice("type", KeysByType.Keys, required: true),
            Id = r.String("id"),
            Start = r.Date("start", required: true),
            End = r.Date("end"),
            Location = r.Location,
        };
        string type = ev.Type?.Value ?? "";
        ev.Exporter = r.String("exporter", required: type == "export_control");
        ev.Materials = r.StringList("materials", required: type == "export_control");
        ev.Destinations = r.StringList("destinations", required: type == "export_control");
        ev.Mode = r.Choice("mode", ["ban", "license"], required: type == "export_control");
        ev.Extraterritorial = r.Bool("extraterritorial");
        ev.ProcessingTime = r.Uncertain("processing_time", Dimension.Duration, required: ev.Mode?.Value == "license");
        ev.ApprovalProbability = r.Uncertain("approval_probability", Dimension.None, required: ev.Mode?.Value == "license");
        ev.Validity = r.Uncertain("validity", Dimension.Duration);
        ev.DenySectors = r.StringList("deny_sectors");
        ev.Node = r.String("node", required: type is "enforcement" or "capacity_change" or "stockpile_release");
        ev.Country = r.String("country");
        ev.Lane = r.String("lane");
        ev.Sector = r.String("sector");
        ev.Annual = r.Uncertain("annual", Dimension.Rate, required: type == "quota");
        ev.LeakFraction = r.Uncertain("leak_fraction", Dimension.None);
        ev.InterdictionProbability = r.Uncertain("interdiction_probability", Dimension.None);
        ev.RatePerYear = r.Uncertain("rate_per_year", Dimension.None, required: type == "disruption");
        ev.Duration = r.Uncertain("duration", Dimension.Duration, required: type == "disruption");
        ev.CapacityLost = r.Uncertain("capacity_lost", Dimension.None);
        ev.Multiplier = r.Uncertain("multiplier", Dimension.None, required: type == "demand_shock");
        ev.Capacity = r.Uncertain("capacity", Dimension.Rate);
        ev.Ramp = r.Uncertain("ramp", Dimension.Duration);
        if (type == "stockpile_release")
        {
            ev.Release = new ReleaseDocument
            {
                To = r.StringList("to"),
                BelowCoverDays = r.Uncertain("below_cover_days", Dimension.Duration),
                Rate = r.Uncertain("rate", Dimension.Rate, required: true),
                LeadTime = r.Uncertain("lead_time", Dimension.Duration),
                Location = r.Location,
            };
        }

        if (r.Map("approval_by_destination") is { } byDestination)
        {
            var br = new YamlMapReader(byDestination, r.File, r.Diagnostics);
            ev.ApprovalByDestination = new Dictionary<string, UncertainDocument>(StringComparer.Ordinal);
            foreach (var key in byDestination.ScalarKeys)
            {
                string country = key.Value;
                ev.ApprovalByDestinationLocations[country] = YamlMapReader.At(key, r.File);
                if (br.Uncertain(country, Dimension.None) is { } p)
                {
                    ev.ApprovalByDestination[country] = p;
                }
            }
        }

        if (KeysByType.TryGetValue(type, out var allowed))
        {
            r.ReportUnknownKeys(allowed, $"a {type} event");
        }

        return ev;
    }
}
