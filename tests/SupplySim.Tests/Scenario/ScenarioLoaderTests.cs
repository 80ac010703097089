using System.Text;
using NUnit.Framework;
using SupplySim.Scenario;

namespace SupplySim.Tests.Scenario;

[TestFixture]
internal sealed class ScenarioLoaderTests
{
    [TestCase(11, "    capacity: 10 tonnes/yr", "SS0007", 11, 15, TestName = "Load_UnknownRateUnit_SS0007")]
    [TestCase(11, "    capacity: 1000", "SS0007", 11, 15, TestName = "Load_RateWithoutUnit_SS0007")]
    [TestCase(3, "horizon: 365 days", "SS0007", 3, 10, TestName = "Load_UnknownDurationUnit_SS0007")]
    [TestCase(11, "    capacity: 1e999 t/yr", "SS0006", 11, 15, TestName = "Load_InfiniteCapacity_SS0006")]
    [TestCase(11, "    capacity: [1000 t/yr]", "SS0002", 11, 15, TestName = "Load_CapacityIsList_SS0002")]
    [TestCase(1, "name: [a, b]", "SS0002", 1, 7, TestName = "Load_NameIsList_SS0002")]
    [TestCase(5, "  ore: gold", "SS0002", 5, 3, TestName = "Load_MaterialsIsMapping_SS0002")]
    [TestCase(5, "  - ore", "SS0002", 5, 5, TestName = "Load_MaterialEntryIsScalar_SS0002")]
    [TestCase(2, "start: 2024-02-30", "SS0008", 2, 8, TestName = "Load_ImpossibleDate_SS0008")]
    [TestCase(2, "start: 2024/01/01", "SS0008", 2, 8, TestName = "Load_DateWithSlashes_SS0008")]
    [TestCase(8, "    kind: refiner", "SS0009", 8, 11, TestName = "Load_UnknownNodeKind_SS0009")]
    [TestCase(20, "    lead_time: {dist: gauss, min: 1d, max: 2d}", "SS0009", 20, 23,
        TestName = "Load_UnknownDistribution_SS0009")]
    [TestCase(15, "    coupled: maybe", "SS0012", 15, 14, TestName = "Load_CoupledNotBoolean_SS0012")]
    [TestCase(11, "    capacty: 1000 t/yr", "SS0004", 11, 5, TestName = "Load_MisspeltNodeKey_SS0004")]
    [TestCase(11, "    capacty: 1000 t/yr", "SS0003", 7, 5, TestName = "Load_MisspeltRequiredKey_SS0003AtNode")]
    [TestCase(3, "horizn: 365d", "SS0004", 3, 1, TestName = "Load_MisspeltRootKey_SS0004")]
    [TestCase(3, "horizn: 365d", "SS0003", 1, 1, TestName = "Load_NoHorizonOrEnd_SS0003AtRoot")]
    [TestCase(1, "nam: test", "SS0003", 1, 1, TestName = "Load_MissingName_SS0003")]
    [TestCase(20, "    lead_time: {dist: uniform, min: 5d}", "SS0003", 20, 16,
        TestName = "Load_UniformWithoutMax_SS0003")]
    [TestCase(20, "    lead_time: {dist: uniform, min: 5d, max: 9d, mode: 6d}", "SS0004", 20, 50,
        TestName = "Load_ModeOnUniform_SS0004")]
    [TestCase(3, "horizon: 365d\nseed: -3", "SS0006", 4, 7, TestName = "Load_NegativeSeed_SS0006")]
    [TestCase(3, "horizon: 365d\nseed: 7.5", "SS0006", 4, 7, TestName = "Load_FractionalSeed_SS0006")]
    [TestCase(20, "    lead_time: 10d\n    share: .nan", "SS0006", 21, 12, TestName = "Load_NanShare_SS0006")]
    [TestCase(20, "    lead_time: 10d\n    share: 1 t", "SS0007", 21, 12, TestName = "Load_UnitOnPlainNumber_SS0007")]
    [TestCase(9, "     country: AU", "SS0001", 9, 13, TestName = "Load_MisindentedKey_SS0001")]
    public void Load_OneBadLine_ReportsCodeAtPosition(int line, string text, string code, int atLine, int atColumn)
    {
        var (_, diagnostics) = TestScenario.Load(TestScenario.WithLine(line, text));

        Assert.That(TestScenario.Errors(diagnostics), Does.Contain((code, atLine, atColumn)));
    }

