using System.Text.Json;
using NUnit.Framework;
using SupplySim.Calibration;
using SupplySim.Tests.Support;
using static SupplySim.Tests.Support.CliRunner;

namespace SupplySim.Tests.Calibration;

/// <summary><c>supplysim calibrate</c> and <c>--posterior</c> end to end: files, byte identity, and bad input.</summary>
[TestFixture]
internal sealed class CalibrateCommandTests
{
    private string _root = "";

    [SetUp]
    public void CreateFolder() => _root = Directory.CreateTempSubdirectory("supplysim-calibrate-").FullName;

    [TearDown]
    public void RemoveFolder() => Directory.Delete(_root, recursive: true);

    private string WriteModel(string yaml, string folder = "model")
    {
        string directory = Path.Combine(_root, folder);
        Directory.CreateDirectory(directory);
        string path = Path.Combine(directory, "model.yaml");
        File.WriteAllText(path, yaml);
        return path;
    }

    private static readonly string[] Small = ["--budget", "8000", "--particles", "100", "--check-trials", "50", "--seed", "4"];

    [Test]
    public void Calibrate_SmallNetwork_WritesPosteriorJsonAndReportThatAgree()
    {
        string file = WriteModel(CalibrationModels.WithObservations(CalibrationModels.Observe([9, 31], 77)));
        string output = Path.Combine(_root, "out");
        var (code, stdout, stderr) = Execute(["calibrate", file, "--out", output, .. Small]);
        Assert.That(code, Is.Zero, stderr);
        var posterior = PosteriorFile.Read(output, out string? problem);
        using var json = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(output, "calibration.json")));
        var root = json.RootElement;
        string html = File.ReadAllText(Path.Combine(output, "calibration.html"));
        using (Assert.EnterMultipleScope())
        {
            Assert.That(problem, Is.Null);
            Assert.That(posterior!.ParameterNames, Is.EqualTo(CalibrationModels.Parameters));
            Assert.That(posterior.Particles, Is.EqualTo(100));
            Assert.That(root.GetProperty("schema").GetString(), Is.EqualTo("supplysim.calibration/1"));
            var east = root.GetProperty("parameters")[0];
            Assert.That(east.GetProperty("name").GetString(), Is.EqualTo("nodes[east].demand.sb"));
            // The prior is uniform 5-15 t/d; the truth 9 t/d: the posterior's P5-P95 is inside the prior's and holds it.
            Assert.That(east.GetProperty("posterior").GetProperty("p5").GetDouble(), Is.GreaterThan(east.GetProperty("prior").GetProperty("p5").GetDouble()));
            Assert.That(east.GetProperty("posterior").GetProperty("p95").GetDouble(), Is.LessThan(east.GetProperty("prior").GetProperty("p95").GetDouble()));
            Assert.That(east.GetProperty("posterior").GetProperty("p5").GetDouble(), Is.LessThan(9.0));
            Assert.That(east.GetProperty("posterior").GetProperty("p95").GetDouble(), Is.GreaterThan(9.0));
            var observation = root.GetProperty("observations")[0];
            Assert.That(observation.GetProperty("fitted").GetBoolean(), Is.True);
            Assert.That(observation.GetProperty("posterior").GetProperty("crps").GetDouble(),
                Is.LessThan(observation.GetProperty("prior").GetProperty("crps").GetDouble()));
            Assert.That(html, Does.Contain("Prior and posterior of each parameter").And.Contain("Predictive bands against observations"));
            Assert.That(stdout, Does.Contain("geometric mean CRPS posterior/prior"));
        }
    }

    [Test]
    public void Run_PosteriorOfOneParticle_EqualsTheFileWithThoseValuesFixedByteForByte()
    {
        string uncertain = WriteModel(CalibrationModels.WithObservations([1, 1, 1, 1]), "uncertain");
        string fixedValues = WriteModel(CalibrationModels.WithObservations([1, 1, 1, 1])
            .Replace("{sb: {dist: uniform, min: 5, max: 15, unit: t/d}}", "{sb: 12.5 t/d}", StringComparison.Ordinal)
            .Replace("{sb: {dist: uniform, min: 20, max: 40, unit: t/d}}", "{sb: 33 t/d}", StringComparison.Ordinal), "fixed");
        var model = TestModels.CompileFile(uncertain);
        string posteriorFolder = Path.Combine(_root, "posterior");
        Directory.CreateDirectory(posteriorFolder);
        using (var stream = File.Create(Path.Combine(posteriorFolder, PosteriorFile.Name)))
        {
            PosteriorFile.Write(new Posterior(CalibrationModels.Parameters, [12.5, 33], [1.0], NetworkFingerprint.Of(model.Network)), stream);
        }

        string a = Path.Combine(_root, "a"), b = Path.Combine(_root, "b");
        var fromPosterior = Execute("run", uncertain, "--trials", "40", "--seed", "9", "--out", a, "--posterior", posteriorFolder);
        var fromFixed = Execute("run", fixedValues, "--trials", "40", "--seed", "9", "--out", b);
        var plain = Execute("run", uncertain, "--trials", "40", "--seed", "9", "--out", Path.Combine(_root, "c"));
        using (Assert.EnterMultipleScope())
        {
            Assert.That(fromPosterior.Code, Is.Zero, fromPosterior.Stderr);
            Assert.That(fromFixed.Code, Is.Zero, fromFixed.Stderr);
            Assert.That(File.ReadAllBytes(Path.Combine(a, "summary.json")), Is.EqualTo(File.ReadAllBytes(Path.Combine(b, "summary.json"))));
            Assert.That(File.ReadAllBytes(Path.Combine(a, "trials.csv")), Is.EqualTo(File.ReadAllBytes(Path.Combine(b, "trials.csv"))));
            // And the posterior did something: the run from the priors differs.
            Assert.That(File.ReadAllBytes(Path.Combine(_root, "c", "trials.csv")), Is.Not.EqualTo(File.ReadAllBytes(Path.Combine(a, "trials.csv"))));
        }
    }

    [Test]
    public void Calibrate_UnknownParameterPath_ExitsOneAtItsLineAndWritesNothing()
    {
        string file = WriteModel(CalibrationModels.WithObservations([1000, 1000, 5000, 5000], """
            calibrate:
              parameters:
                - nodes[east].demand.sb
                - nodes[est].demand.sb
                - nodes[mine].capacity
            """));
        string output = Path.Combine(_root, "out");
        var (code, _, stderr) = Execute(["calibrate", file, "--out", output, .. Small]);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(code, Is.EqualTo(1));
            Assert.That(stderr, Does.Contain("error SS0123").And.Contain("'nodes[est].demand.sb' is not a parameter of this file")
                .And.Contain("did you mean 'nodes[east].demand.sb'"));
            Assert.That(stderr, Does.Contain("'nodes[mine].capacity' is not uncertain per trial"));
            Assert.That(stderr, Does.Match(@"model\.yaml:\d+:\d+: error SS0123"));
            Assert.That(Directory.Exists(output), Is.False);
        }
    }

    [Test]
    public void Calibrate_UntilBeforeEveryObservation_ExitsTwoAndWritesNothing()
    {
        string file = WriteModel(CalibrationModels.WithObservations([1000, 1000, 5000, 5000]));
        string output = Path.Combine(_root, "out");
        var (code, _, stderr) = Execute(["calibrate", file, "--out", output, "--until", "2024-03-01", .. Small]);
        var (badDate, _, dateError) = Execute(["calibrate", file, "--out", output, "--until", "March", .. Small]);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(code, Is.EqualTo(2));
            Assert.That(stderr, Does.Contain("no observation").And.Contain("the earliest ends 2024-07-01"));
            Assert.That(badDate, Is.EqualTo(2));
            Assert.That(dateError, Does.Contain("--until must be a date as YYYY-MM-DD, was 'March'"));
            Assert.That(Directory.Exists(output), Is.False);
        }
    }

    [Test]
    public void Run_PosteriorFolderEmptyOrFromAnotherNetwork_ExitsTwoAndWritesNothing()
    {
        string file = WriteModel(CalibrationModels.WithObservations([1000, 1000, 5000, 5000]));
        string empty = Path.Combine(_root, "empty");
        Directory.CreateDirectory(empty);
        string other = Path.Combine(_root, "other");
        Directory.CreateDirectory(other);
        using (var stream = File.Create(Path.Combine(other, PosteriorFile.Name)))
        {
            PosteriorFile.Write(new Posterior(CalibrationModels.Parameters, [12.5, 33], [1.0], "0123456789abcdef"), stream);
        }

        string output = Path.Combine(_root, "out");
        var fromEmpty = Execute("run", file, "--trials", "8", "--out", output, "--posterior", empty);
        var fromOther = Execute("backtest", file, "--trials", "8", "--out", output, "--posterior", other);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(fromEmpty.Code, Is.EqualTo(2));
            Assert.That(fromEmpty.Stderr, Does.Contain("holds no posterior.parquet"));
            Assert.That(fromOther.Code, Is.EqualTo(2));
            Assert.That(fromOther.Stderr, Does.Contain("fitted to another network"));
            Assert.That(Directory.Exists(output), Is.False);
        }
    }
}
