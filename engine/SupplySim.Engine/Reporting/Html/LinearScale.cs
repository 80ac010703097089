namespace SupplySim.Reporting.Html;

/// <summary>Maps a data interval onto a pixel interval and picks round tick values (1, 2, 2.5 or 5 × 10^k).</summary>
internal readonly record struct LinearScale(double DomainLow, double DomainHigh, double RangeLow, double RangeHigh)
{
    public double Map(double value)
    {
        double span = DomainHigh - DomainLow;
        double t = span == 0 ? 0.5 : (value - DomainLow) / span;
        return RangeLow + (t * (RangeHigh - RangeLow));
    }

    public IReadOnlyList<double> Ticks(int target = 5)
    {
        double step = NiceStep((DomainHigh - DomainLow) / Math.Max(1, target));
        var ticks = new List<double>();
        for (double tick = Math.Ceiling((DomainLow / step) - 1e-9) * step; tick <= DomainHigh + (step * 1e-9); tick += step)
        {
            ticks.Add(Math.Abs(tick) < step * 1e-9 ? 0 : tick);
        }

        return ticks;
    }

    /// <summary>A round upper bound at or above <paramref name="value"/>, at least <paramref name="minimum"/>.</summary>
    public static double NiceCeiling(double value, double minimum)
    {
        if (!(value > minimum))
        {
            return minimum;
        }

        double step = NiceStep(value / 5);
        return Math.Ceiling((value / step) - 1e-9) * step;
    }

    private static double NiceStep(double raw)
    {
        if (!(raw > 0))
        {
            return 1;
        }

        double magnitude = Math.Pow(10, Math.Floor(Math.Log10(raw)));
        double fraction = raw / magnitude;
        double nice = fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 2.5 ? 2.5 : fraction <= 5 ? 5 : 10;
        return nice * magnitude;
    }
}
