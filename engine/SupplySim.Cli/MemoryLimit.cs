namespace SupplySim.Cli;

/// <summary>
/// How much memory a command may plan to hold for a run (the SS0201 check of <c>run</c> and <c>backtest</c>), so
/// absurd run sizes fail with an explanation before allocating instead of running out of memory.
/// </summary>
internal static class MemoryLimit
{
    /// <summary>Largest result table accepted in memory (bytes), whatever the machine.</summary>
    private const long MaxResultBytes = 8L * 1024 * 1024 * 1024;

    /// <summary>Half of what this machine (or container) can give the process, at most <see cref="MaxResultBytes"/>.</summary>
    public static long Bytes => Math.Min(MaxResultBytes, GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / 2);
}
