using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using NUnit.Framework;
using SupplySim.Model;
using SupplySim.Reporting;
using SupplySim.Scenario;
using SupplySim.Simulation;
using SupplySim.Tests.Support;

namespace SupplySim.Tests.Robustness;

/// <summary>
/// Mutation fuzzing: every shipped scenario (and the minimal corpus network) edited at random, thousands of times
/// over fixed seeds. Each mutant must either compile and run two trials of its baseline through to summary.json,
/// or be refused with errors positioned inside the mutant's own text; never an exception or a hang. A failure
/// names the seed, the mutant index and its edits, and leaves the mutant in the test's work folder.
/// </summary>
[TestFixture]
internal sealed partial class MutationFuzzTests
{
    private const int MutantsPerCase = 150;
    private const int MaxRunsPerCase = 20;
    private const string MutantName = "mutant.yaml";
    private static readonly TimeSpan MutantTimeout = TimeSpan.FromSeconds(20);
    private static readonly ulong[] Seeds = [20250101, 20250102, 20250103, 20250104];

    private enum Outcome
    {
        Refused,
        Ran,
        ValidNotRun,
    }

    private static IEnumerable<TestCaseData> Cases()
    {
        var files = TestModels.ShippedScenarioFiles()
            .Append(Path.Combine(TestModels.RepoRoot(), "tests", "SupplySim.Tests", "Corpus", "valid", "minimal.yaml"))
            .Append(Path.Combine(TestModels.RepoRoot(), "tests", "SupplySim.Tests", "Corpus", "valid", "markets.yaml"));
        foreach (string file in files)
        {
            foreach (ulong seed in Seeds)
            {
                yield return new TestCaseData(file, seed)
                    .SetName($"Mutants_Seed{seed}_RunOrReportPositionedErrors({Path.GetFileName(file)})");
            }
        }
    }

    [TestCaseSource(nameof(Cases))]
    public void Mutants_Seed_RunOrReportPositionedErrors(string file, ulong seed)
    {
        string original = File.ReadAllText(file);
        var failures = new List<string>();
        var outcomes = new Dictionary<Outcome, int>();
        int runs = 0;
        for (int index = 0; index < MutantsPerCase; index++)
        {
            var (mutant, edits) = ScenarioMutator.Mutate(original, seed, index);
            bool mayRun = runs < MaxRunsPerCase;
            var check = Task.Run(() => Check(mutant, mayRun));
            string? failure = null;
            try
            {
                if (check.Wait(MutantTimeout))
                {
                    outcomes[check.Result] = outcomes.GetValueOrDefault(check.Result) + 1;
                    runs += check.Result == Outcome.Ran ? 1 : 0;
                }
                else
                {
                    failure = $"no answer within {MutantTimeout.TotalSeconds} s";
                }
            }
            catch (AggregateException ex)
            {
                failure = ex.InnerException?.ToString() ?? ex.ToString();
            }

            if (failure is not null)
            {
                failures.Add($"seed {seed} mutant {index} ({edits}), saved as {Save(file, seed, index, mutant)}:\n{failure}");
            }
        }

        TestContext.Out.WriteLine($"{Path.GetFileName(file)} seed {seed}: " +
                                  string.Join(", ", outcomes.OrderBy(o => o.Key).Select(o => $"{o.Key} {o.Value}")));
        using (Assert.EnterMultipleScope())
        {
            Assert.That(failures, Is.Empty, string.Join("\n\n", failures.Take(5)));
            Assert.That(outcomes.GetValueOrDefault(Outcome.Refused), Is.Positive, "no mutant was refused: the edits do nothing");
        }
    }

    /// <summary>Loads and compiles; a valid mutant runs two trials of its baseline and writes its summary.</summary>
    private static Outcome Check(string text, bool mayRun)
    {
        var diagnostics = new DiagnosticBag();
        var document = ScenarioLoader.Load(text, MutantName, diagnostics);
        var model = document is null ? null : NetworkCompiler.Compile(document, diagnostics);
        if (model is null)
        {
            AssertRefusedWithPositions(text, diagnostics);
            return Outcome.Refused;
        }

        Assert.That(diagnostics.HasErrors, Is.False, "a model was compiled despite errors");
        if (!mayRun)
        {
            return Outcome.ValidNotRun;
        }

        var result = MonteCarlo.Run(model, model.Scenarios[0], new MonteCarloOptions(2, 1, 1));
        var report = new RunReport(model, 1, [result]);
        using var summary = new MemoryStream();
        SummaryJsonWriter.Write(report, summary);
        Assert.That(Encoding.UTF8.GetString(summary.ToArray()), Does.Not.Contain("NaN").And.Not.Contain("Infinity"));
        return Outcome.Ran;
    }

    /// <summary>The line breaks YAML (as YamlDotNet reads it) counts: positions are lines of this split.</summary>
    [GeneratedRegex("\r\n|[\r\n\u0085\u2028\u2029]")]
    private static partial Regex LineBreak();

    private static void AssertRefusedWithPositions(string text, DiagnosticBag diagnostics)
    {
        string[] lines = LineBreak().Split(text);
        Assert.That(diagnostics.HasErrors, Is.True, "no model and no error");
        foreach (var diagnostic in diagnostics.Items)
        {
            var at = diagnostic.Location;
            Assert.That(at.File, Is.EqualTo(MutantName), diagnostic.ToString());
            Assert.That(at.Line, Is.InRange(1, lines.Length), diagnostic.ToString());
            Assert.That(at.Column, Is.InRange(1, lines[at.Line - 1].Length + 1), diagnostic.ToString());
        }
    }

    private static string Save(string file, ulong seed, int index, string mutant)
    {
        string path = Path.Combine(TestContext.CurrentContext.WorkDirectory, "fuzz-failures",
            string.Create(CultureInfo.InvariantCulture, $"{Path.GetFileNameWithoutExtension(file)}-{seed}-{index}.yaml"));
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, mutant);
        return path;
    }
}
