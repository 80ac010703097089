using SupplySim.Scenario.Schema;

namespace SupplySim.Cli;

/// <summary><c>supplysim schema scenario|sweep</c>: prints the JSON Schema of scenario or sweep files (kept in docs/schema/).</summary>
internal static class SchemaCommand
{
    public static int Execute(VerbArguments cli, TextWriter stdout, TextWriter stderr)
    {
        if (cli.Positional.Count != 1 || SchemaText.Of(cli.Positional[0]) is not { } text)
        {
            cli.Errors.Add($"schema takes one KIND: {string.Join(" or ", SchemaText.Kinds)}" +
                           (cli.Positional.Count == 1 ? $", not '{cli.Positional[0]}'{SupplySim.Scenario.Suggest.Hint(cli.Positional[0], SchemaText.Kinds)}" : ""));
            return cli.Usage(stderr);
        }

        stdout.Write(text);
        return ExitCodes.Ok;
    }
}
