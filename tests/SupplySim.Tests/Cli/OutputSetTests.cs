using NUnit.Framework;
using SupplySim.Tests.Support;
using SupplySim.Tests.Sweeps;
using static SupplySim.Tests.Support.CliRunner;

namespace SupplySim.Tests.Cli;

/// <summary>
/// backtest, sweep, merge and graph write their files as one set and check --out before the work, as run does: a
/// file in the way of --out or a folder in the way of one file fails at once, naming it, and the previous set stays
/// byte for byte.
/// </summary>
[TestFixture]
internal sealed class OutputSetTests
{
    private string _dir = "";

    [SetUp]
    public void CreateFolder() => _dir = Directory.CreateTempSubdirectory("supplysim-outset-").FullName;

    [TearDown]
    public void RemoveFolder() => Directory.Delete(_dir, recursive: true);

    private static string History => Path.Combine(TestModels.RepoRoot(), "scenarios", "history-2023-2025.yaml");

    private static string Minimal => Path.Combine(TestModels.RepoRoot(), "tests", "SupplySim.Tests", "Corpus", "valid", "minimal.yaml");

    private string SweepFile()
    {
        string path = Path.Combine(_dir, "sweep.yaml");
        File.WriteAllText(path, SweepLoaderTests.Sweep("  - {path: 'nodes[us-defense-primes].days_of_cover', min: 30d, max: 90d}\n"));
        return path;
    }

    private static Dictionary<string, byte[]> Snapshot(string folder) =>
        Directory.GetFiles(folder).ToDictionary(path => Path.GetFileName(path), File.ReadAllBytes);

    [TestCase("backtest")]
    [TestCase("sweep")]
    [TestCase("graph")]
    public void Verb_OutIsAFile_ExitsTwoNamingTheOptionBeforeTheWork(string verb)
    {
        string file = Path.Combine(_dir, "results");
        File.WriteAllText(file, "keep");
        string input = verb switch { "backtest" => History, "sweep" => SweepFile(), _ => Minimal };
        var (code, stdout, stderr) = Execute(verb, input, "--out", file);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(code, Is.EqualTo(2), stderr);
            Assert.That(stderr, Does.StartWith($"error: --out '{file}' is a file; expected a folder"), "before the work: no progress line");
            Assert.That(stdout, Is.Empty);
            Assert.That(File.ReadAllText(file), Is.EqualTo("keep"));
        }
    }

    [Test]
    public void Backtest_FolderInTheWayOfTheLastFile_KeepsThePreviousSetWhole()
    {
        string outDir = Path.Combine(_dir, "b");
        Assert.That(Execute("backtest", History, "--trials", "5", "--seed", "1", "--out", outDir).Code, Is.Zero);
        File.Delete(Path.Combine(outDir, "backtest_prices_monthly.csv"));
        Directory.CreateDirectory(Path.Combine(outDir, "backtest_prices_monthly.csv"));
        var before = Snapshot(outDir);
        var (code, stdout, stderr) = Execute("backtest", History, "--trials", "5", "--seed", "2", "--out", outDir);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(code, Is.EqualTo(2), stderr);
            Assert.That(stderr, Does.StartWith("error: cannot write '").And.Contain("backtest_prices_monthly.csv': a folder of that name is in the way"));
            Assert.That(stdout, Is.Empty, "nothing simulated");
            Assert.That(Snapshot(outDir), Is.EqualTo(before));
        }
    }

    [Test]
    public void SweepAndMerge_FolderInTheWayOfOneResult_KeepThePreviousSetWhole()
    {
        string sweep = SweepFile(), whole = Path.Combine(_dir, "whole"), sharded = Path.Combine(_dir, "sharded");
        Assert.That(Execute("sweep", sweep, "--out", whole).Code, Is.Zero);
        Assert.That(Execute("sweep", sweep, "--out", sharded, "--shard", "0/1").Code, Is.Zero);
        Assert.That(Execute("merge", sharded).Code, Is.Zero);
        foreach (string[] command in new[] { new[] { "sweep", sweep, "--out", whole }, ["merge", sharded] })
        {
            string folder = command[^1];
            File.Delete(Path.Combine(folder, "sensitivity.json"));
            Directory.CreateDirectory(Path.Combine(folder, "sensitivity.json"));
            File.WriteAllText(Path.Combine(folder, "results.csv"), "previous");
            var before = Snapshot(folder);
            var (code, _, stderr) = Execute(command);
            using (Assert.EnterMultipleScope())
            {
                Assert.That(code, Is.EqualTo(2), stderr);
                Assert.That(stderr, Does.Contain("sensitivity.json': a folder of that name is in the way"));
                Assert.That(Snapshot(folder), Is.EqualTo(before), string.Join(" ", command));
            }
        }
    }
}
