using YamlDotNet.Core;

namespace SupplySim.Scenario;

/// <summary>
/// A node of a loaded YAML document, read-only: what the scenario readers need (values, structure, where each node
/// starts) and nothing else. Built by <see cref="YamlTreeBuilder"/>; an alias is the same object as its anchored node.
/// </summary>
internal abstract class YamlTreeNode(Mark start)
{
    /// <summary>Where the node starts (line and column from 1), for diagnostics.</summary>
    public Mark Start { get; } = start;
}

/// <summary>A scalar's text as written, quotes removed; <c>key:</c> with no value is the empty string.</summary>
internal sealed class YamlScalar(Mark start, string value) : YamlTreeNode(start)
{
    public string Value { get; } = value;

    public override string ToString() => Value;
}

/// <summary>A list, flow (<c>[a, b]</c>) or block (<c>- a</c> lines).</summary>
internal sealed class YamlSequence(Mark start, List<YamlTreeNode> items) : YamlTreeNode(start)
{
    public IReadOnlyList<YamlTreeNode> Items => items;

    public override string ToString() => $"[ {string.Join(", ", items)} ]";
}

/// <summary>A mapping's entries in the order written; no two scalar keys are equal (the builder refuses them).</summary>
internal sealed class YamlMapping(Mark start, List<(YamlTreeNode Key, YamlTreeNode Value)> entries) : YamlTreeNode(start)
{
    public IReadOnlyList<(YamlTreeNode Key, YamlTreeNode Value)> Entries => entries;

    /// <summary>The keys that are scalars (every key, in a scenario file), in order.</summary>
    public IEnumerable<YamlScalar> ScalarKeys => entries.Select(e => e.Key).OfType<YamlScalar>();

    public bool HasKey(string key) => entries.Exists(e => e.Key is YamlScalar scalar && scalar.Value == key);

    public override string ToString() => $"{{ {string.Join(", ", entries.Select(e => $"{{ {e.Key}, {e.Value} }}"))} }}";
}
