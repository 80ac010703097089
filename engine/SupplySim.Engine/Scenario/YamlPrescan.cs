using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace SupplySim.Scenario;

/// <summary>
/// Streams the parser's events before YamlDotNet's representation model is built, to refuse what that model
/// cannot survive: it loads nested collections recursively (a deep document overflows the stack, which no handler
/// can catch); it resolves an alias to a shared reference of its anchored node, so a "billion laughs" document is
/// small in memory but expands without bound wherever it is walked, hashed (as a mapping key) or printed; and it
/// throws an <see cref="ArgumentException"/> on a mapping left with a key and no value, which YamlDotNet's parser
/// emits for text such as <c>key: {a: b}*x</c>. No tree, no recursion, and work proportional to the file.
/// </summary>
internal static class YamlPrescan
{
    /// <summary>Deepest nesting of mappings and sequences accepted, counting what aliases bring in.</summary>
    public const int MaxDepth = 64;

    /// <summary>Most nodes that aliases may add to a document when expanded.</summary>
    public const int MaxAliasNodes = 100_000;

    /// <summary>
    /// Reports the first problem found (SS0011 for a limit, SS0001 for an unpaired key) and returns false; true when
    /// the document is safe to load. Syntax errors the parser detects propagate as <see cref="YamlException"/>.
    /// </summary>
    public static bool Check(string yaml, string file, DiagnosticBag diagnostics)
    {
        var parser = new Parser(new StringReader(yaml));
        var open = new List<Frame>();
        var anchors = new Dictionary<string, Subtree>(StringComparer.Ordinal);
        long nodes = 0, aliasNodes = 0;
        while (parser.MoveNext())
        {
            var current = parser.Current!;
            switch (current)
            {
                case DocumentStart:
                    anchors.Clear();
                    break;
                case Scalar scalar:
                    nodes++;
                    Child(open, current);
                    if (!scalar.Anchor.IsEmpty)
                    {
                        anchors[scalar.Anchor.Value] = new Subtree(1, 0);
                    }

                    break;
                case NodeEvent start and (SequenceStart or MappingStart):
                    if (open.Count == MaxDepth)
                    {
                        Report(diagnostics, "SS0011", file, start.Start,
                            $"nesting is deeper than {MaxDepth} levels of mappings and lists; a scenario needs fewer than 10");
                        return false;
                    }

                    nodes++;
                    Child(open, current);
                    open.Add(new Frame(start.Anchor.IsEmpty ? null : start.Anchor.Value, nodes - 1, open.Count + 1, start is MappingStart));
                    break;
                case SequenceEnd or MappingEnd:
                    var frame = open[^1];
                    open.RemoveAt(open.Count - 1);
                    if (frame.IsMapping && frame.Children % 2 == 1)
                    {
                        Report(diagnostics, "SS0001", file, frame.Stray ?? frame.LastKey,
                            "YAML syntax error: a mapping key without a value; put each key on its own line, after a complete value");
                        return false;
                    }

                    if (frame.Anchor is not null)
                    {
                        anchors[frame.Anchor] = new Subtree(nodes - frame.NodesBefore, frame.Deepest - open.Count);
                    }

                    if (open.Count > 0)
                    {
                        open[^1].Deepest = Math.Max(open[^1].Deepest, frame.Deepest);
                        open[^1].LastEndLine = current.End.Line;
                    }

                    break;
                case AnchorAlias alias:
                    string name = alias.Value.Value;
                    if (open.Exists(f => f.Anchor == name))
                    {
                        Report(diagnostics, "SS0011", file, alias.Start, $"alias '*{name}' refers to a node that contains it; the document would be infinite");
                        return false;
                    }

                    // An unknown anchor is a syntax error the representation model reports; count it as one node.
                    var subtree = anchors.TryGetValue(name, out var known) ? known : new Subtree(1, 0);
                    nodes += subtree.Nodes;
                    aliasNodes += subtree.Nodes;
                    if (aliasNodes > MaxAliasNodes)
                    {
                        Report(diagnostics, "SS0011", file, alias.Start,
                            $"aliases expand to more than {MaxAliasNodes} nodes (alias '*{name}' adds {subtree.Nodes}); write the values out or use fewer aliases");
                        return false;
                    }

                    if (open.Count + subtree.Height > MaxDepth)
                    {
                        Report(diagnostics, "SS0011", file, alias.Start,
                            $"alias '*{name}' nests {open.Count + subtree.Height} levels deep, more than {MaxDepth}");
                        return false;
                    }

                    Child(open, current);
                    if (open.Count > 0)
                    {
                        open[^1].Deepest = Math.Max(open[^1].Deepest, open.Count + subtree.Height);
                    }

                    break;
            }
        }

        return true;
    }

    /// <summary>Counts a node into its parent; in a mapping, remembers where a key sits on its value's line.</summary>
    private static void Child(List<Frame> open, ParsingEvent node)
    {
        if (open.Count == 0)
        {
            return;
        }

        var parent = open[^1];
        if (parent.IsMapping && parent.Children % 2 == 0)
        {
            parent.LastKey = node.Start;
            if (parent.Children > 0 && node.Start.Line == parent.LastEndLine)
            {
                parent.Stray ??= node.Start;
            }
        }

        parent.Children++;
        parent.LastEndLine = node.End.Line;
    }

    private static void Report(DiagnosticBag diagnostics, string code, string file, Mark at, string message) =>
        diagnostics.Error(code, new SourceLocation(file, (int)Math.Min(at.Line, int.MaxValue), (int)Math.Min(at.Column, int.MaxValue)), message);

    /// <summary>An anchored node's size once every alias inside it is expanded, and its height in collection levels.</summary>
    private readonly record struct Subtree(long Nodes, int Height);

    /// <summary>An open collection as the events stream past.</summary>
    private sealed class Frame(string? anchor, long nodesBefore, int level, bool isMapping)
    {
        public string? Anchor { get; } = anchor;

        /// <summary>Nodes (aliases expanded) counted before this collection started.</summary>
        public long NodesBefore { get; } = nodesBefore;

        public bool IsMapping { get; } = isMapping;

        /// <summary>The deepest level reached inside, counting this collection's own level.</summary>
        public int Deepest { get; set; } = level;

        public int Children { get; set; }

        public long LastEndLine { get; set; }

        public Mark LastKey { get; set; }

        /// <summary>The first key that starts on the line where the previous value ends: the likely stray text.</summary>
        public Mark? Stray { get; set; }
    }
}
