namespace SupplySim.Cli;

/// <summary>Process exit codes, documented in README.</summary>
internal static class ExitCodes
{
    public const int Ok = 0;
    public const int InvalidScenario = 1;
    public const int UsageOrIo = 2;
}
