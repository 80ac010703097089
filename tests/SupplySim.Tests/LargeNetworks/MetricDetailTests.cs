using NUnit.Framework;
using SupplySim.Cli;
using SupplySim.Bench;
using SupplySim.Simulation;
using SupplySim.Tests.Support;

namespace SupplySim.Tests.LargeNetworks;

/// <summary>A run keeps the columns its detail asks for, with the values a full run gives them.</summary>
[TestFixture]
internal sealed class MetricDetailTests
{
    private static readonly string ShippedFile = Path.Combine(TestModels.RepoRoot(), "scenarios", "critical-minerals.yaml");

    [TestCase(MetricDetail.Sectors)]
    [TestCase(MetricDetail.Consumers)]
    public void Run_WithDetail_KeepsOnlyItsKinds_WithTheFullRunsValues(MetricDetail detail)
    {
        var model = TestModels.CompileFile(ShippedFile);
        var scenario = model.Find("combined")!;
        var full = MonteCarlo.Run(model, scenario, new MonteCarloOptions(16, 7));
        var kept = MonteCarlo.Run(model, scenario, new MonteCarloOptions(16, 7) { Detail = detail });

        var expected = full.Layout.Columns.Where(c => detail.Keeps(c.Kind)).ToList();
        Assert.That(kept.Layout.Columns, Is.EqualTo(expected));
        Assert.That(kept.Layout.Columns.Any(c => c.Kind == EntityKind.Lane || c.Kind == EntityKind.Producer), Is.False);
        Assert.That(kept.Layout.Columns.Any(c => c.Kind == EntityKind.Consumer), Is.EqualTo(detail == MetricDetail.Consumers));
        Assert.That(kept.Layout.CommonColumnCount, Is.EqualTo(expected.Count(c => c.Kind != EntityKind.Control)));
        for (int c = 0; c < kept.Layout.Width; c++)
        {
            int source = full.Layout.Columns.ToList().IndexOf(kept.Layout.Columns[c]);
            Assert.That(kept.Column(c).ToArray(), Is.EqualTo(full.Column(source).ToArray()), kept.Layout.Columns[c].ToString());
        }
    }

    [Test]
    public void Auto_KeepsEverythingForTheShippedFile_AndSectorsForWideRows()
    {
        var model = TestModels.CompileFile(ShippedFile);
        var layout = new MetricLayout(model.Network, model.Scenarios[0]);
        Assert.That(layout.Width, Is.LessThanOrEqualTo(MetricDetails.AutoAllColumns));
        Assert.That(MetricDetails.Auto(layout), Is.EqualTo(MetricDetail.All));
        var tiled = TestModels.Compile(RegionalCopies.Generate(File.ReadAllText(ShippedFile), 8));
        var wide = new MetricLayout(tiled.Network, tiled.Scenarios[0]);
        Assert.That(wide.Width, Is.GreaterThan(MetricDetails.AutoAllColumns));
        Assert.That(MetricDetails.Auto(wide), Is.EqualTo(MetricDetail.Sectors));
    }

    [Test]
    public void RunCommand_DetailSectors_WritesNoEntityColumns_AndABadLevelIsAUsageError()
    {
        string dir = Directory.CreateTempSubdirectory("supplysim-detail-").FullName;
        try
        {
            var stdout = new StringWriter();
            var stderr = new StringWriter();
            int code = Commands.Execute(["run", ShippedFile, "--trials", "8", "--detail", "sectors", "--out", dir], stdout, stderr);
            Assert.That(code, Is.Zero, stderr.ToString());
            var kinds = File.ReadLines(Path.Combine(dir, "trials.csv")).Skip(1).Select(line => line.Split(',')[2]).ToHashSet();
            string summary = File.ReadAllText(Path.Combine(dir, "summary.json"));
            using (Assert.EnterMultipleScope())
            {
                Assert.That(kinds, Does.Contain("sector"));
                Assert.That(kinds, Does.Not.Contain("consumer").And.Not.Contain("lane").And.Not.Contain("producer"));
                Assert.That(summary, Does.Not.Contain("\"us-defense-primes\""), "no consumer entries");
            }

            int bad = Commands.Execute(["run", ShippedFile, "--trials", "8", "--detail", "lanes", "--out", dir], new StringWriter(), stderr = new StringWriter());
            Assert.That(bad, Is.EqualTo(ExitCodes.UsageOrIo));
            Assert.That(stderr.ToString(), Does.Contain("--detail must be sectors, consumers or all, was 'lanes'"));
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Test]
    public void RunCommand_ReportWithDetailSectors_DrawsLaneFlowsFromColumnMeans()
    {
        string dir = Directory.CreateTempSubdirectory("supplysim-detail-report-").FullName;
        try
        {
            var stderr = new StringWriter();
            string report = Path.Combine(dir, "report.html");
            int code = Commands.Execute(["run", ShippedFile, "--trials", "8", "--detail", "sectors", "--out", dir, "--report", report], new StringWriter(), stderr);

            Assert.That(code, Is.Zero, stderr.ToString());
            string html = File.ReadAllText(report);
            using (Assert.EnterMultipleScope())
            {
                Assert.That(html, Does.Contain("<table class=\"lanes\">"), "the lanes the focus scenario changes most");
                Assert.That(html, Does.Contain("class=\"network\""));
                Assert.That(File.ReadAllText(Path.Combine(dir, "summary.json")), Does.Not.Contain("\"us-defense-primes\""), "still no consumer entries");
            }
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
