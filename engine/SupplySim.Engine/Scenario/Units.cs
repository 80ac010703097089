using System.Globalization;

namespace SupplySim.Scenario;

/// <summary>Parses quantities such as <c>60000 t/yr</c> or <c>45wd</c> into tonnes, tonnes per day or days.</summary>
internal static class Units
{
    /// <summary>Days in a year for rate conversions; a model year is 365 days.</summary>
    public const double DaysPerYear = 365.0;

    private static readonly Dictionary<string, double> MassUnits = new(StringComparer.Ordinal)
    {
        ["t"] = 1.0,
        ["kg"] = 0.001,
    };

    private static readonly Dictionary<string, double> DurationUnits = new(StringComparer.Ordinal)
    {
        ["d"] = 1.0,
        ["wd"] = 7.0 / 5.0,
        ["w"] = 7.0,
        ["mo"] = DaysPerYear / 12.0,
        ["yr"] = DaysPerYear,
    };

    private static readonly Dictionary<string, double> RatePeriods = new(StringComparer.Ordinal)
    {
        ["d"] = 1.0,
        ["w"] = 7.0,
        ["mo"] = DaysPerYear / 12.0,
        ["month"] = DaysPerYear / 12.0,
        ["yr"] = DaysPerYear,
    };

    /// <summary>Prices are US dollars per mass unit (nominal dollars of the quote's date; no inflation adjustment).</summary>
    private static readonly Dictionary<string, double> PriceUnits = new(StringComparer.Ordinal)
    {
        ["USD/t"] = 1.0,
        ["USD/kg"] = 1000.0,
    };

    /// <summary>The unit spellings accepted for <paramref name="dimension"/>, for error messages.</summary>
    public static IReadOnlyList<string> Accepted(Dimension dimension) => dimension switch
    {
        Dimension.Mass => [.. MassUnits.Keys],
        Dimension.Duration => [.. DurationUnits.Keys],
        Dimension.Price => [.. PriceUnits.Keys],
        Dimension.Rate => [.. from m in MassUnits.Keys from p in RatePeriods.Keys select $"{m}/{p}"],
        _ => [],
    };

    /// <summary>
    /// Parses <paramref name="text"/> as a number with a unit of <paramref name="dimension"/> (or, when
    /// <paramref name="defaultUnit"/> is given, a bare number in that unit) into the internal unit.
    /// </summary>
    /// <returns>The problem (SS0006 not a finite number, SS0007 unit), or null on success.</returns>
    public static QuantityError? TryParse(string text, Dimension dimension, string? defaultUnit, out double value)
    {
        ArgumentNullException.ThrowIfNull(text);
        value = 0;
        string trimmed = text.Trim();
        int split = 0;
        while (split < trimmed.Length && (char.IsDigit(trimmed[split]) || trimmed[split] is '.' or '-' or '+' or 'e' or 'E'))
        {
            // 'e' is part of a number only when followed by a digit or sign (1e3), not in a unit.
            if (trimmed[split] is 'e' or 'E' && (split + 1 >= trimmed.Length || !(char.IsDigit(trimmed[split + 1]) || trimmed[split + 1] is '-' or '+')))
            {
                break;
            }

            split++;
        }

        string numberPart = trimmed[..split];
        string unit = trimmed[split..].Trim();
        if (!double.TryParse(numberPart, NumberStyles.Float, CultureInfo.InvariantCulture, out double number))
        {
            return new("SS0006", $"'{text}' is not a number{(dimension == Dimension.None ? "" : " followed by a unit")}");
        }

        if (!double.IsFinite(number))
        {
            return new("SS0006", $"'{text}' is not a finite number");
        }

        if (dimension == Dimension.None)
        {
            if (unit.Length > 0)
            {
                return new("SS0007", $"'{text}' must be a plain number, without a unit");
            }

            value = number;
            return null;
        }

        if (unit.Length == 0)
        {
            if (defaultUnit is null)
            {
                return new("SS0007", $"'{text}' needs a unit: one of {string.Join(", ", Accepted(dimension))}");
            }

            unit = defaultUnit;
        }

        double? factor = Factor(unit, dimension);
        if (factor is null)
        {
            return new("SS0007", $"unknown {dimension.ToString().ToLowerInvariant()} unit '{unit}' in '{text}'; " +
                   $"expected one of {string.Join(", ", Accepted(dimension))}");
        }

        value = number * factor.Value;
        return null;
    }

    /// <summary>The factor converting <paramref name="unit"/> to the internal unit, or null if not accepted.</summary>
    public static double? Factor(string unit, Dimension dimension)
    {
        ArgumentNullException.ThrowIfNull(unit);
        switch (dimension)
        {
            case Dimension.Mass:
                return MassUnits.TryGetValue(unit, out double mass) ? mass : null;
            case Dimension.Duration:
                return DurationUnits.TryGetValue(unit, out double days) ? days : null;
            case Dimension.Price:
                return PriceUnits.TryGetValue(unit, out double dollars) ? dollars : null;
            case Dimension.Rate:
                int slash = unit.IndexOf('/', StringComparison.Ordinal);
                if (slash < 0)
                {
                    return null;
                }

                return MassUnits.TryGetValue(unit[..slash], out double m) && RatePeriods.TryGetValue(unit[(slash + 1)..], out double p)
                    ? m / p
                    : null;
            default:
                return unit.Length == 0 ? 1.0 : null;
        }
    }
}
