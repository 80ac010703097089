using SupplySim.Model;

namespace SupplySim.Simulation;

/// <summary>
/// The market state of a <see cref="TrialKernel{T, TMask}"/>'s block, per market: the log price ratio ln(P / P0)
/// and the per-trial constants of its move, the run's peak and days above twice the start, and the demand each
/// market and sector gave up. Allocated once per kernel (empty without markets), cleared per block.
/// </summary>
internal sealed class MarketScratch<T, TMask>
    where T : struct, ILanes<T, TMask>
    where TMask : struct
{
    private readonly AlignedArray<T> _logPrice;
    private readonly AlignedArray<T> _peakLogPrice;
    private readonly AlignedArray<T> _daysAboveTwice;
    private readonly AlignedArray<T> _step;
    private readonly AlignedArray<T> _foregone;
    private readonly AlignedArray<T> _sectorForegone;

    public MarketScratch(MarketTables markets, int sectorSlots)
    {
        int count = markets.Count;
        _logPrice = new AlignedArray<T>(count);
        _peakLogPrice = new AlignedArray<T>(count);
        _daysAboveTwice = new AlignedArray<T>(count);
        _step = new AlignedArray<T>(count);
        _foregone = new AlignedArray<T>(count);
        _sectorForegone = new AlignedArray<T>(count > 0 ? sectorSlots : 0);
    }

    /// <summary>Per market: ln(price / start price), 0 at day 0.</summary>
    public Span<T> LogPrice => _logPrice.Span;

    /// <summary>Per market: the highest <see cref="LogPrice"/> so far.</summary>
    public Span<T> PeakLogPrice => _peakLogPrice.Span;

    /// <summary>Per market: days the price stood above twice its start.</summary>
    public Span<T> DaysAboveTwice => _daysAboveTwice.Span;

    /// <summary>Per market: the share of the gap to its target price closed each step, 1 - e^(-step / adjustment time).</summary>
    public Span<T> Step => _step.Span;

    /// <summary>Per market: tonnes of demand its buyers gave up to the price (negative: drawn in by a price below the start).</summary>
    public Span<T> Foregone => _foregone.Span;

    /// <summary>Per sector-material slot of the layout: tonnes of demand given up.</summary>
    public Span<T> SectorForegone => _sectorForegone.Span;

    public void Reset()
    {
        LogPrice.Clear();
        PeakLogPrice.Clear();
        DaysAboveTwice.Clear();
        Foregone.Clear();
        SectorForegone.Clear();
    }
}
