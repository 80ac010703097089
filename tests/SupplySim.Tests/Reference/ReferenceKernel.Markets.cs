using SupplySim.Simulation;

namespace SupplySim.Tests.Reference;

/// <summary>
/// Markets (docs/scenario-format.md): each market's price moves towards start × e^(κ·gap), gap the share of its
/// consumers' wanted cover they lack, closing 1 − e^(−step/τ) of the distance a step; demand is scaled by
/// (price / start)^ε. Written from the documentation, in price ratios and <see cref="Math.Pow(double, double)"/>.
/// </summary>
internal sealed partial class ReferenceKernel
{
    /// <summary>Per market: price / start price.</summary>
    private double[] _priceRatio = [];
    private double[] _peakPriceRatio = [];
    private double[] _daysAboveTwice = [];
    private double[] _marketForegone = [];

    /// <summary>Per supply-response tranche: days above its threshold without a break, and the step it started (-1: not yet).</summary>
    private double[] _streakDays = [];
    private int[] _responseStart = [];

    /// <summary>Per node: added output per day; per market: added capacity in tonnes over the run.</summary>
    private double[] _addedCapacity = [];
    private double[] _addedTonnes = [];

    /// <summary>Demand foregone per (sector, material).</summary>
    private readonly Dictionary<(int Sector, int Material), double> _sectorForegone = [];

    private bool HasMarkets => _net.Markets.Count > 0;

    private void InitialiseMarkets()
    {
        int count = _net.Markets.Count;
        _priceRatio = [.. Enumerable.Repeat(1.0, count)];
        _peakPriceRatio = [.. Enumerable.Repeat(1.0, count)];
        _daysAboveTwice = new double[count];
        _marketForegone = new double[count];
        _streakDays = new double[_net.Markets.ResponseCount];
        _responseStart = [.. Enumerable.Repeat(-1, _net.Markets.ResponseCount)];
        _addedCapacity = new double[_net.NodeCount];
        _addedTonnes = new double[count];
    }

    /// <summary>
    /// Each tranche starts once its market's price / start has exceeded the threshold for `lag` days in a row; from
    /// the next step its producers make ceiling × progress × base capacity more, progress rising linearly over `ramp`.
    /// </summary>
    private void RespondWithSupply(int step)
    {
        var markets = _net.Markets;
        Array.Clear(_addedCapacity);
        for (int t = 0; t < markets.ResponseCount; t++)
        {
            int j = markets.ResponseMarket[t];
            bool above = _priceRatio[j] > _values[markets.ResponseThresholdParam[t]];
            _streakDays[t] = above ? _streakDays[t] + _stepDays : 0;
            if (above && _responseStart[t] < 0 && _streakDays[t] >= _values[markets.ResponseLagParam[t]])
            {
                _responseStart[t] = step;
            }

            if (_responseStart[t] < 0)
            {
                continue;
            }

            double ramp = _values[markets.ResponseRampParam[t]];
            double progress = ramp > 0 ? Math.Min(1, (step - _responseStart[t] + 1) * _stepDays / ramp) : 1;
            foreach (int n in markets.ResponseProducers[t])
            {
                double more = _values[markets.ResponseCeilingParam[t]] * progress * _baseCapacity[n];
                _addedCapacity[n] += more;
                if (step + 1 < _net.Steps)
                {
                    _addedTonnes[j] += more * _stepDays;
                }
            }
        }
    }

    private void UpdatePrices(int step)
    {
        var markets = _net.Markets;
        for (int j = 0; j < markets.Count; j++)
        {
            double wanted = 0, held = 0;
            for (int h = 0; h < _net.NodeCount * _materials; h++)
            {
                if (markets.HoldingMarket[h] == j)
                {
                    wanted += _meanNeed[h] * _net.CoverDays[NodeOf(h)];
                    held += TotalStock(h) - _backlog[h];
                }
            }

            double gap = wanted > 0 ? Math.Clamp((wanted - held) / wanted, -1, 1) : 0;
            double closes = 1 - Math.Exp(-_stepDays / _values[markets.AdjustmentParam[j]]);
            double logRatio = Math.Log(_priceRatio[j]);
            logRatio += closes * ((_values[markets.SensitivityParam[j]] * gap) - logRatio);
            _priceRatio[j] = Math.Exp(logRatio);
            _peakPriceRatio[j] = Math.Max(_peakPriceRatio[j], _priceRatio[j]);
            if (_priceRatio[j] > 2)
            {
                _daysAboveTwice[j] += _stepDays;
            }
        }

        RespondWithSupply(step);
    }

    /// <summary>
    /// Price-driven smuggling: (outside price ratio / inside price ratio)^η for a priced material with a smuggling
    /// elasticity, else 1. Multiplies its transshippers' forwarding capacity and leak fraction.
    /// </summary>
    private double SmugglingMultiplier(int material)
    {
        var markets = _net.Markets;
        if (!HasMarkets || markets.SmugglingParam[material] < 0)
        {
            return 1;
        }

        int outside = markets.OutsideMarketOf[material];
        return Math.Pow(_priceRatio[outside] / _priceRatio[outside - 1], _values[markets.SmugglingParam[material]]);
    }

    /// <summary>Holding <paramref name="h"/>'s demand after the price: demand × (P / P0)^ε.</summary>
    private double PriceResponse(int h, double demand)
    {
        var markets = _net.Markets;
        if (!HasMarkets || markets.HoldingMarket[h] < 0 || markets.HoldingElasticityParam[h] < 0)
        {
            return demand;
        }

        int j = markets.HoldingMarket[h], elasticity = markets.HoldingElasticityParam[h];
        double priced = demand * Math.Pow(_priceRatio[j], _values[elasticity]);
        _marketForegone[j] += demand - priced;
        var key = (_net.NodeSector[NodeOf(h)], MaterialOf(h));
        _sectorForegone[key] = _sectorForegone.GetValueOrDefault(key) + (demand - priced);
        return priced;
    }

    /// <summary>The market and sector-response columns, found by their names in the layout.</summary>
    private void WriteMarkets(double[] row)
    {
        var markets = _net.Markets;
        for (int c = 0; c < _layout.Width; c++)
        {
            var column = _layout.Columns[c];
            if (column.Kind == EntityKind.SectorDemandResponse)
            {
                int sector = _net.SectorNames.ToList().IndexOf(column.Entity), material = _net.MaterialIds.ToList().IndexOf(column.Material);
                row[c] = _sectorForegone.GetValueOrDefault((sector, material));
                continue;
            }

            if (column.Kind != EntityKind.Market)
            {
                continue;
            }

            int j = Array.FindIndex(markets.Names, name => name == column.Entity);
            while (_net.MaterialIds[markets.Material[j]] != column.Material)
            {
                j = Array.FindIndex(markets.Names, j + 1, name => name == column.Entity);
            }

            double start = _values[markets.StartPriceParam[j]];
            row[c] = column.Metric switch
            {
                Metric.PriceStartUsdT => start,
                Metric.PricePeakUsdT => start * _peakPriceRatio[j],
                Metric.PriceEndUsdT => start * _priceRatio[j],
                Metric.DaysAbove2xStart => _daysAboveTwice[j],
                Metric.AddedCapacityT => _addedTonnes[j],
                _ => _marketForegone[j],
            };
        }
    }
}
