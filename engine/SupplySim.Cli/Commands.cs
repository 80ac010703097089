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
        catch (InvalidDataException ex)
        {
            // A damaged file of an earlier step (a work folder's manifest, a shard's rows): the message names it.
            stderr.WriteLine($"error: {ex.Message}");
            return ExitCodes.UsageOrIo;
        }
        catch (AggregateException ex) when (FirstFileProblem(ex) is { } first)
        {
            // Parallel writers (a streamed run's spool and Parquet file) fail together on a full disk: the first says why.
            stderr.WriteLine($"error: {first.Message}");
            return ExitCodes.UsageOrIo;
        }
    }

    /// <summary>The first I/O or access failure inside <paramref name="aggregate"/>, when every failure in it is one.</summary>
    private static Exception? FirstFileProblem(AggregateException aggregate)
    {
        var inner = aggregate.Flatten().InnerExceptions;
        return inner.Count > 0 && inner.All(e => e is IOException or UnauthorizedAccessException or InvalidDataException) ? inner[0] : null;
    }
}