    [TestCase("", TestName = "Load_EmptyText_SS0002At1x1")]
    [TestCase("# only a comment\n", TestName = "Load_CommentOnly_SS0002At1x1")]
    [TestCase("- name: test\n", TestName = "Load_RootIsList_SS0002At1x1")]
    [TestCase("just words\n", TestName = "Load_RootIsScalar_SS0002At1x1")]
    public void Load_NotAMapping_ReportsShapeErrorAtStart(string yaml)
    {
        var (document, diagnostics) = TestScenario.Load(yaml);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(document, Is.Null);
            Assert.That(TestScenario.Errors(diagnostics), Is.EqualTo(new[] { ("SS0002", 1, 1) }));
        }
    }

    [Test]
    public void Load_UnclosedFlowMappingAtEnd_SS0001()
    {
        var (document, diagnostics) = TestScenario.Load("name: test\ninputs: {ore: 2\n");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(document, Is.Null);
            Assert.That(TestScenario.Errors(diagnostics), Is.EqualTo(new[] { ("SS0001", 3, 1) }));
        }
    }

    [Test]
    public void Load_SecondDocument_SS0002AtSecondRoot()
    {
        var (_, diagnostics) = TestScenario.Load(TestScenario.Base + "---\nname: other\n");

        Assert.That(TestScenario.Errors(diagnostics), Is.EqualTo(new[] { ("SS0002", 22, 1) }));
    }

    [Test]
    public void Load_BaseScenario_ReadsValuesInInternalUnits()
    {
        var (document, diagnostics) = TestScenario.Load(TestScenario.Base);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(diagnostics.Items, Is.Empty);
            Assert.That(document?.Name?.Value, Is.EqualTo("test"));
            Assert.That(document?.Start?.Value, Is.EqualTo(new DateOnly(2024, 1, 1)));
            Assert.That(document?.HorizonDays?.Value, Is.EqualTo(365.0));
            Assert.That(document?.Nodes.Select(n => n.Id?.Value), Is.EqualTo(new[] { "mine", "plant" }));
            Assert.That(document?.Nodes[0].Capacity?.Parameters["value"], Is.EqualTo(1000.0 / 365).Within(1e-12));
            Assert.That(document?.Lanes[0].LeadTime?.Parameters["value"], Is.EqualTo(10.0));
            Assert.That(document?.Nodes[1].Location, Is.EqualTo(new SourceLocation(TestScenario.FileName, 12, 5)));
        }
    }

    [Test]
    public void LoadFile_Directory_SS0010At1x1()
    {
        string directory = Directory.CreateTempSubdirectory("supplysim-").FullName;
        try
        {
            var diagnostics = new DiagnosticBag();

            var document = ScenarioLoader.LoadFile(directory, diagnostics);

            using (Assert.EnterMultipleScope())
            {
                Assert.That(document, Is.Null);
                Assert.That(diagnostics.Items.Select(d => (d.Code, d.Location)),
                    Is.EqualTo(new[] { ("SS0010", new SourceLocation(directory, 1, 1)) }));
            }
        }
        finally
        {
            Directory.Delete(directory);
        }
    }

    [Test]
    public void LoadFile_InvalidUtf8_SS0010At1x1()
    {
        string path = Path.GetTempFileName();
        try
        {
            File.WriteAllBytes(path, [.. Encoding.ASCII.GetBytes("name: caf"), 0xE9, (byte)'\n']);
            var diagnostics = new DiagnosticBag();

            var document = ScenarioLoader.LoadFile(path, diagnostics);

            using (Assert.EnterMultipleScope())
            {
                Assert.That(document, Is.Null);
                Assert.That(TestScenario.Errors(diagnostics), Is.EqualTo(new[] { ("SS0010", 1, 1) }));
            }
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Test]
    public void LoadFile_LargerThanLimit_SS0010At1x1()
    {
        string path = Path.GetTempFileName();
        try
        {
            using (var stream = File.OpenWrite(path))
            {
                stream.SetLength(ScenarioLoader.MaxFileBytes + 1);
            }

            var diagnostics = new DiagnosticBag();

            var document = ScenarioLoader.LoadFile(path, diagnostics);

            using (Assert.EnterMultipleScope())
            {
                Assert.That(document, Is.Null);
                Assert.That(TestScenario.Errors(diagnostics), Is.EqualTo(new[] { ("SS0010", 1, 1) }));
            }
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Test]
    public void LoadFile_MissingFile_ThrowsIOException() =>
        Assert.That(
            () => ScenarioLoader.LoadFile(Path.Combine(Path.GetTempPath(), $"missing-{Guid.NewGuid():N}.yaml"), new()),
            Throws.InstanceOf<IOException>());
}
