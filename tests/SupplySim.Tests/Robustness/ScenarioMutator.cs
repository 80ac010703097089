using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using SupplySim.Simulation;

namespace SupplySim.Tests.Robustness;

/// <summary>
/// Seeded random edits of a scenario file of the kinds hurried hand-editing produces: lines deleted, duplicated,
/// swapped or re-indented, numbers changed or negated, ids renamed, values moved between keys, junk typed in, the
/// file cut short. Mutant <c>k</c> of a seed depends only on (seed, k), so any one can be rebuilt alone.
/// </summary>
internal static partial class ScenarioMutator
{
    private static readonly string[] Numbers =
        ["0", "-0", "1", "-1", "0.5", "1e308", "-1e308", "1e400", "4.9e-324", "99999999999999999999", "2147483648",
         "NaN", ".nan", ".inf", "-.inf", "0x10", "1_000", "1,5", "36600", "36601", ""];

    private static readonly string[] Junk =
        ["{", "}", "[", "]", ":", ": ", "- ", "&a ", "*a", "!", "!!binary ", "|", ">", "'", "\"", "#", "%", "@", "`", ",",
         "?", "\t", "\0", "\r", "\n", "\uFEFF", "\u00e9", "\U0001F600", "\uFFFF", "\\", "---\n", "...\n", "<<: *a\n", "~"];

    private static readonly string[] Ids = ["baseline", "", "X", "a-very-long-id-that-is-longer-than-sixty-four-characters-for-sure-yes", "mine"];

    [GeneratedRegex(@"-?\d+(\.\d+)?([eE][-+]?\d+)?")]
    private static partial Regex NumberToken();

    [GeneratedRegex(@"^(\s*-?\s*[a-z_]+:\s*)(\S.*)$")]
    private static partial Regex KeyValueLine();

    [GeneratedRegex(@"\b(?:id|from|to|node|output|material|exporter|sector):\s*([a-z0-9_-]+)")]
    private static partial Regex IdValue();

    /// <summary>Mutant <paramref name="index"/> of <paramref name="seed"/>: one to three edits of <paramref name="text"/>.</summary>
    public static (string Text, string Edits) Mutate(string text, ulong seed, int index)
    {
        var rng = Rng.ForStream(seed, index, 0x6D75746174696F6EUL);
        var edits = new List<string>();
        int count = 1 + Below(ref rng, 3);
        for (int edit = 0; edit < count; edit++)
        {
            (text, string name) = Edit(text, ref rng);
            edits.Add(name);
        }

        return (text, string.Join(", ", edits));
    }

    private static (string Text, string Name) Edit(string text, ref Rng rng)
    {
        var lines = new List<string>(text.Split('\n'));
        int line = Below(ref rng, lines.Count);
        switch (Below(ref rng, 11))
        {
            case 0:
                lines.RemoveAt(line);
                return (Join(lines), $"delete line {line + 1}");
            case 1:
                lines.Insert(line, lines[line]);
                return (Join(lines), $"duplicate line {line + 1}");
            case 2:
                int other = Below(ref rng, 2) == 0 ? Math.Min(lines.Count - 1, line + 1) : Below(ref rng, lines.Count);
                (lines[line], lines[other]) = (lines[other], lines[line]);
                return (Join(lines), $"swap lines {line + 1} and {other + 1}");
            case 3:
                return ReplaceNumber(text, ref rng, negate: false);
            case 4:
                return ReplaceNumber(text, ref rng, negate: true);
            case 5:
                return RenameId(text, ref rng);
            case 6:
                int cut = Below(ref rng, text.Length + 1);
                return (text[..cut], $"truncate at char {cut}");
            case 7:
                int at = Below(ref rng, text.Length + 1);
                string junk = Junk[Below(ref rng, Junk.Length)];
                return (text.Insert(at, junk), $"insert {Quote(junk)} at char {at}");
            case 8:
                int shift = Below(ref rng, 9) - 4;
                lines[line] = shift >= 0 ? new string(' ', shift) + lines[line] : lines[line][Math.Min(-shift, lines[line].Length - lines[line].TrimStart(' ').Length)..];
                return (Join(lines), $"indent line {line + 1} by {shift}");
            case 9:
                var target = KeyValueLine().Match(lines[line]);
                var source = KeyValueLine().Match(lines[Below(ref rng, lines.Count)]);
                if (!target.Success || !source.Success)
                {
                    return (text, "no value to move");
                }

                lines[line] = target.Groups[1].Value + source.Groups[2].Value;
                return (Join(lines), $"line {line + 1} value from another line: {Quote(lines[line])}");
            default:
                int remove = Below(ref rng, Math.Max(1, text.Length));
                return (text.Length == 0 ? text : text.Remove(remove, 1), $"delete char {remove}");
        }
    }

    private static (string Text, string Name) ReplaceNumber(string text, ref Rng rng, bool negate)
    {
        var matches = NumberToken().Matches(text);
        if (matches.Count == 0)
        {
            return (text, "no number");
        }

        var match = matches[Below(ref rng, matches.Count)];
        string replacement;
        if (negate)
        {
            replacement = match.Value.StartsWith('-') ? match.Value[1..] : "-" + match.Value;
        }
        else
        {
            replacement = Below(ref rng, 3) switch
            {
                0 => Numbers[Below(ref rng, Numbers.Length)],
                1 => Below(ref rng, 1_000_000).ToString(CultureInfo.InvariantCulture),
                _ => (double.Parse(match.Value, CultureInfo.InvariantCulture) * Math.Pow(10, Below(ref rng, 7) - 3)).ToString("R", CultureInfo.InvariantCulture),
            };
        }

        return (string.Concat(text.AsSpan(0, match.Index), replacement, text.AsSpan(match.Index + match.Length)),
            $"number {Quote(match.Value)} at char {match.Index} -> {Quote(replacement)}");
    }

    private static (string Text, string Name) RenameId(string text, ref Rng rng)
    {
        var matches = IdValue().Matches(text);
        if (matches.Count == 0)
        {
            return (text, "no id");
        }

        var group = matches[Below(ref rng, matches.Count)].Groups[1];
        string id = group.Value;
        string renamed = Below(ref rng, 4) switch
        {
            0 => Ids[Below(ref rng, Ids.Length)],
            1 => id.Length > 1 ? id.Remove(Below(ref rng, id.Length), 1) : id + id,
            2 => id.ToUpperInvariant(),
            _ => id + "x",
        };
        if (Below(ref rng, 2) == 0)
        {
            return (string.Concat(text.AsSpan(0, group.Index), renamed, text.AsSpan(group.Index + group.Length)),
                $"rename one '{id}' at char {group.Index} -> {Quote(renamed)}");
        }

        // Everywhere it stands as a whole word: a consistent rename, which often still validates.
        return (Regex.Replace(text, $@"(?<![\w-]){Regex.Escape(id)}(?![\w-])", renamed.Replace("$", "$$", StringComparison.Ordinal)),
            $"rename every '{id}' -> {Quote(renamed)}");
    }

    private static int Below(ref Rng rng, int bound) => bound <= 0 ? 0 : (int)(rng.NextDouble() * bound);

    private static string Join(List<string> lines) => string.Join('\n', lines);

    private static string Quote(string value)
    {
        var text = new StringBuilder("\"");
        foreach (char ch in value)
        {
            text.Append(ch < ' ' || ch > '~' ? $"\\u{(int)ch:x4}" : ch.ToString());
        }

        return text.Append('"').ToString();
    }
}
