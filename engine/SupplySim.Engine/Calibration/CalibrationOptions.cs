namespace SupplySim.Calibration;

/// <summary>Settings of <see cref="AbcSmc"/>; the defaults are those of <c>supplysim calibrate</c>.</summary>
/// <param name="Seed">Master seed: proposals and the trials that judge them derive from it.</param>
/// <param name="Threads">Particles judged at once; -1 for all cores. Never changes the results.</param>
public sealed record CalibrationOptions(ulong Seed, int Threads = -1)
{
    /// <summary>Simulated trials the whole calibration may spend (particles × trials per particle × generations, per scenario observed).</summary>
    public long Budget { get; init; } = 400_000;

    /// <summary>Particles per generation.</summary>
    public int Particles { get; init; } = 500;

    /// <summary>Trials each particle is judged on (the same trials for every particle of a generation).</summary>
    public int TrialsPerParticle { get; init; } = 8;

    /// <summary>Each generation lowers the tolerance until the particles' effective sample size is this share of the last one's.</summary>
    public double Retention { get; init; } = 0.7;

    /// <summary>Calibration stops when fewer than this share of a generation's moves are accepted (the particles no longer mix).</summary>
    public double MinAcceptance { get; init; } = 0.015;

    /// <summary>Fit only observations that end before this date (out-of-sample checks); null fits all.</summary>
    public DateOnly? Until { get; init; }

    /// <summary>Throws when the settings cannot be run.</summary>
    public void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(Particles, 2);
        ArgumentOutOfRangeException.ThrowIfLessThan(TrialsPerParticle, 1);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(Retention, 0);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(Retention, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(MinAcceptance);
        if (Threads is 0 or < -1)
        {
            throw new ArgumentOutOfRangeException(nameof(Threads), Threads, "must be -1 or at least 1");
        }
    }
}
