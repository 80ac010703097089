using System.Globalization;

namespace SupplySim.Cli;

/// <summary>
/// What System.CommandLine parsed for one verb, as the verb reads it: positional values, option values by name (in
/// the order given) and flags; the verb converts and checks values and collects every problem in
/// <see cref="Errors"/>, so a run reports them all at once with the verb's own wording.
/// </summary>
internal sealed class VerbArguments
{
    public VerbArguments(string verb)
    {
        Verb = verb;
    }

    public string Verb { get; }

    public List<string> Positional { get; } = [];

    public Dictionary<string, List<string>> Options { get; } = new(StringComparer.Ordinal);

    public List<string> Errors { get; } = [];

    public bool Json => Options.ContainsKey("--json");

    /// <summary>Prints the collected errors and where the usage is; the usage-error exit code.</summary>
    public int Usage(TextWriter stderr)
    {
        foreach (string error in Errors)
        {
            stderr.WriteLine($"error: {error}");
        }

        stderr.WriteLine($"usage: see 'supplysim {Verb} --help'");
        return ExitCodes.UsageOrIo;
    }

    public string? Single(string name) => Options.TryGetValue(name, out var values) ? values[^1] : null;

    public IReadOnlyList<string> All(string name) => Options.TryGetValue(name, out var values) ? values : [];

    public int? Int(string name, int min, int max)
    {
        if (Single(name) is not { } text)
        {
            return null;
        }

        if (int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out int value) && value >= min && value <= max)
        {
            return value;
        }

        Errors.Add($"{name} must be a whole number in [{min}, {max}], was '{text}'");
        return null;
    }

    public ulong? ULong(string name)
    {
        if (Single(name) is not { } text)
        {
            return null;
        }

        if (ulong.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out ulong value))
        {
            return value;
        }

        Errors.Add($"{name} must be a whole number in [0, {ulong.MaxValue}], was '{text}'");
        return null;
    }
}
