using System.Diagnostics;
using NUnit.Framework;
using SupplySim.Tests.Support;

namespace SupplySim.Tests.Workbench;

/// <summary>
/// <c>supplysim serve</c> started as a child process stops on SIGTERM (docker stop, systemd, timeout, Slurm) with
/// exit 0, as on Ctrl+C. The signal is sent once the server has said it listens (its handlers are registered before
/// that line), so nothing races; the wait has a generous limit only so that a regression fails instead of hanging.
/// </summary>
[TestFixture]
internal sealed class ServeSignalTests
{
    private static string CliPath()
    {
        string beside = Path.Combine(TestContext.CurrentContext.TestDirectory, "supplysim.dll");
        return File.Exists(beside)
            ? beside
            : Path.Combine(TestModels.RepoRoot(), "engine", "SupplySim.Cli", "bin", "Release", "net10.0", "supplysim.dll");
    }

    [TestCase("TERM", TestName = "Serve_Sigterm_StopsWithExitZero")]
    [TestCase("INT", TestName = "Serve_Sigint_StopsWithExitZero")]
    public void Serve_Signal_StopsWithExitZero(string signal)
    {
        Assume.That(OperatingSystem.IsLinux() || OperatingSystem.IsMacOS(), "POSIX signals");
        string scenario = Path.Combine(TestModels.RepoRoot(), "tests", "SupplySim.Tests", "Corpus", "valid", "minimal.yaml");
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (string argument in new[] { CliPath(), "serve", scenario, "--port", "0" })
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        try
        {
            string? line = process.StandardOutput.ReadLine();
            Assert.That(line, Does.StartWith("SupplySim workbench on http://"), $"the server did not start: {line}");
            using (var kill = Process.Start("kill", ["-" + signal, process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
            {
                kill.WaitForExit();
                Assert.That(kill.ExitCode, Is.Zero);
            }

            Assert.That(process.WaitForExit(TimeSpan.FromSeconds(60)), Is.True, $"still serving after SIG{signal}");
            Assert.That(process.ExitCode, Is.Zero, stderr.Result);
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }
        }
    }
}
