using NUnit.Framework;
using SupplySim.Calibration;
using SupplySim.Tests.Support;
using static SupplySim.Tests.Support.CliRunner;

namespace SupplySim.Tests.Calibration;

/// <summary><c>sweep --posterior</c>: points draw the calibrated parameters the sweep does not set; shards merge with it.</summary>
[TestFixture]
internal sealed class SweepPosteriorTests
{
    private string _root = "";

    [SetUp]
    public void CreateFolder() => _root = Directory.CreateTempSubdirectory("supplysim-sweep-posterior-").FullName;

    [TearDown]
    public void RemoveFolder() => Directory.Delete(_root, recursive: true);

    private const string Sweep = """
        name: east demand
        scenario_file: model.yaml
        scenario: ban
        seed: 5
        trials: 40
        parameters:
          - path: nodes[east].days_of_cover
            name: cover
            min: 5d
            max: 40d
        design:
          type: grid
          levels: 3
        outputs:
          - metric: shortage_fraction
            entity: east
            material: sb
            statistic: mean
          - metric: demand_t
            entity: west
            material: sb
            statistic: mean
        """;

    private string Folder(string name, string model)
    {
        string folder = Path.Combine(_root, name);
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "model.yaml"), model);
        File.WriteAllText(Path.Combine(folder, "sweep.yaml"), Sweep);
        return folder;
    }

    [Test]
    public void Sweep_PosteriorOfOneParticle_EqualsTheSweepOfTheFileWithThoseValuesFixed_AlsoWhenSharded()
    {
        string uncertainModel = CalibrationModels.WithObservations([1, 1, 1, 1], CalibrationModels.EastBan);
        string uncertain = Folder("uncertain", uncertainModel);
        string fixedValues = Folder("fixed", uncertainModel
            .Replace("{sb: {dist: uniform, min: 5, max: 15, unit: t/d}}", "{sb: 12.5 t/d}", StringComparison.Ordinal)
            .Replace("{sb: {dist: uniform, min: 20, max: 40, unit: t/d}}", "{sb: 33 t/d}", StringComparison.Ordinal));
        var model = TestModels.CompileFile(Path.Combine(uncertain, "model.yaml"));
        string posteriorFolder = Path.Combine(_root, "posterior");
        Directory.CreateDirectory(posteriorFolder);
        using (var stream = File.Create(Path.Combine(posteriorFolder, PosteriorFile.Name)))
        {
            PosteriorFile.Write(new Posterior(CalibrationModels.Parameters, [12.5, 33], [1.0], NetworkFingerprint.Of(model.Network)), stream);
        }

        string a = Path.Combine(_root, "a"), b = Path.Combine(_root, "b"), sharded = Path.Combine(_root, "sharded");
        var fromPosterior = Execute("sweep", Path.Combine(uncertain, "sweep.yaml"), "--out", a, "--posterior", posteriorFolder);
        var fromFixed = Execute("sweep", Path.Combine(fixedValues, "sweep.yaml"), "--out", b);
        var shard0 = Execute("sweep", Path.Combine(uncertain, "sweep.yaml"), "--out", sharded, "--shard", "0/2", "--posterior", posteriorFolder);
        var shard1 = Execute("sweep", Path.Combine(uncertain, "sweep.yaml"), "--out", sharded, "--shard", "1/2", "--posterior", posteriorFolder);
        var merged = Execute("merge", sharded);
        var plain = Execute("sweep", Path.Combine(uncertain, "sweep.yaml"), "--out", Path.Combine(_root, "plain"));
        using (Assert.EnterMultipleScope())
        {
            Assert.That(fromPosterior.Code, Is.Zero, fromPosterior.Stderr);
            Assert.That(fromFixed.Code, Is.Zero, fromFixed.Stderr);
            Assert.That(File.ReadAllBytes(Path.Combine(a, "results.csv")), Is.EqualTo(File.ReadAllBytes(Path.Combine(b, "results.csv"))));
            Assert.That(shard0.Code + shard1.Code + merged.Code, Is.Zero, shard0.Stderr + shard1.Stderr + merged.Stderr);
            Assert.That(File.ReadAllBytes(Path.Combine(sharded, "results.csv")), Is.EqualTo(File.ReadAllBytes(Path.Combine(a, "results.csv"))));
            Assert.That(plain.Code, Is.Zero, plain.Stderr);
            Assert.That(File.ReadAllBytes(Path.Combine(_root, "plain", "results.csv")), Is.Not.EqualTo(File.ReadAllBytes(Path.Combine(a, "results.csv"))));
        }
    }
}
