using System.Globalization;
using System.Text;
using System.Text.Json;
using Parquet;
using Parquet.Schema;
using SupplySim.Decisions;

namespace SupplySim.Reporting.Decisions;

/// <summary>
/// What <c>supplysim optimize</c> writes besides its HTML report: <c>pareto.csv</c> and <c>pareto.parquet</c> (one row
/// per front policy: levers, lever cost, expected total cost and risk per scenario, the two objectives),
/// <c>evaluations.csv</c> (every policy evaluated, same columns, for <c>discover</c>) and <c>policies.json</c>
/// (<c>supplysim.policies/1</c>: the question, the search settings and each front policy in full). Same input, same bytes.
/// </summary>
internal static class OptimizationFiles
{
    /// <summary>The columns of a policy row, in order.</summary>
    public static List<string> Columns(DecisionProblem problem)
    {
        var columns = new List<string> { "policy" };
        columns.AddRange(problem.Levers.Select(l => $"{l.Id}_{UnitSuffix(l)}"));
        columns.Add("lever_cost_usd");
        foreach (string s in problem.ScenarioIds)
        {
            columns.Add($"expected_cost_usd:{s}");
            columns.Add($"risk:{s}");
        }

        columns.AddRange(problem.ObjectiveNames);
        return columns;
    }

    /// <summary>A policy's row: the columns of <see cref="Columns"/>, with <paramref name="objectives"/> as the last two.</summary>
    public static double[] Row(DecisionProblem problem, int index, PolicyOutcome outcome, double[] objectives)
    {
        var row = new List<double> { index };
        row.AddRange(problem.Levers.Select((l, j) => l.ToOutputUnit(outcome.Levers[j])));
        row.Add(outcome.LeverCost);
        var total = outcome.ExpectedTotalCost;
        for (int s = 0; s < problem.ScenarioIds.Count; s++)
        {
            row.Add(total[s]);
            row.Add(outcome.Risk[s]);
        }

        row.AddRange(objectives);
        return [.. row];
    }

    public static void WriteCsv(DecisionProblem problem, IReadOnlyList<double[]> rows, Stream stream)
    {
        using var writer = new StreamWriter(stream, new UTF8Encoding(false), 1 << 16, leaveOpen: true) { NewLine = "\n" };
        writer.WriteLine(string.Join(',', Columns(problem)));
        foreach (var row in rows)
        {
            writer.WriteLine(string.Join(',', row.Select((v, i) => i == 0 ? ((int)v).ToString(CultureInfo.InvariantCulture) : v.ToString("R", CultureInfo.InvariantCulture))));
        }
    }

    public static void WriteParquet(DecisionProblem problem, IReadOnlyList<double[]> rows, Stream stream)
    {
        var names = Columns(problem);
        var policy = new DataField<int>(names[0]);
        var fields = names.Skip(1).Select(n => new DataField<double>(n)).ToArray();
        var schema = new ParquetSchema([policy, .. fields]);
        WriteAsync().GetAwaiter().GetResult();

        async Task WriteAsync()
        {
            await using var writer = await ParquetWriter.CreateAsync(schema, stream).ConfigureAwait(false);
            writer.CustomMetadata = new Dictionary<string, string> { ["supplysim.schema"] = "supplysim.pareto/1" };
            using var group = writer.CreateRowGroup();
            await group.WriteAsync<int>(policy, rows.Select(r => (int)r[0]).ToArray().AsMemory()).ConfigureAwait(false);
            for (int c = 0; c < fields.Length; c++)
            {
                await group.WriteAsync<double>(fields[c], rows.Select(r => r[c + 1]).ToArray().AsMemory()).ConfigureAwait(false);
            }
        }
    }

