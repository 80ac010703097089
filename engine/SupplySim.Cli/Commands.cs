namespace SupplySim.Cli;

/// <summary>The entry point of the command line: parses with System.CommandLine and runs the verb. Results to stdout, diagnostics to stderr.</summary>
internal static class Commands
{
    public static int Execute(string[] args, TextWriter stdout, TextWriter stderr)
    {
        try
        {
            return SupplySimCommandLine.Execute(args, stdout, stderr);
        }
        catch (IOException ex)
        {
            stderr.WriteLine($"error: {ex.Message}");
            return ExitCodes.UsageOrIo;
        }
        catch (UnauthorizedAccessException ex)
        {
            stderr.WriteLine($"error: {ex.Message}");
            return ExitCodes.UsageOrIo;
        }
    }
}
