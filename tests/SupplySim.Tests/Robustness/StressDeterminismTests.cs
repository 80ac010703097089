using NUnit.Framework;
using SupplySim.Cli;
using SupplySim.Tests.Support;

namespace SupplySim.Tests.Robustness;

/// <summary>
/// summary.json written by the CLI is byte-identical for 1, 2 and 8 threads, for repeated runs, and for runs made
/// while another run competes for the same cores. The trial count is not a multiple of the 64-trial chunk, so a
/// short last chunk is scheduled among full ones.
/// </summary>
[TestFixture]
internal sealed class StressDeterminismTests
{
    private string _root = "";

    [SetUp]
    public void CreateFolder() => _root = Directory.CreateTempSubdirectory("supplysim-determinism-").FullName;

    [TearDown]
    public void RemoveFolder() => Directory.Delete(_root, recursive: true);

    private byte[] Summary(string name, int threads)
    {
        string outDir = Path.Combine(_root, name);
        string file = Path.Combine(TestModels.RepoRoot(), "scenarios", "critical-minerals.yaml");
        var stderr = new StringWriter();
        int code = Commands.Execute(
            ["run", file, "--trials", "150", "--seed", "77", "--scenario", "us-ban-dec-2024", "--threads", $"{threads}", "--out", outDir],
            TextWriter.Null, stderr);
        Assert.That(code, Is.Zero, stderr.ToString());
        return File.ReadAllBytes(Path.Combine(outDir, "summary.json"));
    }

    [Test]
    public void SummaryJson_OneTwoAndEightThreads_ByteIdentical()
    {
        byte[] one = Summary("t1", 1);
        byte[] two = Summary("t2", 2);
        byte[] eight = Summary("t8", 8);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(two, Is.EqualTo(one));
            Assert.That(eight, Is.EqualTo(one));
        }
    }

    [Test]
    public void SummaryJson_RepeatedAndConcurrentRuns_ByteIdentical()
    {
        byte[] first = Summary("first", 8);

        // Two eight-thread runs at once on a machine with fewer cores: workers are preempted mid-chunk.
        var concurrent = Enumerable.Range(0, 2).Select(run => Task.Run(() => Summary($"concurrent-{run}", 8))).ToArray();
        Task.WaitAll(concurrent);
        byte[] again = Summary("again", 8);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(concurrent[0].Result, Is.EqualTo(first));
            Assert.That(concurrent[1].Result, Is.EqualTo(first));
            Assert.That(again, Is.EqualTo(first));
        }
    }
}
