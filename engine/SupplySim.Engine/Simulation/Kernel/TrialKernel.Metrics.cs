using static SupplySim.Simulation.Lanes;

namespace SupplySim.Simulation;

/// <summary>Step 9 at the end of a block: each lane's accumulators become its trial's row.</summary>
internal sealed partial class TrialKernel<T, TMask>
{
    private void WriteRow(int lane, Span<double> row)
    {
        var s = _s;
        int width = MetricNames.ShortageMetrics.Count;
        for (int slot = 0; slot < _layout.DemandHoldings.Length; slot++)
        {
            WriteShortage(row.Slice(slot * width, width), s.Acc, slot, lane);
        }

        for (int c = 0; c < _layout.CoupledNodes.Length; c++)
        {
            int n = _layout.CoupledNodes[c];
            double planned = At(s.PlannedUnits, n, lane), produced = At(s.ProducedUnits, n, lane);
            row[_layout.CoupledBase + c] = planned > 0 ? Math.Clamp(1 - (produced / planned), 0, 1) : 0;
        }

        for (int j = 0; j < _layout.SectorMaterials.Length; j++)
        {
            WriteShortage(row.Slice(_layout.SectorBase + (j * width), width), s.SectorAcc, j, lane);
        }

        for (int laneIndex = 0; laneIndex < _net.LaneCount; laneIndex++)
        {
            row[_layout.LaneBase + (2 * laneIndex)] = At(s.LaneShipped, laneIndex, lane);
            row[_layout.LaneBase + (2 * laneIndex) + 1] = At(s.LaneSeized, laneIndex, lane);
        }

        _layout.WriteTransshipperTotals(row);

        for (int i = 0; i < _layout.Producers.Length; i++)
        {
            int n = _layout.Producers[i];
            row[_layout.ProducerBase + (2 * i)] = At(s.Produced, n, lane);
            row[_layout.ProducerBase + (2 * i) + 1] = (int)At(s.QuotaBindingSteps, n, lane) * _stepDays;
        }

        for (int k = 0; k < _scenario.ControlCount; k++)
        {
            row[_layout.ControlBase + (3 * k)] = At(s.ControlApplied, k, lane);
            row[_layout.ControlBase + (3 * k) + 1] = At(s.ControlApproved, k, lane);
            row[_layout.ControlBase + (3 * k) + 2] = At(s.ControlDenied, k, lane);
        }

        WriteMarkets(lane, row);
    }

    /// <summary>The nine shortage metrics of one lane.</summary>
    private void WriteShortage(Span<double> cells, BlockAccumulators<T, TMask> acc, int slot, int lane) =>
        ShortageMetrics.Write(cells, At(acc.Demand, slot, lane), At(acc.Shortage, slot, lane), (int)At(acc.StockoutSteps, slot, lane),
            At(acc.BacklogSum, slot, lane), (int)At(acc.MaxDelaySteps, slot, lane), (int)At(acc.FirstShortStep, slot, lane),
            (int)At(acc.EpisodeStartStep, slot, lane), (int)At(acc.RecoverStep, slot, lane), _scenario.FirstEventStep, _net.Steps, _stepDays);
}
