namespace SupplySim.Cli;

/// <summary>
/// Whether output may be decorated (live progress, tables, colour): only on a real terminal, never when output is
/// redirected, under CI or with <c>NO_COLOR</c> set (https://no-color.org). Machine-readable output is never decorated.
/// </summary>
internal static class TerminalOutput
{
    public static bool Decorated(TextWriter writer) =>
        (ReferenceEquals(writer, Console.Out) || ReferenceEquals(writer, Console.Error)) &&
        !Console.IsOutputRedirected && !Console.IsErrorRedirected &&
        string.IsNullOrEmpty(Environment.GetEnvironmentVariable("CI")) &&
        string.IsNullOrEmpty(Environment.GetEnvironmentVariable("NO_COLOR"));
}
