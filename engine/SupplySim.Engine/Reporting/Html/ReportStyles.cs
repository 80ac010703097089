namespace SupplySim.Reporting.Html;

/// <summary>The report's inline style sheet (no external fonts or images).</summary>
internal static class ReportStyles
{
    public const string Css = """
        body { font-family: Helvetica, Arial, sans-serif; color: #222; margin: 0 auto; max-width: 1380px; padding: 0 24px 48px; }
        h1 { font-size: 24px; margin: 24px 0 4px; }
        h2 { font-size: 19px; margin-top: 36px; border-bottom: 1px solid #ccc; padding-bottom: 4px; }
        h3 { font-size: 15px; margin: 22px 0 4px; }
        p.meta, p.desc, p.note { color: #444; font-size: 13px; margin: 4px 0 10px; max-width: 1100px; }
        nav a { margin-right: 14px; font-size: 13px; color: #0b5394; }
        table { border-collapse: collapse; font-size: 12px; margin: 6px 0 14px; }
        th, td { border: 1px solid #d9d9d9; padding: 3px 7px; text-align: left; vertical-align: top; }
        th { background: #f2f2f2; font-weight: 600; }
        td { white-space: nowrap; }
        table.lanes td:nth-child(n+4) { text-align: right; font-variant-numeric: tabular-nums; }
        td.num { text-align: right; }
        td small { color: #555; }
        .swatch { display: inline-block; width: 12px; height: 12px; margin-right: 7px; border-radius: 2px; vertical-align: -1px; }
        .grid { display: flex; flex-wrap: wrap; gap: 8px 18px; }
        svg.chart, svg.network { background: #fff; border: 1px solid #e3e3e3; }
        ol.events { font-size: 12px; color: #444; columns: 2; max-width: 1100px; }
        ul.summary, ol.summary { font-size: 14px; max-width: 1100px; margin: 4px 0 12px; }
        ul.summary li, ol.summary li { margin: 3px 0; }
        footer { margin-top: 40px; font-size: 12px; color: #666; }
        """;
}
