namespace SupplySim.Scenario;

/// <summary>
/// A number that may be uncertain: a scalar (<see cref="Dist"/> is <c>fixed</c>) or a distribution.
/// Every parameter is already converted to the internal unit (tonnes, tonnes per day, days).
/// </summary>
public sealed class UncertainDocument
{
    /// <summary>Distribution name as written: fixed, uniform, triangular, pert, normal, lognormal, beta, discrete.</summary>
    public string Dist { get; set; } = "fixed";

    /// <summary>Named parameters (value, min, mode, max, mean, sd, median, sigma, alpha, beta, lambda).</summary>
    public Dictionary<string, double> Parameters { get; } = new(StringComparer.Ordinal);

    /// <summary>Where each parameter was written, for range diagnostics.</summary>
    public Dictionary<string, SourceLocation> ParameterLocations { get; } = new(StringComparer.Ordinal);

    /// <summary>Each parameter as the user wrote it (e.g. <c>-5 t/yr</c>), so messages quote their units.</summary>
    public Dictionary<string, string> ParameterText { get; } = new(StringComparer.Ordinal);

    /// <summary>Values of a <c>discrete</c> distribution.</summary>
    public List<double>? Values { get; set; }

    /// <summary>Weights of a <c>discrete</c> distribution.</summary>
    public List<double>? Weights { get; set; }

    /// <summary>Where the number or distribution starts.</summary>
    public SourceLocation Location { get; set; }

    /// <summary>Creates a fixed value.</summary>
    public static UncertainDocument Fixed(double value, SourceLocation location, string? text = null)
    {
        var doc = new UncertainDocument { Location = location };
        if (text is not null)
        {
            doc.ParameterText["value"] = text;
        }

        doc.Parameters["value"] = value;
        doc.ParameterLocations["value"] = location;
        return doc;
    }

    /// <summary>True for a plain scalar.</summary>
    public bool IsFixed => Dist == "fixed";
}
