namespace SupplySim.Cli;

/// <summary><c>supplysim validate FILE</c>: every problem of the file as <c>file:line:col: error SSxxxx: message</c>; exit 0, 1 or 2.</summary>
internal static class ValidateCommand
{
    public static int Execute(VerbArguments cli, TextWriter stdout, TextWriter stderr)
    {
        if (cli.Positional.Count != 1)
        {
            cli.Errors.Add("validate takes exactly one FILE");
        }

        if (cli.Errors.Count > 0)
        {
            return cli.Usage(stderr);
        }

        string path = cli.Positional[0];
        if (!ScenarioFiles.TryCompile(path, stderr, out var model, out int failed))
        {
            return failed;
        }

        var net = model.Network;
        stdout.WriteLine($"{path}: valid: {net.NodeCount} nodes, {net.LaneCount} lanes, {net.MaterialCount} materials, " +
                         $"{model.Scenarios.Count - 1} scenarios, {net.Steps} steps");
        return ExitCodes.Ok;
    }
}
