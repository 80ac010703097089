using System.Globalization;
using System.Text;
using System.Text.Json;
using NUnit.Framework;
using static SupplySim.Tests.Support.CliRunner;

namespace SupplySim.Tests.Decisions;

/// <summary><c>supplysim discover</c> on a sweep's result table: the box, the files, and bad input.</summary>
[TestFixture]
internal sealed class DiscoverCommandTests
{
    private string _folder = "";

    [SetUp]
    public void CreateFolder() => _folder = Directory.CreateTempSubdirectory("supplysim-discover-").FullName;

    [TearDown]
    public void RemoveFolder() => Directory.Delete(_folder, recursive: true);

    /// <summary>A results.csv as a sweep writes it: the output is high where leak &gt; 0.7 and approval &lt; 0.3, low elsewhere.</summary>
    private void WriteResults()
    {
        var random = new Random(4);
        var csv = new StringBuilder("point,leak,approval,output,metric,entity,material,statistic,value,baseline\n");
        for (int point = 0; point < 2000; point++)
        {
            double leak = random.NextDouble(), approval = random.NextDouble();
            double value = leak > 0.7 && approval < 0.3 ? 0.4 + (0.1 * random.NextDouble()) : 0.1 * random.NextDouble();
            csv.Append(string.Create(CultureInfo.InvariantCulture,
                $"{point},{leak:R},{approval:R},\"shortage_fraction:defense:ndfeb:mean\",shortage_fraction,defense,ndfeb,mean,{value:R},0\n"));
        }

        File.WriteAllText(Path.Combine(_folder, "results.csv"), csv.ToString());
    }

    [Test]
    public void Discover_SweepResults_FindsTheBoxAndWritesJsonAndHtml()
    {
        WriteResults();
        var (code, stdout, stderr) = Execute("discover", _folder, "--output", "shortage_fraction:defense:ndfeb:mean", "--above", "0.2");
        Assert.That(code, Is.Zero, stderr);
        using var json = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(_folder, "discovery.json")));
        var box = json.RootElement.GetProperty("box");
        var restricted = box.GetProperty("restricted").EnumerateArray().ToDictionary(r => r.GetProperty("parameter").GetString()!);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(json.RootElement.GetProperty("schema").GetString(), Is.EqualTo("supplysim.discovery/1"));
            Assert.That(restricted["leak"].GetProperty("lower").GetDouble(), Is.EqualTo(0.7).Within(0.05));
            Assert.That(restricted["approval"].GetProperty("upper").GetDouble(), Is.EqualTo(0.3).Within(0.05));
            Assert.That(box.GetProperty("density").GetDouble(), Is.GreaterThanOrEqualTo(0.9));
            Assert.That(stdout, Does.Contain("leak in [").And.Contain("approval in ["));
            Assert.That(File.ReadAllText(Path.Combine(_folder, "discovery.html")), Does.Contain("Peeling trajectory").And.Contain("<svg"));
        }
    }

    [Test]
    public void Discover_UnknownOutputOrNoCaseAboveOrNoSweep_ExitsTwoAndWritesNothing()
    {
        WriteResults();
        var unknown = Execute("discover", _folder, "--output", "shortage_fraction:defense:ndfeb:maen", "--above", "0.2");
        var none = Execute("discover", _folder, "--output", "shortage_fraction:defense:ndfeb:mean", "--above", "5");
        var empty = Execute("discover", Path.Combine(_folder, "nothing"), "--output", "x", "--above", "1");
        var usage = Execute("discover", _folder, "--output", "x");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(unknown.Code, Is.EqualTo(2));
            Assert.That(unknown.Stderr, Does.Contain("did you mean 'shortage_fraction:defense:ndfeb:mean'"));
            Assert.That(none.Code, Is.EqualTo(2));
            Assert.That(none.Stderr, Does.Contain("no point of the sweep has"));
            Assert.That(empty.Code, Is.EqualTo(2));
            Assert.That(empty.Stderr, Does.Contain("no results.csv"));
            Assert.That(usage.Code, Is.EqualTo(2));
            Assert.That(usage.Stderr, Does.Contain("--above X"));
            Assert.That(File.Exists(Path.Combine(_folder, "discovery.json")), Is.False);
        }
    }
}
