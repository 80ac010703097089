namespace SupplySim.Simulation;

/// <summary>Step 9 at the end of a trial: accumulators become the trial's row of metrics; mass balance for tests.</summary>
internal sealed partial class TrialKernel
{
    private void WriteRow(Span<double> row)
    {
        var s = _s;
        int width = MetricNames.ShortageMetrics.Count;
        for (int slot = 0; slot < _layout.DemandHoldings.Length; slot++)
        {
            WriteShortage(row.Slice(slot * width, width), s.Acc, slot);
        }

        for (int c = 0; c < _layout.CoupledNodes.Length; c++)
        {
            int n = _layout.CoupledNodes[c];
            row[_layout.CoupledBase + c] = s.PlannedUnits[n] > 0 ? Math.Clamp(1 - (s.ProducedUnits[n] / s.PlannedUnits[n]), 0, 1) : 0;
        }

        for (int j = 0; j < _layout.SectorMaterials.Length; j++)
        {
            WriteShortage(row.Slice(_layout.SectorBase + (j * width), width), s.SectorAcc, j);
        }

        for (int lane = 0; lane < _net.LaneCount; lane++)
        {
            row[_layout.LaneBase + (2 * lane)] = s.LaneShipped[lane];
            row[_layout.LaneBase + (2 * lane) + 1] = s.LaneSeized[lane];
        }

        _layout.WriteTransshipperTotals(row);

        for (int i = 0; i < _layout.Producers.Length; i++)
        {
            row[_layout.ProducerBase + (2 * i)] = s.Produced[_layout.Producers[i]];
            row[_layout.ProducerBase + (2 * i) + 1] = s.QuotaBindingSteps[_layout.Producers[i]] * _stepDays;
        }

        for (int k = 0; k < _scenario.ControlCount; k++)
        {
            row[_layout.ControlBase + (3 * k)] = s.ControlApplied[k];
            row[_layout.ControlBase + (3 * k) + 1] = s.ControlApproved[k];
            row[_layout.ControlBase + (3 * k) + 2] = s.ControlDenied[k];
        }
    }

    private void WriteShortage(Span<double> cells, HoldingAccumulators acc, int slot) =>
        HoldingAccumulators.WriteMetrics(cells, acc.Demand[slot], acc.Shortage[slot], acc.StockoutSteps[slot], acc.BacklogSum[slot],
            acc.MaxDelaySteps[slot], acc.FirstShortStep[slot], acc.RecoverStep[slot], _scenario.FirstEventStep, _net.Steps, _stepDays);

    /// <summary>
    /// For material <paramref name="material"/>: initial + produced − consumed − final stock − in transit − in licence
    /// queues − seized. Zero up to rounding when material is conserved.
    /// </summary>
    public double MassResidual(int material)
    {
        var s = _s;
        double stock = 0, transit = 0, licence = 0;
        for (int n = 0; n < _net.NodeCount; n++)
        {
            stock += TotalStock((n * _m) + material);
        }

        for (int a = 0; a < _arcs; a++)
        {
            if (_net.ArcMaterial[a] != material)
            {
                continue;
            }

            for (int slot = 0; slot < _net.PipeRing; slot++)
            {
                for (int origin = 0; origin < _o; origin++)
                {
                    transit += s.Pipe[(((slot * _arcs) + a) * _o) + origin];
                }
            }

            for (int i = _licences.Base[a]; i < _licences.Base[a + 1]; i++)
            {
                licence += s.Licence[i];
            }
        }

        return s.MassInitial[material] + s.MassProduced[material] - s.MassConsumed[material] - stock - transit - licence - s.MassSeized[material];
    }

    /// <summary>The scale of flows of <paramref name="material"/>, for a relative conservation tolerance.</summary>
    public double MassScale(int material) => _s.MassInitial[material] + _s.MassProduced[material] + 1;
}
