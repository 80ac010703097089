using NUnit.Framework;
using SupplySim.Tests.Support;
using static SupplySim.Tests.Support.CliRunner;

namespace SupplySim.Tests.Streaming;

/// <summary>
/// A run whose files cannot be written (a full disk) ends in one error line and exit 2, prints no summary, leaves no
/// spool folder or temporary file and keeps the previous results. The full disk is /dev/full, which fails every write with
/// ENOSPC, linked in place of the spool's first file and of the Parquet file's temporary name.
/// </summary>
[TestFixture]
internal sealed class StreamingFailureTests
{
    private string _out = "";

    [SetUp]
    public void CreateFolder() => _out = Directory.CreateTempSubdirectory("supplysim-streamfail-").FullName;

    [TearDown]
    public void RemoveFolder() => Directory.Delete(_out, recursive: true);

    private static string Minimal => Path.Combine(TestModels.RepoRoot(), "tests", "SupplySim.Tests", "Corpus", "valid", "minimal.yaml");

    /// <summary>The results, not the hidden temporaries (which may be links to /dev/full).</summary>
    private Dictionary<string, byte[]> Results() =>
        Directory.GetFiles(_out).Where(path => !Path.GetFileName(path).StartsWith('.')).ToDictionary(path => path, File.ReadAllBytes);

    [TestCase("csv", TestName = "Run_StreamedCsvSpoolOnAFullDisk_ReportsTheErrorAndLeavesNoTemporaries")]
    [TestCase("parquet", TestName = "Run_StreamedParquetOnAFullDisk_ReportsTheErrorAndLeavesNoTemporaries")]
    public void Run_StreamedOnAFullDisk_ReportsTheErrorAndLeavesNoTemporaries(string file)
    {
        Assume.That(File.Exists("/dev/full"), "Linux's /dev/full");
        Assert.That(Execute("run", Minimal, "--trials", "50", "--out", _out).Code, Is.Zero);
        var before = Results();
        // The names this process's streamed run writes to (TrialCsvSpool, TrialParquetStream).
        string pid = Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (file == "csv")
        {
            string spool = Directory.CreateDirectory(Path.Combine(_out, $".trials.csv.{pid}.spool")).FullName;
            File.CreateSymbolicLink(Path.Combine(spool, "0.csv"), "/dev/full");
        }
        else
        {
            File.CreateSymbolicLink(Path.Combine(_out, $".trials.parquet.{pid}.tmp"), "/dev/full");
        }

        var (code, _, stderr) = Execute("run", Minimal, "--trials", "3000", "--stream", "--out", _out);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(code, Is.EqualTo(2), stderr);
            Assert.That(stderr, Does.Contain("error: No space left on device").And.Not.Contain("Exception").And.Not.Contain("   at "));
            Assert.That(Directory.GetFileSystemEntries(_out, ".*"), Is.Empty, "no spool folder, no temporary file");
            Assert.That(Results(), Is.EqualTo(before));
        }
    }

    [TestCase(true, TestName = "Run_FilesCannotBeWritten_PrintsNoJson")]
    [TestCase(false, TestName = "Run_FilesCannotBeWritten_PrintsNoTable")]
    public void Run_FilesCannotBeWritten_PrintsNoSummary(bool json)
    {
        Assume.That(File.Exists("/dev/full"), "Linux's /dev/full");
        Assert.That(Execute("run", Minimal, "--trials", "20", "--out", _out).Code, Is.Zero);
        var before = Results();
        string pid = Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture);
        File.CreateSymbolicLink(Path.Combine(_out, $".summary.json.{pid}.tmp"), "/dev/full");
        string[] args = json ? ["run", Minimal, "--trials", "30", "--json", "--out", _out] : ["run", Minimal, "--trials", "30", "--out", _out];
        var (code, stdout, stderr) = Execute(args);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(code, Is.EqualTo(2), stderr);
            Assert.That(stderr, Does.Contain("error: No space left on device"));
            Assert.That(stdout, Is.Empty, "the answer of a run that failed is not printed");
            Assert.That(Directory.GetFileSystemEntries(_out, ".*"), Is.Empty);
            Assert.That(Results(), Is.EqualTo(before));
        }
    }
}
