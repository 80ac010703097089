using System.Globalization;
using System.Text;

namespace SupplySim.Reporting.Graph;

/// <summary>
/// Writes SVG markup that is also well-formed XML, with coordinates rounded to 0.01 in invariant culture so equal
/// input gives equal bytes. Inline SVG (inside HTML) omits the namespace, so the report holds no URL at all.
/// </summary>
internal sealed class SvgBuilder
{
    private readonly StringBuilder _text = new();

    public SvgBuilder(double width, double height, string label, bool standalone = false, string? cssClass = null)
    {
        _text.Append("<svg");
        if (standalone)
        {
            _text.Append(" xmlns=\"http://www.w3.org/2000/svg\"");
        }

        _text.Append(CultureInfo.InvariantCulture, $" width=\"{F(width)}\" height=\"{F(height)}\" viewBox=\"0 0 {F(width)} {F(height)}\"");
        _text.Append(" role=\"img\" aria-label=\"").Append(Escape(label)).Append('"');
        if (cssClass is not null)
        {
            _text.Append(" class=\"").Append(cssClass).Append('"');
        }

        _text.Append(" font-family=\"Helvetica, Arial, sans-serif\" font-size=\"11\">\n");
        _text.Append("<title>").Append(Escape(label)).Append("</title>\n");
    }

    /// <summary>A number as SVG wants it: at most two decimals, invariant, never "-0".</summary>
    public static string F(double value) => (Math.Round(value, 2) + 0.0).ToString("0.##", CultureInfo.InvariantCulture);

    /// <summary>Escapes text for XML content and attribute values.</summary>
    public static string Escape(string text) =>
        text.Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal)
            .Replace(">", "&gt;", StringComparison.Ordinal).Replace("\"", "&quot;", StringComparison.Ordinal);

    public void Line(double x1, double y1, double x2, double y2, string stroke, double width = 1, string? dash = null)
    {
        _text.Append(CultureInfo.InvariantCulture, $"<line x1=\"{F(x1)}\" y1=\"{F(y1)}\" x2=\"{F(x2)}\" y2=\"{F(y2)}\" stroke=\"{stroke}\" stroke-width=\"{F(width)}\"");
        if (dash is not null)
        {
            _text.Append(" stroke-dasharray=\"").Append(dash).Append('"');
        }

        _text.Append("/>\n");
    }

    public void Rect(double x, double y, double width, double height, string fill, string? stroke = null, double radius = 0, string? title = null)
    {
        _text.Append(CultureInfo.InvariantCulture, $"<rect x=\"{F(x)}\" y=\"{F(y)}\" width=\"{F(Math.Max(0, width))}\" height=\"{F(Math.Max(0, height))}\" fill=\"{fill}\"");
        if (stroke is not null)
        {
            _text.Append(" stroke=\"").Append(stroke).Append('"');
        }

        if (radius > 0)
        {
            _text.Append(" rx=\"").Append(F(radius)).Append('"');
        }

        Close("rect", title);
    }

    public void Circle(double x, double y, double radius, string fill, string? title = null)
    {
        _text.Append(CultureInfo.InvariantCulture, $"<circle cx=\"{F(x)}\" cy=\"{F(y)}\" r=\"{F(radius)}\" fill=\"{fill}\"");
        Close("circle", title);
    }

    public void Text(double x, double y, string text, string anchor = "start", double size = 11, string? fill = null,
        bool bold = false, double rotate = 0)
    {
        _text.Append(CultureInfo.InvariantCulture, $"<text x=\"{F(x)}\" y=\"{F(y)}\"");
        if (anchor != "start")
        {
            _text.Append(" text-anchor=\"").Append(anchor).Append('"');
        }

        if (size != 11)
        {
            _text.Append(" font-size=\"").Append(F(size)).Append('"');
        }

        if (fill is not null)
        {
            _text.Append(" fill=\"").Append(fill).Append('"');
        }

        if (bold)
        {
            _text.Append(" font-weight=\"bold\"");
        }

        if (rotate != 0)
        {
            _text.Append(CultureInfo.InvariantCulture, $" transform=\"rotate({F(rotate)} {F(x)} {F(y)})\"");
        }

        _text.Append('>').Append(Escape(text)).Append("</text>\n");
    }

    public void Polyline(IEnumerable<(double X, double Y)> points, string stroke, double width = 1.5, string? dash = null)
    {
        _text.Append("<polyline fill=\"none\" stroke=\"").Append(stroke).Append("\" stroke-width=\"").Append(F(width)).Append('"');
        if (dash is not null)
        {
            _text.Append(" stroke-dasharray=\"").Append(dash).Append('"');
        }

        _text.Append(" points=\"").Append(Points(points)).Append("\"/>\n");
    }

    public void Polygon(IEnumerable<(double X, double Y)> points, string fill, double opacity)
    {
        _text.Append("<polygon fill=\"").Append(fill).Append("\" fill-opacity=\"").Append(F(opacity)).Append("\" stroke=\"none\" points=\"")
            .Append(Points(points)).Append("\"/>\n");
    }

    public void Path(string data, string stroke, double width, double opacity = 1, string? title = null)
    {
        _text.Append("<path d=\"").Append(data).Append("\" fill=\"none\" stroke=\"").Append(stroke).Append("\" stroke-width=\"").Append(F(width)).Append('"');
        if (opacity < 1)
        {
            _text.Append(" stroke-opacity=\"").Append(F(opacity)).Append('"');
        }

        Close("path", title);
    }

    /// <summary>Opens a group (<c>g</c>) with an optional tooltip; close it with <see cref="EndGroup"/>.</summary>
    public void BeginGroup(string? title = null)
    {
        _text.Append("<g>");
        if (title is not null)
        {
            _text.Append("<title>").Append(Escape(title)).Append("</title>");
        }

        _text.Append('\n');
    }

    public void EndGroup() => _text.Append("</g>\n");

    public override string ToString() => _text + "</svg>\n";

    private void Close(string element, string? title)
    {
        if (title is null)
        {
            _text.Append("/>\n");
        }
        else
        {
            _text.Append("><title>").Append(Escape(title)).Append("</title></").Append(element).Append(">\n");
        }
    }

    private static string Points(IEnumerable<(double X, double Y)> points) => string.Join(' ', points.Select(p => F(p.X) + "," + F(p.Y)));
}
