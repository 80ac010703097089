using System.Diagnostics;
using NUnit.Framework;
using SupplySim.Cli;
using SupplySim.Tests.Support;

namespace SupplySim.Tests.Robustness;

/// <summary>A run whose result table cannot fit is refused with SS0201 before anything large is allocated.</summary>
[TestFixture]
internal sealed class MemoryGuardTests
{
    private string _out = "";

    [SetUp]
    public void CreateFolder() => _out = Directory.CreateTempSubdirectory("supplysim-guard-").FullName;

    [TearDown]
    public void RemoveFolder() => Directory.Delete(_out, recursive: true);

    [TestCase("scenarios/critical-minerals.yaml", TestName = "Run_HundredMillionTrialsOfShippedScenario_SS0201FastWithoutAllocating")]
    [TestCase("tests/SupplySim.Tests/Corpus/valid/minimal.yaml", TestName = "Run_HundredMillionTrialsOfMinimalNetwork_SS0201FastWithoutAllocating")]
    public void Run_TooManyTrials_SS0201FastWithoutAllocating(string relativePath)
    {
        string path = Path.Combine(TestModels.RepoRoot(), relativePath);
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        long before = GC.GetAllocatedBytesForCurrentThread();
        var watch = Stopwatch.StartNew();

        int code = Commands.Execute(["run", path, "--trials", "100000000", "--out", _out], stdout, stderr);

        watch.Stop();
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        using (Assert.EnterMultipleScope())
        {
            Assert.That(code, Is.EqualTo(1));
            Assert.That(stderr.ToString(), Does.StartWith($"{path}:1:1: error SS0201:"));
            Assert.That(stdout.ToString(), Is.Empty);
            Assert.That(allocated, Is.LessThan(64L << 20), "only the scenario itself should have been loaded");
            Assert.That(watch.Elapsed, Is.LessThan(TimeSpan.FromSeconds(10)));
            Assert.That(Directory.GetFileSystemEntries(_out), Is.Empty);
        }
    }
}
