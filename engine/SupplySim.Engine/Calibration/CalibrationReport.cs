using System.Globalization;
using System.Text;
using System.Text.Json;
using SupplySim.Model;
using SupplySim.Reporting;
using SupplySim.Simulation;
using SupplySim.Statistics;

namespace SupplySim.Calibration;

/// <summary>
/// What a calibration found and how well it forecasts: per parameter the prior and posterior P5/P50/P95; per observation
/// (fitted or held out by <c>--until</c>) the prior and posterior predictive P10/P50/P90, whether the observed value is
/// inside, and the CRPS, from a check run of the observations' scenarios with and without the posterior on the same
/// trials.
/// </summary>
public sealed class CalibrationReport
{
    /// <summary>Draws from each prior for its quantiles and density.</summary>
    private const int PriorDraws = 4000;

    private CalibrationReport(string file, CompiledModel model, AbcSmcResult result, CalibrationOptions options, int checkTrials,
        IReadOnlyList<ParameterFit> parameters, IReadOnlyList<ObservationFit> observations)
    {
        File = file;
        Model = model;
        Result = result;
        Options = options;
        CheckTrials = checkTrials;
        Parameters = parameters;
        Observations = observations;
    }

    /// <summary>The scenario file calibrated.</summary>
    public string File { get; }

    /// <summary>Its compiled model.</summary>
    public CompiledModel Model { get; }

    /// <summary>What ABC-SMC found.</summary>
    public AbcSmcResult Result { get; }

    /// <summary>The calibration's settings.</summary>
    public CalibrationOptions Options { get; }

    /// <summary>Trials of the predictive check, per scenario and for prior and posterior alike.</summary>
    public int CheckTrials { get; }

    /// <summary>Each calibrated parameter.</summary>
    public IReadOnlyList<ParameterFit> Parameters { get; }

    /// <summary>Every observation of the file, in file order.</summary>
    public IReadOnlyList<ObservationFit> Observations { get; }

    /// <summary>The observations that end before <paramref name="until"/> (every one when null).</summary>
    public static IReadOnlyList<CompiledObservation> FittedObservations(CompiledModel model, DateOnly? until)
    {
        ArgumentNullException.ThrowIfNull(model);
        return [.. model.Observations.Where(o => until is not { } date || EndOf(model.Network, o) <= date)];
    }

