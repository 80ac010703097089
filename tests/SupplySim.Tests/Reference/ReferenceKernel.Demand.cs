using SupplySim.Simulation;

namespace SupplySim.Tests.Reference;

/// <summary>Step 5: consumers draw demand and consume; unmet demand is backordered (oldest paid first) or lost.</summary>
internal sealed partial class ReferenceKernel
{
    /// <summary>Demand a consumer still owes from the step it was demanded.</summary>
    private sealed class Backorder(int step, double owed)
    {
        public int Step { get; } = step;

        public double Owed { get; set; } = owed;
    }

    /// <summary>What the consumers of one sector and material did today, for the sector's metrics.</summary>
    private sealed class SectorDay
    {
        public bool AnyUnmet { get; set; }

        public double Demand { get; set; }

        public double Unmet { get; set; }

        public double Backlog { get; set; }

        public int OldestAge { get; set; }
    }

    private readonly double[] _demandToday;

    private void Consume(int step)
    {
        // Every demand series draws its noise first, in holding order: d = mean × multiplier × step × max(0, 1 + cv·Z);
        // a coupled consumer draws once (units of its bill of materials, on its first material's stream) for all.
        var unitNoise = new Dictionary<int, double>();
        for (int h = 0; h < _net.NodeCount * _materials; h++)
        {
            if (_net.DemandParam[h] >= 0)
            {
                int n = NodeOf(h);
                double cv = _values[_net.DemandCvParam[n]];
                if (!_net.Coupled[n] || !unitNoise.TryGetValue(n, out double noise))
                {
                    noise = 1 + (cv * InverseNormal.Cdf(_demandRng[h].NextOpenDouble()));
                    unitNoise[n] = noise;
                }

                _demandToday[h] = PriceResponse(h, _meanNeed[h] * _demandMultiplier[h] * _stepDays * Math.Max(0, noise));
            }
        }

        for (int n = 0; n < _net.NodeCount; n++)
        {
            if (_net.Coupled[n])
            {
                ConsumeBillOfMaterials(n, step);
            }
        }

        for (int h = 0; h < _net.NodeCount * _materials; h++)
        {
            if (_net.DemandParam[h] >= 0 && !_net.Coupled[NodeOf(h)])
            {
                ConsumeOne(h, step);
            }
        }
    }

    /// <summary>One consumer and material: stock pays the oldest backorders first, then today's demand.</summary>
    private void ConsumeOne(int h, int step)
    {
        double demand = _demandToday[h];
        double available = TotalStock(h);
        double served = 0;
        var owed = _backorders[h];
        while (owed.Count > 0 && available - served > Tolerance)
        {
            var oldest = owed[0];
            double pay = Math.Min(oldest.Owed, available - served);
            served += pay;
            oldest.Owed -= pay;
            if (oldest.Owed > Tolerance)
            {
                break;
            }

            owed.RemoveAt(0);
        }

        _backlog[h] = Math.Max(0, _backlog[h] - served);
        double metToday = Math.Min(demand, available - served);
        double unmet = demand - metToday;
        served += metToday;
        if (unmet > Tolerance && !_net.LostSales[NodeOf(h)])
        {
            owed.Add(new Backorder(step, unmet));
            _backlog[h] += unmet;
        }

        TakeProRata(h, served);
        int oldestAge = _backlog[h] > Tolerance && owed.Count > 0 ? step - owed[0].Step + 1 : 0;
        _consumerTrackers[h].Record(step, _scenario.FirstEventStep, demand, unmet, unmet > Tolerance, _backlog[h], oldestAge);
        var sector = SectorDayOf(h);
        sector.Demand += demand;
        sector.Unmet += unmet;
        sector.AnyUnmet |= unmet > Tolerance;
        sector.Backlog += _backlog[h];
        sector.OldestAge = Math.Max(sector.OldestAge, oldestAge);
    }

    /// <summary>
    /// A coupled consumer makes units that each need its whole bill of materials, so the scarcest input (relative to
    /// today's demand for it) sets the share of demand met for every input. Each material's shortage is what its own
    /// stock could not cover; unmade output is lost, never backordered.
    /// </summary>
    private void ConsumeBillOfMaterials(int n, int step)
    {
        var inputs = Enumerable.Range(HoldingOf(n, 0), _materials).Where(h => _net.DemandParam[h] >= 0).ToList();
        double possible = 1.0;
        foreach (int h in inputs.Where(h => _demandToday[h] > 0))
        {
            possible = Math.Min(possible, TotalStock(h) / _demandToday[h]);
        }

        foreach (int h in inputs)
        {
            double demand = _demandToday[h];
            double unmet = Math.Max(0, demand - TotalStock(h));
            double use = demand * possible;
            TakeProRata(h, use);
            _plannedUnits[n] += _meanNeed[h] > 0 ? demand / _meanNeed[h] : 0;
            _madeUnits[n] += _meanNeed[h] > 0 ? use / _meanNeed[h] : 0;
            _consumerTrackers[h].Record(step, _scenario.FirstEventStep, demand, unmet, unmet > Tolerance, 0, 0);
            var sector = SectorDayOf(h);
            sector.Demand += demand;
            sector.Unmet += unmet;
            sector.AnyUnmet |= unmet > Tolerance;
        }
    }

    private SectorDay SectorDayOf(int h) =>
        _sectorToday[Array.IndexOf(_layout.SectorMaterials, (_net.NodeSector[NodeOf(h)] * _materials) + MaterialOf(h))];

    /// <summary>Step 9: a sector is short on a day when any of its consumers is; its backlog is their sum.</summary>
    private void RecordSectors(int step)
    {
        for (int j = 0; j < _sectorToday.Length; j++)
        {
            var day = _sectorToday[j];
            _sectorTrackers[j].Record(step, _scenario.FirstEventStep, day.Demand, day.Unmet, day.AnyUnmet, day.Backlog, day.OldestAge);
            _sectorToday[j] = new SectorDay();
        }
    }
}
