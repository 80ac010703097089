using NUnit.Framework;
using SupplySim.Tests.Support;
using static SupplySim.Tests.Support.CliRunner;

namespace SupplySim.Tests.Cli;

/// <summary>
/// Smaller command-line mistakes: each gets one error that says what was wrong, on stderr only (stdout may feed a
/// --json pipeline), and exit 2.
/// </summary>
[TestFixture]
internal sealed class CommandLineErrorTests
{
    private string _dir = "";

    [SetUp]
    public void CreateFolder() => _dir = Directory.CreateTempSubdirectory("supplysim-cmdline-").FullName;

    [TearDown]
    public void RemoveFolder() => Directory.Delete(_dir, recursive: true);

    private static string Corpus(string name) => Path.Combine(TestModels.RepoRoot(), "tests", "SupplySim.Tests", "Corpus", "valid", name);

    [Test]
    public void Run_OptionGivenTwice_ErrorOnStderrAndNoHelpOnStdout()
    {
        var (code, stdout, stderr) = Execute("run", Corpus("minimal.yaml"), "--trials", "10", "--trials", "20", "--json");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(code, Is.EqualTo(2));
            Assert.That(stdout, Is.Empty);
            Assert.That(stderr, Does.Contain("--trials").And.EndWith("usage: see 'supplysim run --help'" + Environment.NewLine));
        }
    }

    [Test]
    public void MisspeltVerb_SuggestionOnStderrOnly()
    {
        var (code, stdout, stderr) = Execute("valdate", Corpus("minimal.yaml"));
        using (Assert.EnterMultipleScope())
        {
            Assert.That(code, Is.EqualTo(2));
            Assert.That(stdout, Is.Empty);
            Assert.That(stderr, Does.Contain("validate").And.Contain("usage: see 'supplysim --help'"));
        }
    }

    [Test]
    public void UnknownOptionWithAValue_OneErrorNotASecondAboutFiles()
    {
        var (code, _, stderr) = Execute("validate", Corpus("minimal.yaml"), "--trials", "10");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(code, Is.EqualTo(2));
            Assert.That(stderr, Does.StartWith("error: unknown option '--trials' for 'validate'").And.Contain("; '10' after it is taken as its value"));
            Assert.That(stderr, Does.Not.Contain("takes exactly one FILE"));
        }
    }

    [Test]
    public void Discover_MinCoverageNaN_Refused()
    {
        var (code, _, stderr) = Execute("discover", _dir, "--output", "x", "--above", "0.1", "--min-coverage", "NaN");
        Assert.That(code, Is.EqualTo(2));
        Assert.That(stderr, Does.StartWith("error: --min-coverage must be a share in (0, 1], was 'NaN'"));
    }

    [Test]
    public void Posterior_AFile_SaysItIsAFile()
    {
        string file = Path.Combine(_dir, "afile");
        File.WriteAllText(file, "");
        var (code, _, stderr) = Execute("run", Corpus("minimal.yaml"), "--trials", "4", "--out", _dir, "--posterior", file);
        Assert.That(code, Is.EqualTo(2));
        Assert.That(stderr, Does.StartWith($"error: --posterior: '{file}' is a file; expected the --out folder of calibrate"));
    }

    [Test]
    public void Optimize_FolderAsFile_Ss0010LikeRun()
    {
        var (code, _, stderr) = Execute("optimize", _dir);
        Assert.That(code, Is.EqualTo(1), stderr);
        Assert.That(stderr, Does.Contain($"error SS0010: '{_dir}' is a directory"));
    }

    [Test]
    public void OptimizeShard_TrialsOtherThanTheDrivers_Refused()
    {
        string file = Corpus("decisions.yaml");
        var (driven, _, driverError) = Execute("optimize", file, "--out", _dir, "--shards", "2", "--trials", "5");
        Assert.That(driven, Is.Zero, driverError);
        var (code, _, stderr) = Execute("optimize", file, "--out", _dir, "--shard", "0/2", "--trials", "7");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(code, Is.EqualTo(2));
            Assert.That(stderr, Does.StartWith("error: --trials differ(s) from the search in").And.Contain("--trials 5"));
        }

        Assert.That(Execute("optimize", file, "--out", _dir, "--shard", "0/2", "--trials", "5").Code, Is.Zero, "the driver's own value is fine");
    }
}
