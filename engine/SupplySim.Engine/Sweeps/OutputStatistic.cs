namespace SupplySim.Sweeps;

/// <summary>How the per-trial values of an output are summarised at each point.</summary>
public enum OutputStatistic
{
    /// <summary>Mean over trials.</summary>
    Mean,

    /// <summary>Median (Hyndman-Fan type 7).</summary>
    P50,

    /// <summary>90th percentile.</summary>
    P90,

    /// <summary>95th percentile.</summary>
    P95,

    /// <summary>Share of trials whose value exceeds the output's threshold.</summary>
    PAbove,
}
