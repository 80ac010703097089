using NUnit.Framework;
using SupplySim.Decisions;
using SupplySim.Sweeps;
using SupplySim.Tests.Support;
using static SupplySim.Tests.Support.CliRunner;

namespace SupplySim.Tests.Cli;

/// <summary>
/// Bad input that used to crash the CLI (an unhandled exception, a .NET stack trace, exit 134) ends in an
/// <c>error:</c> line that says what was wrong and what was expected, with a documented exit code.
/// </summary>
[TestFixture]
internal sealed class BadInputTests
{
    private string _dir = "";

    [SetUp]
    public void CreateFolder() => _dir = Directory.CreateTempSubdirectory("supplysim-badinput-").FullName;

    [TearDown]
    public void RemoveFolder() => Directory.Delete(_dir, recursive: true);

    private static string Corpus(string name) => Path.Combine(TestModels.RepoRoot(), "tests", "SupplySim.Tests", "Corpus", "valid", name);

    private static string Scenarios(string name) => Path.Combine(TestModels.RepoRoot(), "scenarios", name);

    [TestCase("run", "minimal.yaml", "--out")]
    [TestCase("run", "minimal.yaml", "--report")]
    [TestCase("calibrate", "minimal.yaml", "--out")]
    [TestCase("optimize", "decisions.yaml", "--out")]
    [TestCase("backtest", "minimal.yaml", "--out")]
    [TestCase("graph", "minimal.yaml", "--out")]
    [TestCase("sweep", "minimal.yaml", "--out")]
    [TestCase("report", "", "--out")]
    public void Verb_EmptyPathOption_ExitsTwoNamingTheOption(string verb, string file, string option)
    {
        string input = file.Length > 0 ? Corpus(file) : _dir;
        var (code, stdout, stderr) = Execute(verb, input, option, "");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(code, Is.EqualTo(2), stderr);
            Assert.That(stderr, Does.StartWith($"error: {option} needs a "));
            Assert.That(stdout, Is.Empty);
        }
    }

    [TestCase("garbage", TestName = "Merge_ManifestNotJson_RefusedAsDamaged")]
    [TestCase("{\"sweep_file\": \"x.yaml\"}", TestName = "Merge_ManifestWithoutShards_RefusedAsDamaged")]
    [TestCase("{\"sweep_file\": 3, \"shards\": 2}", TestName = "Merge_ManifestSweepFileNotText_RefusedAsDamaged")]
    public void Merge_DamagedManifest_SaysItIsDamaged(string manifest)
    {
        Directory.CreateDirectory(Path.Combine(_dir, SweepFiles.ShardFolder));
        File.WriteAllText(Path.Combine(_dir, SweepFiles.ShardFolder, "sweep.json"), manifest);
        var (code, _, stderr) = Execute("merge", _dir);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(code, Is.EqualTo(1), stderr);
            Assert.That(stderr, Does.Contain("error SS0320: the shard manifest is damaged"));
            Assert.That(stderr, Does.Not.Contain("   at "));
        }
    }

    [TestCase("garbage\n", "no 'fingerprint='")]
    [TestCase("fingerprint=ab\ntrials=x\nseed=1\nbudget=4\nshards=2\n", "trials is 'x', expected a whole number >= 1")]
    public void Optimize_DamagedWorkManifest_ExitsTwoSayingWhatIsWrong(string manifest, string problem)
    {
        Directory.CreateDirectory(Path.Combine(_dir, "optimize-work"));
        File.WriteAllText(Path.Combine(_dir, "optimize-work", "manifest.txt"), manifest);
        foreach (string[] mode in new[] { new[] { "--shards", "2" }, ["--shard", "0/2"] })
        {
            var (code, _, stderr) = Execute(["optimize", Corpus("decisions.yaml"), "--out", _dir, .. mode]);
            using (Assert.EnterMultipleScope())
            {
                Assert.That(code, Is.EqualTo(2), stderr);
                Assert.That(stderr, Does.StartWith("error: ").And.Contain("manifest.txt is damaged").And.Contain(problem));
            }
        }
    }

    [Test]
    public void ReadOutcomes_ShardFileCutShort_RefusedWithItsPath()
    {
        var work = new OptimizationWorkFolder(_dir);
        var shard = new ShardSpec(0, 1);
        work.WriteShard(0, shard, [(0, [1.25, 2.5]), (1, [3.0, 4.0])]);
        string path = Path.Combine(work.Root, "gen-000", "shard-0-of-1.csv");
        Assert.That(work.ReadOutcomes(0, 2, 1), Has.Length.EqualTo(2));
        string text = File.ReadAllText(path);
        File.WriteAllText(path, text[..^3]);
        Assert.That(() => work.ReadOutcomes(0, 2, 1), Throws.TypeOf<InvalidDataException>().With.Message.StartsWith(path).And.Message.Contains("cut short"));
        File.WriteAllText(path, "0,1.25,2.5\n1,x,4\n");
        Assert.That(() => work.ReadOutcomes(0, 2, 1), Throws.TypeOf<InvalidDataException>().With.Message.StartsWith($"{path}:2: expected a policy index and 2 numbers, found '1,x,4'"));
    }

    [Test]
    public void Report_DataWithoutScenarios_ExitsTwoNamingTheFile()
    {
        var (ran, _, runError) = Execute("run", Corpus("minimal.yaml"), "--trials", "4", "--out", _dir, "--report", Path.Combine(_dir, "report.html"));
        Assert.That(ran, Is.Zero, runError);
        string data = Path.Combine(_dir, "report-data.json");
        var json = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(data))!;
        json["data"]!.AsObject().Remove("scenarios");
        File.WriteAllText(data, json.ToJsonString());
        var (code, _, stderr) = Execute("report", _dir);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(code, Is.EqualTo(2), stderr);
            Assert.That(stderr, Does.StartWith($"error: {data}: report data is not valid").And.Contain("scenarios"));
        }
    }

    [Test]
    public void Backtest_TrialsBeyondMemory_RefusedWithSs0201BeforeAllocating()
    {
        string history = Scenarios("history-2023-2025.yaml");
        var (code, stdout, stderr) = Execute("backtest", history, "--trials", "10000000", "--out", _dir);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(code, Is.EqualTo(1), stderr);
            Assert.That(stderr, Does.StartWith($"{history}:1:1: error SS0201: 10000000 trials need about"));
            Assert.That(stdout, Is.Empty);
        }
    }

    [Test]
    public void Validate_DeviceOfUnknownLength_ReadsAtMostTheLimit()
    {
        // /dev/zero reports length 0 and never ends: the read must stop at the limit rather than exhaust memory.
        Assume.That(File.Exists("/dev/zero"), "a Unix device");
        var (code, _, stderr) = Execute("validate", "/dev/zero");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(code, Is.EqualTo(1), stderr);
            Assert.That(stderr, Does.Contain("/dev/zero:1:1: error SS0010: file is more than 8388608 bytes"));
        }
    }
}
