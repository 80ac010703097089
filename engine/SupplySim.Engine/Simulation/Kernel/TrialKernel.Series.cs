using System.Runtime.CompilerServices;
using static SupplySim.Simulation.Lanes;

namespace SupplySim.Simulation;

/// <summary>
/// What a block records beyond its rows when asked: tonnes shipped per lane and month (backtests), weekly cover and
/// fill per demand slot (the report's fan charts); and the mass balance the conservation tests check.
/// </summary>
internal sealed partial class TrialKernel<T, TMask>
{
    /// <summary>Adds a shipment to its lane's month, in the lanes of <paramref name="mask"/>.</summary>
    /// <remarks>Not inlined, as <see cref="RecordWeek"/>: recording is off in most runs, and the hot callers' inlining budget is better spent elsewhere.</remarks>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private void RecordMonthlyFlow(int lane, int step, T amount, TMask mask)
    {
        int cell = (lane * _months) + _net.MonthOfStep[step];
        _laneMonthly.Span[cell] = AddWhere(mask, _laneMonthly.Span[cell], amount);
    }

    /// <summary>Adds today's price of market <paramref name="market"/> to its month (after the lanes' months, if recorded; averaged on output).</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private void RecordMonthlyPrice(int market, int step, T price)
    {
        int cell = ((_monthlyLanes + market) * _months) + _net.MonthOfStep[step];
        _laneMonthly.Span[cell] += price;
    }

    /// <summary>Adds one step to the weekly series of a demand slot (if recorded): end-of-day cover in days, demand and met tonnes.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private void RecordWeek(int slot, int h, int step, T demand, T met)
    {
        int row = _weeklyRow[slot];
        if (row < 0)
        {
            return;
        }

        int week = (int)(step * _stepDays / 7);
        int cell = (row * _weeks) + week;
        var mean = _s.MeanNeed[h];
        _weekly.Span[cell * 2] += Where(Gt(mean, T.Zero), TotalStock(h) / mean, T.Zero) * _stepDays;
        _weekly.Span[(cell * 2) + 1] += met;
        _weekDemand.Span[cell] += demand;
    }

    /// <summary>One lane's monthly series: tonnes per lane and month as summed, prices as the mean over the month's steps.</summary>
    private void WriteMonthlyLaneFlows(int lane, Span<double> output)
    {
        int flowCells = _monthlyLanes * _months;
        for (int cell = 0; cell < _laneMonthly.Length; cell++)
        {
            double value = At(_laneMonthly.Span, cell, lane);
            output[cell] = cell < flowCells ? value : value / _stepsInMonth[cell % _months];
        }
    }

    /// <summary>Turns one lane's weekly sums into mean cover (days) and fill rate.</summary>
    private void WriteWeeklySeries(int lane, Span<double> output)
    {
        for (int cell = 0; cell < _weekDemand.Length; cell++)
        {
            int week = cell % _weeks;
            double daysInWeek = Math.Min(7.0, (_net.Steps * _stepDays) - (week * 7.0));
            double demand = At(_weekDemand.Span, cell, lane);
            output[cell * 2] = At(_weekly.Span, cell * 2, lane) / daysInWeek;
            output[(cell * 2) + 1] = demand > 0 ? Math.Min(1.0, At(_weekly.Span, (cell * 2) + 1, lane) / demand) : 1.0;
        }
    }

    /// <inheritdoc/>
    public double MassResidual(int material, int lane)
    {
        var s = _s;
        double stock = 0, transit = 0, licence = 0;
        for (int n = 0; n < _net.NodeCount; n++)
        {
            int at = ((n * _m) + material) * _o;
            double total = 0;
            for (int origin = 0; origin < _o; origin++)
            {
                total += At(s.Stock, at + origin, lane);
            }

            stock += total;
        }

        for (int a = 0; a < _arcs; a++)
        {
            if (_net.ArcMaterial[a] != material)
            {
                continue;
            }

            for (int i = _pipeline.Cell[a]; i < _pipeline.Cell[a + 1]; i++)
            {
                transit += At(s.Pipe, i, lane);
            }

            for (int i = _licences.Base[a]; i < _licences.Base[a + 1]; i++)
            {
                licence += At(s.Licence, i, lane);
            }
        }

        return At(s.MassInitial, material, lane) + At(s.MassProduced, material, lane) - At(s.MassConsumed, material, lane) - stock - transit -
               licence - At(s.MassSeized, material, lane);
    }

    /// <inheritdoc/>
    public double MassScale(int material, int lane) => At(_s.MassInitial, material, lane) + At(_s.MassProduced, material, lane) + 1;
}
