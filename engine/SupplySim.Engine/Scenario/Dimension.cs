namespace SupplySim.Scenario;

/// <summary>The physical dimension a YAML number must carry; decides which units are accepted.</summary>
public enum Dimension
{
    /// <summary>A plain number: probability, fraction, multiplier.</summary>
    None,

    /// <summary>A mass, stored in tonnes.</summary>
    Mass,

    /// <summary>A rate, stored in tonnes per day.</summary>
    Rate,

    /// <summary>A duration, stored in days.</summary>
    Duration,

    /// <summary>A price, stored in US dollars per tonne.</summary>
    Price,
}
