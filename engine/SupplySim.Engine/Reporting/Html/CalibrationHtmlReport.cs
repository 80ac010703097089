using System.Globalization;
using System.Text;
using SupplySim.Calibration;
using SupplySim.Reporting.Graph;

namespace SupplySim.Reporting.Html;

/// <summary>
/// The self-contained HTML report of a calibration: the method and its generations, prior against posterior density
/// of every calibrated parameter (the parameters the observations inform most first), and per observation the prior
/// and posterior predictive P10–P90 bands against the observed value, fitted and held-out observations apart. Inline
/// CSS and SVG only; the same calibration gives the same bytes.
/// </summary>
internal static class CalibrationHtmlReport
{
    private const int Bins = 30;
    private const string PriorColour = "#9e9e9e", PosteriorColour = "#1f77b4", ObservedColour = "#d62728";

    /// <summary>Renders <paramref name="report"/>.</summary>
    public static string Render(CalibrationReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        string title = $"SupplySim calibration: {Path.GetFileName(report.File)}";
        var html = new StringBuilder(1 << 17);
        html.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\"/>\n<title>").Append(Esc(title))
            .Append("</title>\n<style>\n").Append(ReportStyles.Css)
            .Append("\n.densities{display:flex;flex-wrap:wrap;gap:6px}\n</style>\n</head>\n<body>\n<h1>").Append(Esc(title)).Append("</h1>\n");
        Method(html, report);
        Bands(html, report);
        Densities(html, report);
        html.Append("</body>\n</html>\n");
        return html.ToString();
    }

    private static void Method(StringBuilder html, CalibrationReport report)
    {
        var o = report.Options;
        var result = report.Result;
        html.Append("<p class=\"meta\">").Append(Esc(string.Create(CultureInfo.InvariantCulture,
            $"Adaptive ABC-SMC (Del Moral, Doucet and Jasra 2012; docs/calibration.md): {report.Parameters.Count} parameters, " +
            $"{result.Fitted.Count} of {report.Observations.Count} observations fitted{(o.Until is { } until ? $" (ending before {until:yyyy-MM-dd})" : "")}; " +
            $"{o.Particles} particles x {o.TrialsPerParticle} trials, {result.Generations.Count} generations, {result.Simulations} simulations, seed {o.Seed}; " +
            $"predictive check on {report.CheckTrials} trials per scenario, prior and posterior on the same draws.")))
            .Append("</p>\n<table>\n<tr><th>generation</th><th>tolerance</th><th>effective sample size</th><th>resampled</th><th>moves accepted</th></tr>\n");
        for (int g = 0; g < result.Generations.Count; g++)
        {
            var generation = result.Generations[g];
            html.Append(CultureInfo.InvariantCulture, $"<tr><td>{g}</td><td>{(double.IsFinite(generation.Tolerance) ? generation.Tolerance.ToString("0.###", CultureInfo.InvariantCulture) : "prior")}</td>")
                .Append(CultureInfo.InvariantCulture, $"<td>{generation.EffectiveSampleSize:0}</td><td>{(generation.Resampled ? "yes" : "")}</td><td>{generation.Acceptance:0%}</td></tr>\n");
        }

        html.Append("</table>\n");
    }

    private static void Bands(StringBuilder html, CalibrationReport report)
    {
        html.Append("<h2>Predictive bands against observations</h2>\n<p>Each row: the modelled P10–P90 (bar) and P50 (tick) under the prior (grey) and ")
            .Append("the posterior (blue), and the observed value (red). Fitted observations were used by the fit; held-out ones (after --until) score the forecast.</p>\n");
        foreach (bool fitted in new[] { true, false })
        {
            var rows = report.Observations.Where(o => o.Fitted == fitted).ToList();
            if (rows.Count == 0)
            {
                continue;
            }

            var (count, priorInside, posteriorInside, _) = report.Score(fitted);
            html.Append("<h3>").Append(fitted ? "Fitted" : "Held out").Append("</h3>\n<p>").Append(Esc(string.Create(CultureInfo.InvariantCulture,
                $"{count} observations; inside P10–P90: prior {priorInside}, posterior {posteriorInside}; {report.FormatCrpsRatio(fitted)} (below 1 is better).")))
                .Append("</p>\n");
            foreach (var row in rows)
            {
                html.Append(BandChart(row));
            }
        }
    }

    private static string BandChart(ObservationFit row)
    {
        const double Width = 760, Left = 260, Right = 720;
        var (a, b) = (row.Prior, row.Posterior);
        double low = Math.Min(row.Observation.Observed, Math.Min(a.P10, b.P10)), high = Math.Max(row.Observation.Observed, Math.Max(a.P90, b.P90));
        if (!(high > low))
        {
            (low, high) = (low - 1, high + 1);
        }

        double pad = 0.05 * (high - low);
        var x = new LinearScale(low - pad, high + pad, Left, Right);
        var svg = new SvgBuilder(Width, 48, $"{row.Observation.Id}: prior and posterior P10-P90 against the observed value", cssClass: "chart");
        svg.Text(Left - 8, 16, row.Observation.Id, "end", 11, "#222222");
        svg.Text(Left - 8, 32, $"{row.Observation.Period}, {row.Observation.Unit}", "end", 10, "#666666");
        Bar(svg, x, a, 8, PriorColour, "prior");
        Bar(svg, x, b, 24, PosteriorColour, "posterior");
        svg.Line(x.Map(row.Observation.Observed), 4, x.Map(row.Observation.Observed), 40, ObservedColour, 2);
        svg.Text(Right + 4, 28, Numbers.Axis(row.Observation.Observed), "start", 10, ObservedColour);
        return svg.ToString();
    }

    private static void Bar(SvgBuilder svg, LinearScale x, PredictiveBand band, double y, string colour, string label)
    {
        svg.Rect(x.Map(band.P10), y, Math.Max(1, x.Map(band.P90) - x.Map(band.P10)), 12, colour, title: string.Create(CultureInfo.InvariantCulture,
            $"{label}: P10 {band.P10:G4}, P50 {band.P50:G4}, P90 {band.P90:G4}, CRPS {band.Crps:G3}"));
        svg.Line(x.Map(band.P50), y - 2, x.Map(band.P50), y + 14, "#000000", 1.5);
    }

    private static void Densities(StringBuilder html, CalibrationReport report)
    {
        html.Append("<h2>Prior and posterior of each parameter</h2>\n<p>Histograms of the prior (grey) and of the weighted posterior particles (blue), ")
            .Append("in internal units, narrowest posterior relative to its prior first: those are what the observations inform.</p>\n<div class=\"densities\">\n");
        foreach (var fit in report.Parameters.OrderBy(Narrowing).ThenBy(f => f.Name, StringComparer.Ordinal))
        {
            html.Append(Density(fit));
        }

        html.Append("</div>\n");
    }

    /// <summary>Posterior P5–P95 width over the prior's.</summary>
    private static double Narrowing(ParameterFit fit)
    {
        double prior = fit.Prior.P95 - fit.Prior.P5;
        return prior > 0 ? (fit.Posterior.P95 - fit.Posterior.P5) / prior : 1;
    }

    private static string Density(ParameterFit fit)
    {
        const double Width = 250, Height = 120, Left = 8, Right = 242, Top = 30, Bottom = 100;
        double low = Math.Min(fit.PriorDraws.Min(), fit.PosteriorValues.Min()), high = Math.Max(fit.PriorDraws.Max(), fit.PosteriorValues.Max());
        if (!(high > low))
        {
            (low, high) = (low - 1, high + 1);
        }

        var prior = Histogram(fit.PriorDraws, Enumerable.Repeat(1.0, fit.PriorDraws.Count).ToList(), low, high);
        var posterior = Histogram(fit.PosteriorValues, fit.PosteriorWeights, low, high);
        double top = Math.Max(prior.Max(), posterior.Max());
        var x = new LinearScale(low, high, Left, Right);
        var y = new LinearScale(0, top > 0 ? top : 1, Bottom, Top);
        var svg = new SvgBuilder(Width, Height, $"{fit.Name}: prior and posterior density", cssClass: "chart");
        svg.Text(Left, 12, fit.Name, "start", 10, "#222222");
        svg.Text(Left, 24, string.Create(CultureInfo.InvariantCulture,
            $"P50 {fit.Prior.P50:G3} → {fit.Posterior.P50:G3}; P5–P95 width x{Narrowing(fit):0.00}"), "start", 9, "#666666");
        Steps(svg, x, y, prior, low, high, PriorColour);
        Steps(svg, x, y, posterior, low, high, PosteriorColour);
        svg.Line(Left, Bottom, Right, Bottom, "#666666");
        svg.Text(Left, Bottom + 14, Numbers.Axis(low), "start", 9, "#444444");
        svg.Text(Right, Bottom + 14, Numbers.Axis(high), "end", 9, "#444444");
        return svg.ToString();
    }

    /// <summary>Density per bin (shares summing to one), so prior and posterior compare on one axis.</summary>
    private static double[] Histogram(IReadOnlyList<double> values, IReadOnlyList<double> weights, double low, double high)
    {
        var bins = new double[Bins];
        double total = 0;
        for (int i = 0; i < values.Count; i++)
        {
            int bin = Math.Clamp((int)((values[i] - low) / (high - low) * Bins), 0, Bins - 1);
            bins[bin] += weights[i];
            total += weights[i];
        }

        return [.. bins.Select(b => total > 0 ? b / total : 0)];
    }

    private static void Steps(SvgBuilder svg, LinearScale x, LinearScale y, double[] bins, double low, double high, string colour)
    {
        var points = new List<(double X, double Y)> { (x.Map(low), y.Map(0)) };
        for (int b = 0; b < Bins; b++)
        {
            double from = low + ((high - low) * b / Bins), to = low + ((high - low) * (b + 1) / Bins);
            points.Add((x.Map(from), y.Map(bins[b])));
            points.Add((x.Map(to), y.Map(bins[b])));
        }

        points.Add((x.Map(high), y.Map(0)));
        svg.Polyline(points, colour, 1.5);
    }

    private static string Esc(string text) => SvgBuilder.Escape(text);
}
