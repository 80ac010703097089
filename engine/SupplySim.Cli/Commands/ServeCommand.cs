using System.Net;
using System.Runtime.InteropServices;
using SupplySim.Cli.Workbench;

namespace SupplySim.Cli;

/// <summary>
/// <c>supplysim serve [FILE|DIR] [--port 8080] [--host 127.0.0.1]</c>: the planner workbench on a local web server
/// until Ctrl+C or SIGTERM. Binds to loopback unless --host says otherwise, and then warns that there is no authentication.
/// </summary>
internal static class ServeCommand
{
    public static int Execute(VerbArguments cli, TextWriter stdout, TextWriter stderr)
    {
        int port = cli.Int("--port", 0, 65535) ?? 8080;
        string hostText = cli.Single("--host") ?? "127.0.0.1";
        IPAddress? host = hostText == "localhost" ? IPAddress.Loopback : IPAddress.TryParse(hostText, out var parsed) ? parsed : null;
        if (host is null)
        {
            cli.Errors.Add($"--host must be an IP address (e.g. 127.0.0.1, or 0.0.0.0 for every interface), was '{hostText}'");
        }

        if (cli.Positional.Count > 1)
        {
            cli.Errors.Add($"serve takes at most one FILE or DIR, got {cli.Positional.Count}");
        }

        if (cli.Errors.Count > 0)
        {
            return cli.Usage(stderr);
        }

        string target = cli.Positional.Count == 1 ? cli.Positional[0] : Path.GetDirectoryName(ScenarioFiles.DefaultPath()) is { Length: > 0 } folder ? folder : "scenarios";
        string[] files = File.Exists(target) ? [target]
            : Directory.Exists(target) ? [.. Directory.EnumerateFiles(target, "*.yaml").Order(StringComparer.Ordinal)]
            : [];
        if (files.Length == 0)
        {
            stderr.WriteLine($"error: '{target}' is not a scenario file or a folder holding *.yaml files");
            return ExitCodes.UsageOrIo;
        }

        if (!IPAddress.IsLoopback(host!))
        {
            stderr.WriteLine($"warning: serving on {host}, reachable from other machines; the workbench has no authentication: anyone who can reach the port can run simulations");
        }

        using var stop = new CancellationTokenSource();
        // Ctrl+C (SIGINT) and SIGTERM (docker stop, systemd, timeout, Slurm's scancel) both stop the server, exit 0.
        // The web host's own console lifetime only stops the host on SIGTERM; this thread would wait on.
        void Stop(PosixSignalContext context)
        {
            context.Cancel = true;
            stop.Cancel();
        }

        using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
        using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);
        WorkbenchServer server;
        try
        {
            server = WorkbenchServer.StartAsync(new WorkbenchOptions(files, host!, port)).GetAwaiter().GetResult();
        }
        catch (IOException ex)
        {
            stderr.WriteLine($"error: cannot listen on {host}:{port}: {ex.Message}");
            return ExitCodes.UsageOrIo;
        }

        stdout.WriteLine($"SupplySim workbench on {server.Url} ({files.Length} scenario file(s)); Ctrl+C stops it");
        stop.Token.WaitHandle.WaitOne();
        server.DisposeAsync().AsTask().GetAwaiter().GetResult();
        return ExitCodes.Ok;
    }
}
