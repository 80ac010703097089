namespace SupplySim.Bench;

/// <summary>
/// <c>copies N DAYS OUT.yaml</c>: writes the shipped file scaled to <c>N</c> regional copies over <c>DAYS</c> days
/// (<see cref="RegionalCopies"/>), so whole <c>supplysim run</c>s of the scaled networks can be timed and their peak
/// memory measured (bench/README.md, scaling tables).
/// </summary>
internal static class CopiesCommand
{
    public static bool TryRun(string[] args)
    {
        if (args.Length == 0 || args[0] != "copies")
        {
            return false;
        }

        if (args.Length != 4 || !int.TryParse(args[1], out int copies) || copies < 1 || !int.TryParse(args[2], out int days) || days < 1)
        {
            Console.Error.WriteLine("usage: copies N DAYS OUT.yaml   (N >= 1 regional copies of the shipped file over DAYS >= 1 days)");
            Environment.ExitCode = 2;
            return true;
        }

        File.WriteAllText(args[3], RegionalCopies.Generate(File.ReadAllText(BenchInputs.ScenarioPath), copies, days));
        Console.WriteLine($"wrote {args[3]}: {copies} copies, {days} days");
        return true;
    }
}
