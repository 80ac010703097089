using System.Runtime.InteropServices;

namespace SupplySim.Simulation;

/// <summary>
/// Arrays for the batch kernel's state whose first element starts on a 64-byte (cache-line) boundary.
/// <para>
/// Why: an array's data starts 16 bytes past its object, which is only 8-byte aligned, so in a plain
/// <c>new Vector512&lt;double&gt;[n]</c> nearly every 64-byte item straddles two cache lines and each load and store
/// of it is split in two. The kernel is a long run of such read-modify-writes; with its state aligned a
/// <c>combined</c> batch ran ~9% faster (bench/README, sixth session). A wrapper type holding an aligned offset into
/// a byte buffer was tried instead and was far slower: the JIT copies such a wrapper through the stack at every
/// access, while a plain array is one load and one bounds check.
/// </para>
/// <para>
/// How: .NET has no aligned array allocation, but the pinned object heap places consecutive allocations back to back
/// and never moves them. So: allocate an empty probe array to learn where the next object will start, a filler that
/// pushes it to the right offset, then the array, and check the result. If another thread allocated in between (or
/// the heap moved on to a new region) the check fails and it tries again; after a few misses it returns the last,
/// unaligned array. Only speed depends on the alignment, never results.
/// </para>
/// </summary>
internal static class CacheAlignedArrays
{
    public const int LineBytes = 64;

    private const int Attempts = 8;

    /// <summary>Bytes from an array object's start to its first element (object header, method table, length).</summary>
    private const int DataOffset = 16;

    /// <summary>Size of an empty byte array object, the smallest filler.</summary>
    private const int EmptyArrayBytes = 24;

    /// <summary>A zeroed, pinned array of <paramref name="length"/> items, cache-line aligned when the runtime allows.</summary>
    public static T[] Allocate<T>(int length)
        where T : unmanaged
    {
        T[] array = [];
        for (int attempt = 0; attempt < Attempts; attempt++)
        {
            // The probe's data address tells where the next object starts: right after the probe.
            var probe = GC.AllocateArray<byte>(0, pinned: true);
            long nextObject = AddressOfData(probe) - DataOffset + EmptyArrayBytes;
            int filler = (int)((LineBytes - ((nextObject + EmptyArrayBytes + DataOffset) % LineBytes)) % LineBytes);
            _ = GC.AllocateArray<byte>(filler, pinned: true);
            array = GC.AllocateArray<T>(length, pinned: true);
            if (IsAligned(array))
            {
                return array;
            }
        }

        return array;
    }

    /// <summary>Whether the first element of <paramref name="array"/> sits on a cache-line boundary.</summary>
    public static bool IsAligned<T>(T[] array)
        where T : unmanaged => AddressOfData(array) % LineBytes == 0;

    private static long AddressOfData<T>(T[] array)
        where T : unmanaged
    {
        var handle = GCHandle.Alloc(array, GCHandleType.Pinned);
        try
        {
            return handle.AddrOfPinnedObject();
        }
        finally
        {
            handle.Free();
        }
    }
}
