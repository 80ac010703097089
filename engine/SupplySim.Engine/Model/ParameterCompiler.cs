using System.Globalization;
using SupplySim.Scenario;

namespace SupplySim.Model;

/// <summary>Validates uncertain numbers against the range their field allows and adds them to the parameter table.</summary>
internal sealed class ParameterCompiler(ParameterTableBuilder table, DiagnosticBag diagnostics)
{
    /// <summary>Longest lead, processing or outage time a ring buffer holds; unbounded draws are capped here.</summary>
    public const double MaxDurationDays = 365.0;

    public ParameterTableBuilder Table => table;

    /// <summary>
    /// Adds <paramref name="doc"/> as parameter <paramref name="name"/>; every draw lies in [<paramref name="lo"/>,
    /// <paramref name="hi"/>]. Returns the index, or -1 after reporting why the value is impossible.
    /// </summary>
    public int Add(UncertainDocument doc, string name, string field, double lo, double hi, bool perTrial)
    {
        string range = $"[{Format(lo)}, {Format(hi)}]";
        bool ok = true;
        double Get(string key) => doc.Parameters.TryGetValue(key, out double v) ? v : double.NaN;
        double GetOr(string key, double fallback) => doc.Parameters.TryGetValue(key, out double v) ? v : fallback;

        // As the user wrote it (with its unit), not converted to tonnes and days.
        string Written(string key) => doc.ParameterText.TryGetValue(key, out string? text) ? $"'{text}'" : Format(GetOr(key, double.NaN));
        void InRange(string key)
        {
            if (doc.Parameters.TryGetValue(key, out double v) && (v < lo || v > hi))
            {
                string where = doc.IsFixed ? field : $"{field} {key}";
                // The range is in tonnes and days; say so only where the value was converted into them.
                bool converted = doc.ParameterText.TryGetValue(key, out string? text) &&
                                 !double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out _);
                diagnostics.Error("SS0104", doc.ParameterLocations[key],
                    $"{where} must be in {range}{(converted ? " (internal units: tonnes, days)" : "")}, was {Written(key)}");
                ok = false;
            }
        }

        void Impossible(string message)
        {
            diagnostics.Error("SS0105", doc.Location, $"{field}: impossible {doc.Dist} distribution: {message}");
            ok = false;
        }

