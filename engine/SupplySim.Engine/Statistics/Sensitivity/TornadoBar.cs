namespace SupplySim.Statistics.Sensitivity;

/// <summary>One parameter's bar of a tornado chart.</summary>
/// <param name="Base">Output with every parameter at its base value.</param>
/// <param name="Low">Output with this parameter at its low value, the rest at base.</param>
/// <param name="High">Output with this parameter at its high value, the rest at base.</param>
internal sealed record TornadoBar(double Base, double Low, double High)
{
    /// <summary>|High - Low|, the bar's length; parameters are ranked by it.</summary>
    public double Swing => Math.Abs(High - Low);
}