    public static void WriteJson(OptimizationResult result, int trials, string scenarioFile, int budget, ulong searchSeed, Stream stream)
    {
        var problem = result.Problem;
        using var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true });
        json.WriteStartObject();
        json.WriteString("schema", "supplysim.policies/1");
        json.WriteString("scenario_file", scenarioFile);
        json.WriteString("method", "NSGA-II (Deb et al. 2002), SBX eta 15, polynomial mutation eta 20; every policy on the same trials (common random numbers)");
        json.WriteNumber("budget", budget);
        json.WriteNumber("evaluations", result.Evaluated.Count);
        json.WriteNumber("population", result.Population);
        json.WriteNumber("generations", result.Generations);
        json.WriteNumber("trials", trials);
        json.WriteNumber("seed", searchSeed);
        json.WriteNumber("horizon_days", problem.HorizonDays);
        json.WriteString("robustness", problem.Robustness switch
        {
            Robustness.WorstCase => "worst_case",
            Robustness.Regret => "regret",
            _ => "satisficing",
        });
        if (problem.Robustness == Robustness.Satisficing)
        {
            json.WriteNumber("max_risk", problem.MaxRisk);
        }

        json.WriteString("risk", problem.Risk.Name);
        json.WriteStartArray("objectives");
        foreach (string name in problem.ObjectiveNames)
        {
            json.WriteStringValue(name);
        }

        json.WriteEndArray();
        json.WriteStartArray("scenarios");
        foreach (string s in problem.ScenarioIds)
        {
            json.WriteStringValue(s);
        }

        json.WriteEndArray();
        json.WriteStartArray("levers");
        foreach (var lever in problem.Levers)
        {
            json.WriteStartObject();
            json.WriteString("id", lever.Id);
            json.WriteString("kind", KindName(lever.Kind));
            json.WriteString("target", lever.Target);
            if (lever.Material is { } material)
            {
                json.WriteString("material", material);
            }

            json.WriteString("unit", lever.Unit);
            json.WriteNumber("lower", lever.ToOutputUnit(lever.Lower));
            json.WriteNumber("upper", lever.ToOutputUnit(lever.Upper));
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteStartArray("front");
        for (int i = 0; i < result.Front.Count; i++)
        {
            var policy = result.Front[i];
            json.WriteStartObject();
            json.WriteNumber("policy", i);
            json.WriteStartObject("levers");
            for (int j = 0; j < problem.Levers.Count; j++)
            {
                json.WriteNumber(problem.Levers[j].Id, problem.Levers[j].ToOutputUnit(policy.Levers[j]));
            }

            json.WriteEndObject();
            json.WriteStartObject("lever_cost_usd");
            for (int j = 0; j < problem.Levers.Count; j++)
            {
                json.WriteNumber(problem.Levers[j].Id, problem.Levers[j].Cost(policy.Levers[j], problem.HorizonYears));
            }

            json.WriteEndObject();
            json.WriteStartArray("scenarios");
            var total = policy.ExpectedTotalCost;
            for (int s = 0; s < problem.ScenarioIds.Count; s++)
            {
                json.WriteStartObject();
                json.WriteString("id", problem.ScenarioIds[s]);
                json.WriteNumber("expected_shortage_cost_usd", policy.ExpectedShortageCost[s]);
                json.WriteNumber("expected_total_cost_usd", total[s]);
                json.WriteNumber("risk", policy.Risk[s]);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteStartObject("objectives");
            for (int k = 0; k < problem.ObjectiveNames.Count; k++)
            {
                json.WriteNumber(problem.ObjectiveNames[k], result.FrontObjectives[i][k]);
            }

            json.WriteEndObject();
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    public static string KindName(LeverKind kind) => kind switch
    {
        LeverKind.Stockpile => "stockpile",
        LeverKind.DaysOfCover => "days_of_cover",
        LeverKind.Capacity => "capacity",
        LeverKind.Recycling => "recycling",
        _ => "prequalify",
    };

    private static string UnitSuffix(Lever lever) => lever.Unit switch
    {
        "t/yr" => "t_per_yr",
        "on/off" => "on",
        var unit => unit,
    };
}
