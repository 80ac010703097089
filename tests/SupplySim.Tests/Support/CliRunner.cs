using SupplySim.Cli;

namespace SupplySim.Tests.Support;

/// <summary>Runs the <c>supplysim</c> command in process, capturing what it prints.</summary>
internal static class CliRunner
{
    /// <summary>Executes <paramref name="args"/> as the command line; returns the exit code, stdout and stderr.</summary>
    public static (int Code, string Stdout, string Stderr) Execute(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        int code = Commands.Execute(args, stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString());
    }
}
