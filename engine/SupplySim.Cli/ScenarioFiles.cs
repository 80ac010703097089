using System.Diagnostics.CodeAnalysis;
using SupplySim.Model;
using SupplySim.Scenario;

namespace SupplySim.Cli;

/// <summary>Loading and compiling a scenario file with diagnostics on stderr.</summary>
internal static class ScenarioFiles
{
    public const string DefaultScenario = "scenarios/critical-minerals.yaml";

    public const string DefaultHistory = "scenarios/history-2023-2025.yaml";

    /// <summary>A shipped scenario, looked up from the current folder and then from the program's folder upwards.</summary>
    public static string DefaultPath(string relative = DefaultScenario)
    {
        foreach (string start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                string candidate = Path.Combine(dir.FullName, relative);
                if (File.Exists(candidate))
                {
                    return Path.GetRelativePath(Directory.GetCurrentDirectory(), candidate);
                }
            }
        }

        return relative;
    }

    /// <summary>
    /// Loads and compiles <paramref name="path"/> for a verb. On failure <paramref name="exitCode"/> is
    /// <see cref="ExitCodes.UsageOrIo"/> when the file does not exist and <see cref="ExitCodes.InvalidScenario"/> when
    /// it does not compile (diagnostics on stderr).
    /// </summary>
    public static bool TryCompile(string path, TextWriter stderr, [NotNullWhen(true)] out CompiledModel? model, out int exitCode)
    {
        model = null;
        exitCode = ExitCodes.UsageOrIo;
        if (!File.Exists(path) && !Directory.Exists(path))
        {
            stderr.WriteLine($"error: no such file '{path}'");
            return false;
        }

        model = Compile(path, stderr);
        exitCode = model is null ? ExitCodes.InvalidScenario : ExitCodes.Ok;
        return model is not null;
    }

    /// <summary>Loads and compiles; prints diagnostics (errors and warnings) to stderr. Null when invalid.</summary>
    public static CompiledModel? Compile(string path, TextWriter stderr) => CompileWithDecisions(path, stderr).Model;

    /// <summary>
    /// Loads <paramref name="path"/> and compiles its network and, when it has them, its decision sections
    /// (<c>levers:</c>, <c>objectives:</c>), so every verb reports their problems; diagnostics go to stderr.
    /// </summary>
    public static (CompiledModel? Model, Decisions.DecisionProblem? Problem) CompileWithDecisions(string path, TextWriter stderr, bool requireDecisions = false)
    {
        var diagnostics = new DiagnosticBag();
        var document = ScenarioLoader.LoadFile(path, diagnostics);
        // Unknown keys inside entries alone leave a complete, well-typed document (the key is ignored), so its meaning
        // is checked as well and both kinds of problem are reported at once. Any other loading error, or an unknown key
        // at the top of the file (a misspelt section such as 'scenarios', whose absence observations would then
        // report), would cascade into spurious ones. The compiler stops at its own errors, so it gets a bag of its own.
        bool onlyUnknownKeys = diagnostics.Items.Where(d => d.Severity == Severity.Error)
            .All(d => d.Code == "SS0004" && d.Location.Column > 1);
        CompiledModel? model = null;
        Decisions.DecisionProblem? problem = null;
        if (document is not null && onlyUnknownKeys)
        {
            var meaning = new DiagnosticBag();
            model = NetworkCompiler.Compile(document, meaning);
            if (model is not null && (requireDecisions || document.Levers.Count > 0 || document.Objectives is not null))
            {
                problem = Decisions.DecisionCompiler.Compile(document, model, meaning);
            }

            diagnostics.AddRange(meaning);
        }

        foreach (var diagnostic in diagnostics.Sorted())
        {
            stderr.WriteLine(diagnostic);
        }

        if (diagnostics.HasErrors)
        {
            int errors = diagnostics.Items.Count(d => d.Severity == Severity.Error);
            stderr.WriteLine($"{path}: {errors} error(s); nothing was run");
        }

        return diagnostics.HasErrors ? (null, null) : (model, problem);
    }
}
