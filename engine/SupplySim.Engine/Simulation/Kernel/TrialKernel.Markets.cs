using static SupplySim.Simulation.Lanes;

namespace SupplySim.Simulation;

/// <summary>
/// The market layer for a block (docs/scenario-format.md, Markets): each market's price follows the cover its buyers
/// lack, and each consumer's demand follows its market's price with its sector's elasticity. Nothing here runs
/// without <c>markets:</c>.
/// </summary>
internal sealed partial class TrialKernel<T, TMask>
{
    /// <summary>ln 2: the log price ratio above which the price is more than twice its start.</summary>
    private static readonly T LogTwo = T.Create(Math.Log(2));

    /// <summary>The cover gap is bounded to [-1, 1]: no stock at all is the most scarcity a market can show.</summary>
    private static readonly T MinusOne = T.Create(-1.0);

    private void InitialiseMarkets()
    {
        var markets = _net.Markets;
        var values = _s.Values;
        var step = _market.Step;
        for (int j = 0; j < markets.Count; j++)
        {
            var adjustmentDays = values[markets.AdjustmentParam[j]];
            for (int lane = 0; lane < T.Count; lane++)
            {
                At(step, j, lane) = 1 - Math.Exp(-_stepDays / T.GetElement(adjustmentDays, lane));
            }
        }

        for (int t = 0; t < markets.ResponseCount; t++)
        {
            var threshold = values[markets.ResponseThresholdParam[t]];
            for (int lane = 0; lane < T.Count; lane++)
            {
                At(_market.LogThreshold, t, lane) = Math.Log(T.GetElement(threshold, lane));
            }
        }
    }

    /// <summary>
    /// Moves each market's log price a step towards its target, κ × gap, where gap = (wanted − held) / wanted over
    /// the market's consumers: wanted is their cover target (days of cover × mean need), held their stock less what
    /// they owe. At the target the price holds still; a lasting shortfall raises it until demand falls to supply.
    /// </summary>
    private void UpdatePrices(int step)
    {
        var markets = _net.Markets;
        var s = _s;
        var logPrice = _market.LogPrice;
        for (int j = 0; j < markets.Count; j++)
        {
            T wanted = T.Zero, held = T.Zero;
            foreach (int h in _marketHoldings[j])
            {
                wanted += s.MeanNeed[h] * _net.CoverDays[_nodeOf[h]];
                held += TotalStock(h) - s.Backlog[h];
            }

            var gap = Where(Gt(wanted, T.Zero), Min(T.One, Max(MinusOne, (wanted - held) / wanted)), T.Zero);
            var target = s.Values[markets.SensitivityParam[j]] * gap;
            var now = logPrice[j] + (_market.Step[j] * (target - logPrice[j]));
            logPrice[j] = now;
            _market.PeakLogPrice[j] = Max(_market.PeakLogPrice[j], now);
            _market.DaysAboveTwice[j] = AddWhere(Gt(now, LogTwo), _market.DaysAboveTwice[j], T.Create(_stepDays));
            if (_months > 0)
            {
                RecordMonthlyPrice(j, step, s.Values[markets.StartPriceParam[j]] * LaneMath.Exp<T, TMask>(now));
            }
        }

        if (markets.ResponseCount > 0)
        {
            RespondWithSupply(step);
        }

        if (_market.SmugglingFactor.Length > 0)
        {
            UpdateSmuggling();
        }
    }

    /// <summary>
    /// Price-driven smuggling: each priced material's transshippers forward and leak G^η times their rates, G the
    /// gap between outside and inside prices relative to the gap at the start (1 at the start, higher as the outside
    /// price runs away). Enforcement events set the rates this multiplies, so a crackdown still cuts them.
    /// </summary>
    private void UpdateSmuggling()
    {
        var markets = _net.Markets;
        var logPrice = _market.LogPrice;
        for (int m = 0; m < _m; m++)
        {
            int eta = markets.SmugglingParam[m];
            if (eta >= 0)
            {
                int outside = markets.OutsideMarketOf[m];
                _market.SmugglingFactor[m] = LaneMath.Exp<T, TMask>(_s.Values[eta] * (logPrice[outside] - logPrice[outside - 1]));
            }
        }
    }

