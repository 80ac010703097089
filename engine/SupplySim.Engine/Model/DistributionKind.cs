namespace SupplySim.Model;

/// <summary>How a compiled parameter is sampled; the kernel switches on it (no virtual calls).</summary>
public enum DistributionKind : byte
{
    /// <summary>A constant.</summary>
    Fixed,

    /// <summary>Uniform on [min, max].</summary>
    Uniform,

    /// <summary>Triangular on [min, max] with a mode.</summary>
    Triangular,

    /// <summary>Beta-PERT; stored as a scaled beta.</summary>
    Pert,

    /// <summary>Normal, optionally truncated to [min, max].</summary>
    Normal,

    /// <summary>Lognormal from a median and a log-space sd, optionally capped.</summary>
    Lognormal,

    /// <summary>Beta scaled to [min, max].</summary>
    Beta,

    /// <summary>Finite values with weights.</summary>
    Discrete,
}
