using SupplySim.Model;
using SupplySim.Scenario;

namespace SupplySim.Tests.Scenario;

/// <summary>
/// A small valid network for inline diagnostics tests, plus helpers that load and compile text. Tests put one mistake
/// into <see cref="Base"/> by replacing a whole line, so every reported position is a line number of this text.
/// </summary>
internal static class TestScenario
{
    public const string FileName = "test.yaml";

    /// <summary>Line numbers are part of the tests that use this text; append, never insert.</summary>
    public const string Base =
        "name: test\n" +                      // 1
        "start: 2024-01-01\n" +               // 2
        "horizon: 365d\n" +                   // 3
        "materials:\n" +                      // 4
        "  - id: ore\n" +                     // 5
        "nodes:\n" +                          // 6
        "  - id: mine\n" +                    // 7
        "    kind: producer\n" +              // 8
        "    country: AU\n" +                 // 9
        "    material: ore\n" +               // 10
        "    capacity: 1000 t/yr\n" +         // 11
        "  - id: plant\n" +                   // 12
        "    kind: consumer\n" +              // 13
        "    country: US\n" +                 // 14
        "    sector: industry\n" +            // 15
        "    demand: {ore: 100 t/yr}\n" +     // 16
        "lanes:\n" +                          // 17
        "  - from: mine\n" +                  // 18
        "    to: plant\n" +                   // 19
        "    lead_time: 10d\n";               // 20

    /// <summary>
    /// <see cref="Base"/> plus scenario <c>shock</c> (id at 22:9) with one event: its type on line 24 (value at
    /// column 15), then one line per further entry of <paramref name="eventLines"/> from line 25, keys at column 9.
    /// </summary>
    public static string WithEvent(params string[] eventLines) =>
        Base + "scenarios:\n  - id: shock\n    events:\n      - type: " + string.Join("\n        ", eventLines) + "\n";

    /// <summary><see cref="Base"/> with line <paramref name="line"/> (1-based) replaced by <paramref name="text"/>.
    /// </summary>
    public static string WithLine(int line, string text)
    {
        var lines = Base.Split('\n');
        lines[line - 1] = text;
        return string.Join('\n', lines);
    }

    /// <summary><see cref="Base"/> with the single occurrence of <paramref name="old"/> replaced.</summary>
    public static string Replace(string old, string replacement)
    {
        int at = Base.IndexOf(old, StringComparison.Ordinal);
        if (at < 0 || Base.IndexOf(old, at + 1, StringComparison.Ordinal) >= 0)
        {
            throw new ArgumentException($"'{old}' must occur exactly once in the base scenario", nameof(old));
        }

        return string.Concat(Base.AsSpan(0, at), replacement, Base.AsSpan(at + old.Length));
    }

    public static (ScenarioFileDocument? Document, DiagnosticBag Diagnostics) Load(string yaml)
    {
        var diagnostics = new DiagnosticBag();
        return (ScenarioLoader.Load(yaml, FileName, diagnostics), diagnostics);
    }

    public static (CompiledModel? Model, DiagnosticBag Diagnostics) Compile(string yaml)
    {
        var (document, diagnostics) = Load(yaml);
        return (document is null ? null : NetworkCompiler.Compile(document, diagnostics), diagnostics);
    }

    public static IEnumerable<(string Code, int Line, int Column)> Errors(DiagnosticBag diagnostics) =>
        diagnostics.Items.Where(d => d.Severity == Severity.Error)
            .Select(d => (d.Code, d.Location.Line, d.Location.Column));
}
