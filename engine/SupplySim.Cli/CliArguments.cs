using System.Globalization;

namespace SupplySim.Cli;

/// <summary>Parsed command line: a verb, positional arguments and options; every problem is collected.</summary>
internal sealed class CliArguments
{
    private static readonly Dictionary<string, string[]> OptionsByVerb = new(StringComparer.Ordinal)
    {
        ["run"] = ["--trials", "--seed", "--threads", "--out", "--scenario", "--report", "--focus", "--json", "--stream", "--help"],
        ["validate"] = ["--help"],
        ["backtest"] = ["--trials", "--seed", "--threads", "--out", "--help"],
        ["sweep"] = ["--out", "--shard", "--threads", "--help"],
        ["merge"] = ["--help"],
        ["report"] = ["--out", "--focus", "--help"],
        ["graph"] = ["--out", "--help"],
    };

    private static readonly HashSet<string> Flags = ["--help", "--json", "--stream"];

    public string Verb { get; private init; } = "";

    public List<string> Positional { get; } = [];

    public Dictionary<string, List<string>> Options { get; } = new(StringComparer.Ordinal);

    public List<string> Errors { get; } = [];

    public bool Help => Options.ContainsKey("--help");

    public bool Json => Options.ContainsKey("--json");

    public static IReadOnlyCollection<string> Verbs => OptionsByVerb.Keys;

    public static CliArguments Parse(string[] args)
    {
        if (args.Length == 0 || args[0] is "--help" or "-h" or "help")
        {
            return new CliArguments { Verb = "help" };
        }

        var parsed = new CliArguments { Verb = args[0] };
        if (!OptionsByVerb.TryGetValue(args[0], out var allowed))
        {
            parsed.Errors.Add($"unknown command '{args[0]}'{Hint(args[0], OptionsByVerb.Keys)}; expected one of: {string.Join(", ", OptionsByVerb.Keys)}");
            return parsed;
        }

        for (int i = 1; i < args.Length; i++)
        {
            string arg = args[i] == "-h" ? "--help" : args[i];
            if (!arg.StartsWith("--", StringComparison.Ordinal))
            {
                parsed.Positional.Add(arg);
                continue;
            }

            string name = arg, value = "";
            int eq = arg.IndexOf('=', StringComparison.Ordinal);
            if (eq > 0)
            {
                name = arg[..eq];
                value = arg[(eq + 1)..];
            }
            else if (!Flags.Contains(arg))
            {
                if (i + 1 >= args.Length)
                {
                    parsed.Errors.Add($"option {arg} needs a value");
                    continue;
                }

                value = args[++i];
            }

            if (!allowed.Contains(name))
            {
                parsed.Errors.Add($"unknown option '{name}' for '{args[0]}'{Hint(name, allowed)}; allowed: {string.Join(", ", allowed)}");
                continue;
            }

            if (!parsed.Options.TryGetValue(name, out var list))
            {
                parsed.Options[name] = list = [];
            }

            list.Add(value);
        }

        return parsed;
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

    private static string Hint(string name, IEnumerable<string> candidates) => SupplySim.Scenario.Suggest.Hint(name, candidates);
}
