using System.Diagnostics;
using NUnit.Framework;
using SupplySim.Cli;
using SupplySim.Tests.Support;

namespace SupplySim.Tests.Robustness;

/// <summary>
/// The CLI started as a child process and killed with SIGKILL while it writes its outputs leaves, under each final
/// name, either nothing or the complete file (byte-identical to an uninterrupted run); only <c>.NAME.PID.tmp</c>
/// files may be left over. The kill is triggered by the file system event of the k-th temporary file appearing.
/// </summary>
[TestFixture]
internal sealed class CrashSafetyTests
{
    private static readonly string[] FinalNames = ["summary.json", "trials.csv", "trials.parquet", "summary.parquet"];
    private string _root = "";
    private string _reference = "";

    private static string Scenario => Path.Combine(TestModels.RepoRoot(), "tests", "SupplySim.Tests", "Corpus", "valid", "minimal.yaml");

    /// <summary>Large enough that the trial table takes a noticeable time to write.</summary>
    private static string[] RunArguments(string outDir) =>
        ["run", Scenario, "--trials", "15000", "--seed", "5", "--threads", "2", "--out", outDir];

    [OneTimeSetUp]
    public void RunUninterruptedReference()
    {
        _root = Directory.CreateTempSubdirectory("supplysim-crash-").FullName;
        _reference = Path.Combine(_root, "reference");
        var stderr = new StringWriter();
        int code = Commands.Execute(RunArguments(_reference), TextWriter.Null, stderr);
        Assert.That(code, Is.Zero, stderr.ToString());
    }

    [OneTimeTearDown]
    public void RemoveFolders() => Directory.Delete(_root, recursive: true);

    private static string CliPath()
    {
        string beside = Path.Combine(TestContext.CurrentContext.TestDirectory, "supplysim.dll");
        return File.Exists(beside)
            ? beside
            : Path.Combine(TestModels.RepoRoot(), "engine", "SupplySim.Cli", "bin", "Release", "net10.0", "supplysim.dll");
    }

    [TestCase(0, TestName = "Run_KilledRightAfterStart_LeavesNoPartialFile")]
    [TestCase(1, TestName = "Run_KilledWhenFirstTemporaryFileAppears_LeavesNoPartialFile")]
    [TestCase(2, TestName = "Run_KilledWhenSecondTemporaryFileAppears_LeavesNoPartialFile")]
    [TestCase(3, TestName = "Run_KilledWhenThirdTemporaryFileAppears_LeavesNoPartialFile")]
    public void Run_KilledWithSigkill_FinalNamesAbsentOrComplete(int killAtTemporaryFile)
    {
        string outDir = Directory.CreateDirectory(Path.Combine(_root, $"killed-{killAtTemporaryFile}")).FullName;
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(CliPath());
        foreach (string argument in RunArguments(outDir))
        {
            start.ArgumentList.Add(argument);
        }

        using var watcher = new FileSystemWatcher(outDir, ".*.tmp");
        using var process = new Process { StartInfo = start };
        int temporaryFiles = 0;
        watcher.Created += (_, _) =>
        {
            if (Interlocked.Increment(ref temporaryFiles) == killAtTemporaryFile)
            {
                process.Kill(entireProcessTree: true);
            }
        };
        watcher.EnableRaisingEvents = true;
        Assert.That(process.Start(), Is.True);
        _ = process.StandardOutput.ReadToEndAsync();
        _ = process.StandardError.ReadToEndAsync();
        if (killAtTemporaryFile == 0)
        {
            process.Kill(entireProcessTree: true);
        }

        Assert.That(process.WaitForExit(TimeSpan.FromSeconds(120)), Is.True, "the run neither finished nor was killed");
        watcher.EnableRaisingEvents = false;

        var leftOver = Directory.GetFiles(outDir).Select(Path.GetFileName).ToList();
        TestContext.Out.WriteLine($"exit {process.ExitCode}; left: {string.Join(", ", leftOver)}");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(leftOver, Is.All.Matches<string>(name => FinalNames.Contains(name) || IsTemporaryName(name)));
            foreach (string name in FinalNames.Where(n => File.Exists(Path.Combine(outDir, n))))
            {
                Assert.That(File.ReadAllBytes(Path.Combine(outDir, name)), Is.EqualTo(File.ReadAllBytes(Path.Combine(_reference, name))),
                    $"{name} under its final name differs from the uninterrupted run's");
            }

            if (killAtTemporaryFile is 1 or 2)
            {
                Assert.That(process.ExitCode, Is.Not.Zero, "the kill came too late to test anything");
            }
        }
    }

    /// <summary><c>.NAME.PID.tmp</c> for one of the final names.</summary>
    private static bool IsTemporaryName(string name) =>
        FinalNames.Any(final => name.StartsWith($".{final}.", StringComparison.Ordinal)) &&
        name.EndsWith(".tmp", StringComparison.Ordinal) &&
        int.TryParse(name.Split('.')[^2], out _);
}
