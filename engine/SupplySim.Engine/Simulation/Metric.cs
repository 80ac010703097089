namespace SupplySim.Simulation;

/// <summary>The metrics a trial reports; see docs/metrics.md for definitions.</summary>
public enum Metric
{
    /// <summary>Total demand over the horizon, tonnes.</summary>
    DemandT,

    /// <summary>Share of demand met from stock on the day it was demanded (type-2 service).</summary>
    FillRate,

    /// <summary>Demand not met on its day, tonnes.</summary>
    ShortageT,

    /// <summary>1 − fill rate.</summary>
    ShortageFraction,

    /// <summary>Days with any unmet demand.</summary>
    StockoutDays,

    /// <summary>Average days a tonne of demand waited (Σ daily backlog / Σ demand).</summary>
    MeanDelayDays,

    /// <summary>Age of the oldest unmet demand at its worst, days.</summary>
    MaxDelayDays,

    /// <summary>Days from the scenario's first event to the first unmet demand, censored at the horizon.</summary>
    TimeToShortageDays,

    /// <summary>Days from the first shortage until the backlog is cleared, censored at the horizon.</summary>
    TimeToRecoverDays,

    /// <summary>Coupled consumers: share of planned output not produced.</summary>
    OutputLostFraction,

    /// <summary>Lanes: tonnes shipped.</summary>
    ShippedT,

    /// <summary>Lanes: tonnes seized.</summary>
    SeizedT,

    /// <summary>Producers: tonnes produced.</summary>
    ProducedT,

    /// <summary>Producers: days on which the annual quota limited output.</summary>
    QuotaBindingDays,

    /// <summary>Controls: tonnes for which a licence was applied.</summary>
    LicenceAppliedT,

    /// <summary>Controls: tonnes approved.</summary>
    LicenceApprovedT,

    /// <summary>Controls: tonnes denied.</summary>
    LicenceDeniedT,

    /// <summary>A market's price at day 0 (USD/t), as drawn for the trial.</summary>
    PriceStartUsdT,

    /// <summary>A market's highest price over the run (USD/t).</summary>
    PricePeakUsdT,

    /// <summary>A market's price at the horizon (USD/t).</summary>
    PriceEndUsdT,

    /// <summary>Days a market's price stood above twice its start.</summary>
    DaysAbove2xStart,

    /// <summary>Tonnes of demand given up to the price (negative: drawn in by a price below the start).</summary>
    DemandForegoneT,

    /// <summary>Tonnes of output capacity a market's supply response added over the run.</summary>
    AddedCapacityT,
}
