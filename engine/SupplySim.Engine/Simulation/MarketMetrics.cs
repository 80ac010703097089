namespace SupplySim.Simulation;

/// <summary>
/// A market's per-trial metrics from its price path, written the same way by every kernel: the price at the start,
/// its peak and at the horizon (start × e^(log ratio)), days above twice the start, the demand foregone and the capacity the supply response added.
/// </summary>
internal static class MarketMetrics
{
    public static void Write(Span<double> cells, double startPrice, double peakLogPrice, double endLogPrice, double daysAboveTwice, double foregone, double addedTonnes)
    {
        cells[0] = startPrice;
        cells[1] = startPrice * Math.Exp(peakLogPrice);
        cells[2] = startPrice * Math.Exp(endLogPrice);
        cells[3] = daysAboveTwice;
        cells[4] = foregone;
        cells[5] = addedTonnes;
    }
}
