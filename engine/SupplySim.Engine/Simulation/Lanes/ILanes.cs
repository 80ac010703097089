namespace SupplySim.Simulation;

/// <summary>
/// One value per trial of a block of <see cref="Count"/> trials: the kernel's arithmetic, written once and run at
/// every vector width. Implementations are thin structs over <c>Vector512&lt;double&gt;</c>, <c>Vector256</c>,
/// <c>Vector128</c> and a plain <see cref="double"/>; the kernel is generic over them, so the JIT compiles it once
/// per width, with every member inlined and no virtual call (the pattern of ImageSharp and TensorPrimitives).
/// <para>
/// Every member is the lane-wise IEEE operation of its scalar twin (<see cref="Min"/> is
/// <see cref="Math.Min(double, double)"/>, never a fused multiply-add), so a trial's results never depend on the
/// width. The bit members treat a lane's 64 bits as an unsigned integer (the generator's state).
/// </para>
/// </summary>
/// <typeparam name="TSelf">The lanes' values: arithmetic and bits.</typeparam>
/// <typeparam name="TMask">
/// The lanes' conditions, a type of its own (the runtime's vector itself, or <see cref="bool"/> for one lane) so the
/// JIT keeps comparisons in AVX-512 mask registers as it does in hand-written code; through a wrapper struct it turns
/// every condition into a vector and back.
/// </typeparam>
internal interface ILanes<TSelf, TMask>
    where TSelf : struct, ILanes<TSelf, TMask>
    where TMask : struct
{
    /// <summary>Trials per block: 8, 4, 2 or 1.</summary>
    static abstract int Count { get; }

    /// <summary>Whether this CPU runs the width in vector registers (rather than in software).</summary>
    static abstract bool IsHardwareAccelerated { get; }

    static abstract TSelf Zero { get; }

    static abstract TSelf One { get; }

    /// <summary>Every lane true.</summary>
    static abstract TMask AllTrue { get; }

    /// <summary>Every lane false.</summary>
    static abstract TMask NoneTrue { get; }

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

    /// <summary>Bitwise or of each lane's 64 bits (the generator's state).</summary>
    static abstract TSelf operator |(TSelf left, TSelf right);

    /// <summary>Bitwise exclusive or of each lane's 64 bits (the generator's state).</summary>
    static abstract TSelf operator ^(TSelf left, TSelf right);

    static abstract TMask GreaterThan(TSelf left, TSelf right);

    static abstract TMask GreaterThanOrEqual(TSelf left, TSelf right);

    static abstract TMask LessThan(TSelf left, TSelf right);

    static abstract TMask LessThanOrEqual(TSelf left, TSelf right);

    static abstract TMask EqualTo(TSelf left, TSelf right);

    static abstract TMask And(TMask left, TMask right);

    static abstract TMask Or(TMask left, TMask right);

    /// <summary><paramref name="left"/> and not <paramref name="right"/>.</summary>
    static abstract TMask AndNot(TMask left, TMask right);

    /// <summary>Per lane: <paramref name="ifTrue"/> where <paramref name="mask"/> is true, else <paramref name="ifFalse"/>.</summary>
    static abstract TSelf ConditionalSelect(TMask mask, TSelf ifTrue, TSelf ifFalse);

    /// <summary>Per lane: <paramref name="ifTrue"/> where <paramref name="mask"/> is true, else <paramref name="ifFalse"/>.</summary>
    static abstract TMask SelectMask(TMask mask, TMask ifTrue, TMask ifFalse);

    /// <summary>One bit per lane, lane i at bit i.</summary>
    static abstract uint ExtractMostSignificantBits(TMask mask);

    /// <summary>The mask whose lane i is bit i of <paramref name="bits"/> (tests).</summary>
    static abstract TMask MaskFromBits(uint bits);

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

    /// <summary>
    /// Every lane of <paramref name="value"/>, a whole number in [0, 2^52), as a 64-bit index into
    /// <paramref name="destination"/> (at least <see cref="Count"/> long): one vector conversion, not one per lane.
    /// </summary>
    static abstract void CopyIndicesTo(TSelf value, Span<long> destination);

    /// <summary>Each lane's 64 bits shifted left by <paramref name="count"/>.</summary>
    static abstract TSelf ShiftLeftBits(TSelf value, int count);

    /// <summary>Each lane's 64 bits shifted right by <paramref name="count"/>, zeros shifted in.</summary>
    static abstract TSelf ShiftRightBits(TSelf value, int count);

    /// <summary>Each lane's 64 bits added as unsigned integers (wrapping).</summary>
    static abstract TSelf AddBits(TSelf left, TSelf right);

    /// <summary>Each lane's 64 bits, an unsigned integer below 2^53, converted exactly to a double.</summary>
    static abstract TSelf BitsToDouble(TSelf value);
}
