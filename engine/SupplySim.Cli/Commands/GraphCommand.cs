using SupplySim.Reporting;
using SupplySim.Reporting.Graph;

namespace SupplySim.Cli;

/// <summary><c>supplysim graph [FILE]</c>: the network as Graphviz DOT and as SVG (own layout, no Graphviz needed).</summary>
internal static class GraphCommand
{

    public static int Execute(VerbArguments cli, TextWriter stdout, TextWriter stderr)
    {
        if (cli.Positional.Count > 1)
        {
            cli.Errors.Add($"graph takes at most one FILE, got {cli.Positional.Count}");
        }

        if (cli.Errors.Count > 0)
        {
            return cli.Usage(stderr);
        }

        string path = cli.Positional.Count == 1 ? cli.Positional[0] : ScenarioFiles.DefaultPath();
        if (!File.Exists(path) && !Directory.Exists(path))
        {
            stderr.WriteLine($"error: no such file '{path}'");
            return ExitCodes.UsageOrIo;
        }

        var model = ScenarioFiles.Compile(path, stderr);
        if (model is null)
        {
            return ExitCodes.InvalidScenario;
        }

        string outDir = cli.Single("--out") ?? Path.Combine("out", Path.GetFileNameWithoutExtension(path));
        string dot = Path.Combine(outDir, "network.dot"), svg = Path.Combine(outDir, "network.svg");
        if (OutputPreflight.Check(outDir, [dot, svg]) is { } problem)
        {
            stderr.WriteLine($"error: {problem}");
            return ExitCodes.UsageOrIo;
        }

        var graph = NetworkGraph.FromNetwork(model.Network);
        var utf8 = new System.Text.UTF8Encoding(false);
        // Both files are replaced together: the drawing and its source always describe the same network.
        using var files = new PendingFiles();
        files.Write(dot, stream => stream.Write(utf8.GetBytes(NetworkDot.Format(graph))));
        files.Write(svg, stream => stream.Write(utf8.GetBytes(NetworkSvg.Render(graph))));
        files.Commit();
        stdout.WriteLine($"{path}: {graph.Nodes.Count} nodes, {graph.Lanes.Count} lanes; wrote {outDir}/network.dot, network.svg");
        return ExitCodes.Ok;
    }
}
