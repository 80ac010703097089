using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace SupplySim.Cli.Workbench;

/// <summary>
/// A what-if as the page posts it: <c>{file, scenario, trials, edits: [{line, column, original, value}]}</c>.
/// Anything else (not JSON, wrong types, too many edits or trials, an unknown file) is refused with status 400 or 404
/// and a message; the body's size is capped by the server before it is read.
/// </summary>
internal sealed record WhatIfRequest(string Client, string File, string Scenario, int Trials, IReadOnlyList<TextEdit> Edits)
{
    /// <summary>Trials when the request does not say.</summary>
    public const int DefaultTrials = 1000;

    public static async Task<WhatIfRequest> ReadAsync(HttpRequest request, WorkbenchOptions options, IEnumerable<string> files)
    {
        JsonDocument json;
        try
        {
            json = await JsonDocument.ParseAsync(request.Body, default, request.HttpContext.RequestAborted).ConfigureAwait(false);
        }
        catch (JsonException ex)
        {
            throw new RequestError(400, $"the request is not JSON: {ex.Message}");
        }

        using (json)
        {
            var root = json.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw new RequestError(400, "the request must be a JSON object {file, scenario, trials, edits}");
            }

            string file = String(root, "file") ?? throw new RequestError(400, "the request needs 'file'");
            if (!files.Contains(file, StringComparer.Ordinal))
            {
                throw new RequestError(404, $"no scenario file '{file}'");
            }

            int trials = root.TryGetProperty("trials", out var t) ? (t.TryGetInt32(out int n) ? n : -1) : DefaultTrials;
            if (trials < 1 || trials > options.MaxTrials)
            {
                throw new RequestError(400, $"trials must be a whole number from 1 to {options.MaxTrials}");
            }

            var edits = new List<TextEdit>();
            if (root.TryGetProperty("edits", out var list))
            {
                if (list.ValueKind != JsonValueKind.Array || list.GetArrayLength() > options.MaxEdits)
                {
                    throw new RequestError(400, $"edits must be a list of at most {options.MaxEdits} {{line, column, original, value}}");
                }

                foreach (var e in list.EnumerateArray())
                {
                    if (e.ValueKind != JsonValueKind.Object || Int(e, "line") is not int line || Int(e, "column") is not int column
                        || String(e, "original") is not { } original || String(e, "value") is not { } value)
                    {
                        throw new RequestError(400, "each edit needs line and column (numbers), original and value (strings)");
                    }

                    edits.Add(new TextEdit(line, column, original, value));
                }
            }

            string client = request.Headers["X-Workbench-Client"].FirstOrDefault() is { Length: > 0 and <= 64 } id
                ? id : request.HttpContext.Connection.RemoteIpAddress?.ToString() ?? "anonymous";
            return new WhatIfRequest(client, file, String(root, "scenario") ?? "", trials, edits);
        }
    }

    private static string? String(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    private static int? Int(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number && v.TryGetInt32(out int n) ? n : null;
}