    /// <summary>
    /// Supply response: a tranche starts once its market's price has stood above its threshold for its lag without a
    /// break (a decision to invest, not undone when the price falls); its new output then ramps linearly to the
    /// ceiling × each responding producer's base capacity. The added capacity counts from the next step's production, and so does
    /// <c>added_capacity_t</c>.
    /// </summary>
    private void RespondWithSupply(int step)
    {
        var markets = _net.Markets;
        var s = _s;
        var added = _market.AddedCapacity;
        added.Clear();
        var stepValue = T.Create(step);
        var stepDays = T.Create(_stepDays);
        for (int t = 0; t < markets.ResponseCount; t++)
        {
            int j = markets.ResponseMarket[t];
            var above = Gt(_market.LogPrice[j], _market.LogThreshold[t]);
            var streak = Where(above, _market.StreakDays[t] + stepDays, T.Zero);
            _market.StreakDays[t] = streak;
            var start = _market.ResponseStart[t];
            start = Where(And(And(above, Lt(start, T.Zero)), Ge(streak, s.Values[markets.ResponseLagParam[t]])), stepValue, start);
            _market.ResponseStart[t] = start;
            var ramp = s.Values[markets.ResponseRampParam[t]];
            var elapsed = (stepValue - start + T.One) * stepDays;
            var progress = Where(Lt(start, T.Zero), T.Zero, Where(Gt(ramp, T.Zero), Min(T.One, elapsed / ramp), T.One));
            var share = s.Values[markets.ResponseCeilingParam[t]] * progress;
            foreach (int n in markets.ResponseProducers[t])
            {
                var more = share * s.BaseCapacity[n];
                added[n] += more;
                if (step + 1 < _net.Steps)
                {
                    _market.AddedTonnes[j] += more * stepDays;
                }
            }
        }
    }

    /// <summary>
    /// Today's demand of holding <paramref name="h"/> after its price response, base × (P / P0)^ε; what the price
    /// took away (or added) is counted per market and per sector.
    /// </summary>
    private T PricedDemand(int h, T baseDemand)
    {
        var markets = _net.Markets;
        int j = markets.HoldingMarket[h], elasticity = markets.HoldingElasticityParam[h];
        if (j < 0 || elasticity < 0)
        {
            return baseDemand;
        }

        var demand = baseDemand * LaneMath.Exp<T, TMask>(_s.Values[elasticity] * _market.LogPrice[j]);
        var foregone = baseDemand - demand;
        _market.Foregone[j] += foregone;
        _market.SectorForegone[_sectorSlotOfHolding[h]] += foregone;
        return demand;
    }

    /// <summary>Each market's price columns and demand foregone, and each priced sector's demand foregone.</summary>
    private void WriteMarkets(int lane, Span<double> row)
    {
        var markets = _net.Markets;
        for (int j = 0; j < markets.Count; j++)
        {
            double start = At(_s.Values, markets.StartPriceParam[j], lane);
            var cells = row.Slice(_layout.MarketBase + (j * MetricNames.MarketMetrics.Count), MetricNames.MarketMetrics.Count);
            MarketMetrics.Write(cells, start, At(_market.PeakLogPrice, j, lane), At(_market.LogPrice, j, lane),
                At(_market.DaysAboveTwice, j, lane), At(_market.Foregone, j, lane), At(_market.AddedTonnes, j, lane));
        }

        for (int i = 0; i < _layout.ForegoneSectorSlots.Length; i++)
        {
            row[_layout.ForegoneBase + i] = At(_market.SectorForegone, _layout.ForegoneSectorSlots[i], lane);
        }
    }
}
