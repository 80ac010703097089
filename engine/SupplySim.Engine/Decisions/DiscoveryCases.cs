using System.Globalization;
using System.Text;

namespace SupplySim.Decisions;

/// <summary>
/// The cases PRIM sorts: per sweep point (from a sweep's <c>results.csv</c>), per policy of an optimize run (its
/// <c>evaluations.csv</c>) or per trial of a run (from its <c>trials.csv</c> and the <c>parameters.csv</c> of
/// <c>run --parameters</c>), the parameters' values and an output's value.
/// </summary>
/// <param name="Parameters">The parameters' names (the CSV's parameter columns).</param>
/// <param name="Inputs">Per case, the parameters' values.</param>
/// <param name="Values">Per case, the output's value.</param>
public sealed record DiscoveryCases(IReadOnlyList<string> Parameters, IReadOnlyList<double[]> Inputs, IReadOnlyList<double> Values)
{
    private static readonly string[] Trailing = ["output", "metric", "entity", "material", "statistic", "value", "baseline"];

    /// <summary>Reads the rows of <paramref name="output"/> from a sweep's <c>results.csv</c>; null with a message when it cannot.</summary>
    public static DiscoveryCases? FromSweep(string resultsCsv, string output, out string? problem)
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

        return new DiscoveryCases(parameters, inputs, values);
    }

    /// <summary>
    /// Reads an optimize run's cases from its <c>evaluations.csv</c>: each evaluated policy's lever values as inputs and
    /// <paramref name="output"/> (a column after the levers: <c>risk:SCENARIO</c>, <c>expected_cost_usd:SCENARIO</c>,
    /// an objective or <c>lever_cost_usd</c>) as the value; null with a message when it cannot.
    /// </summary>
    public static DiscoveryCases? FromOptimize(string evaluationsCsv, string output, out string? problem)
    {
        ArgumentNullException.ThrowIfNull(evaluationsCsv);
        ArgumentNullException.ThrowIfNull(output);
        problem = null;
        using var reader = new StreamReader(evaluationsCsv, Encoding.UTF8);
        var header = Split(reader.ReadLine() ?? "");
        int levers = header.IndexOf("lever_cost_usd");
        if (header.Count == 0 || header[0] != "policy" || levers < 2)
        {
            problem = $"{evaluationsCsv} is not an optimize evaluation table (its header is not policy, levers..., lever_cost_usd, ...)";
            return null;
        }

        var outputs = header[levers..];
        int column = header.IndexOf(output);
        if (column < levers)
        {
            problem = $"the optimize run has no output '{output}'{Scenario.Suggest.Hint(output, outputs)}; it has: {string.Join(", ", outputs)}";
            return null;
        }

        var inputs = new List<double[]>();
        var values = new List<double>();
        while (reader.ReadLine() is { } text)
        {
            var cells = Split(text);
            inputs.Add([.. cells[1..levers].Select(Number)]);
            values.Add(Number(cells[column]));
        }

        return new DiscoveryCases(header[1..levers], inputs, values);
    }

    /// <summary>
    /// Reads a run's cases: <paramref name="output"/> is METRIC:ENTITY:MATERIAL (a column of trials.csv and an entity of
    /// <paramref name="scenario"/>), each trial's inputs its row of parameters.csv; null with a message when it cannot.
    /// </summary>
    public static DiscoveryCases? FromRun(string folder, string output, string scenario, out string? problem)
    {
        ArgumentNullException.ThrowIfNull(folder);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(scenario);
        problem = null;
        string trialsCsv = Path.Combine(folder, "trials.csv"), parametersCsv = Path.Combine(folder, "parameters.csv");
        if (!File.Exists(parametersCsv))
        {
            problem = $"{folder} holds no parameters.csv: run the file with --parameters to record each trial's parameter values";
            return null;
        }

        string[] parts = output.Split(':');
        if (parts.Length != 3)
        {
            problem = $"a run's --output is METRIC:ENTITY:MATERIAL (e.g. shortage_fraction:defense:ndfeb), was '{output}'";
            return null;
        }

        using var parameters = new StreamReader(parametersCsv, Encoding.UTF8);
        var header = Split(parameters.ReadLine() ?? "");
        var rows = new List<double[]>();
        while (parameters.ReadLine() is { } line)
        {
            rows.Add([.. Split(line).Skip(1).Select(Number)]);
        }

        using var trials = new StreamReader(trialsCsv, Encoding.UTF8);
        var columns = Split(trials.ReadLine() ?? "");
        int metric = columns.IndexOf(parts[0]);
        if (metric < 5)
        {
            problem = $"trials.csv has no metric '{parts[0]}'{Scenario.Suggest.Hint(parts[0], columns.Skip(5).ToList())}";
            return null;
        }

        var values = new double[rows.Count];
        var found = new bool[rows.Count];
        var scenarios = new SortedSet<string>(StringComparer.Ordinal);
        var entities = new SortedSet<string>(StringComparer.Ordinal);
        while (trials.ReadLine() is { } line)
        {
            var cells = Split(line);
            scenarios.Add(cells[0]);
            if (cells[0] != scenario)
            {
                continue;
            }

            entities.Add($"{cells[3]}:{cells[4]}");
            int trial = int.Parse(cells[1], CultureInfo.InvariantCulture);
            if (cells[3] == parts[1] && cells[4] == parts[2] && trial < rows.Count)
            {
                values[trial] = Number(cells[metric]);
                found[trial] = true;
            }
        }

        if (!scenarios.Contains(scenario))
        {
            problem = $"the run has no scenario '{scenario}'{Scenario.Suggest.Hint(scenario, [.. scenarios])}; it ran: {string.Join(", ", scenarios)}";
            return null;
        }

        if (!found.Any(f => f))
        {
            string entity = $"{parts[1]}:{parts[2]}";
            problem = $"scenario {scenario} has no entity and material '{entity}'{Scenario.Suggest.Hint(entity, [.. entities])}";
            return null;
        }

        return new DiscoveryCases(header[1..], [.. rows.Where((_, t) => found[t])], [.. values.Where((_, t) => found[t])]);
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
