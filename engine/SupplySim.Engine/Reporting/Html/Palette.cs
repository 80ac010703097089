namespace SupplySim.Reporting.Html;

/// <summary>Scenario colours: dark grey for the baseline, then a colour-blind-safe qualitative set (Okabe and Ito 2008).</summary>
internal static class Palette
{
    private static readonly string[] Colours = ["#4d4d4d", "#0072b2", "#d55e00", "#009e73", "#cc79a7", "#e69f00", "#56b4e9", "#8c564b"];

    public static string Of(int scenario) => Colours[scenario % Colours.Length];
}
