using NUnit.Framework;
using SupplySim.Scenario;
using SupplySim.Sweeps;
using static SupplySim.Tests.Support.CliRunner;

namespace SupplySim.Tests.Sweeps;

/// <summary>Running sweeps end to end: determinism, sharding, resume and byte-identical merge.</summary>
[TestFixture]
internal sealed class SweepRunTests
{
    private string _dir = "";

    [SetUp]
    public void CreateFolder() => _dir = Directory.CreateTempSubdirectory("supplysim-sweeprun-").FullName;

    [TearDown]
    public void RemoveFolder() => Directory.Delete(_dir, recursive: true);

    private static readonly string[] ResultFiles = ["results.csv", "results.parquet", "sensitivity.json", "sensitivity.csv", "report.html"];

    private string WriteSweep(string design = "{type: morris, trajectories: 2, levels: 4}")
    {
        string path = Path.Combine(_dir, "sweep.yaml");
        File.WriteAllText(path, SweepLoaderTests.Sweep(
            "  - {path: 'events[ree-licence-no18].processing_time', name: processing, min: 20wd, max: 90wd}\n" +
            "  - {path: 'nodes[us-defense-primes].days_of_cover', name: cover, min: 30d, max: 180d}\n", design,
            outputs: "  - {metric: shortage_fraction, entity: us-defense-primes, material: ndfeb}\n" +
                     "  - {metric: stockout_days, entity: defense, material: ndfeb, statistic: p90}\n"));
        return path;
    }

    [Test]
    public void Run_ThreadCount_DoesNotChangeResults()
    {
        var plan = SweepLoader.LoadFile(WriteSweep(), new DiagnosticBag())!;
        var one = SweepRunner.Run(plan, ShardSpec.All, 1, new DiagnosticBag())!;
        var two = SweepRunner.Run(plan, ShardSpec.All, 2, new DiagnosticBag())!;
        var values = (SweepTable t) => Enumerable.Range(0, t.Points.Count).SelectMany(r => new[] { t.Value(r, 0), t.Value(r, 1), t.Baseline(r, 0) }).ToArray();
        Assert.That(values(two), Is.EqualTo(values(one)));
    }

    [TestCase(1, TestName = "Sweep_OneShardThenMerged_WritesExactlyTheUnshardedBytes")]
    [TestCase(3, TestName = "Sweep_ThreeShardsThenMerged_WritesExactlyTheUnshardedBytes")]
    [TestCase(7, TestName = "Sweep_SevenShardsThenMerged_WritesExactlyTheUnshardedBytes")]
    public void Sweep_ShardedThenMerged_WritesExactlyTheUnshardedBytes(int shards)
    {
        string sweep = WriteSweep();
        string whole = Path.Combine(_dir, "whole"), sharded = Path.Combine(_dir, "sharded");
        var (code, stdout, stderr) = Execute("sweep", sweep, "--out", whole, "--threads", "2");
        Assert.That(code, Is.Zero, stderr);
        Assert.That(stdout, Does.Contain("ranked by Morris mu*"));
        for (int i = 0; i < shards; i++)
        {
            (code, _, stderr) = Execute("sweep", sweep, "--out", sharded, "--shard", $"{i}/{shards}");
            Assert.That(code, Is.Zero, stderr);
        }

        (code, stdout, stderr) = Execute("merge", sharded);
        Assert.That(code, Is.Zero, stderr);
        using (Assert.EnterMultipleScope())
        {
            foreach (string file in ResultFiles)
            {
                Assert.That(File.ReadAllBytes(Path.Combine(sharded, file)), Is.EqualTo(File.ReadAllBytes(Path.Combine(whole, file))), file);
            }

            Assert.That(File.Exists(Path.Combine(sharded, "shards", $"shard-{shards - 1}-of-{shards}.done")), Is.True);
            Assert.That(Directory.GetFiles(sharded, "*.tmp", SearchOption.AllDirectories), Is.Empty);
        }
    }

    [Test]
    public void Sweep_CompletedShard_IsSkippedOnReRun()
    {
        string sweep = WriteSweep("{type: oat}");
        string output = Path.Combine(_dir, "out");
        Assert.That(Execute("sweep", sweep, "--out", output, "--shard", "1/2").Code, Is.Zero);
        var written = File.GetLastWriteTimeUtc(Path.Combine(output, "shards", "shard-1-of-2.csv"));
        var (code, stdout, _) = Execute("sweep", sweep, "--out", output, "--shard", "1/2");
        Assert.That((code, stdout.Contains("already complete", StringComparison.Ordinal)), Is.EqualTo((0, true)));
        Assert.That(File.GetLastWriteTimeUtc(Path.Combine(output, "shards", "shard-1-of-2.csv")), Is.EqualTo(written));
    }

    [Test]
    public void Merge_MissingShard_FailsNamingIt()
    {
        string sweep = WriteSweep("{type: oat}");
        string output = Path.Combine(_dir, "out");
        Assert.That(Execute("sweep", sweep, "--out", output, "--shard", "0/2").Code, Is.Zero);
        var (code, _, stderr) = Execute("merge", output);
        Assert.That((code, stderr.Contains("SS0320", StringComparison.Ordinal), stderr.Contains("shard 1/2", StringComparison.Ordinal)), Is.EqualTo((1, true, true)));
    }

    [Test]
    public void Sweep_ChangedSweepFile_DoesNotReuseOldShards()
    {
        string sweep = WriteSweep("{type: oat}");
        string output = Path.Combine(_dir, "out");
        Assert.That(Execute("sweep", sweep, "--out", output, "--shard", "0/1").Code, Is.Zero);
        File.AppendAllText(sweep, "# edited\n");
        var (code, stdout, _) = Execute("sweep", sweep, "--out", output, "--shard", "0/1");
        Assert.That((code, stdout.Contains("already complete", StringComparison.Ordinal)), Is.EqualTo((0, false)));
    }

    [Test]
    public void Sweep_BadShardOption_IsUsageError()
    {
        var (code, _, stderr) = Execute("sweep", WriteSweep(), "--shard", "3/3");
        Assert.That((code, stderr.Contains("--shard must be i/n", StringComparison.Ordinal)), Is.EqualTo((2, true)));
    }

    [Test]
    public void Sweep_Report_IsSelfContainedWithRankingAndScatters()
    {
        string whole = Path.Combine(_dir, "whole");
        var (code, _, stderr) = Execute("sweep", WriteSweep(), "--out", whole);
        Assert.That(code, Is.Zero, stderr);
        string html = File.ReadAllText(Path.Combine(whole, "report.html"));
        using (Assert.EnterMultipleScope())
        {
            Assert.That(html, Does.StartWith("<!DOCTYPE html>"));
            Assert.That(html, Does.Contain("Morris mu*"));
            // A ranking chart and one scatter per parameter, for each of the two outputs.
            Assert.That(html.Split("<svg").Length - 1, Is.EqualTo(2 * (1 + 2)));
            Assert.That(html, Does.Not.Contain("http://").And.Not.Contain("https://").And.Not.Contain("<script"));
        }
    }
}
