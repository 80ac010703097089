namespace SupplySim.Simulation;

/// <summary>
/// A <see cref="TrialKernel{T, TMask}"/> of some width, for the code that picks the width once and then only runs blocks:
/// one interface call per block, none inside it.
/// </summary>
internal interface ITrialKernel
{
    /// <summary>Trials per block (the lanes of the kernel's vectors).</summary>
    int Width { get; }

    /// <summary>From the next block on, per-trial parameters take these values where they name them (null: none).</summary>
    void UseOverrides(ParameterOverrides? overrides);

    /// <summary>
    /// Runs trials <paramref name="firstTrial"/> … <paramref name="firstTrial"/> + <see cref="Width"/> − 1 and writes
    /// trial <c>firstTrial + l</c>'s row to <c>rows[l * layout.Width ..]</c> and, when recording, its monthly lane
    /// flows and weekly series to the same lane's part of the other buffers.
    /// </summary>
    void Run(ulong seed, long firstTrial, Span<double> rows, Span<double> monthlyLaneFlows = default, Span<double> weeklySeries = default);

    /// <summary>
    /// After <see cref="Run"/>, for <paramref name="material"/> in lane <paramref name="lane"/>: initial + produced −
    /// consumed − final stock − in transit − in licence queues − seized. Zero up to rounding when material is conserved.
    /// </summary>
    double MassResidual(int material, int lane);

    /// <summary>The scale of flows of <paramref name="material"/> in lane <paramref name="lane"/>, for a relative tolerance.</summary>
    double MassScale(int material, int lane);
}
