using System.Text.Json;
using NUnit.Framework;
using SupplySim.Tests.Support;
using static SupplySim.Tests.Support.CliRunner;

namespace SupplySim.Tests.Streaming;

/// <summary><c>supplysim run --stream</c> end to end.</summary>
[TestFixture]
internal sealed class StreamingCommandsTests
{
    private string _out = "";

    [SetUp]
    public void CreateOutputFolder() => _out = Directory.CreateTempSubdirectory("supplysim-stream-cli-").FullName;

    [TearDown]
    public void RemoveOutputFolder() => Directory.Delete(_out, recursive: true);

    private static string Shipped => Path.Combine(TestModels.RepoRoot(), "scenarios", "critical-minerals.yaml");

    [Test]
    public void Run_Stream_WritesFilesAndDeclaresSketch()
    {
        var (code, stdout, stderr) = Execute("run", Shipped, "--trials", "20", "--seed", "3", "--stream", "--out", _out);
        Assert.That(code, Is.Zero, stderr);
        using var json = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(_out, "summary.json")));
        using (Assert.EnterMultipleScope())
        {
            Assert.That(json.RootElement.GetProperty("schema").GetString(), Is.EqualTo("supplysim.summary/1"));
            Assert.That(json.RootElement.GetProperty("quantiles").GetString(), Is.EqualTo("sketch:relative-0.005"));
            Assert.That(json.RootElement.GetProperty("trials").GetInt32(), Is.EqualTo(20));
            Assert.That(File.ReadAllLines(Path.Combine(_out, "trials.csv"))[0], Does.StartWith("scenario,trial,kind"));
            Assert.That(File.Exists(Path.Combine(_out, "trials.parquet")), Is.True);
            Assert.That(Directory.GetFileSystemEntries(_out, ".*"), Is.Empty);
            Assert.That(stdout, Does.Contain("scenario baseline"));
        }
    }

    [Test]
    public void Run_Exact_DeclaresExactQuantiles()
    {
        var (code, _, stderr) = Execute("run", Shipped, "--trials", "5", "--out", _out);
        Assert.That(code, Is.Zero, stderr);
        using var json = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(_out, "summary.json")));
        Assert.That(json.RootElement.GetProperty("quantiles").GetString(), Is.EqualTo("exact"));
    }

    [Test]
    public void Run_StreamWithReport_ExitsTwoAndWritesNothing()
    {
        var (code, _, stderr) = Execute("run", Shipped, "--trials", "5", "--stream", "--report", Path.Combine(_out, "r.html"), "--out", _out);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(code, Is.EqualTo(2));
            Assert.That(stderr, Does.Contain("--report"));
            Assert.That(Directory.GetFileSystemEntries(_out), Is.Empty);
        }
    }
}
