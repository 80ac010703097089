namespace SupplySim.Model;

/// <summary>
/// FNV-1a 64-bit hash of a string: stable across processes and .NET versions (unlike string.GetHashCode),
/// so random-stream keys derived from names are part of the reproducible results format.
/// </summary>
internal static class StableHash
{
    /// <summary>Hashes <paramref name="text"/> (UTF-16 code units).</summary>
    public static ulong Of(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        ulong hash = 14695981039346656037UL;
        foreach (char ch in text)
        {
            hash = (hash ^ ch) * 1099511628211UL;
        }

        return hash;
    }
}
