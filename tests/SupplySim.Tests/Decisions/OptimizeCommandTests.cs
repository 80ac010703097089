using NUnit.Framework;
using static SupplySim.Tests.Decisions.DecisionModels;
using static SupplySim.Tests.Support.CliRunner;

namespace SupplySim.Tests.Decisions;

/// <summary><c>supplysim optimize</c>: its files, their determinism, and clear errors for bad levers and objectives.</summary>
[TestFixture]
internal sealed class OptimizeCommandTests
{
    private string _folder = "";

    [SetUp]
    public void CreateFolder() => _folder = Directory.CreateTempSubdirectory("supplysim-optimize-").FullName;

    [TearDown]
    public void RemoveFolder() => Directory.Delete(_folder, recursive: true);

    private string Write(string yaml, string name = "decide.yaml")
    {
        string file = Path.Combine(_folder, name);
        File.WriteAllText(file, yaml);
        return file;
    }

    [Test]
    public void Optimize_WritesTheFrontAndEveryPolicy_SameBytesWhateverTheThreadCount()
    {
        string file = Write(Yaml(Stockpile + "\n" + Recycling));
        string[] names = ["pareto.csv", "pareto.parquet", "evaluations.csv", "policies.json", "optimize.html"];
        var runs = new[] { "1", "2" }.Select(threads =>
        {
            string output = Path.Combine(_folder, $"out-{threads}");
            var (code, stdout, stderr) = Execute("optimize", file, "--budget", "40", "--trials", "30", "--seed", "4", "--threads", threads, "--out", output);
            Assert.That(code, Is.Zero, stderr);
            Assert.That(stdout, Does.Contain("the front has"));
            return names.Select(n => File.ReadAllBytes(Path.Combine(output, n))).ToArray();
        }).ToArray();
        string[] header = File.ReadAllLines(Path.Combine(_folder, "out-1", "pareto.csv"))[0].Split(',');
        string[] evaluations = File.ReadAllLines(Path.Combine(_folder, "out-1", "evaluations.csv"));
        using (Assert.EnterMultipleScope())
        {
            for (int i = 0; i < names.Length; i++)
            {
                Assert.That(runs[1][i], Is.EqualTo(runs[0][i]), names[i]);
            }

            Assert.That(header, Is.EqualTo(new[] { "policy", "stock_t", "recycling_t_per_yr", "lever_cost_usd", "expected_cost_usd:baseline", "risk:baseline",
                "worst_expected_cost_usd", "worst_risk" }));
            Assert.That(evaluations, Has.Length.InRange(25, 41), "a header and at most the 40 policies of the budget");
            Assert.That(File.ReadAllText(Path.Combine(_folder, "out-1", "policies.json")), Does.Contain("\"schema\": \"supplysim.policies/1\""));
            Assert.That(File.ReadAllText(Path.Combine(_folder, "out-1", "optimize.html")), Does.Contain("<svg").And.Not.Contain("http://cdn"));
        }
    }

