using System.Text.Json;
using System.Text.Json.Serialization;

namespace SupplySim.Reporting.Html;

/// <summary>
/// Saves and loads <see cref="ReportData"/> as <c>report-data.json</c>, schema <c>supplysim.report-data/1</c>
/// (snake_case names, numbers in shortest round-trip form), so a report can be re-rendered byte for byte.
/// </summary>
internal static class ReportDataJson
{
    /// <summary>The schema identifier written at the top of the file.</summary>
    public const string Schema = "supplysim.report-data/1";

    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower) },
        WriteIndented = false,
        // A file missing a part of the data (say, 'scenarios') or holding null where the report needs a value is refused
        // here, with the JSON path, rather than failing while the report is drawn.
        RespectRequiredConstructorParameters = true,
        RespectNullableAnnotations = true,
    };

    /// <summary>Writes <paramref name="data"/> to <paramref name="stream"/>.</summary>
    public static void Write(ReportData data, Stream stream)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(stream);
        using var json = new Utf8JsonWriter(stream);
        json.WriteStartObject();
        json.WriteString("schema", Schema);
        json.WritePropertyName("data");
        JsonSerializer.Serialize(json, data, Options);
        json.WriteEndObject();
    }

    /// <summary>Reads what <see cref="Write"/> wrote.</summary>
    /// <exception cref="InvalidDataException">The stream is not JSON of schema <see cref="Schema"/>.</exception>
    public static ReportData Read(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        try
        {
            using var document = JsonDocument.Parse(stream);
            var root = document.RootElement;
            string? schema = root.ValueKind == JsonValueKind.Object && root.TryGetProperty("schema", out var s) ? s.GetString() : null;
            if (schema != Schema || !root.TryGetProperty("data", out var data))
            {
                throw new InvalidDataException($"expected schema '{Schema}', was '{schema ?? "none"}'");
            }

            return data.Deserialize<ReportData>(Options) ?? throw new InvalidDataException("report data is null");
        }
        catch (JsonException ex)
        {
            throw new InvalidDataException($"report data is not valid: {ex.Message}", ex);
        }
    }
}