        int index;
        switch (doc.Dist)
        {
            case "fixed":
                InRange("value");
                index = table.Add(name, DistributionKind.Fixed, Get("value"), 0, 0, 0, lo, hi, perTrial);
                break;
            case "uniform":
                InRange("min");
                InRange("max");
                if (Get("min") > Get("max")) { Impossible($"min {Written("min")} > max {Written("max")}"); }
                index = table.Add(name, DistributionKind.Uniform, Get("min"), Get("max"), 0, 0, lo, hi, perTrial);
                break;
            case "triangular":
            case "pert":
                InRange("min");
                InRange("mode");
                InRange("max");
                double min = Get("min"), mode = Get("mode"), max = Get("max");
                if (!(min <= mode && mode <= max)) { Impossible($"need min <= mode <= max, was {Written("min")}, {Written("mode")}, {Written("max")}"); }
                if (doc.Dist == "triangular")
                {
                    index = table.Add(name, DistributionKind.Triangular, min, mode, max, 0, lo, hi, perTrial);
                    break;
                }

                double lambda = GetOr("lambda", 4);
                if (lambda <= 0) { Impossible($"lambda must be > 0, was {Written("lambda")}"); }
                double width = max - min;
                double alpha = width > 0 ? 1 + (lambda * (mode - min) / width) : 1;
                double beta = width > 0 ? 1 + (lambda * (max - mode) / width) : 1;
                index = table.Add(name, DistributionKind.Pert, min, width, alpha, beta, lo, hi, perTrial);
                break;
            case "normal":
                InRange("min");
                InRange("max");
                bool sdValid = Get("sd") >= 0;
                if (!sdValid) { Impossible($"sd must be >= 0, was {Written("sd")}"); }
                double tLo = Math.Max(lo, GetOr("min", lo)), tHi = Math.Min(hi, GetOr("max", hi));
                // The truncation bounds as written where the file gives them, else the field's own range (tonnes, days).
                string lower = doc.Parameters.ContainsKey("min") && tLo == Get("min") ? Written("min") : $"{Format(tLo)} (tonnes, days)";
                string upper = doc.Parameters.ContainsKey("max") && tHi == Get("max") ? Written("max") : $"{Format(tHi)} (tonnes, days)";
                if (tLo > tHi) { Impossible($"min {lower} > max {upper}"); }
                // Judged against a valid sd only: a negative one would make every mean look far outside (one error is enough).
                if (sdValid && (Get("mean") < tLo - (8 * Get("sd")) || Get("mean") > tHi + (8 * Get("sd")))) { Impossible($"mean {Written("mean")} is far outside [{lower}, {upper}]"); }
                index = table.Add(name, DistributionKind.Normal, Get("mean"), Get("sd"), 0, 0, tLo, tHi, perTrial);
                break;
            case "lognormal":
                InRange("median");
                if (!(Get("median") > 0)) { Impossible($"median must be > 0, was {Written("median")}"); }
                if (Get("sigma") < 0) { Impossible($"sigma must be >= 0, was {Written("sigma")}"); }
                index = table.Add(name, DistributionKind.Lognormal, Math.Log(Math.Max(Get("median"), double.Epsilon)), Get("sigma"), 0, 0,
                    lo, Math.Min(hi, GetOr("max", hi)), perTrial);
                break;
            case "beta":
                double bMin = GetOr("min", Math.Max(lo, 0)), bMax = GetOr("max", Math.Min(hi, 1));
                InRange("min");
                InRange("max");
                if (!(Get("alpha") > 0) || !(Get("beta") > 0)) { Impossible("alpha and beta must be > 0"); }
                if (bMin > bMax) { Impossible($"min {Format(bMin)} > max {Format(bMax)}"); }
                index = table.Add(name, DistributionKind.Beta, bMin, bMax - bMin, Get("alpha"), Get("beta"), lo, hi, perTrial);
                break;
            case "discrete":
                var values = doc.Values ?? [];
                var weights = doc.Weights ?? [];
                if (values.Count == 0 || values.Count != weights.Count) { Impossible($"values and weights need the same, non-zero length, were {values.Count} and {weights.Count}"); }
                if (weights.Any(w => w < 0) || !(weights.Sum() > 0)) { Impossible("weights must be >= 0 with a positive sum"); }
                foreach (double v in values.Where(v => v < lo || v > hi))
                {
                    diagnostics.Error("SS0104", doc.Location, $"{field} value must be in {range}, was {Format(v)}");
                    ok = false;
                }

                index = table.Add(name, DistributionKind.Discrete, 0, 0, 0, 0, lo, hi, perTrial);
                if (ok)
                {
                    table.SetDiscrete(index, values, weights);
                }

                break;
            default:
                throw new System.Diagnostics.UnreachableException($"unknown dist {doc.Dist}");
        }

        return ok ? index : -1;
    }

    /// <summary>Largest value parameter <paramref name="index"/> can take (for ring-buffer sizing).</summary>
    public double UpperBound(int index)
    {
        if (index < 0)
        {
            return 0;
        }

        double bound = table.Kind[index] switch
        {
            DistributionKind.Fixed => table.A[index],
            DistributionKind.Uniform => table.B[index],
            DistributionKind.Triangular => table.C[index],
            DistributionKind.Pert or DistributionKind.Beta => table.A[index] + table.B[index],
            DistributionKind.Discrete => table.DiscreteValues.Skip(table.DiscreteStart[index]).Take(table.DiscreteCount[index]).DefaultIfEmpty(0).Max(),
            _ => double.PositiveInfinity,
        };
        return Math.Min(bound, table.Upper[index]);
    }

    public static string Format(double value) => value switch
    {
        double.PositiveInfinity => "inf",
        double.NegativeInfinity => "-inf",
        _ => value.ToString("G6", CultureInfo.InvariantCulture),
    };
}
