using System.Globalization;
using NUnit.Framework;
using SupplySim.Tests.Calibration;
using static SupplySim.Tests.Support.CliRunner;

namespace SupplySim.Tests.Decisions;

/// <summary><c>run --parameters</c> records what the trials used, and <c>discover</c> explains a run's trials with it.</summary>
[TestFixture]
internal sealed class RunDiscoveryTests
{
    private string _folder = "";

    [SetUp]
    public void CreateFolder() => _folder = Directory.CreateTempSubdirectory("supplysim-run-discovery-").FullName;

    [TearDown]
    public void RemoveFolder() => Directory.Delete(_folder, recursive: true);

    /// <summary>Two consumers with uncertain, correlated demand rates and no daily noise: a year's demand is the rate times 366 days.</summary>
    private string WriteModel()
    {
        string yaml = CalibrationModels.WithObservations([1, 1, 1, 1], CalibrationModels.EastBan + """

            correlations:
              parameters:
                - nodes[east].demand.sb
                - nodes[west].demand.sb
              matrix:
                - [1, 0.6]
                - [0.6, 1]
            """).Replace("demand_cv: 0.3", "demand_cv: 0", StringComparison.Ordinal);
        string file = Path.Combine(_folder, "model.yaml");
        File.WriteAllText(file, yaml);
        return file;
    }

    [Test]
    public void RunParameters_AreTheValuesTheTrialsUsed()
    {
        string output = Path.Combine(_folder, "out");
        var (code, _, stderr) = Execute("run", WriteModel(), "--trials", "50", "--seed", "8", "--parameters", "--out", output);
        Assert.That(code, Is.Zero, stderr);
        string[] parameters = File.ReadAllLines(Path.Combine(output, "parameters.csv"));
        int east = Array.IndexOf(parameters[0].Split(','), "nodes[east].demand.sb");
        var demand = File.ReadAllLines(Path.Combine(output, "trials.csv")).Skip(1).Select(l => l.Split(','))
            .Where(c => c[0] == "baseline" && c[2] == "consumer" && c[3] == "east").ToDictionary(c => int.Parse(c[1], CultureInfo.InvariantCulture), c => double.Parse(c[5], CultureInfo.InvariantCulture));
        using (Assert.EnterMultipleScope())
        {
            Assert.That(east, Is.GreaterThan(0));
            Assert.That(parameters, Has.Length.EqualTo(51));
            foreach (string row in parameters.Skip(1))
            {
                var cells = row.Split(',');
                int trial = int.Parse(cells[0], CultureInfo.InvariantCulture);
                Assert.That(demand[trial], Is.EqualTo(double.Parse(cells[east], CultureInfo.InvariantCulture) * 366).Within(1e-6), $"trial {trial}");
            }
        }
    }

    [Test]
    public void Discover_RunTrials_PointsAtTheDemandThatCausesShortage()
    {
        string output = Path.Combine(_folder, "out");
        var run = Execute("run", WriteModel(), "--trials", "800", "--seed", "8", "--parameters", "--out", output);
        Assert.That(run.Code, Is.Zero, run.Stderr);
        // Tonnes short during the ban grow with the demand rate (the fraction hardly does: the stock scales with it too).
        var shortages = File.ReadAllLines(Path.Combine(output, "trials.csv")).Skip(1).Select(l => l.Split(','))
            .Where(c => c[0] == "ban" && c[2] == "consumer" && c[3] == "east").Select(c => double.Parse(c[7], CultureInfo.InvariantCulture)).Order().ToArray();
        double median = shortages[shortages.Length / 2];
        var (code, stdout, stderr) = Execute("discover", output, "--scenario", "ban", "--output", "shortage_t:east:sb",
            "--above", median.ToString("R", CultureInfo.InvariantCulture));
        var noScenario = Execute("discover", output, "--output", "shortage_fraction:east:sb", "--above", "0.1");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(code, Is.Zero, stderr);
            // Under the ban a higher demand rate runs out sooner: the box restricts east's demand from below.
            Assert.That(stdout, Does.Match(@"nodes\[east\]\.demand\.sb in \[(9|1\d)"));
            Assert.That(noScenario.Code, Is.EqualTo(2));
            Assert.That(noScenario.Stderr, Does.Contain("needs --scenario"));
        }
    }
}
