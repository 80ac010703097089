using System.Net;
using SupplySim.Cli.Workbench;

namespace SupplySim.Cli;

/// <summary>
/// <c>supplysim serve [FILE|DIR] [--port 8080] [--host 127.0.0.1]</c>: the planner workbench on a local web server
/// until Ctrl+C. Binds to loopback unless --host says otherwise, and then warns that there is no authentication.
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
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            stop.Cancel();
        };
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
