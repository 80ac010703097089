using System.Diagnostics;

namespace SupplySim.Statistics.Streaming;

/// <summary>
/// A deterministic log-bucketed quantile sketch (DDSketch, Masson, Rim and Lee, VLDB 2019) with relative accuracy
/// <see cref="RelativeAccuracy"/>: every order statistic x it returns lies within α|x| of the true one, for every
/// magnitude down to <see cref="DynamicRange"/> below the largest magnitude of the same sign; smaller magnitudes are
/// merged into that floor's bucket, so their error is at most the floor itself (|x|max / 7.8·10^8). Zeros are counted
/// exactly and returned as exactly 0; negative values have their own store.
/// </summary>
/// <remarks>
/// A positive value x goes to bucket k = ⌈log_γ x⌉ with γ = (1 + α)/(1 − α); the bucket covers (γ^(k−1), γ^k] and
/// is represented by 2γ^k/(γ + 1), within α of every value in it. Memory is bounded by <see cref="SketchStore.MaxBuckets"/>
/// buckets per sign (2 × 8 KiB), whatever the number and range of the values. Counts depend only on the multiset of
/// values added, so results are order-independent.
/// </remarks>
internal sealed class QuantileSketch
{
    /// <summary>Relative accuracy α of every order statistic.</summary>
    public const double RelativeAccuracy = 0.005;

    private static readonly double Gamma = (1 + RelativeAccuracy) / (1 - RelativeAccuracy);
    private static readonly double LogGamma = Math.Log(Gamma);

    private readonly SketchStore _positive = new();
    private readonly SketchStore _negative = new();

    /// <summary>
    /// Ratio of the largest to the smallest magnitude (of one sign) kept at full accuracy: γ^(MaxBuckets − 1).
    /// </summary>
    public static double DynamicRange { get; } = Math.Exp((SketchStore.MaxBuckets - 1) * LogGamma);

    /// <summary>Buckets allocated by both stores, at most 2 × <see cref="SketchStore.MaxBuckets"/>.</summary>
    public int AllocatedBuckets => _positive.AllocatedBuckets + _negative.AllocatedBuckets;

    /// <summary>Exact number of zeros.</summary>
    public long Zeros { get; private set; }

    /// <summary>Number of values added.</summary>
    public long Count => _positive.Total + _negative.Total + Zeros;

    /// <summary>True when some magnitude fell below the kept range and lost its accuracy guarantee.</summary>
    public bool HasCollapsed => _positive.HasCollapsed || _negative.HasCollapsed;

    /// <summary>Adds one finite value.</summary>
    public void Add(double value)
    {
        Debug.Assert(double.IsFinite(value), "finite values only");
        if (value > 0)
        {
            _positive.Add(Index(value));
        }
        else if (value < 0)
        {
            _negative.Add(Index(-value));
        }
        else
        {
            Zeros++;
        }
    }

    /// <summary>
    /// Estimates the order statistics of 0-based <paramref name="ranks"/> (ascending, each below <see cref="Count"/>)
    /// in one walk from the most negative bucket to the most positive, each clamped to [<paramref name="min"/>,
    /// <paramref name="max"/>]; rank 0 returns <paramref name="min"/> and rank n − 1 returns <paramref name="max"/> exactly.
    /// </summary>
    public void OrderStatistics(ReadOnlySpan<long> ranks, double min, double max, Span<double> values)
    {
        Debug.Assert(ranks.Length == values.Length, "one value per rank");
        var walk = new BucketWalk(this);
        for (int r = 0; r < ranks.Length; r++)
        {
            Debug.Assert(r == 0 || ranks[r] >= ranks[r - 1], "ranks ascending");
            long rank = ranks[r];
            double estimate = walk.ValueAtRank(rank);
            values[r] = rank == 0 ? min : rank == Count - 1 ? max : Math.Clamp(estimate, min, max);
        }
    }

    /// <summary>
    /// Visits every non-empty bucket in ascending order of value: its representative (0 for the zeros) and count.
    /// </summary>
    public void ForEachBucket(Action<double, long> visit)
    {
        for (int index = _negative.HighIndex; _negative.Total > 0 && index >= _negative.LowIndex; index--)
        {
            long count = _negative.CountAt(index);
            if (count > 0)
            {
                visit(-Representative(index), count);
            }
        }

        if (Zeros > 0)
        {
            visit(0, Zeros);
        }

        for (int index = _positive.LowIndex; _positive.Total > 0 && index <= _positive.HighIndex; index++)
        {
            long count = _positive.CountAt(index);
            if (count > 0)
            {
                visit(Representative(index), count);
            }
        }
    }

    private static int Index(double magnitude) => (int)Math.Ceiling(Math.Log(magnitude) / LogGamma);

    private static double Representative(int index) => 2 * Math.Exp(index * LogGamma) / (Gamma + 1);

    /// <summary>A forward cursor over the buckets in ascending value order, for ascending ranks.</summary>
    private struct BucketWalk(QuantileSketch sketch)
    {
        // Stage 0: negative store from its highest magnitude down; 1: zeros; 2: positive store upwards.
        private int _stage;
        private int _index = sketch._negative.Total > 0 ? sketch._negative.HighIndex : 0;
        private long _before;
        private bool _started;

        public double ValueAtRank(long rank)
        {
            while (true)
            {
                long count = Current(out double value);
                if (rank < _before + count)
                {
                    return value;
                }

                _before += count;
                Advance();
            }
        }

        private long Current(out double value)
        {
            value = 0;
            if (!_started)
            {
                _started = true;
                SkipExhaustedStages();
            }

            switch (_stage)
            {
                case 0:
                    value = -Representative(_index);
                    return sketch._negative.CountAt(_index);
                case 1:
                    return sketch.Zeros;
                case 2:
                    value = Representative(_index);
                    return sketch._positive.CountAt(_index);
                default:
                    throw new UnreachableException("rank beyond the sketch's count");
            }
        }

        private void Advance()
        {
            if (_stage == 0)
            {
                _index--;
            }
            else if (_stage == 1)
            {
                _stage = 2;
                _index = sketch._positive.LowIndex;
            }
            else
            {
                _index++;
            }

            SkipExhaustedStages();
        }

        private void SkipExhaustedStages()
        {
            if (_stage == 0 && (sketch._negative.Total == 0 || _index < sketch._negative.LowIndex))
            {
                _stage = 1;
            }

            if (_stage == 1 && sketch.Zeros == 0)
            {
                _stage = 2;
                _index = sketch._positive.LowIndex;
            }

            if (_stage == 2 && (sketch._positive.Total == 0 || _index > sketch._positive.HighIndex))
            {
                _stage = 3;
            }
        }
    }
}
