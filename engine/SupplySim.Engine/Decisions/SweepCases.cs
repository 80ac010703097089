using System.Globalization;
using System.Text;

namespace SupplySim.Decisions;

/// <summary>
/// The cases PRIM sorts, read from a sweep's <c>results.csv</c>: per point, the values of the swept parameters, and
/// whether an output's value is above a threshold (the case of interest).
/// </summary>
/// <param name="Parameters">The swept parameters' names (the CSV's parameter columns).</param>
/// <param name="Inputs">Per point, the parameters' values.</param>
/// <param name="Values">Per point, the output's value.</param>
public sealed record SweepCases(IReadOnlyList<string> Parameters, IReadOnlyList<double[]> Inputs, IReadOnlyList<double> Values)
{
    private static readonly string[] Trailing = ["output", "metric", "entity", "material", "statistic", "value", "baseline"];

    /// <summary>Reads the rows of <paramref name="output"/> from a sweep's <c>results.csv</c>; null with a message when it cannot.</summary>
    public static SweepCases? Read(string resultsCsv, string output, out string? problem)
    {
        ArgumentNullException.ThrowIfNull(resultsCsv);
        ArgumentNullException.ThrowIfNull(output);
        problem = null;
        if (!File.Exists(resultsCsv))
        {
            problem = $"no {Path.GetFileName(resultsCsv)} in {Path.GetDirectoryName(resultsCsv)}; give the --out folder of a finished sweep";
            return null;
        }

        using var reader = new StreamReader(resultsCsv, Encoding.UTF8);
        var header = Split(reader.ReadLine() ?? "");
        if (header.Count < Trailing.Length + 2 || header[0] != "point" || !header[^Trailing.Length..].SequenceEqual(Trailing))
        {
            problem = $"{resultsCsv} is not a sweep result table (its header is not point, parameters..., {string.Join(", ", Trailing)})";
            return null;
        }

        var parameters = header[1..^Trailing.Length];
        var inputs = new List<double[]>();
        var values = new List<double>();
        var outputs = new SortedSet<string>(StringComparer.Ordinal);
        int line = 1;
        while (reader.ReadLine() is { } text)
        {
            line++;
            var cells = Split(text);
            if (cells.Count != header.Count)
            {
                problem = $"{resultsCsv}:{line}: expected {header.Count} cells, found {cells.Count}";
                return null;
            }

            string name = cells[^Trailing.Length];
            outputs.Add(name);
            if (name != output)
            {
                continue;
            }

            inputs.Add([.. cells[1..^Trailing.Length].Select(Number)]);
            values.Add(Number(cells[^2]));
        }

        if (inputs.Count == 0)
        {
            problem = $"the sweep has no output '{output}'{Scenario.Suggest.Hint(output, [.. outputs])}; it has: {string.Join(", ", outputs)}";
            return null;
        }

        return new SweepCases(parameters, inputs, values);
    }

    private static double Number(string text) =>
        text.Length == 0 ? double.NaN : double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);

    /// <summary>One RFC 4180 line: commas separate cells, double quotes quote them.</summary>
    private static List<string> Split(string line)
    {
        var cells = new List<string>();
        var cell = new StringBuilder();
        bool quoted = false;
        for (int i = 0; i < line.Length; i++)
        {
            char c = line[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < line.Length && line[i + 1] == '"')
                {
                    cell.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    cell.Append(c);
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == ',')
            {
                cells.Add(cell.ToString());
                cell.Clear();
            }
            else
            {
                cell.Append(c);
            }
        }

        cells.Add(cell.ToString());
        return cells;
    }
}
