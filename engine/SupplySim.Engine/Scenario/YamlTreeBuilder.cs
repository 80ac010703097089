using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace SupplySim.Scenario;

/// <summary>
/// Builds <see cref="YamlTreeNode"/> documents from a parser's events in one pass, without recursion. It replaces
/// YamlDotNet's representation model, whose nodes carry what a scenario never reads (tags, styles, end marks, an
/// ordered dictionary per mapping): on a 6 MB, 21,805-lane network that model took twice as long to build as the
/// parse itself, most of it collecting its objects. Feed it through a <see cref="GuardedParser"/>.
/// </summary>
/// <remarks>
/// Differs from the model in one respect on purpose: an alias must follow its anchor, as YAML requires (the model
/// also resolves an alias to an anchor defined later); otherwise it is a syntax error at the alias.
/// </remarks>
internal static class YamlTreeBuilder
{
    /// <summary>Each document's root, in order; none for an empty file or one holding only comments.</summary>
    /// <exception cref="YamlException">A syntax error, a duplicate key, or an alias without an anchor before it.</exception>
    public static List<YamlTreeNode> Load(IParser parser)
    {
        var documents = new List<YamlTreeNode>();
        var anchors = new Dictionary<string, YamlTreeNode>(StringComparer.Ordinal);
        var open = new Stack<Collection>();
        // Scalars written alike share one string: keys repeat on every item, and so do many values. What survives
        // loading is what the collector copies, and the parser's own copies die young.
        var texts = new HashSet<string>(StringComparer.Ordinal);
        while (parser.MoveNext())
        {
            YamlTreeNode? complete = null;
            switch (parser.Current)
            {
                case DocumentStart:
                    anchors.Clear();
                    break;
                case Scalar scalar:
                    complete = Anchored(new YamlScalar(scalar.Start, Shared(texts, scalar.Value)), scalar, anchors);
                    break;
                case AnchorAlias alias:
                    complete = anchors.TryGetValue(alias.Value.Value, out var target)
                        ? target
                        : throw new YamlException(alias.Start, alias.End, $"alias '*{alias.Value.Value}' has no anchor '&{alias.Value.Value}' before it");
                    break;
                case SequenceStart start:
                    open.Push(new Collection(start, isMapping: false));
                    break;
                case MappingStart start:
                    open.Push(new Collection(start, isMapping: true));
                    break;
                case SequenceEnd or MappingEnd:
                    var done = open.Pop();
                    complete = Anchored(done.Build(), done.Start, anchors);
                    break;
            }

            if (complete is null)
            {
                continue;
            }

            if (open.Count == 0)
            {
                documents.Add(complete);
            }
            else
            {
                open.Peek().Add(complete);
            }
        }

        return documents;
    }

    private static string Shared(HashSet<string> texts, string text)
    {
        if (texts.TryGetValue(text, out var shared))
        {
            return shared;
        }

        texts.Add(text);
        return text;
    }

    private static YamlTreeNode Anchored(YamlTreeNode node, NodeEvent start, Dictionary<string, YamlTreeNode> anchors)
    {
        if (!start.Anchor.IsEmpty)
        {
            // A later anchor of the same name replaces the earlier one for the aliases after it.
            anchors[start.Anchor.Value] = node;
        }

        return node;
    }

    /// <summary>A sequence or mapping being filled as its children's events arrive.</summary>
    private sealed class Collection(NodeEvent start, bool isMapping)
    {
        private readonly List<YamlTreeNode>? _items = isMapping ? null : [];
        private readonly List<(YamlTreeNode, YamlTreeNode)>? _entries = isMapping ? [] : null;
        private HashSet<string>? _keys;
        private YamlTreeNode? _pendingKey;

        public NodeEvent Start { get; } = start;

        public void Add(YamlTreeNode node)
        {
            if (_items is not null)
            {
                _items.Add(node);
                return;
            }

            if (_pendingKey is null)
            {
                if (node is YamlScalar key && !(_keys ??= new(StringComparer.Ordinal)).Add(key.Value))
                {
                    // Worded as YamlDotNet words it: the loader turns it into SS0005 with the key's name.
                    var at = new Mark(0, key.Line, key.Column);
                    throw new YamlException(at, at, $"Duplicate key {key.Value}");
                }

                _pendingKey = node;
                return;
            }

            _entries!.Add((_pendingKey, node));
            _pendingKey = null;
        }

        /// <remarks>A key left without a value never gets here: <see cref="GuardedParser"/> refuses it first.</remarks>
        public YamlTreeNode Build() => _entries is not null ? new YamlMapping(Start.Start, [.. _entries]) : new YamlSequence(Start.Start, [.. _items!]);
    }
}
