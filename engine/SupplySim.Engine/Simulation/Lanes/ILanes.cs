namespace SupplySim.Simulation;

/// <summary>
/// One value per trial of a block of <see cref="Count"/> trials: the kernel's arithmetic, written once and run at
/// every vector width. Implementations are thin structs over <c>Vector512&lt;double&gt;</c>, <c>Vector256</c>,
/// <c>Vector128</c> and a plain <see cref="double"/>; the kernel is generic over them, so the JIT compiles it once
/// per width, with every member inlined and no virtual call (the pattern of ImageSharp and TensorPrimitives).
/// <para>
/// Every member is the lane-wise IEEE operation of its scalar twin (<see cref="Min"/> is <see cref="Math.Min(double, double)"/>,
/// never a fused multiply-add), so a trial's results never depend on the width. A mask has every bit of a lane set
/// (true) or clear (false). The bit members treat a lane's 64 bits as an unsigned integer (the generator's state).
/// </para>
/// </summary>
internal interface ILanes<TSelf>
    where TSelf : struct, ILanes<TSelf>
{
    /// <summary>Trials per block: 8, 4, 2 or 1.</summary>
    static abstract int Count { get; }

    /// <summary>Whether this CPU runs the width in vector registers (rather than in software).</summary>
    static abstract bool IsHardwareAccelerated { get; }

    static abstract TSelf Zero { get; }

    static abstract TSelf One { get; }

    /// <summary>Every bit set: the all-true mask.</summary>
    static abstract TSelf AllBitsSet { get; }

    /// <summary>0, 1, …, Count − 1.</summary>
    static abstract TSelf Indices { get; }

    /// <summary><paramref name="value"/> in every lane.</summary>
    static abstract TSelf Create(double value);

    static abstract TSelf operator +(TSelf left, TSelf right);

    static abstract TSelf operator -(TSelf left, TSelf right);

    static abstract TSelf operator *(TSelf left, TSelf right);

    static abstract TSelf operator /(TSelf left, TSelf right);

    /// <summary><paramref name="left"/> times <paramref name="right"/> in every lane.</summary>
    static abstract TSelf operator *(TSelf left, double right);

    static abstract TSelf operator *(double left, TSelf right);

    static abstract TSelf operator /(TSelf left, double right);

    static abstract TSelf operator &(TSelf left, TSelf right);

    static abstract TSelf operator |(TSelf left, TSelf right);

    static abstract TSelf operator ^(TSelf left, TSelf right);

    static abstract TSelf operator ~(TSelf value);

    static abstract TSelf GreaterThan(TSelf left, TSelf right);

    static abstract TSelf GreaterThanOrEqual(TSelf left, TSelf right);

    static abstract TSelf LessThan(TSelf left, TSelf right);

    static abstract TSelf LessThanOrEqual(TSelf left, TSelf right);

    static abstract TSelf EqualTo(TSelf left, TSelf right);

    /// <summary>Per lane: <paramref name="ifTrue"/> where <paramref name="mask"/> is set, else <paramref name="ifFalse"/>.</summary>
    static abstract TSelf ConditionalSelect(TSelf mask, TSelf ifTrue, TSelf ifFalse);

    /// <summary><see cref="Math.Min(double, double)"/> per lane (NaN-propagating, −0 below +0).</summary>
    static abstract TSelf Min(TSelf left, TSelf right);

    /// <summary><see cref="Math.Max(double, double)"/> per lane (NaN-propagating, +0 above −0).</summary>
    static abstract TSelf Max(TSelf left, TSelf right);

    static abstract TSelf Ceiling(TSelf value);

    static abstract TSelf Sqrt(TSelf value);

    /// <summary>Lane <paramref name="lane"/> of <paramref name="value"/> (for values in registers; arrays use <see cref="Lanes.At{T}(T[], int, int)"/>).</summary>
    static abstract double GetElement(TSelf value, int lane);

    /// <summary><paramref name="value"/> with lane <paramref name="lane"/> replaced by <paramref name="element"/>.</summary>
    static abstract TSelf WithElement(TSelf value, int lane, double element);

    /// <summary>Every lane of <paramref name="value"/> into <paramref name="destination"/> (at least <see cref="Count"/> long).</summary>
    static abstract void CopyTo(TSelf value, Span<double> destination);

    /// <summary>The sign bit of each lane, lane i at bit i (a mask's true lanes).</summary>
    static abstract uint ExtractMostSignificantBits(TSelf value);

    /// <summary>Each lane's 64 bits shifted left by <paramref name="count"/>.</summary>
    static abstract TSelf ShiftLeftBits(TSelf value, int count);

    /// <summary>Each lane's 64 bits shifted right by <paramref name="count"/>, zeros shifted in.</summary>
    static abstract TSelf ShiftRightBits(TSelf value, int count);

    /// <summary>Each lane's 64 bits added as unsigned integers (wrapping).</summary>
    static abstract TSelf AddBits(TSelf left, TSelf right);

    /// <summary>Each lane's 64 bits, an unsigned integer below 2^53, converted exactly to a double.</summary>
    static abstract TSelf BitsToDouble(TSelf value);
}
