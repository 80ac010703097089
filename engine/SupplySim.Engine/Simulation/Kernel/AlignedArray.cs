using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace SupplySim.Simulation;

/// <summary>
/// A zeroed array of <typeparamref name="T"/> whose first item starts on a 64-byte cache line, always: a pinned byte
/// buffer with a line's worth of slack, addressed from its first aligned byte. The pinned object heap never moves an
/// object, so the offset computed once from the buffer's address stays right for its lifetime, whatever the heap did
/// before. A struct, so a kernel's state object holds the address and length inline (two loads per span). Why it matters: an array's data starts 16 bytes past its object, so in a plain array of 64-byte vectors
/// every item straddles two lines and every load and store of one is split in two; the kernel is a long run of such
/// loads and stores (bench/README: what alignment is worth).
/// </summary>
internal readonly struct AlignedArray<T>
    where T : struct
{
    public const int LineBytes = 64;

    /// <summary>Kept only to keep the buffer alive; the kernel addresses it through <see cref="_start"/>.</summary>
    private readonly byte[] _bytes;

    /// <summary>Address of the first item; fixed, since the buffer is pinned and alive as long as this object.</summary>
    private readonly nint _start;

    public AlignedArray(int length)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(length);
        Length = length;
        long bytes = ((long)length * Unsafe.SizeOf<T>()) + LineBytes - 1;
        if (bytes > Array.MaxLength)
        {
            throw new InvalidOperationException($"{length} items of {Unsafe.SizeOf<T>()} bytes are more than one array can hold; the network is too large for this kernel width");
        }

        _bytes = GC.AllocateArray<byte>((int)bytes, pinned: true);
        nint address = Marshal.UnsafeAddrOfPinnedArrayElement(_bytes, 0);
        _start = address + ((LineBytes - (address % LineBytes)) % LineBytes);
    }

    public int Length { get; }

    /// <summary>The items, starting on a cache line.</summary>
    public Span<T> Span
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => MemoryMarshal.CreateSpan(ref Unsafe.AddByteOffset(ref Unsafe.NullRef<T>(), _start), Length);
    }
}
