using SupplySim.Simulation;

namespace SupplySim.Tests.Reference;

/// <summary>The trial's accounting, and its row of metrics in <see cref="MetricLayout"/> column order.</summary>
internal sealed partial class ReferenceKernel
{
    private readonly Dictionary<int, ShortageTracker> _consumerTrackers;
    private readonly ShortageTracker[] _sectorTrackers;
    private readonly SectorDay[] _sectorToday;
    private readonly double[] _plannedUnits;
    private readonly double[] _madeUnits;
    private readonly double[] _produced;
    private readonly int[] _quotaBindingSteps;
    private readonly double[] _laneShipped;
    private readonly double[] _laneSeized;
    private readonly double[] _licenceApplied;
    private readonly double[] _licenceApproved;
    private readonly double[] _licenceDenied;

    private double[] MetricRow()
    {
        var row = new double[_layout.Width];
        int width = MetricNames.ShortageMetrics.Count;
        for (int slot = 0; slot < _layout.DemandHoldings.Length; slot++)
        {
            _consumerTrackers[_layout.DemandHoldings[slot]].Write(row.AsSpan(slot * width, width), _net.Steps, _scenario.FirstEventStep, _stepDays);
        }

        for (int c = 0; c < _layout.CoupledNodes.Length; c++)
        {
            int n = _layout.CoupledNodes[c];
            row[_layout.CoupledBase + c] = _plannedUnits[n] > 0 ? Math.Clamp(1 - (_madeUnits[n] / _plannedUnits[n]), 0, 1) : 0;
        }

        for (int j = 0; j < _layout.SectorMaterials.Length; j++)
        {
            _sectorTrackers[j].Write(row.AsSpan(_layout.SectorBase + (j * width), width), _net.Steps, _scenario.FirstEventStep, _stepDays);
        }

        for (int lane = 0; lane < _net.LaneCount; lane++)
        {
            row[_layout.LaneBase + (2 * lane)] = _laneShipped[lane];
            row[_layout.LaneBase + (2 * lane) + 1] = _laneSeized[lane];
        }

        // A transshipper's totals: its lanes, found by name ("from->to") and summed in lane order.
        for (int c = 0; c < _layout.Width; c++)
        {
            var column = _layout.Columns[c];
            if (column.Kind == EntityKind.Transshipper)
            {
                var flows = column.Metric == Metric.ShippedT ? _laneShipped : _laneSeized;
                row[c] = Enumerable.Range(0, _net.LaneCount).Where(lane => _net.LaneNames[lane].StartsWith(column.Entity + "->", StringComparison.Ordinal))
                    .Aggregate(0.0, (total, lane) => total + flows[lane]);
            }
        }

        for (int i = 0; i < _layout.Producers.Length; i++)
        {
            row[_layout.ProducerBase + (2 * i)] = _produced[_layout.Producers[i]];
            row[_layout.ProducerBase + (2 * i) + 1] = _quotaBindingSteps[_layout.Producers[i]] * _stepDays;
        }

        for (int k = 0; k < _scenario.ControlCount; k++)
        {
            row[_layout.ControlBase + (3 * k)] = _licenceApplied[k];
            row[_layout.ControlBase + (3 * k) + 1] = _licenceApproved[k];
            row[_layout.ControlBase + (3 * k) + 2] = _licenceDenied[k];
        }

        WriteMarkets(row);
        return row;
    }
}
