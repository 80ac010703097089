using System.Globalization;
using System.Text;
using SupplySim.Decisions;
using SupplySim.Reporting.Graph;

namespace SupplySim.Reporting.Html;

/// <summary>
/// <c>optimize.html</c>: the Pareto front of robust cost against robust risk (every evaluated policy in grey, the
/// front in colour), the levers and lever costs of each front policy, and how each does in every scenario. Inline
/// SVG, no scripts; same input, same bytes.
/// </summary>
internal static class OptimizationHtmlReport
{
    public static string Render(OptimizationResult result, string scenarioFile, int trials)
    {
        var problem = result.Problem;
        string title = $"SupplySim optimize: {Path.GetFileName(scenarioFile)}";
        var html = new StringBuilder(1 << 15);
        html.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\"/>\n<title>").Append(Esc(title))
            .Append("</title>\n<style>\n").Append(ReportStyles.Css).Append("\n</style>\n</head>\n<body>\n<h1>").Append(Esc(title)).Append("</h1>\n<p class=\"meta\">")
            .Append(Esc(string.Create(CultureInfo.InvariantCulture,
                $"NSGA-II over {problem.Levers.Count} lever(s): {result.Evaluated.Count} policies evaluated ({result.Population} per generation, {result.Generations + 1} generations, " +
                $"then {result.Evaluated.Count - (result.Population * (result.Generations + 1))} pruning the front), " +
                $"each on the same {trials} trials of {problem.ScenarioIds.Count} scenario(s) ({string.Join(", ", problem.ScenarioIds)}). " +
                $"Risk: {problem.Risk.Name}. Robustness: {RobustnessText(problem)}. Costs are US dollars over the {problem.HorizonDays:0}-day run.")))
            .Append("</p>\n<h2>Pareto front</h2>\n").Append(FrontChart(result)).Append(LeverTable(result)).Append(ScenarioTable(result))
            .Append("<p>A policy is on the front when no other evaluated policy is at least as good on both objectives and better on one. " +
                    "Expected costs are lever costs plus the mean shortage cost over the trials; see docs/decisions.md.</p>\n</body>\n</html>\n");
        return html.ToString();
    }

    private static string RobustnessText(DecisionProblem problem) => problem.Robustness switch
    {
        Robustness.WorstCase => "worst case over the scenarios (minimax)",
        Robustness.Regret => "largest regret against the best policy found for each scenario",
        _ => string.Create(CultureInfo.InvariantCulture, $"worst-case cost, and the share of scenarios whose risk exceeds {problem.MaxRisk:G4}"),
    };

    private static string FrontChart(OptimizationResult result)
    {
        var problem = result.Problem;
        var points = result.EvaluatedObjectives();
        double xMax = LinearScale.NiceCeiling(points.Max(p => p[0]) / 1e6, 1e-9), yMax = LinearScale.NiceCeiling(points.Max(p => p[1]), 1e-9);
        var x = new LinearScale(0, xMax, 70, 620);
        var y = new LinearScale(0, yMax, 320, 20);
        var svg = new SvgBuilder(650, 365, "Pareto front: robust expected cost against robust risk", cssClass: "chart");
        ChartFrame.Draw(svg, x, y, Numbers.Axis, Numbers.Axis, $"{problem.ObjectiveNames[0]} (million USD)", problem.ObjectiveNames[1]);
        foreach (var p in points)
        {
            svg.Circle(x.Map(p[0] / 1e6), y.Map(p[1]), 2, "#c7c7c7");
        }

        svg.Polyline(result.FrontObjectives.Select(o => (x.Map(o[0] / 1e6), y.Map(o[1]))), "#1f77b4", 1.5);
        for (int i = 0; i < result.Front.Count; i++)
        {
            var o = result.FrontObjectives[i];
            svg.Circle(x.Map(o[0] / 1e6), y.Map(o[1]), 4, "#d62728", string.Create(CultureInfo.InvariantCulture, $"policy {i}: {o[0] / 1e6:0.###} MUSD, {o[1]:0.####}"));
        }

        return svg.ToString();
    }

    private static string LeverTable(OptimizationResult result)
    {
        var problem = result.Problem;
        var html = new StringBuilder("<h2>Levers of the front's policies</h2>\n<table>\n<tr><th>policy</th>");
        foreach (var lever in problem.Levers)
        {
            html.Append("<th>").Append(Esc($"{lever.Id} ({lever.Unit})")).Append("</th>");
        }

        html.Append("<th>lever cost (MUSD)</th>");
        foreach (string name in problem.ObjectiveNames)
        {
            html.Append("<th>").Append(Esc(name)).Append("</th>");
        }

        html.Append("</tr>\n");
        for (int i = 0; i < result.Front.Count; i++)
        {
            var policy = result.Front[i];
            html.Append("<tr><td>").Append(i).Append("</td>");
            for (int j = 0; j < problem.Levers.Count; j++)
            {
                var lever = problem.Levers[j];
                html.Append("<td>").Append(lever.IsOnOff ? (policy.Levers[j] >= 0.5 ? "on" : "off") : Numbers.Integer(lever.ToOutputUnit(policy.Levers[j]))).Append("</td>");
            }

            html.Append("<td>").Append(Money(policy.LeverCost)).Append("</td><td>").Append(Money(result.FrontObjectives[i][0])).Append("</td><td>")
                .Append(Numbers.Axis(result.FrontObjectives[i][1])).Append("</td></tr>\n");
        }

        return html.Append("</table>\n").ToString();
    }

    private static string ScenarioTable(OptimizationResult result)
    {
        var problem = result.Problem;
        var html = new StringBuilder("<h2>Each front policy in each scenario</h2>\n<p>Expected total cost (MUSD) / risk.</p>\n<table>\n<tr><th>policy</th>");
        foreach (string s in problem.ScenarioIds)
        {
            html.Append("<th>").Append(Esc(s)).Append("</th>");
        }

        html.Append("</tr>\n");
        for (int i = 0; i < result.Front.Count; i++)
        {
            var policy = result.Front[i];
            var total = policy.ExpectedTotalCost;
            html.Append("<tr><td>").Append(i).Append("</td>");
            for (int s = 0; s < problem.ScenarioIds.Count; s++)
            {
                html.Append("<td>").Append(Money(total[s])).Append(" / ").Append(Numbers.Axis(policy.Risk[s])).Append("</td>");
            }

            html.Append("</tr>\n");
        }

        return html.Append("</table>\n").ToString();
    }

    private static string Money(double dollars) => (dollars / 1e6).ToString("#,0.00", CultureInfo.InvariantCulture);

    private static string Esc(string text) => SvgBuilder.Escape(text);
}
