using NUnit.Framework;
using SupplySim.Scenario;
using YamlDotNet.Core;

namespace SupplySim.Tests.Scenario;

/// <summary>
/// Key lookup in a mapping reads the same whether the mapping is small (scanned) or large (indexed): every key
/// found, missing and unknown keys reported at their place in the order written, duplicates reported once.
/// </summary>
[TestFixture]
internal sealed class YamlMapReaderTests
{
    private const string File = "map.yaml";

    private static (YamlMapReader Reader, DiagnosticBag Diagnostics) Read(string yaml)
    {
        var root = (YamlMapping)YamlTreeBuilder.Load(new Parser(new StringReader(yaml))).Single();
        var diagnostics = new DiagnosticBag();
        return (new YamlMapReader(root, File, diagnostics), diagnostics);
    }

    private static string Keys(int count) => string.Concat(Enumerable.Range(0, count).Select(i => $"k{i}: v{i}\n"));

    [TestCase(3)]
    [TestCase(40)]
    public void Lookup_FindsEveryKeyAndReportsMissingAndUnknownOnesWhereTheyAre(int count)
    {
        var (reader, diagnostics) = Read(Keys(count));
        var allowed = Enumerable.Range(0, count).Where(i => i != 1).Select(i => $"k{i}").Append("absent").ToArray();

        using (Assert.EnterMultipleScope())
        {
            for (int i = 0; i < count; i++)
            {
                Assert.That(reader.Has($"k{i}"), Is.True);
                Assert.That(reader.String($"k{i}")?.Value, Is.EqualTo($"v{i}"));
                Assert.That(reader.KeyLocation($"k{i}"), Is.EqualTo(new SourceLocation(File, i + 1, 1)));
            }

            Assert.That(reader.Has("absent"), Is.False);
            Assert.That(reader.Node("absent", required: true), Is.Null);
            reader.ReportUnknownKeys(allowed, "the test map");
            Assert.That(diagnostics.Items.Select(d => (d.Code, d.Location)), Is.EqualTo(new[]
            {
                ("SS0003", new SourceLocation(File, 1, 1)),
                ("SS0004", new SourceLocation(File, 2, 1)),
            }));
        }
    }

    [TestCase(0)]
    [TestCase(40)]
    public void ComplexKeysPrintingAlike_AreOneDuplicateAtTheSecond_AndTheFirstIsKept(int padding)
    {
        var (reader, diagnostics) = Read(Keys(padding) + "? [a, b]\n: first\n? [a, b]\n: second\n");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(diagnostics.Items.Select(d => (d.Code, d.Location.Line)), Is.EqualTo(new[] { ("SS0005", padding + 3) }));
            Assert.That(reader.String("[ a, b ]")?.Value, Is.EqualTo("first"));
        }
    }
}
