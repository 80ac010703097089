using System.Globalization;
using NUnit.Framework;
using SupplySim.Scenario;
using SupplySim.Simulation;
using SupplySim.Tests.Support;
using static SupplySim.Tests.Support.CliRunner;

namespace SupplySim.Tests.Import;

/// <summary><c>supplysim import baci</c> on small hand-written files in BACI's layout.</summary>
[TestFixture]
internal sealed class BaciImportTests
{
    private const string Codes = """
        country_code,country_name,country_iso2,country_iso3
        156,China,CN,CHN
        842,USA,US,USA
        764,Thailand,TH,THA
        392,Japan,JP,JPN
        """;

    /// <summary>
    /// Antimony ores (HS 261710) in 2022: China ships 200 t to the US and 100 t to Thailand; Thailand ships 80 t on
    /// to the US (a re-exporter: it imports and exports); Japan's row has no quantity; code 999 is unknown; a 2021
    /// row and a second product (leading zero kept) are filtered out.
    /// </summary>
    private const string Flows = """
        t,i,j,k,v,q
        2022,156,842,"261710",1000.5,200
        2022,156,764,"261710",500,100
        2022,764,842,"261710",450,80
        2022,392,842,"261710",300,
        2022,999,842,"261710",10,5
        2021,156,842,"261710",1,1
        2022,156,842,"081110",1,50
        """;

    private string _folder = "";

    [SetUp]
    public void CreateFolder() => _folder = Directory.CreateTempSubdirectory("supplysim-baci-").FullName;

    [TearDown]
    public void RemoveFolder() => Directory.Delete(_folder, recursive: true);

    private (int Code, string Stdout, string Stderr, string Output) Import(params string[] extra)
    {
        string flows = Path.Combine(_folder, "BACI_HS17_Y2022.csv"), codes = Path.Combine(_folder, "country_codes.csv"), output = Path.Combine(_folder, "sb.yaml");
        File.WriteAllText(flows, Flows);
        File.WriteAllText(codes, Codes);
        var (code, stdout, stderr) = Execute(["import", "baci", flows, "--country-codes", codes, "--out", output, .. extra]);
        return (code, stdout, stderr, output);
    }

    [Test]
    public void Import_SmallBaciFile_BuildsAValidNetworkWithReexportersAndShares()
    {
        var (code, stdout, stderr, output) = Import("--products", "261710");
        Assert.That(code, Is.Zero, stderr);
        var model = TestModels.CompileFile(output);
        var document = ScenarioLoader.LoadFile(output, new DiagnosticBag())!;
        var nodes = document.Nodes.ToDictionary(n => n.Id!.Value);
        string Share(string from, string to) => File.ReadAllText(output).Split("  - from: ")
            .First(l => l.StartsWith($"{from}\n    to: {to}\n", StringComparison.Ordinal)).Split("share: ")[1].Split(' ')[0];
        using (Assert.EnterMultipleScope())
        {
            Assert.That(stderr, Does.Contain("warning: 1 flow(s) without a positive quantity (q empty, NA or 0) were skipped"));
            Assert.That(stderr, Does.Contain("warning: 1 flow(s) with a country code the table does not map to ISO alpha-2 were skipped: 999"));
            Assert.That(stdout, Does.Contain("3 flows of 2022").And.Contain("it validates"));
            Assert.That(nodes.Keys, Is.EquivalentTo(new[] { "cn-producer-261710", "th-traders-261710", "th-buyers-261710", "us-buyers-261710" }));
            // China exported 300 t and imported none: all production; capacity 300-450 t/yr.
            Assert.That(nodes["cn-producer-261710"].Capacity!.Parameters["min"], Is.EqualTo(300 / 365.0).Within(1e-9));
            // Thailand imported 100 t and exported 80 t: 80 t re-exported, 20 t kept as demand.
            Assert.That(nodes["th-traders-261710"].Kind!.Value, Is.EqualTo("transshipper"));
            Assert.That(nodes["th-buyers-261710"].Demand!["hs261710"].Parameters["value"], Is.EqualTo(20 / 365.0).Within(1e-9));
            Assert.That(nodes["us-buyers-261710"].Demand!["hs261710"].Parameters["value"], Is.EqualTo(280 / 365.0).Within(1e-9));
            // The US buys 200 t from China and 80 t through Thailand; Thailand's traders take 80 of its 100 t.
            Assert.That(Share("cn-producer-261710", "us-buyers-261710"), Is.EqualTo((200.0 / 280).ToString("0.###", CultureInfo.InvariantCulture)));
            Assert.That(Share("th-traders-261710", "us-buyers-261710"), Is.EqualTo((80.0 / 280).ToString("0.###", CultureInfo.InvariantCulture)));
            Assert.That(Share("cn-producer-261710", "th-traders-261710"), Is.EqualTo("1"));
            Assert.That(File.ReadAllText(output), Does.Contain("ASSUMPTION"));
            Assert.That(model.Network.MaterialIds, Is.EqualTo(new[] { "hs261710" }));
        }

        var result = MonteCarlo.Run(model, model.Scenarios[0], new MonteCarloOptions(4, 1, 1));
        Assert.That(result.Trials, Is.EqualTo(4), "the built file runs");
    }

