using NUnit.Framework;
using SupplySim.Tests.Support;
using static SupplySim.Tests.Support.CliRunner;

namespace SupplySim.Tests.Cli;

/// <summary>
/// A run's folder holds one run's set: the optional files (parameters.csv, report-data.json, report.html) of an
/// earlier run are removed when a run that does not write them commits, so discover and report never pair them
/// with newer trials.
/// </summary>
[TestFixture]
internal sealed class RunCompanionFilesTests
{
    private string _out = "";

    [SetUp]
    public void CreateFolder() => _out = Directory.CreateTempSubdirectory("supplysim-companions-").FullName;

    [TearDown]
    public void RemoveFolder() => Directory.Delete(_out, recursive: true);

    private static string Minimal => Path.Combine(TestModels.RepoRoot(), "tests", "SupplySim.Tests", "Corpus", "valid", "minimal.yaml");

    [Test]
    public void Discover_AfterARunWithoutParameters_RefusesTheEarlierRunsParameters()
    {
        Assert.That(Execute("run", Minimal, "--trials", "20", "--seed", "1", "--parameters", "--out", _out).Code, Is.Zero);
        Assert.That(File.Exists(Path.Combine(_out, "parameters.csv")), Is.True);
        var (code, _, stderr) = Execute("run", Minimal, "--trials", "30", "--seed", "3", "--out", _out);
        Assert.That(code, Is.Zero, stderr);
        var (discovered, _, problem) = Execute("discover", _out, "--output", "shortage_fraction:factory:metal", "--scenario", "ban", "--above", "0.1");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(File.Exists(Path.Combine(_out, "parameters.csv")), Is.False);
            Assert.That(discovered, Is.EqualTo(2), problem);
            Assert.That(problem, Does.Contain("holds no parameters.csv"));
        }
    }

    [Test]
    public void Report_AfterARunWithoutReport_FindsNoEarlierReportData()
    {
        string html = Path.Combine(_out, "report.html");
        Assert.That(Execute("run", Minimal, "--trials", "10", "--seed", "1", "--out", _out, "--report", html).Code, Is.Zero);
        Assert.That(Execute("run", Minimal, "--trials", "10", "--seed", "2", "--out", _out).Code, Is.Zero);
        var (code, _, stderr) = Execute("report", _out);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(code, Is.EqualTo(2), stderr);
            Assert.That(stderr, Does.StartWith("error: no report-data.json in"));
            Assert.That(Directory.GetFiles(_out).Select(Path.GetFileName).Order(), Is.EqualTo(new[] { "summary.json", "summary.parquet", "trials.csv", "trials.parquet" }));
        }
    }

    [Test]
    public void Run_WithReportAndParameters_KeepsThem()
    {
        string html = Path.Combine(_out, "report.html");
        var (code, _, stderr) = Execute("run", Minimal, "--trials", "10", "--out", _out, "--report", html, "--parameters");
        Assert.That(code, Is.Zero, stderr);
        Assert.That(Directory.GetFiles(_out).Select(Path.GetFileName).Order(),
            Is.EqualTo(new[] { "parameters.csv", "report-data.json", "report.html", "summary.json", "summary.parquet", "trials.csv", "trials.parquet" }));
    }
}
