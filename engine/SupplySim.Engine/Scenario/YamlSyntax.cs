namespace SupplySim.Scenario;

/// <summary>
/// Checks YamlDotNet does not position well: tabs in indentation (it reports them a line early, or at 1:1) and
/// flow collections left open (it throws without a position).
/// </summary>
internal static class YamlSyntax
{
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
