using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace SupplySim.Scenario;

/// <summary>
/// Checks the parser's events on their way into a document tree (<see cref="YamlTreeBuilder"/>), to refuse what
/// the readers after it cannot survive: a deeply nested document (anything that walks a tree recursively, printing
/// included, would overflow the stack, which no handler can catch); aliases, which are shared references to their
/// anchored node, so a "billion laughs" document is small in memory but expands without bound wherever it is walked;
/// and a mapping left with a key and no value, which YamlDotNet's parser emits for text such as <c>key: {a: b}*x</c>.
/// Each event is checked before the tree sees it, so the file is parsed once (a separate pass before loading cost a
/// third of loading a 6 MB network); no recursion, and work proportional to the file. On the first problem it reports
/// SS0011 (a limit) or SS0001 (an unpaired key) and throws <see cref="RefusedException"/>, which the loader catches.
/// </summary>
internal sealed class GuardedParser(IParser inner, string file, DiagnosticBag diagnostics) : IParser
{
    /// <summary>Deepest nesting of mappings and sequences accepted, counting what aliases bring in.</summary>
    public const int MaxDepth = 64;

    /// <summary>Most nodes that aliases may add to a document when expanded.</summary>
    public const int MaxAliasNodes = 100_000;

    private readonly List<Frame> _open = [];
    private readonly Dictionary<string, Subtree> _anchors = new(StringComparer.Ordinal);
    private long _nodes, _aliasNodes;

    public ParsingEvent? Current => inner.Current;

    /// <summary>Moves to the next event once it has passed the checks; syntax errors propagate as <see cref="YamlException"/>.</summary>
    public bool MoveNext()
    {
        if (!inner.MoveNext())
        {
            return false;
        }

        if (!Accept(inner.Current!))
        {
            throw new RefusedException();
        }

        return true;
    }

    /// <summary>False (after reporting why) when <paramref name="current"/> crosses a limit or closes an unpaired key.</summary>
    private bool Accept(ParsingEvent current)
    {
        switch (current)
        {
            case DocumentStart:
                _anchors.Clear();
                break;
            case Scalar scalar:
                _nodes++;
                Child(_open, current);
                if (!scalar.Anchor.IsEmpty)
                {
                    _anchors[scalar.Anchor.Value] = new Subtree(1, 0);
                }

                break;
            case NodeEvent start and (SequenceStart or MappingStart):
                if (_open.Count == MaxDepth)
                {
                    Report("SS0011", start.Start,
                        $"nesting is deeper than {MaxDepth} levels of mappings and lists; a scenario needs fewer than 10");
                    return false;
                }

                _nodes++;
                Child(_open, current);
                _open.Add(new Frame(start.Anchor.IsEmpty ? null : start.Anchor.Value, _nodes - 1, _open.Count + 1, start is MappingStart));
                break;
            case SequenceEnd or MappingEnd:
                var frame = _open[^1];
                _open.RemoveAt(_open.Count - 1);
                if (frame.IsMapping && frame.Children % 2 == 1)
                {
                    Report("SS0001", frame.Stray ?? frame.LastKey,
                        "YAML syntax error: a mapping key without a value; put each key on its own line, after a complete value");
                    return false;
                }

                if (frame.Anchor is not null)
                {
                    _anchors[frame.Anchor] = new Subtree(_nodes - frame.NodesBefore, frame.Deepest - _open.Count);
                }

                if (_open.Count > 0)
                {
                    _open[^1].Deepest = Math.Max(_open[^1].Deepest, frame.Deepest);
                    _open[^1].LastEndLine = current.End.Line;
                }

                break;
            case AnchorAlias alias:
                string name = alias.Value.Value;
                if (OpenAnchor(name))
                {
                    Report("SS0011", alias.Start, $"alias '*{name}' refers to a node that contains it; the document would be infinite");
                    return false;
                }

                // An unknown anchor is a syntax error the representation model reports; count it as one node.
                var subtree = _anchors.TryGetValue(name, out var known) ? known : new Subtree(1, 0);
                _nodes += subtree.Nodes;
                _aliasNodes += subtree.Nodes;
                if (_aliasNodes > MaxAliasNodes)
                {
                    Report("SS0011", alias.Start,
                        $"aliases expand to more than {MaxAliasNodes} nodes (alias '*{name}' adds {subtree.Nodes}); write the values out or use fewer aliases");
                    return false;
                }

                if (_open.Count + subtree.Height > MaxDepth)
                {
                    Report("SS0011", alias.Start,
                        $"alias '*{name}' nests {_open.Count + subtree.Height} levels deep, more than {MaxDepth}");
                    return false;
                }

                Child(_open, current);
                if (_open.Count > 0)
                {
                    _open[^1].Deepest = Math.Max(_open[^1].Deepest, _open.Count + subtree.Height);
                }

                break;
        }

        return true;
    }

    /// <summary>Counts a node into its parent; in a mapping, remembers where a key sits on its value's line.</summary>
    /// <summary>
    /// Whether an open collection carries anchor <paramref name="name"/>. A loop, not a lambda: the closure a lambda
    /// captures <c>name</c> in would be allocated for every event the switch above sees (20 MB on a 6 MB file).
    /// </summary>
    private bool OpenAnchor(string name)
    {
        foreach (var frame in _open)
        {
            if (frame.Anchor == name)
            {
                return true;
            }
        }

        return false;
    }

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

    private void Report(string code, Mark at, string message) =>
        diagnostics.Error(code, new SourceLocation(file, (int)Math.Min(at.Line, int.MaxValue), (int)Math.Min(at.Column, int.MaxValue)), message);

    /// <summary>Thrown once a problem is reported, to stop loading; carries nothing the diagnostics do not.</summary>
    internal sealed class RefusedException() : Exception("the YAML document was refused; see the diagnostics");

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
