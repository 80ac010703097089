using System.Globalization;
using SupplySim.Reporting.Graph;

namespace SupplySim.Reporting.Html;

/// <summary>The focus scenario's event starts on a time chart: numbered dashed lines (events of one day share a line).</summary>
internal static class EventLines
{
    public static void Draw(SvgBuilder svg, ReportData data, ReportScenario focus, LinearScale x, double top, double bottom)
    {
        var numbered = focus.Events.Select((ev, e) => (ev, Number: e + 1));
        foreach (var day in numbered.GroupBy(e => e.ev.Start))
        {
            double offset = day.Key.DayNumber - data.Start.DayNumber;
            if (offset < 0 || offset > data.Days)
            {
                continue;
            }

            double px = x.Map(offset);
            string numbers = string.Join(",", day.Select(e => e.Number.ToString(CultureInfo.InvariantCulture)));
            svg.BeginGroup(string.Join("; ", day.Select(e => $"{e.Number}: {e.ev.Label}")) + $" from {day.Key.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}");
            svg.Line(px, top - 6, px, bottom, "#c0392b", 1, "4,3");
            svg.Text(px, top - 9, numbers, "middle", 9, "#c0392b", bold: true);
            svg.EndGroup();
        }
    }
}
