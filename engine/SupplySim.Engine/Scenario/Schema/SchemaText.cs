using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace SupplySim.Scenario.Schema;

/// <summary>The schemas as the text <c>supplysim schema</c> prints and <c>docs/schema/</c> keeps: indented, readable Unicode, LF, final newline.</summary>
internal static class SchemaText
{
    private static readonly JsonSerializerOptions Options = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The schema of <paramref name="kind"/> ("scenario" or "sweep"), or null for another kind.</summary>
    public static string? Of(string kind) => kind switch
    {
        "scenario" => Format(ScenarioSchema.Build()),
        "sweep" => Format(Sweeps.SweepSchema.Build()),
        _ => null,
    };

    /// <summary>The kinds there are.</summary>
    public static IReadOnlyList<string> Kinds { get; } = ["scenario", "sweep"];

    private static string Format(JsonObject schema) => schema.ToJsonString(Options).ReplaceLineEndings("\n") + "\n";
}
