using System.Globalization;
using System.Text.RegularExpressions;
using NUnit.Framework;
using SupplySim.Scenario;
using SupplySim.Sweeps;
using SupplySim.Tests.Support;

namespace SupplySim.Tests.Sweeps;

/// <summary>
/// File-based sweep diagnostics: each <c>Corpus/invalid-sweeps/*.yaml</c> is the valid minimal sweep with one mistake
/// and starts with <c># expect: SSxxxx at LINE:COL</c>.
/// </summary>
[TestFixture]
internal sealed partial class SweepCorpusTests
{
    [GeneratedRegex(@"^#\s*expect:\s*(SS\d{4})\s+at\s+(\d+):(\d+)\s*$")]
    private static partial Regex ExpectLine();

    private static string Corpus => Path.Combine(TestModels.RepoRoot(), "tests", "SupplySim.Tests", "Corpus");

    private static IEnumerable<TestCaseData> InvalidSweeps() =>
        Directory.EnumerateFiles(Path.Combine(Corpus, "invalid-sweeps"), "*.yaml")
            .Order(StringComparer.Ordinal)
            .Select(path => new TestCaseData(path).SetName(Path.GetFileName(path)));

    [TestCaseSource(nameof(InvalidSweeps))]
    public void Load_InvalidSweepFile_ReportsExpectedErrorAndReturnsNull(string path)
    {
        var match = ExpectLine().Match(File.ReadLines(path).First());
        Assert.That(match.Success, Is.True, "the first line must be '# expect: SSxxxx at LINE:COL'");
        var expected = (match.Groups[1].Value, int.Parse(match.Groups[2].Value, CultureInfo.InvariantCulture),
            int.Parse(match.Groups[3].Value, CultureInfo.InvariantCulture));
        var diagnostics = new DiagnosticBag();
        var plan = SweepLoader.LoadFile(path, diagnostics);
        var errors = diagnostics.Items.Where(d => d.Severity == Severity.Error).Select(d => (d.Code, d.Location.Line, d.Location.Column));
        using (Assert.EnterMultipleScope())
        {
            Assert.That(errors, Does.Contain(expected), string.Join("\n", diagnostics.Items));
            Assert.That(plan, Is.Null);
        }
    }

    [Test]
    public void Load_MinimalValidSweep_ReportsNothing()
    {
        var diagnostics = new DiagnosticBag();
        var plan = SweepLoader.LoadFile(Path.Combine(Corpus, "valid-sweeps", "minimal-sweep.yaml"), diagnostics);
        Assert.That(diagnostics.Items, Is.Empty);
        Assert.That(plan, Is.Not.Null);
    }
}