    [Test]
    public void Optimize_ShardedOverThreeProcesses_WritesTheBytesOfAnUnshardedRun()
    {
        string file = Write(Yaml(Stockpile + "\n" + Recycling));
        string[] settings = ["--budget", "40", "--trials", "30", "--seed", "4"];
        string whole = Path.Combine(_folder, "whole"), sharded = Path.Combine(_folder, "sharded");
        Assert.That(Execute(["optimize", file, .. settings, "--out", whole]).Code, Is.Zero);
        int steps = 0;
        while (!File.Exists(Path.Combine(sharded, "pareto.csv")))
        {
            var (code, stdout, stderr) = Execute(["optimize", file, .. settings, "--shards", "3", "--out", sharded]);
            Assert.That(code, Is.Zero, stderr);
            if (File.Exists(Path.Combine(sharded, "pareto.csv")))
            {
                break;
            }

            Assert.That(stdout, Does.Match($"generation {steps}: [0-9]+ policies wait for 3 shard\\(s\\)"));
            foreach (string shard in new[] { "2/3", "0/3", "1/3" })
            {
                (code, stdout, stderr) = Execute("optimize", file, "--out", sharded, "--shard", shard);
                Assert.That(code, Is.Zero, stderr);
                Assert.That(stdout, Does.Contain($"generation {steps}: shard {shard} evaluated"));
            }

            Assert.That(++steps, Is.LessThanOrEqualTo(5), "a budget of 40: 3 generations of 8 and up to 2 pruning batches");
        }

        var (mismatch, _, error) = Execute("optimize", file, "--out", sharded, "--shard", "0/2");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(steps, Is.GreaterThanOrEqualTo(3));
            foreach (string name in new[] { "pareto.csv", "pareto.parquet", "evaluations.csv", "policies.json", "optimize.html" })
            {
                Assert.That(File.ReadAllBytes(Path.Combine(sharded, name)), Is.EqualTo(File.ReadAllBytes(Path.Combine(whole, name))), name);
            }

            Assert.That(mismatch, Is.EqualTo(2), "a shard of another shard count");
            Assert.That(error, Does.Contain("does not belong to it"));
        }
    }

    [Test]
    public void Discover_OnAnOptimizeRun_FindsTheLeverRangeThatLeavesTheRiskHigh()
    {
        string output = Path.Combine(_folder, "out");
        var (code, _, stderr) = Execute("optimize", Write(Yaml(Stockpile + "\n" + Recycling)), "--budget", "200", "--trials", "50", "--out", output);
        Assert.That(code, Is.Zero, stderr);
        (code, string stdout, stderr) = Execute("discover", output, "--output", "risk:baseline", "--above", "0.5");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(code, Is.Zero, stderr);
            // The worst 5% of trials lose nearly all supply: only a stockpile near a year's demand keeps their shortage low.
            var box = System.Text.RegularExpressions.Regex.Match(stdout, @"stock_t in \[[0-9.]+, (?<upper>[0-9.]+)\]");
            Assert.That(box.Success, Is.True, stdout);
            Assert.That(double.Parse(box.Groups["upper"].Value, System.Globalization.CultureInfo.InvariantCulture), Is.LessThan(2500), "a small stockpile");
            Assert.That(stdout, Does.Not.Contain("recycling_t_per_yr in"));
            Assert.That(File.Exists(Path.Combine(output, "discovery.html")), Is.True);
        }
    }

    [Test]
    public void Optimize_FileWithoutLevers_ExitsOneAndWritesNothing()
    {
        string file = Write(Yaml(Stockpile).Split("levers:")[0]);
        string output = Path.Combine(_folder, "out");
        var (code, _, stderr) = Execute("optimize", file, "--out", output);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(code, Is.EqualTo(1));
            Assert.That(stderr, Does.Contain(":1:1: error SS0125: the file has no 'levers:' section"));
            Assert.That(stderr, Does.Contain(":1:1: error SS0126: the file has no 'objectives:' section"));
            Assert.That(Directory.Exists(output), Is.False);
        }
    }

    /// <summary>Each bad input, the text to write in place of a good one, the code, and the text whose position the error names.</summary>
    private static IEnumerable<TestCaseData> BadInputs()
    {
        yield return Case("node: us-stock", "node: us-stokc", "SS0102", "us-stokc", "unknown node 'us-stokc' (did you mean 'us-stock'?)");
        yield return Case("range: [0 t, 4000 t]", "range: [4000 t, 4000 t]", "SS0104", "4000 t,", "is empty");
        yield return Case("purchase_price: 10000 USD/t", "purchase_price: 10000", "SS0007", "10000", "needs a currency unit");
        yield return Case("holding_cost: 0 USD/t/yr", "holding_cost: 5 USD/t", "SS0007", "5 USD/t", "unknown cost unit 'USD/t'");
        yield return Case("node: us-stock", "node: us-user", "SS0125", "us-user", "is a consumer, not a stockpile");
        yield return Case("kind: stockpile", "kind: stockpyle", "SS0009", "stockpyle", "did you mean 'stockpile'?");
        yield return Case("    materials: [sb]\n  robustness", "    materials: [sb]\n  robustness", "SS0116", "defence", "risk: unknown sector 'defence'",
            replaceRiskSector: true);
        yield return Case("scenarios: [baseline]", "scenarios: [embargo]", "SS0126", "embargo", "unknown scenario 'embargo'");
    }

    private static TestCaseData Case(string good, string bad, string code, string at, string message, bool replaceRiskSector = false) =>
        new TestCaseData(good, bad, code, at, message, replaceRiskSector).SetName($"Validate_BadDecision_{code}_{at.Trim(',')}");

    [TestCaseSource(nameof(BadInputs))]
    public void Validate_BadDecisionInput_ReportsFileLineColumn(string good, string bad, string code, string at, string message, bool replaceRiskSector)
    {
        string yaml = Yaml(Stockpile);
        int levers = yaml.IndexOf("levers:", StringComparison.Ordinal);
        yaml = replaceRiskSector
            ? yaml.Replace("    sector: defense\n    materials: [sb]", "    sector: defence\n    materials: [sb]", StringComparison.Ordinal)
            : yaml[..levers] + yaml[levers..].Replace(good, bad, StringComparison.Ordinal);
        Assert.That(yaml, Does.Contain(at), "the test's bad text is in the file");
        int offset = yaml.IndexOf(at, levers, StringComparison.Ordinal);
        int line = yaml[..offset].Count(c => c == '\n') + 1, column = offset - yaml.LastIndexOf('\n', offset - 1);
        string file = Write(yaml);
        var (exit, _, stderr) = Execute("validate", file);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(exit, Is.EqualTo(1));
            Assert.That(stderr, Does.Contain($"{file}:{line}:{column}: error {code}: ").And.Contain(message));
        }
    }
}
