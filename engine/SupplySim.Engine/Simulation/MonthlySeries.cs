namespace SupplySim.Simulation;

/// <summary>What a kernel records per calendar month of each trial.</summary>
internal enum MonthlySeries
{
    /// <summary>Nothing.</summary>
    None,

    /// <summary>Each market's mean price (the report's price fans): markets × months values per trial.</summary>
    Prices,

    /// <summary>Tonnes shipped per lane (backtests, calibration), then each market's mean price: (lanes + markets) × months.</summary>
    LaneFlowsAndPrices,
}
