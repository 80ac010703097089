using System.Diagnostics;
using NUnit.Framework;
using SupplySim.Cli;
using SupplySim.Tests.Support;
using SupplySim.Tests.Sweeps;

namespace SupplySim.Tests.Robustness;

/// <summary>A sweep killed with SIGKILL mid-way and then resumed gives exactly the files of an uninterrupted sweep.</summary>
[TestFixture]
internal sealed class SweepResumeTests
{
    private static readonly string[] ResultFiles = ["results.csv", "results.parquet", "sensitivity.json", "sensitivity.csv", "report.html"];

    private string _dir = "";

    [SetUp]
    public void CreateFolder() => _dir = Directory.CreateTempSubdirectory("supplysim-resume-").FullName;

    [TearDown]
    public void RemoveFolder() => Directory.Delete(_dir, recursive: true);

    private static int Execute(params string[] args) => Commands.Execute(args, new StringWriter(), new StringWriter());

    private static string CliPath()
    {
        string beside = Path.Combine(TestContext.CurrentContext.TestDirectory, "supplysim.dll");
        return File.Exists(beside)
            ? beside
            : Path.Combine(TestModels.RepoRoot(), "engine", "SupplySim.Cli", "bin", "Release", "net10.0", "supplysim.dll");
    }

    [Test]
    public void Sweep_KilledShardThenResumed_MergesToTheUninterruptedBytes()
    {
        string sweep = Path.Combine(_dir, "sweep.yaml");
        File.WriteAllText(sweep, SweepLoaderTests.Sweep(
            "  - {path: 'events[ree-licence-no18].processing_time', name: processing, min: 20wd, max: 90wd}\n" +
            "  - {path: 'nodes[us-defense-primes].days_of_cover', name: cover, min: 30d, max: 180d}\n",
            "{type: morris, trajectories: 4, levels: 4}",
            outputs: "  - {metric: shortage_fraction, entity: us-ev, material: ndfeb}\n"));
        string whole = Path.Combine(_dir, "whole"), resumed = Path.Combine(_dir, "resumed");
        Assert.That(Execute("sweep", sweep, "--out", whole), Is.Zero);

        // Shard 0 of 2 in a child process, killed as soon as it starts writing (or while it computes).
        Directory.CreateDirectory(Path.Combine(resumed, "shards"));
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (string argument in new[] { CliPath(), "sweep", sweep, "--out", resumed, "--shard", "0/2" })
        {
            start.ArgumentList.Add(argument);
        }

        using var process = new Process { StartInfo = start };
        using var watcher = new FileSystemWatcher(resumed) { IncludeSubdirectories = true, Filter = "*.tmp" };
        watcher.Created += (_, _) => process.Kill(entireProcessTree: true);
        watcher.EnableRaisingEvents = true;
        Assert.That(process.Start(), Is.True);
        _ = process.StandardOutput.ReadToEndAsync();
        _ = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromSeconds(3)))
        {
            process.Kill(entireProcessTree: true);
        }

        Assert.That(process.WaitForExit(TimeSpan.FromSeconds(120)), Is.True);
        watcher.EnableRaisingEvents = false;
        TestContext.Out.WriteLine($"killed shard exited {process.ExitCode}");

        // Resume: every shard again (a complete one is skipped), then merge.
        Assert.That(Execute("sweep", sweep, "--out", resumed, "--shard", "0/2"), Is.Zero);
        Assert.That(Execute("sweep", sweep, "--out", resumed, "--shard", "1/2"), Is.Zero);
        Assert.That(Execute("merge", resumed), Is.Zero);
        using (Assert.EnterMultipleScope())
        {
            foreach (string file in ResultFiles)
            {
                Assert.That(File.ReadAllBytes(Path.Combine(resumed, file)), Is.EqualTo(File.ReadAllBytes(Path.Combine(whole, file))), file);
            }
        }
    }
}
