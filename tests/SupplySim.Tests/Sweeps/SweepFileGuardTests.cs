using System.Text;
using NUnit.Framework;
using SupplySim.Scenario;
using SupplySim.Sweeps;
using SupplySim.Tests.Support;

namespace SupplySim.Tests.Sweeps;

/// <summary>
/// A sweep file and the scenario file it names get the guards of scenario files (SS0010): at most 8 MiB, valid
/// UTF-8, not a folder; nothing is run.
/// </summary>
[TestFixture]
internal sealed class SweepFileGuardTests
{
    private string _dir = "";

    [SetUp]
    public void CreateFolder() => _dir = Directory.CreateTempSubdirectory("supplysim-sweepguard-").FullName;

    [TearDown]
    public void RemoveFolder() => Directory.Delete(_dir, recursive: true);

    private static string Shipped => Path.Combine(TestModels.RepoRoot(), "scenarios", "critical-minerals.yaml");

    private static string Sweep(string scenarioFile) => SweepLoaderTests.Sweep("  - {path: 'nodes[us-defense-primes].days_of_cover', min: 30d, max: 90d}\n")
        .Replace($"scenario_file: {Shipped}", $"scenario_file: {scenarioFile}", StringComparison.Ordinal);

    private string Error(string sweepPath)
    {
        var diagnostics = new DiagnosticBag();
        Assert.That(SweepLoader.LoadFile(sweepPath, diagnostics), Is.Null);
        return string.Join("\n", diagnostics.Items.Where(d => d.Severity == Severity.Error));
    }

    [Test]
    public void LoadFile_ScenarioFileNotUtf8_Ss0010AtTheScenarioFile()
    {
        string scenario = Path.Combine(_dir, "latin1.yaml");
        // The shipped file with one Latin-1 byte (é) in a comment: YAML-valid after lossy decoding, so only the check finds it.
        File.WriteAllBytes(scenario, [.. Encoding.UTF8.GetBytes("# caf"), 0xE9, (byte)'\n', .. File.ReadAllBytes(Shipped)]);
        string sweep = Path.Combine(_dir, "sweep.yaml");
        File.WriteAllText(sweep, Sweep(scenario));
        Assert.That(Error(sweep), Does.StartWith($"{scenario}:1:1: error SS0010: file is not valid UTF-8 (bad byte at offset 5)"));
    }

    [Test]
    public void LoadFile_SweepFileNotUtf8_Ss0010()
    {
        string sweep = Path.Combine(_dir, "sweep.yaml");
        File.WriteAllBytes(sweep, [.. Encoding.UTF8.GetBytes("# caf"), 0xE9, (byte)'\n', .. Encoding.UTF8.GetBytes(Sweep(Shipped))]);
        Assert.That(Error(sweep), Does.StartWith($"{sweep}:1:1: error SS0010: file is not valid UTF-8"));
    }

    [Test]
    public void LoadFile_SweepFileOverTheCap_Ss0010()
    {
        string sweep = Path.Combine(_dir, "sweep.yaml");
        File.WriteAllText(sweep, Sweep(Shipped) + "#" + new string('x', (int)ScenarioLoader.MaxFileBytes) + "\n");
        Assert.That(Error(sweep), Does.StartWith($"{sweep}:1:1: error SS0010: file is ").And.Contain($"at most {ScenarioLoader.MaxFileBytes} are accepted"));
    }

    [Test]
    public void LoadFile_ScenarioFileIsAFolder_Ss0010()
    {
        string folder = Directory.CreateDirectory(Path.Combine(_dir, "adir")).FullName;
        string sweep = Path.Combine(_dir, "sweep.yaml");
        File.WriteAllText(sweep, Sweep(folder));
        Assert.That(Error(sweep), Does.Contain($"error SS0010: '{folder}' is a directory; expected a scenario file"));
    }

    [Test]
    public void Sweep_FolderGivenAsTheFile_Ss0010LikeRun()
    {
        var (code, _, stderr) = CliRunner.Execute("sweep", _dir);
        Assert.That(code, Is.EqualTo(1), stderr);
        Assert.That(stderr, Does.Contain($"error SS0010: '{_dir}' is a directory; expected a sweep file"));
    }
}
