using System.Globalization;

namespace SupplySim.Reporting.Html;

/// <summary>Number formats used in the report; invariant culture throughout.</summary>
internal static class Numbers
{
    public static string Percent(double share) => (Math.Round(share * 100, 1) + 0.0).ToString("0.0", CultureInfo.InvariantCulture) + "%";

    public static string SignedPoints(double share) => (Math.Round(share * 100, 1) + 0.0).ToString("+0.0;-0.0;0.0", CultureInfo.InvariantCulture) + " pp";

    public static string Days(double days) => (Math.Round(days, 1) + 0.0).ToString("0.0", CultureInfo.InvariantCulture);

    public static string Axis(double value) => (Math.Round(value, 6) + 0.0).ToString("0.###", CultureInfo.InvariantCulture);

    public static string AxisPercent(double share) => Axis(share * 100) + "%";

    public static string Tonnes(double tonnes) => (Math.Round(tonnes, 1) + 0.0).ToString("#,0.0", CultureInfo.InvariantCulture);

    public static string SignedTonnes(double tonnes) => (Math.Round(tonnes, 1) + 0.0).ToString("+#,0.0;-#,0.0;0.0", CultureInfo.InvariantCulture);

    public static string SignedPercent(double share) => (Math.Round(share * 100, 1) + 0.0).ToString("+0.0;-0.0;0.0", CultureInfo.InvariantCulture) + "%";

    public static string Integer(double value) => value.ToString("#,0", CultureInfo.InvariantCulture);

    /// <summary>Wilson score interval (95%) for a proportion <paramref name="share"/> of <paramref name="trials"/>.</summary>
    public static (double Low, double High) Wilson(double share, int trials)
    {
        const double Z = 1.959963984540054;
        double n = Math.Max(1, trials), z2 = Z * Z;
        double centre = (share + (z2 / (2 * n))) / (1 + (z2 / n));
        double half = Z * Math.Sqrt((share * (1 - share) / n) + (z2 / (4 * n * n))) / (1 + (z2 / n));
        return (Math.Max(0, centre - half), Math.Min(1, centre + half));
    }
}
