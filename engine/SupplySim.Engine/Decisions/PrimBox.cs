namespace SupplySim.Decisions;

/// <summary>One box of a PRIM peeling trajectory: per input its lower and upper bound, and how well it captures the cases of interest.</summary>
/// <param name="Lower">Per input, the box's lower bound.</param>
/// <param name="Upper">Per input, the box's upper bound.</param>
/// <param name="Coverage">Share of all cases of interest that fall in the box.</param>
/// <param name="Density">Share of the box's points that are cases of interest.</param>
/// <param name="Mass">Share of all points in the box.</param>
public sealed record PrimBox(IReadOnlyList<double> Lower, IReadOnlyList<double> Upper, double Coverage, double Density, double Mass);
