namespace SupplySim.Scenario;

/// <summary>
/// Checks YamlDotNet does not position well: tabs in indentation (it reports them a line early, or at 1:1) and
/// flow collections left open (it throws without a position); and one way of counting lines.
/// </summary>
internal static class YamlSyntax
{
    /// <summary>
    /// The text with every line break YamlDotNet counts (CR LF, CR, NEL, LS, PS) written as LF, so the loader's own
    /// checks count lines as the parser does and every reported line exists. Returns the same string when it has none.
    /// </summary>
    public static string NormalizeLineBreaks(string yaml) =>
        yaml.AsSpan().IndexOfAny("\r\u0085\u2028\u2029") < 0
            ? yaml
            : yaml.Replace("\r\n", "\n", StringComparison.Ordinal)
                .Replace('\r', '\n').Replace('\u0085', '\n').Replace('\u2028', '\n').Replace('\u2029', '\n');

    /// <summary>The first tab in a line's leading white space, 1-based, or null.</summary>
    public static (int Line, int Column)? FindTabIndent(string yaml)
    {
        int line = 1, column = 1;
        bool leading = true;
        foreach (char ch in yaml)
        {
            if (ch == '\n')
            {
                line++;
                column = 1;
                leading = true;
                continue;
            }

            if (leading && ch == '\t')
            {
                return (line, column);
            }

            leading &= ch == ' ';
            column++;
        }

        return null;
    }

    /// <summary>Where the first '{' or '[' that is never closed opens (quotes and comments skipped); 1:1 if none is found.</summary>
    public static (int Line, int Column) FindUnclosedBracket(string yaml)
    {
        var open = new Stack<(int, int)>();
        int line = 1, column = 0;
        char quote = '\0';
        bool comment = false;
        foreach (char ch in yaml)
        {
            column++;
            if (ch == '\n')
            {
                line++;
                column = 0;
                comment = false;
                continue;
            }

            if (comment)
            {
                continue;
            }

            if (quote != '\0')
            {
                quote = ch == quote ? '\0' : quote;
                continue;
            }

            switch (ch)
            {
                case '"' or '\'':
                    quote = ch;
                    break;
                case '#':
                    comment = true;
                    break;
                case '{' or '[':
                    open.Push((line, column));
                    break;
                case '}' or ']' when open.Count > 0:
                    open.Pop();
                    break;
            }
        }

        return open.Count > 0 ? open.Reverse().First() : (1, 1);
    }

    /// <summary>A position inside the text: YamlDotNet may point one past the last line.</summary>
    public static SourceLocation Clamp(string file, string yaml, int line, int column)
    {
        int lines = Math.Max(1, yaml.Split('\n').Length);
        return line > lines ? new SourceLocation(file, lines, 1) : new SourceLocation(file, Math.Max(1, line), Math.Max(1, column));
    }
}
