using SupplySim.Scenario;
using SupplySim.Simulation;

namespace SupplySim.Sweeps;

/// <summary>
/// One swept parameter: where it lives in the scenario document and how a design coordinate u in [0, 1] maps to a
/// value (in the internal unit: tonnes, tonnes per day, days). A range maps linearly; a list of values picks
/// <c>values[floor(u n)]</c>; a distribution uses its inverse CDF, with u = 0 and u = 1 (grid, Morris and
/// one-at-a-time end points) read as the 1% and 99% quantiles. Immutable.
/// </summary>
public sealed class SweepParameter
{
    private readonly double[]? _values;
    private readonly UncertainDocument? _distribution;

    internal SweepParameter(string name, string path, SourceLocation location, ParameterTarget target,
        double min, double max, double[]? values, UncertainDocument? distribution)
    {
        Name = name;
        Path = path;
        Location = location;
        Target = target;
        Min = min;
        Max = max;
        _values = values;
        _distribution = distribution;
    }

    /// <summary>Column name in result tables (<c>[a-z0-9_]+</c>).</summary>
    public string Name { get; }

    /// <summary>The path as written, e.g. <c>events[ree-licence-no18].approval_probability</c>.</summary>
    public string Path { get; }

    /// <summary>Where the parameter is written in the sweep file.</summary>
    public SourceLocation Location { get; }

    /// <summary>The value at u = 0 (for a range, its minimum).</summary>
    public double Min { get; }

    /// <summary>The value at u = 1 (for a range, its maximum).</summary>
    public double Max { get; }

    /// <summary>Number of distinct values when given as a list, else null.</summary>
    public int? ValueCount => _values?.Length;

    internal ParameterTarget Target { get; }

    /// <summary>The parameter value at design coordinate <paramref name="u"/> in [0, 1].</summary>
    public double ValueAt(double u)
    {
        if (_values is not null)
        {
            return _values[Math.Clamp((int)Math.Floor(u * _values.Length), 0, _values.Length - 1)];
        }

        if (_distribution is null)
        {
            return Min + (u * (Max - Min));
        }

        double p = u <= 0 ? 0.01 : u >= 1 ? 0.99 : u;
        var q = _distribution.Parameters;
        return _distribution.Dist switch
        {
            "uniform" => q["min"] + (p * (q["max"] - q["min"])),
            "triangular" => Triangular(q["min"], q["mode"], q["max"], p),
            "normal" => Math.Clamp(q["mean"] + (q["sd"] * InverseNormal.Cdf(p)),
                q.GetValueOrDefault("min", double.NegativeInfinity), q.GetValueOrDefault("max", double.PositiveInfinity)),
            _ => Math.Min(q["median"] * Math.Exp(q["sigma"] * InverseNormal.Cdf(p)), q.GetValueOrDefault("max", double.PositiveInfinity)),
        };
    }

    /// <summary>Distributions a sweep parameter may follow (those with a closed-form inverse CDF).</summary>
    internal static readonly string[] Distributions = ["uniform", "triangular", "normal", "lognormal"];

    private static double Triangular(double min, double mode, double max, double p)
    {
        double split = (mode - min) / (max - min);
        return p < split
            ? min + Math.Sqrt(p * (max - min) * (mode - min))
            : max - Math.Sqrt((1 - p) * (max - min) * (max - mode));
    }
}