    /// <summary>The day after an observation's last month.</summary>
    public static DateOnly EndOf(CompiledNetwork network, CompiledObservation observation)
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(observation);
        var start = new DateOnly(network.Start.Year, network.Start.Month, 1);
        return start.AddMonths(observation.LastMonth + 1);
    }

    /// <summary>Summarises <paramref name="result"/> and runs the predictive check (<paramref name="checkTrials"/> trials of each observed scenario, twice).</summary>
    public static CalibrationReport Build(string file, CompiledModel model, AbcSmcResult result, CalibrationOptions options, int checkTrials,
        IProgress<long>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(options);
        var table = model.Network.Parameters;
        var posterior = result.Posterior;
        var targets = ParameterOverrides.Resolve(table, posterior.ParameterNames);
        var parameters = new List<ParameterFit>();
        for (int j = 0; j < posterior.ParameterNames.Count; j++)
        {
            int p = targets[j][0];
            var draws = new double[PriorDraws];
            for (int i = 0; i < PriorDraws; i++)
            {
                var rng = Rng.ForStream(options.Seed, i, table.StreamKey[p]);
                draws[i] = Sampler.Sample(table, p, ref rng);
            }

            var values = Enumerable.Range(0, posterior.Particles).Select(i => posterior.Value(i, j)).ToArray();
            var equal = Enumerable.Repeat(1.0, PriorDraws).ToArray();
            parameters.Add(new ParameterFit(posterior.ParameterNames[j],
                (WeightedSample.Quantile(draws, equal, 0.05), WeightedSample.Quantile(draws, equal, 0.5), WeightedSample.Quantile(draws, equal, 0.95)),
                (WeightedSample.Quantile(values, posterior.Weights, 0.05), WeightedSample.Quantile(values, posterior.Weights, 0.5),
                    WeightedSample.Quantile(values, posterior.Weights, 0.95)),
                draws, values, posterior.Weights));
        }

        var fitted = result.Fitted.ToHashSet();
        var scenarios = model.Observations.Select(o => o.ScenarioId).Distinct().Select(id => model.Find(id)!).ToList();
        var check = new MonteCarloOptions(checkTrials, options.Seed, options.Threads, RecordMonthlyLaneFlows: true);
        long done = 0;
        List<ScenarioResult> Run(MonteCarloOptions o) => [.. scenarios.Select(s =>
        {
            var r = MonteCarlo.Run(model, s, o, cancellationToken: cancellationToken);
            progress?.Report(done += checkTrials);
            return r;
        })];
        var prior = Run(check);
        var fromPosterior = Run(check with { Posterior = posterior });
        var observations = model.Observations.Select(o => new ObservationFit(o, fitted.Contains(o),
            Band(o, prior.First(r => r.Scenario.Id == o.ScenarioId)), Band(o, fromPosterior.First(r => r.Scenario.Id == o.ScenarioId)))).ToList();
        return new CalibrationReport(file, model, result, options, checkTrials, parameters, observations);
    }

    private static PredictiveBand Band(CompiledObservation observation, ScenarioResult result)
    {
        var values = Backtest.PerTrial(observation, result);
        var summary = MetricSummary.Compute(values, []);
        bool inside = observation.Observed >= summary.P10 && observation.Observed <= summary.P90;
        return new PredictiveBand(summary.P10, summary.P50, summary.P90, inside, Crps.Of(values, observation.Observed));
    }

    /// <summary>
    /// Share inside the P10–P90 band and the geometric mean of posterior/prior CRPS (<see cref="CrpsRatio"/>), over
    /// fitted or held-out observations.
    /// </summary>
    public (int Count, int PriorInside, int PosteriorInside, double CrpsRatio) Score(bool fitted)
    {
        var set = Observations.Where(o => o.Fitted == fitted).ToList();
        return (set.Count, set.Count(o => o.Prior.Inside), set.Count(o => o.Posterior.Inside), CrpsRatioOf(fitted).Ratio);
    }

    /// <summary>Geometric-mean CRPS ratio over fitted or held-out observations, and how many it left out (one CRPS exactly 0).</summary>
    internal (double Ratio, int Skipped) CrpsRatioOf(bool fitted) =>
        CrpsRatio.GeometricMean(Observations.Where(o => o.Fitted == fitted).Select(o => (o.Prior.Crps, o.Posterior.Crps)));

    /// <summary>The CRPS ratio as the console and the HTML report print it, with the skipped count when there is one.</summary>
    internal string FormatCrpsRatio(bool fitted)
    {
        var (ratio, skipped) = CrpsRatioOf(fitted);
        string text = string.Create(CultureInfo.InvariantCulture, $"geometric mean CRPS posterior/prior {ratio:0.00}");
        return skipped == 0 ? text
            : string.Create(CultureInfo.InvariantCulture, $"{text} ({skipped} left out: CRPS 0 under one of prior and posterior only)");
    }

    /// <summary>The prior vs posterior backtest table for the console.</summary>
    public string FormatTable()
    {
        var text = new StringBuilder();
        text.AppendLine("observation                     fit  observed |  prior P10      P50      P90 in    CRPS | post. P10      P50      P90 in    CRPS");
        foreach (var o in Observations)
        {
            var (a, b) = (o.Prior, o.Posterior);
            text.AppendLine(CultureInfo.InvariantCulture,
                $"{Clip(o.Observation.Id, 30),-30} {(o.Fitted ? "yes" : "no"),4} {o.Observation.Observed,9:G4} | {a.P10,9:G4} {a.P50,8:G4} {a.P90,8:G4} {(a.Inside ? "y" : "N"),2} {a.Crps,7:G3} | {b.P10,9:G4} {b.P50,8:G4} {b.P90,8:G4} {(b.Inside ? "y" : "N"),2} {b.Crps,7:G3}");
        }

        foreach (bool fitted in new[] { true, false })
        {
            var (count, priorInside, posteriorInside, _) = Score(fitted);
            if (count > 0)
            {
                text.AppendLine(CultureInfo.InvariantCulture,
                    $"{(fitted ? "fitted" : "held out")}: {count} observations; inside P10-P90: prior {priorInside}, posterior {posteriorInside}; {FormatCrpsRatio(fitted)}");
            }
        }

        return text.ToString();
    }

    /// <summary>Writes <c>calibration.json</c> (schema <c>supplysim.calibration/1</c>).</summary>
    public void WriteJson(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true });
        json.WriteStartObject();
        json.WriteString("schema", "supplysim.calibration/1");
        json.WriteString("file", File);
        json.WriteString("network_fingerprint", Result.Posterior.NetworkFingerprint);
        json.WriteString("method", "adaptive ABC-SMC (Del Moral, Doucet and Jasra 2012)");
        json.WriteNumber("seed", Options.Seed);
        json.WriteStartObject("settings");
        json.WriteNumber("particles", Options.Particles);
        json.WriteNumber("trials_per_particle", Options.TrialsPerParticle);
        json.WriteNumber("budget", Options.Budget);
        json.WriteNumber("retention", Options.Retention);
        json.WriteNumber("min_acceptance", Options.MinAcceptance);
        if (Options.Until is { } until)
        {
            json.WriteString("until", until.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        }
        else
        {
            json.WriteNull("until");
        }

        json.WriteNumber("check_trials", CheckTrials);
        json.WriteEndObject();
        json.WriteNumber("simulations", Result.Simulations);
        json.WriteNumber("effective_sample_size", WeightedSample.EffectiveSize(Result.Posterior.Weights));
        json.WriteStartArray("generations");
        foreach (var g in Result.Generations)
        {
            json.WriteStartObject();
            if (double.IsFinite(g.Tolerance))
            {
                json.WriteNumber("tolerance", g.Tolerance);
            }
            else
            {
                json.WriteNull("tolerance");
            }

            json.WriteNumber("effective_sample_size", g.EffectiveSampleSize);
            json.WriteBoolean("resampled", g.Resampled);
            json.WriteNumber("acceptance", g.Acceptance);
            json.WriteNumber("simulations", g.Simulations);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteStartArray("parameters");
        foreach (var p in Parameters)
        {
            json.WriteStartObject();
            json.WriteString("name", p.Name);
            WriteQuantiles(json, "prior", p.Prior);
            WriteQuantiles(json, "posterior", p.Posterior);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        var fitted = Result.Fitted.ToList();
        json.WriteStartArray("observations");
        for (int i = 0; i < Observations.Count; i++)
        {
            var o = Observations[i];
            json.WriteStartObject();
            json.WriteString("id", o.Observation.Id);
            json.WriteString("scenario", o.Observation.ScenarioId);
            json.WriteString("period", o.Observation.Period);
            json.WriteString("unit", o.Observation.Unit);
            json.WriteNumber("observed", o.Observation.Observed);
            json.WriteBoolean("fitted", o.Fitted);
            int scale = fitted.IndexOf(o.Observation);
            if (scale >= 0)
            {
                json.WriteNumber("distance_scale", Result.Scales[scale]);
            }

            WriteBand(json, "prior", o.Prior);
            WriteBand(json, "posterior", o.Posterior);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void WriteQuantiles(Utf8JsonWriter json, string name, (double P5, double P50, double P95) q)
    {
        json.WriteStartObject(name);
        json.WriteNumber("p5", q.P5);
        json.WriteNumber("p50", q.P50);
        json.WriteNumber("p95", q.P95);
        json.WriteEndObject();
    }

    private static void WriteBand(Utf8JsonWriter json, string name, PredictiveBand band)
    {
        json.WriteStartObject(name);
        json.WriteNumber("p10", band.P10);
        json.WriteNumber("p50", band.P50);
        json.WriteNumber("p90", band.P90);
        json.WriteBoolean("inside_p10_p90", band.Inside);
        json.WriteNumber("crps", band.Crps);
        json.WriteEndObject();
    }

    private static string Clip(string text, int width) => text.Length <= width ? text : text[..(width - 1)] + "…";
}
