using System.Globalization;

namespace SupplySim.Sweeps;

/// <summary>A deterministic slice of a sweep's points: shard <c>Index</c> of <c>Count</c> runs every point p with p mod Count = Index.</summary>
/// <param name="Index">0-based shard index, below <paramref name="Count"/>.</param>
/// <param name="Count">Number of shards, at least 1.</param>
public readonly record struct ShardSpec(int Index, int Count)
{
    /// <summary>The whole sweep as one shard.</summary>
    public static ShardSpec All => new(0, 1);

    /// <summary>File name stem of the shard's outputs, <c>shard-i-of-n</c>.</summary>
    public string Stem => $"shard-{Index}-of-{Count}";

    /// <summary>True when <paramref name="point"/> belongs to this shard.</summary>
    public bool Includes(int point) => point % Count == Index;

    /// <summary>Parses <c>i/n</c> with 0 &lt;= i &lt; n; null when malformed.</summary>
    public static ShardSpec? Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var parts = text.Split('/');
        return parts.Length == 2
               && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out int index)
               && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out int count)
               && count >= 1 && index < count
            ? new ShardSpec(index, count)
            : null;
    }

    /// <inheritdoc/>
    public override string ToString() => $"{Index}/{Count}";
}
