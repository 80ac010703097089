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
    private readonly AlignedArray<T> _streakDays;
    private readonly AlignedArray<T> _logThreshold;
    private readonly AlignedArray<T> _responseStart;
    private readonly AlignedArray<T> _addedCapacity;
    private readonly AlignedArray<T> _addedTonnes;
    private readonly AlignedArray<T> _smugglingFactor;

    public MarketScratch(MarketTables markets, int sectorSlots, int nodes, int materials)
    {
        int count = markets.Count;
        _logPrice = new AlignedArray<T>(count);
        _peakLogPrice = new AlignedArray<T>(count);
        _daysAboveTwice = new AlignedArray<T>(count);
        _step = new AlignedArray<T>(count);
        _foregone = new AlignedArray<T>(count);
        _sectorForegone = new AlignedArray<T>(count > 0 ? sectorSlots : 0);
        _streakDays = new AlignedArray<T>(markets.ResponseCount);
        _logThreshold = new AlignedArray<T>(markets.ResponseCount);
        _responseStart = new AlignedArray<T>(markets.ResponseCount);
        _addedCapacity = new AlignedArray<T>(markets.ResponseCount > 0 ? nodes : 0);
        _addedTonnes = new AlignedArray<T>(count);
        _smugglingFactor = new AlignedArray<T>(markets.HasSmuggling ? materials : 0);
    }

    /// <summary>Per material: today's multiplier of its transshippers' capacity and leak fraction (1 without smuggling response).</summary>
    public Span<T> SmugglingFactor => _smugglingFactor.Span;

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

    /// <summary>Per supply-response tranche: days the price has stood above its threshold without a break.</summary>
    public Span<T> StreakDays => _streakDays.Span;

    /// <summary>Per tranche: ln of its threshold (a per-trial constant, taken once per block).</summary>
    public Span<T> LogThreshold => _logThreshold.Span;

    /// <summary>Per tranche: the step its new output started, or -1.</summary>
    public Span<T> ResponseStart => _responseStart.Span;

    /// <summary>Per node: output per day the supply response adds to its capacity (empty without responses).</summary>
    public Span<T> AddedCapacity => _addedCapacity.Span;

    /// <summary>Per market: tonnes of added capacity its supply response brought on over the run.</summary>
    public Span<T> AddedTonnes => _addedTonnes.Span;

    public void Reset()
    {
        StreakDays.Clear();
        ResponseStart.Fill(T.Create(-1.0));
        AddedCapacity.Clear();
        AddedTonnes.Clear();
        SmugglingFactor.Fill(T.One);
        LogPrice.Clear();
        PeakLogPrice.Clear();
        DaysAboveTwice.Clear();
        Foregone.Clear();
        SectorForegone.Clear();
    }
}
