using System.Text.Json;
using NUnit.Framework;
using SupplySim.Tests.Support;
using static SupplySim.Tests.Support.CliRunner;

namespace SupplySim.Tests.Cli;

/// <summary>The supplysim verbs end to end: exit codes, files written, diagnostics on stderr.</summary>
[TestFixture]
internal sealed class CommandsTests
{
    private string _out = "";

    [SetUp]
    public void CreateOutputFolder() => _out = Directory.CreateTempSubdirectory("supplysim-cli-").FullName;

    [TearDown]
    public void RemoveOutputFolder() => Directory.Delete(_out, recursive: true);

    private static string Shipped => Path.Combine(TestModels.RepoRoot(), "scenarios", "critical-minerals.yaml");

    [Test]
    public void Run_ShippedScenario_WritesSummaryCsvAndParquet()
    {
        var (code, stdout, stderr) = Execute("run", Shipped, "--trials", "20", "--seed", "3", "--out", _out);
        Assert.That(code, Is.Zero, stderr);
        using var json = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(_out, "summary.json")));
        var root = json.RootElement;
        var scenarios = root.GetProperty("scenarios");
        string[] csvLines = File.ReadAllLines(Path.Combine(_out, "trials.csv"));
        byte[] parquet = File.ReadAllBytes(Path.Combine(_out, "trials.parquet"));
        using (Assert.EnterMultipleScope())
        {
            Assert.That(root.GetProperty("schema").GetString(), Is.EqualTo("supplysim.summary/1"));
            Assert.That(root.GetProperty("seed").GetUInt64(), Is.EqualTo(3));
            Assert.That(root.GetProperty("trials").GetInt32(), Is.EqualTo(20));
            Assert.That(scenarios[0].GetProperty("id").GetString(), Is.EqualTo("baseline"));
            Assert.That(scenarios.GetArrayLength(), Is.GreaterThan(1));
            var consumer = scenarios[1].GetProperty("consumers")[0];
            Assert.That(consumer.GetProperty("metrics").GetProperty("fill_rate").GetProperty("ci95").GetArrayLength(), Is.EqualTo(2));
            Assert.That(consumer.TryGetProperty("delta", out _), Is.True);
            Assert.That(scenarios[0].GetProperty("sectors")[0].TryGetProperty("delta", out _), Is.False);
            Assert.That(csvLines[0], Does.StartWith("scenario,trial,kind,entity,material,demand_t,fill_rate"));
            Assert.That(csvLines.Length, Is.GreaterThan(20));
            Assert.That(parquet.AsSpan(0, 4).ToArray(), Is.EqualTo("PAR1"u8.ToArray()));
            Assert.That(stdout, Does.Contain("scenario baseline"));
            Assert.That(Directory.GetFiles(_out, "*.tmp"), Is.Empty);
        }
    }

    [Test]
    public void Run_OneOutputCannotBeWritten_ExitsTwoNamingItAndLeavesNoTemporaryFile()
    {
        // A folder in the way of one file is found before simulating (writer failures: PendingFilesTests).
        Directory.CreateDirectory(Path.Combine(_out, "trials.csv"));
        var (code, _, stderr) = Execute("run", Shipped, "--trials", "8", "--out", _out);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(code, Is.EqualTo(2), stderr);
            // The final path, quoted (the temporary file is ".trials.csv.PID.tmp").
            Assert.That(stderr, Does.StartWith("error: ").And.Contain($"{Path.Combine(_out, "trials.csv")}'"));
            Assert.That(Directory.GetFiles(_out, "*.tmp", SearchOption.AllDirectories), Is.Empty);
        }
    }

    [Test]
    public void Run_ReportFolderCannotBeCreated_ExitsTwoBeforeSimulatingAndWritesNothing()
    {
        // A file where the report's folder should be: known before any trial runs, so nothing is simulated or written.
        string blocker = Path.Combine(_out, "blocker");
        File.WriteAllText(blocker, "");
        string data = Path.Combine(_out, "data");
        var (code, stdout, stderr) = Execute("run", Shipped, "--trials", "8", "--out", data, "--report", Path.Combine(blocker, "report.html"));
        using (Assert.EnterMultipleScope())
        {
            Assert.That(code, Is.EqualTo(2), stderr);
            Assert.That(stderr, Does.StartWith("error: cannot write to the folder").And.Contain(blocker));
            Assert.That(stdout, Is.Empty, "no table: nothing was simulated");
            Assert.That(Directory.GetFiles(data, "*", SearchOption.AllDirectories), Is.Empty);
        }
    }

    [Test]
    public void Run_ReportNamesTheNewOutFolder_ExitsTwoBeforeSimulatingAndCreatesNothing()
    {
        string data = Path.Combine(_out, "o2");
        var (code, stdout, stderr) = Execute("run", Shipped, "--trials", "8", "--out", data, "--report", data);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(code, Is.EqualTo(2), stderr);
            Assert.That(stderr, Does.StartWith($"error: cannot write '{data}': it is a folder the results go into"));
            Assert.That(stdout, Is.Empty, "no table: nothing was simulated");
            Assert.That(Directory.Exists(data), Is.False);
        }
    }

    [Test]
    public void Run_OutIsAFile_ExitsTwoNamingTheOption()
    {
        string file = Path.Combine(_out, "results");
        File.WriteAllText(file, "keep");
        var (code, stdout, stderr) = Execute("run", Shipped, "--trials", "8", "--out", file);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(code, Is.EqualTo(2), stderr);
            Assert.That(stderr, Does.StartWith($"error: --out '{file}' is a file; expected a folder"));
            Assert.That(stdout, Is.Empty);
            Assert.That(File.ReadAllText(file), Is.EqualTo("keep"));
        }
    }

    [Test]
    public void Validate_UnknownKeyAndUnknownLaneTarget_ReportsBothAtOnce()
    {
        string text = File.ReadAllText(Shipped);
        int cover = text.IndexOf("days_of_cover:", StringComparison.Ordinal);
        text = string.Concat(text.AsSpan(0, cover), "days_of_covr:", text.AsSpan(cover + "days_of_cover:".Length));
        int target = text.IndexOf("to: us-industry-sb", StringComparison.Ordinal);
        text = string.Concat(text.AsSpan(0, target), "to: us-industy-sb", text.AsSpan(target + "to: us-industry-sb".Length));
        string path = Path.Combine(_out, "typos.yaml");
        File.WriteAllText(path, text);
        var (code, _, stderr) = Execute("validate", path);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(code, Is.EqualTo(1));
            Assert.That(stderr, Does.Contain("error SS0004: unknown key 'days_of_covr'"));
            Assert.That(stderr, Does.Contain("error SS0102: lane to: unknown node 'us-industy-sb'"));
            Assert.That(stderr, Does.Contain("2 error(s)"));
        }
    }

    [Test]
    public void Run_ReportNamedLikeADataFile_ExitsTwoBeforeSimulating()
    {
        var (code, stdout, stderr) = Execute("run", Shipped, "--trials", "8", "--out", _out, "--report", Path.Combine(_out, ".", "summary.json"));
        using (Assert.EnterMultipleScope())
        {
            Assert.That(code, Is.EqualTo(2), stderr);
            Assert.That(stderr, Does.Contain("would be written twice"));
            Assert.That(stdout, Is.Empty);
            Assert.That(Directory.GetFileSystemEntries(_out), Is.Empty);
        }
    }

    [Test]
    public void Validate_MisspeltTopLevelSection_ReportsOnlyThatKey()
    {
        // Without 'scenarios', the observations' scenario names would all look unknown: a cascade, not a problem.
        string history = File.ReadAllText(Path.Combine(TestModels.RepoRoot(), "scenarios", "history-2023-2025.yaml"));
        string path = Path.Combine(_out, "history.yaml");
        File.WriteAllText(path, history.Replace("\nscenarios:", "\nscenarioz:", StringComparison.Ordinal));
        var (code, _, stderr) = Execute("validate", path);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(code, Is.EqualTo(1));
            Assert.That(stderr, Does.Contain("error SS0004: unknown key 'scenarioz'"));
            Assert.That(stderr, Does.Contain("1 error(s)"));
        }
    }

    [Test]
    public void Run_LeftoversOfAnInterruptedRun_NotedAndKept()
    {
        string spool = Path.Combine(_out, ".trials.csv.999999.spool");
        Directory.CreateDirectory(spool);
        File.WriteAllText(Path.Combine(_out, ".trials.parquet.999999.tmp"), "");
        var (code, _, stderr) = Execute("run", Shipped, "--trials", "8", "--out", _out);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(code, Is.Zero, stderr);
            Assert.That(stderr, Does.Contain("2 temporary file(s) of an interrupted run (.trials.csv.999999.spool, .trials.parquet.999999.tmp)"));
            Assert.That(Directory.Exists(spool), Is.True);
        }
    }

    [Test]
    public void Merge_FolderMissing_ExitsTwoSayingWhatItExpects()
    {
        var (code, _, stderr) = Execute("merge", Path.Combine(_out, "no-such-sweep"));
        using (Assert.EnterMultipleScope())
        {
            Assert.That(code, Is.EqualTo(2));
            Assert.That(stderr, Does.Contain("is not a folder; expected the --out folder of a sharded sweep"));
        }
    }

    [Test]
    public void Run_SelectedScenario_RunsItAndTheBaselineOnly()
    {
        var (code, _, stderr) = Execute("run", Shipped, "--trials", "5", "--scenario", "us-ban-dec-2024", "--out", _out);
        Assert.That(code, Is.Zero, stderr);
        using var json = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(_out, "summary.json")));
        var ids = json.RootElement.GetProperty("scenarios").EnumerateArray().Select(s => s.GetProperty("id").GetString());
        Assert.That(ids, Is.EqualTo(new[] { "baseline", "us-ban-dec-2024" }));
    }

    [Test]
    public void Run_UnknownScenario_ExitsTwoWithSuggestion()
    {
        var (code, _, stderr) = Execute("run", Shipped, "--trials", "5", "--scenario", "us-ban-dec-2042", "--out", _out);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(code, Is.EqualTo(2));
            Assert.That(stderr, Does.Contain("us-ban-dec-2024"));
            Assert.That(Directory.GetFiles(_out), Is.Empty);
        }
    }

    [TestCase("--trials", "0", TestName = "Run_ZeroTrials_ExitsTwo")]
    [TestCase("--trials", "many", TestName = "Run_NonNumericTrials_ExitsTwo")]
    [TestCase("--seed", "-1", TestName = "Run_NegativeSeed_ExitsTwo")]
    [TestCase("--trails", "5", TestName = "Run_MisspeltOption_ExitsTwo")]
    public void Run_BadOption_ExitsTwo(string option, string value)
    {
        var (code, _, stderr) = Execute("run", Shipped, option, value, "--out", _out);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(code, Is.EqualTo(2));
            Assert.That(stderr, Does.Contain("error:"));
            Assert.That(Directory.GetFiles(_out), Is.Empty);
        }
    }

    [Test]
    public void Validate_ShippedScenario_ExitsZero() => Assert.That(Execute("validate", Shipped).Code, Is.Zero);

    [Test]
    public void Validate_InvalidFile_ExitsOneWithPositionedDiagnostic()
    {
        string path = Path.Combine(_out, "bad.yaml");
        File.WriteAllText(path, TestModels.Chain.Replace("capacity: 1000 t/d", "capacty: 1000 t/d", StringComparison.Ordinal));
        var (code, _, stderr) = Execute("validate", path);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(code, Is.EqualTo(1));
            Assert.That(stderr, Does.Contain($"{path}:11:5: error SS0004"));
        }
    }

    [Test]
    public void Validate_MissingFile_ExitsTwo() => Assert.That(Execute("validate", Path.Combine(_out, "none.yaml")).Code, Is.EqualTo(2));

    [TestCase("--help", TestName = "Help_Bare_ExitsZero")]
    [TestCase("run", "--help", TestName = "Help_Run_ExitsZero")]
    [TestCase("validate", "--help", TestName = "Help_Validate_ExitsZero")]
    public void Help_ExitsZeroWithUsage(params string[] args)
    {
        var (code, stdout, _) = Execute(args);
        Assert.That(code, Is.Zero);
        Assert.That(stdout, Does.Contain("Usage:"));
    }

    [Test]
    public void Help_Run_GeneratedFromTheOptions()
    {
        var (_, stdout, _) = Execute("run", "--help");
        Assert.That(stdout, Does.Contain("--trials <N>").And.Contain("--scenario <ID>").And.Contain("--stream"));
    }

    [Test]
    public void Version_PrintsTheInformationalVersionWithTheCommit()
    {
        var (code, stdout, _) = Execute("--version");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(code, Is.Zero);
            Assert.That(stdout.Trim(), Does.Match(@"^\d+\.\d+\.\d+(\+[0-9a-f]{7,40})?$"));
        }
    }

    [Test]
    public void Run_MisspeltVerb_ExitsTwoAndSuggestsTheVerb()
    {
        var (code, _, stderr) = Execute("valdate", Shipped);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(code, Is.EqualTo(2));
            Assert.That(stderr, Does.Contain("'valdate'"));
        }
    }

    [Test]
    public void Run_MisspeltOption_SaysWhichOptionWasMeant()
    {
        var (code, _, stderr) = Execute("run", Shipped, "--trails", "5", "--out", _out);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(code, Is.EqualTo(2));
            Assert.That(stderr, Does.Contain("unknown option '--trails' for 'run' (did you mean '--trials'?)"));
        }
    }

    [Test]
    public void Validate_ArgumentsFromAResponseFile_SameAsOnTheCommandLine()
    {
        string responseFile = Path.Combine(_out, "args.rsp");
        File.WriteAllLines(responseFile, ["validate", Shipped]);
        var (code, stdout, _) = Execute("@" + responseFile);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(code, Is.Zero);
            Assert.That(stdout, Does.Contain("valid:"));
        }
    }

    [Test]
    public void Suggest_PartialVerb_CompletesIt()
    {
        var (code, stdout, _) = Execute("[suggest:2]", "ba");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(code, Is.Zero);
            Assert.That(stdout, Does.Contain("backtest"));
        }
    }
}