    /// <summary>
    /// BACI records flows of a kilogram beside flows of thousands of tonnes, rows of 0 t, and country codes whose
    /// ISO alpha-2 is no assigned country (aggregates): tiny lanes keep a share above 0, zero rows and aggregates are
    /// skipped and counted, and the file still validates.
    /// </summary>
    [Test]
    public void Import_TinyAndZeroFlowsAndAggregateCodes_StillBuildAValidFile()
    {
        string flows = Path.Combine(_folder, "flows.csv"), codes = Path.Combine(_folder, "codes.csv"), output = Path.Combine(_folder, "tiny.yaml");
        File.WriteAllText(flows, """
            t,i,j,k,v,q
            2022,156,842,"261710",9000,5000
            2022,764,842,"261710",0.01,0.004
            2022,156,392,"261710",0.01,0.001
            2022,764,392,"261710",0.01,0
            2022,490,842,"261710",20,10
            """);
        File.WriteAllText(codes, Codes + "\n490,Other Asia nes,XA,XXA\n");
        var (code, stdout, stderr) = Execute(["import", "baci", flows, "--country-codes", codes, "--out", output]);
        Assert.That(code, Is.Zero, stderr);
        string text = File.ReadAllText(output);
        string Share(string from, string to) => text.Split("  - from: ")
            .First(l => l.StartsWith($"{from}\n    to: {to}\n", StringComparison.Ordinal)).Split("share: ")[1].Split(' ')[0];
        var nodes = ScenarioLoader.LoadFile(output, new DiagnosticBag())!.Nodes.ToDictionary(n => n.Id!.Value);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(stdout, Does.Contain("3 flows of 2022").And.Contain("it validates"));
            Assert.That(stderr, Does.Contain("warning: 1 flow(s) without a positive quantity (q empty, NA or 0) were skipped"));
            Assert.That(stderr, Does.Contain("warning: 1 flow(s) with a country code the table does not map to ISO alpha-2 were skipped: 490"));
            Assert.That(double.Parse(Share("th-producer-261710", "us-buyers-261710"), CultureInfo.InvariantCulture), Is.EqualTo(0.004 / 5000.004).Within(1e-9));
            Assert.That(Share("cn-producer-261710", "us-buyers-261710"), Is.EqualTo("1"));
            Assert.That(nodes["jp-buyers-261710"].Demand!["hs261710"].Parameters["value"], Is.EqualTo(0.001 / 365.0).Within(1e-12));
        }
    }

    /// <summary>
    /// Rows are judged as they stream past, before the year is known: the latest year's problems are warned about,
    /// and every row of another year counts as filtered, whatever else is wrong with it.
    /// </summary>
    [Test]
    public void Import_YearChosenAtTheEnd_OtherYearsRowsCountAsFilteredOnly()
    {
        var (latest, latestOut, latestErr, _) = Import();
        var (earlier, earlierOut, earlierErr, _) = Import("--year", "2021");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(latest, Is.Zero, latestErr);
            Assert.That(latestOut, Does.Contain("4 flows of 2022 (1 rows of other years or products, 0 below --min-flow"));
            Assert.That(latestErr, Does.Contain("1 flow(s) without a positive quantity").And.Contain("were skipped: 999"));
            Assert.That(earlier, Is.Zero, earlierErr);
            Assert.That(earlierOut, Does.Contain("1 flows of 2021 (6 rows of other years or products, 0 below --min-flow"));
            Assert.That(earlierErr, Does.Not.Contain("without a positive quantity").And.Not.Contain("999"), "2022's problems are not 2021's");
        }
    }

    [Test]
    public void Import_AllProducts_KeepsTheLeadingZero()
    {
        var (code, _, stderr, output) = Import();
        Assert.That(code, Is.Zero, stderr);
        Assert.That(TestModels.CompileFile(output).Network.MaterialIds, Is.EqualTo(new[] { "hs081110", "hs261710" }));
    }

    [Test]
    public void Import_SectorFile_NamesTheImportersSectors()
    {
        string sectors = Path.Combine(_folder, "sectors.csv");
        File.WriteAllText(sectors, "country,sector\nUS,defense\n");
        var (code, _, stderr, output) = Import("--products", "261710", "--sectors", sectors);
        Assert.That(code, Is.Zero, stderr);
        var document = ScenarioLoader.LoadFile(output, new DiagnosticBag())!;
        var sectorOf = document.Nodes.Where(n => n.Kind!.Value == "consumer").ToDictionary(n => n.Id!.Value, n => n.Sector!.Value);
        Assert.That(sectorOf, Is.EqualTo(new Dictionary<string, string> { ["th-buyers-261710"] = "all", ["us-buyers-261710"] = "defense" }));
        File.WriteAllText(sectors, "country,sector\nUSA,Defense Primes\n");
        var (bad, _, error, _) = Import("--sectors", sectors);
        Assert.That(bad, Is.EqualTo(2));
        Assert.That(error, Does.Contain("sectors.csv:2: expected an ISO alpha-2 country and a sector id"));
    }

    [Test]
    public void Import_BadInput_ClearErrorsAndNothingWritten()
    {
        var (noYear, _, yearError, output) = Import("--year", "2019");
        var (badProduct, _, productError, _) = Import("--products", "2617");
        File.WriteAllText(Path.Combine(_folder, "broken.csv"), "year,from,to\n2022,1,2\n");
        var (badHeader, _, headerError) = Execute("import", "baci", Path.Combine(_folder, "broken.csv"), "--country-codes", Path.Combine(_folder, "country_codes.csv"), "--out", output);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(noYear, Is.EqualTo(2));
            Assert.That(yearError, Does.Contain("no flow of year 2019"));
            Assert.That(badProduct, Is.EqualTo(2));
            Assert.That(productError, Does.Contain("six digits"));
            Assert.That(badHeader, Is.EqualTo(2));
            Assert.That(headerError, Does.Contain("broken.csv:1: expected BACI's header t,i,j,k,v,q"));
            Assert.That(File.Exists(output), Is.False);
        }
    }

    [TestCase("1e400", TestName = "Import_QuantityInfinite_RefusedAtItsLine")]
    [TestCase("Infinity", TestName = "Import_QuantityInfinity_RefusedAtItsLine")]
    [TestCase("1e300", TestName = "Import_QuantityAbsurd_RefusedAtItsLine")]
    [TestCase("-5", TestName = "Import_QuantityNegative_RefusedAtItsLine")]
    [TestCase("abc", TestName = "Import_QuantityNotANumber_RefusedAtItsLine")]
    public void Import_DamagedQuantity_ExitsTwoWithFileLineValueAndExpectation(string q)
    {
        string flows = Path.Combine(_folder, "flows.csv"), codes = Path.Combine(_folder, "codes.csv"), output = Path.Combine(_folder, "x.yaml");
        File.WriteAllText(flows, $"t,i,j,k,v,q\n2022,156,842,\"261710\",10,5\n2022,156,392,\"261710\",1,{q}\n");
        File.WriteAllText(codes, Codes);
        var (code, _, stderr) = Execute("import", "baci", flows, "--country-codes", codes, "--out", output);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(code, Is.EqualTo(2), stderr);
            Assert.That(stderr, Does.StartWith($"error: {flows}:3: quantity q is '{q}'; expected tonnes from 0 to 1e12, or empty or NA when unknown"));
            Assert.That(File.Exists(output), Is.False);
        }
    }

    [TestCase("Ab C!")]
    [TestCase("26171")]
    public void Import_ProductNotSixDigits_ExitsTwoWithFileLineAndValue(string product)
    {
        string flows = Path.Combine(_folder, "flows.csv"), codes = Path.Combine(_folder, "codes.csv"), output = Path.Combine(_folder, "x.yaml");
        File.WriteAllText(flows, $"t,i,j,k,v,q\n2022,156,842,\"{product}\",1,5\n");
        File.WriteAllText(codes, Codes);
        var (code, _, stderr) = Execute("import", "baci", flows, "--country-codes", codes, "--out", output);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(code, Is.EqualTo(2), stderr);
            Assert.That(stderr, Does.StartWith($"error: {flows}:2: product k is '{product}'; expected an HS6 code of six digits"));
            Assert.That(File.Exists(output), Is.False);
        }
    }

    [Test]
    public void Import_OutIsTheInput_RefusedAndTheInputKept()
    {
        string flows = Path.Combine(_folder, "flows.csv"), codes = Path.Combine(_folder, "codes.csv");
        File.WriteAllText(flows, Flows);
        File.WriteAllText(codes, Codes);
        var (code, _, stderr) = Execute("import", "baci", flows, "--country-codes", codes, "--out", flows);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(code, Is.EqualTo(2), stderr);
            Assert.That(stderr, Does.StartWith($"error: --out '{flows}' is the input '{flows}'"));
            Assert.That(File.ReadAllText(flows), Is.EqualTo(Flows));
        }
    }

    [Test]
    public void Import_HeaderOnly_SaysTheFileHasNoRows()
    {
        string flows = Path.Combine(_folder, "flows.csv"), codes = Path.Combine(_folder, "codes.csv");
        File.WriteAllText(flows, "t,i,j,k,v,q\n");
        File.WriteAllText(codes, Codes);
        var (code, _, stderr) = Execute("import", "baci", flows, "--country-codes", codes, "--out", Path.Combine(_folder, "x.yaml"));
        Assert.That(code, Is.EqualTo(2), stderr);
        Assert.That(stderr, Does.StartWith($"error: {flows} has no rows of flows after its header"));
    }

    [Test]
    public void Import_FolderGivenAsAFile_SaysItIsAFolder()
    {
        string folder = Directory.CreateDirectory(Path.Combine(_folder, "d")).FullName;
        var (asFlows, _, flowsError, _) = Import();
        Assert.That(asFlows, Is.Zero, flowsError);
        string flows = Path.Combine(_folder, "BACI_HS17_Y2022.csv"), codes = Path.Combine(_folder, "country_codes.csv"), output = Path.Combine(_folder, "y.yaml");
        var (code, _, stderr) = Execute("import", "baci", folder, "--country-codes", codes, "--out", output);
        var (sectorCode, _, sectorError) = Execute("import", "baci", flows, "--country-codes", codes, "--out", output, "--sectors", folder);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(code, Is.EqualTo(2));
            Assert.That(stderr, Does.StartWith($"error: '{folder}' is a folder; expected a CSV file"));
            Assert.That(sectorCode, Is.EqualTo(2));
            Assert.That(sectorError, Does.StartWith($"error: --sectors '{folder}' is a folder; expected a CSV file"));
        }
    }
}
