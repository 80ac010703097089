using NUnit.Framework;
using SupplySim.Cli;
using SupplySim.Reporting;

namespace SupplySim.Tests.Reporting.Html;

/// <summary>The report and graph verbs, called directly (independent of the verb table).</summary>
[TestFixture]
internal sealed class ReportCommandTests
{
    private string _out = "";

    [SetUp]
    public void CreateOutputFolder() => _out = Directory.CreateTempSubdirectory("supplysim-report-").FullName;

    [TearDown]
    public void RemoveOutputFolder() => Directory.Delete(_out, recursive: true);

    private static VerbArguments Arguments(params string[] positional)
    {
        var cli = new VerbArguments("report");
        cli.Positional.AddRange(positional);
        return cli;
    }

    private void WriteForRun(RunReport report, string reportPath)
    {
        using var files = new PendingFiles();
        ReportCommand.WriteForRun(report, _out, reportPath, null, files);
        files.Commit();
    }

    [Test]
    public void Execute_SavedRun_RerendersTheSameBytes()
    {
        var report = ReportFixtures.Run(ReportFixtures.Chain(), 8, 3);
        string first = Path.Combine(_out, "first.html");
        WriteForRun(report, first);
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        int code = ReportCommand.Execute(Arguments(_out), stdout, stderr);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(code, Is.Zero, stderr.ToString());
            Assert.That(File.ReadAllBytes(Path.Combine(_out, "report.html")), Is.EqualTo(File.ReadAllBytes(first)));
            Assert.That(Directory.GetFiles(_out, "*.tmp"), Is.Empty);
        }
    }

    [Test]
    public void Execute_FolderWithoutReportData_ExitsTwoAndSaysHowToMakeIt()
    {
        var stderr = new StringWriter();
        int code = ReportCommand.Execute(Arguments(_out), TextWriter.Null, stderr);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(code, Is.EqualTo(2));
            Assert.That(stderr.ToString(), Does.Contain("--report"));
        }
    }

    [Test]
    public void Execute_UnknownFocus_ExitsTwoWithSuggestion()
    {
        var report = ReportFixtures.Run(ReportFixtures.Chain(), 4, 3);
        WriteForRun(report, Path.Combine(_out, "report.html"));
        var cli = Arguments(_out);
        cli.Options["--focus"] = ["bann"];
        var stderr = new StringWriter();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(ReportCommand.Execute(cli, TextWriter.Null, stderr), Is.EqualTo(2));
            Assert.That(stderr.ToString(), Does.Contain("'ban'"));
        }
    }

    [Test]
    public void Graph_ShippedScenario_WritesDotAndSvg()
    {
        var cli = Arguments(Path.Combine(Support.TestModels.RepoRoot(), "scenarios", "critical-minerals.yaml"));
        cli.Options["--out"] = [_out];
        var stderr = new StringWriter();
        int code = GraphCommand.Execute(cli, TextWriter.Null, stderr);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(code, Is.Zero, stderr.ToString());
            Assert.That(File.ReadAllText(Path.Combine(_out, "network.dot")), Does.StartWith("digraph "));
            Assert.That(File.ReadAllText(Path.Combine(_out, "network.svg")), Does.StartWith("<svg xmlns=\"http://www.w3.org/2000/svg\""));
        }
    }
}
