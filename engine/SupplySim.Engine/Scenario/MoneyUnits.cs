using System.Globalization;
using System.Text.RegularExpressions;

namespace SupplySim.Scenario;

/// <summary>What a cost is counted per; each has its own unit spellings.</summary>
internal enum MoneyPer
{
    /// <summary>A one-off amount: <c>USD</c>.</summary>
    Total,

    /// <summary>Per tonne: <c>USD/t</c>, <c>USD/kg</c>.</summary>
    Mass,

    /// <summary>Per tonne held for a year: <c>USD/t/yr</c>, <c>USD/kg/yr</c>.</summary>
    MassYear,

    /// <summary>Per tonne a year of capacity: <c>USD/(t/yr)</c>, <c>USD/(kg/yr)</c>.</summary>
    AnnualCapacity,

    /// <summary>Per day: <c>USD/d</c>.</summary>
    Day,
}

/// <summary>
/// Parses costs such as <c>2.5 MUSD</c>, <c>15000 USD/t</c> or <c>120 kUSD/(t/yr)</c> into US dollars per tonne,
/// tonne-year, tonne a year of capacity or day (nominal dollars of the quote's date, no inflation adjustment).
/// </summary>
internal static partial class MoneyUnits
{
    private static readonly Dictionary<string, double> Scales = new(StringComparer.Ordinal)
    {
        ["USD"] = 1, ["kUSD"] = 1e3, ["MUSD"] = 1e6, ["BUSD"] = 1e9,
    };

    private static readonly Dictionary<MoneyPer, Dictionary<string, double>> Denominators = new()
    {
        [MoneyPer.Total] = new(StringComparer.Ordinal) { [""] = 1 },
        [MoneyPer.Mass] = new(StringComparer.Ordinal) { ["/t"] = 1, ["/kg"] = 1000 },
        [MoneyPer.MassYear] = new(StringComparer.Ordinal) { ["/t/yr"] = 1, ["/kg/yr"] = 1000 },
        [MoneyPer.AnnualCapacity] = new(StringComparer.Ordinal) { ["/(t/yr)"] = 1, ["/(kg/yr)"] = 1000 },
        [MoneyPer.Day] = new(StringComparer.Ordinal) { ["/d"] = 1 },
    };

    [GeneratedRegex(@"^(?<number>[-+]?[0-9.]+([eE][-+]?[0-9]+)?)\s*(?<unit>\S*)$")]
    private static partial Regex Pattern();

    /// <summary>The accepted spellings for <paramref name="per"/>, for messages.</summary>
    public static string Accepted(MoneyPer per) => string.Join(", ", Denominators[per].Keys.Select(d => "USD" + d));

    /// <summary>Parses <paramref name="text"/>; on success <paramref name="dollars"/> holds US dollars per <paramref name="per"/> in internal units.</summary>
    /// <returns>The problem (SS0006 not a finite non-negative number, SS0007 missing or wrong unit), or null.</returns>
    public static QuantityError? TryParse(string text, MoneyPer per, out double dollars)
    {
        ArgumentNullException.ThrowIfNull(text);
        dollars = 0;
        var match = Pattern().Match(text.Trim());
        if (!match.Success || !double.TryParse(match.Groups["number"].Value, NumberStyles.Float, CultureInfo.InvariantCulture, out double number)
            || !double.IsFinite(number))
        {
            return new("SS0006", $"'{text}' is not a number followed by a currency unit (e.g. {Example(per)})");
        }

        if (number < 0)
        {
            return new("SS0006", $"'{text}' is negative; a cost is zero or more");
        }

        string unit = match.Groups["unit"].Value;
        if (unit.Length == 0)
        {
            return new("SS0007", $"'{text}' needs a currency unit: one of {Accepted(per)} (prefixes k, M, B: kUSD, MUSD, BUSD), e.g. {Example(per)}");
        }

        string scale = Scales.Keys.FirstOrDefault(s => unit.StartsWith(s, StringComparison.Ordinal)) ?? "";
        if (scale.Length == 0 || !Denominators[per].TryGetValue(unit[scale.Length..], out double denominator))
        {
            return new("SS0007", $"unknown cost unit '{unit}' in '{text}'; expected one of {Accepted(per)} (prefixes k, M, B: kUSD, MUSD, BUSD)");
        }

        dollars = number * Scales[scale] * denominator;
        return null;
    }

    private static string Example(MoneyPer per) => per switch
    {
        MoneyPer.Total => "'2 MUSD'",
        MoneyPer.Mass => "'15000 USD/t'",
        MoneyPer.MassYear => "'300 USD/t/yr'",
        MoneyPer.AnnualCapacity => "'100 kUSD/(t/yr)'",
        _ => "'1 MUSD/d'",
    };
}
