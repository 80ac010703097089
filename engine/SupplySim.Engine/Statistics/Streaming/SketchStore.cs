using System.Diagnostics;

namespace SupplySim.Statistics.Streaming;

/// <summary>
/// Counts per logarithmic bucket index for one sign of a <see cref="QuantileSketch"/>: a dense array over the
/// occupied index range, at most <see cref="MaxBuckets"/> wide. When a value would widen the range beyond that, the
/// smallest magnitudes are merged into the lowest kept bucket (DDSketch's collapsing-lowest store, Masson, Rim and
/// Lee 2019), so memory stays bounded and the accuracy of the larger magnitudes is kept.
/// </summary>
internal sealed class SketchStore
{
    /// <summary>
    /// Widest index range kept: γ^2047 ≈ 7.8·10^8 at 0.5% accuracy, from the largest magnitude down (DDSketch's
    /// default size). A store never holds more than this many counts, 8 KiB, however many values it takes.
    /// </summary>
    public const int MaxBuckets = 2048;

    // int: a run has at most int.MaxValue trials, and half the memory of long for 2 × columns × scenarios stores.
    private int[] _counts = [];
    private int _offset;
    private int _low = int.MaxValue;
    private int _high = int.MinValue;

    /// <summary>Values counted.</summary>
    public long Total { get; private set; }

    /// <summary>True once a value fell below the kept range and was merged into the lowest bucket.</summary>
    public bool HasCollapsed { get; private set; }

    /// <summary>Lowest occupied bucket index (meaningless when <see cref="Total"/> is 0).</summary>
    public int LowIndex => _low;

    /// <summary>Highest occupied bucket index (meaningless when <see cref="Total"/> is 0).</summary>
    public int HighIndex => _high;

    /// <summary>Buckets allocated (occupied or not), at most <see cref="MaxBuckets"/>.</summary>
    public int AllocatedBuckets => _counts.Length;

    /// <summary>Count of bucket <paramref name="index"/>, which must lie in [<see cref="LowIndex"/>, <see cref="HighIndex"/>].</summary>
    public long CountAt(int index) => _counts[index - _offset];

    public void Add(int index)
    {
        if (Total == 0)
        {
            _counts = new int[64];
            _offset = index - 32;
            _low = _high = index;
        }
        else if (index > _high)
        {
            if ((long)index - _low >= MaxBuckets)
            {
                CollapseBelow(index - MaxBuckets + 1);
            }

            _high = index;
        }
        else if (index < _low)
        {
            if ((long)_high - index >= MaxBuckets)
            {
                HasCollapsed = true;
                index = _high - MaxBuckets + 1;
            }

            _low = index;
        }

        EnsureCovers(_low, _high);
        _counts[index - _offset]++;
        Total++;
    }

    /// <summary>Merges every bucket below <paramref name="floor"/> into bucket <paramref name="floor"/>.</summary>
    private void CollapseBelow(int floor)
    {
        if (_low >= floor)
        {
            return;
        }

        HasCollapsed = true;
        int merged = 0;
        for (int index = _low; index <= Math.Min(_high, floor - 1); index++)
        {
            merged += _counts[index - _offset];
            _counts[index - _offset] = 0;
        }

        EnsureCovers(floor, Math.Max(_high, floor));
        _counts[floor - _offset] += merged;
        _low = floor;
    }

    private void EnsureCovers(int low, int high)
    {
        if (low >= _offset && high < _offset + _counts.Length)
        {
            return;
        }

        // Re-centre with room on both sides so a drifting range grows the array geometrically, not per value; at
        // MaxBuckets the window slides within the same array, so a full store never allocates again.
        int width = high - low + 1;
        int length = Math.Min(Math.Max(_counts.Length * 2, width * 2), MaxBuckets);
        int offset = low - ((length - width) / 2);
        var counts = length == _counts.Length ? _counts : new int[length];
        int keepLow = Math.Max(_offset, offset);
        int keepHigh = Math.Min(_offset + _counts.Length, offset + length);
        if (keepLow < keepHigh)
        {
            Array.Copy(_counts, keepLow - _offset, counts, keepLow - offset, keepHigh - keepLow);
            counts.AsSpan(0, keepLow - offset).Clear();
            counts.AsSpan(keepHigh - offset).Clear();
        }
        else
        {
            counts.AsSpan().Clear();
        }

        Debug.Assert(low >= offset && high < offset + length, "the new array covers the range");
        _counts = counts;
        _offset = offset;
    }
}
