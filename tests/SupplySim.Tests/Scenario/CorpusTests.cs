using System.Globalization;
using System.Text.RegularExpressions;
using NUnit.Framework;
using SupplySim.Model;
using SupplySim.Scenario;

namespace SupplySim.Tests.Scenario;

/// <summary>
/// File-based diagnostics corpus: each <c>Corpus/invalid/*.yaml</c> starts with <c># expect: SSxxxx at LINE:COL</c>
/// lines, and every shipped <c>scenarios/**/*.yaml</c> (except sweep inputs) must compile cleanly. The corpus is found
/// at run time from the solution folder, so the test project needs no content items.
/// </summary>
[TestFixture]
internal sealed partial class CorpusTests
{
    [GeneratedRegex(@"^#\s*expect:\s*(SS\d{4})\s+at\s+(\d+):(\d+)\s*$")]
    private static partial Regex ExpectLine();

    private static IEnumerable<TestCaseData> InvalidFiles() =>
        Directory.EnumerateFiles(Path.Combine(CorpusDirectory(), "invalid"), "*.yaml")
            .Order(StringComparer.Ordinal)
            .Select(path => new TestCaseData(path).SetName(Path.GetFileName(path)));

    private static IEnumerable<TestCaseData> ShippedScenarios()
    {
        string scenarios = Path.Combine(RepositoryRoot(), "scenarios");
        return Directory.EnumerateFiles(scenarios, "*.yaml", SearchOption.AllDirectories)
            .Where(path => !Path.GetRelativePath(scenarios, path).Split(Path.DirectorySeparatorChar).Contains("sweeps"))
            .Order(StringComparer.Ordinal)
            .Select(path => new TestCaseData(path)
                .SetName($"Compile_ShippedScenario_HasNoErrors({Path.GetRelativePath(scenarios, path)})"));
    }

    [TestCaseSource(nameof(InvalidFiles))]
    public void Compile_InvalidCorpusFile_ReportsExpectedErrorsAndReturnsNull(string path)
    {
        var expected = ExpectedDiagnostics(path);

        var (model, diagnostics) = LoadAndCompile(path);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(expected, Is.Not.Empty, "the first line must be '# expect: SSxxxx at LINE:COL'");
            Assert.That(TestScenario.Errors(diagnostics), Is.SupersetOf(expected),
                string.Join("\n", diagnostics.Items));
            Assert.That(diagnostics.Items.Select(d => d.Location.File), Is.All.EqualTo(path));
            Assert.That(model, Is.Null);
        }
    }

    [Test]
    public void Compile_MinimalValidCorpusFile_ReportsNothing()
    {
        string path = Path.Combine(CorpusDirectory(), "valid", "minimal.yaml");

        var (model, diagnostics) = LoadAndCompile(path);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(diagnostics.Items, Is.Empty);
            Assert.That(model, Is.Not.Null);
            Assert.That(model?.Network.NodeIds,
                Is.EqualTo(new[] { "mine", "refinery", "trader", "reserve", "factory" }));
            Assert.That(model?.Scenarios.Select(s => s.Id), Is.EqualTo(new[] { "baseline", "ban" }));
        }
    }

    [Test]
    public void Compile_ValidMarketsCorpusFile_TwoMarketsAndTheSectorsElasticity()
    {
        string path = Path.Combine(CorpusDirectory(), "valid", "markets.yaml");

        var (model, diagnostics) = LoadAndCompile(path);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(diagnostics.Items, Is.Empty);
            Assert.That(model?.Network.Markets.Names, Is.EqualTo(new[] { "inside-CN", "outside-CN" }));
            int factory = model!.Network.NodeIds.ToList().IndexOf("factory"), metal = model.Network.MaterialIds.ToList().IndexOf("metal");
            int holding = (factory * model.Network.MaterialCount) + metal;
            Assert.That(model.Network.Markets.HoldingMarket[holding], Is.EqualTo(1), "a US buyer is outside the exporter");
            Assert.That(model.Network.Markets.HoldingElasticityParam[holding], Is.GreaterThanOrEqualTo(0));
        }
    }

    [TestCaseSource(nameof(ShippedScenarios))]
    public void Compile_ShippedScenario_HasNoErrors(string path)
    {
        var (model, diagnostics) = LoadAndCompile(path);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(diagnostics.Items.Where(d => d.Severity == Severity.Error), Is.Empty);
            Assert.That(model, Is.Not.Null);
        }
    }

    [Test]
    public void ShippedScenarios_FolderHoldsAtLeastOneFile() =>
        Assert.That(ShippedScenarios(), Is.Not.Empty);

    private static (CompiledModel? Model, DiagnosticBag Diagnostics) LoadAndCompile(string path)
    {
        var diagnostics = new DiagnosticBag();
        var document = ScenarioLoader.LoadFile(path, diagnostics);
        var model = document is null ? null : NetworkCompiler.Compile(document, diagnostics);
        // As every verb does: the decision sections are checked against the compiled network when the file has them.
        if (model is not null && (document!.Levers.Count > 0 || document.Objectives is not null)
            && SupplySim.Decisions.DecisionCompiler.Compile(document, model, diagnostics) is null)
        {
            model = null;
        }

        return (model, diagnostics);
    }

    /// <summary>The (code, line, column) triples of the leading <c># expect:</c> comment lines.</summary>
    private static List<(string Code, int Line, int Column)> ExpectedDiagnostics(string path) =>
        [.. File.ReadLines(path)
            .Select(line => ExpectLine().Match(line))
            .TakeWhile(match => match.Success)
            .Select(match => (match.Groups[1].Value,
                int.Parse(match.Groups[2].Value, CultureInfo.InvariantCulture),
                int.Parse(match.Groups[3].Value, CultureInfo.InvariantCulture)))];

    private static string CorpusDirectory() => Path.Combine(RepositoryRoot(), "tests", "SupplySim.Tests", "Corpus");

    /// <summary>The nearest folder above the test binaries that holds <c>SupplySim.sln</c>.</summary>
    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(TestContext.CurrentContext.TestDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "SupplySim.sln")))
            {
                return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException(
            $"no SupplySim.sln above '{TestContext.CurrentContext.TestDirectory}'; the corpus lives beside it");
    }
}
