using YamlDotNet.Core;

namespace SupplySim.Scenario;

/// <summary>
/// A node of a loaded YAML document, read-only: what the scenario readers need (values, structure, where each node
/// starts) and nothing else. Built by <see cref="YamlTreeBuilder"/>; an alias is the same object as its anchored node.
/// </summary>
/// <remarks>
/// Small on purpose: a 21,805-lane network is ~750,000 nodes that live through loading, and what they weigh is what
/// the garbage collector copies as they age (two ints instead of YamlDotNet's three-long <see cref="Mark"/>, arrays
/// of the exact length instead of growable lists).
/// </remarks>
internal abstract class YamlTreeNode(Mark start)
{
    private readonly int _line = (int)start.Line;
    private readonly int _column = (int)start.Column;

    /// <summary>Line of the node's start, from 1.</summary>
    public int Line => _line;

    /// <summary>Column of the node's start, from 1.</summary>
    public int Column => _column;
}

/// <summary>A scalar's text as written, quotes removed; <c>key:</c> with no value is the empty string.</summary>
internal sealed class YamlScalar(Mark start, string value) : YamlTreeNode(start)
{
    public string Value { get; } = value;

    public override string ToString() => Value;
}

/// <summary>A list, flow (<c>[a, b]</c>) or block (<c>- a</c> lines).</summary>
internal sealed class YamlSequence(Mark start, YamlTreeNode[] items) : YamlTreeNode(start)
{
    public IReadOnlyList<YamlTreeNode> Items => items;

    public override string ToString() => $"[ {string.Join(", ", items)} ]";
}

/// <summary>A mapping's entries in the order written; no two scalar keys are equal (the builder refuses them).</summary>
internal sealed class YamlMapping(Mark start, (YamlTreeNode Key, YamlTreeNode Value)[] entries) : YamlTreeNode(start)
{
    public IReadOnlyList<(YamlTreeNode Key, YamlTreeNode Value)> Entries => entries;

    /// <summary>The keys that are scalars (every key, in a scenario file), in order.</summary>
    public IEnumerable<YamlScalar> ScalarKeys => entries.Select(e => e.Key).OfType<YamlScalar>();

    public bool HasKey(string key) => Array.Exists(entries, e => e.Key is YamlScalar scalar && scalar.Value == key);

    public override string ToString() => $"{{ {string.Join(", ", entries.Select(e => $"{{ {e.Key}, {e.Value} }}"))} }}";
}
