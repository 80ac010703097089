using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace SupplySim.Simulation;

/// <summary>
/// Arrays for the batch kernel's state whose first element starts on a 64-byte (cache-line) boundary, as far as the
/// runtime allows; only speed depends on it, never results.
/// <para>
/// Why: an array's data starts 16 bytes past its object, which is only 8-byte aligned, so in a plain
/// <c>new Vector512&lt;double&gt;[n]</c> most 64-byte items straddle two cache lines and every load and store of one is
/// split in two. The kernel is a long run of such loads and stores: aligned, a batch runs 8–12% faster (A/B runs,
/// bench/README, seventh session; the sixth measured 7–9%). Views at an aligned offset into a larger buffer were slower than
/// the split (the JIT copies a wrapper struct through the stack at each access), so the arrays themselves are placed.
/// </para>
/// <para>
/// How: .NET has no aligned allocation, but the pinned object heap never moves an object and appends to its end
/// back to back. So the array is allocated; if it missed the line, its own address says where the heap put an object
/// of this size, a filler of about the array's size is allocated that would put the next object right after it on a
/// line, and the array again, up to 64 times (fewer for large arrays). Misses and fillers are held until the end, so a
/// collection between attempts cannot hand the same gap back, and one thread allocates at a time, since workers build
/// their kernels together and interleaved attempts misplace each other. The sixth session's version asked a separate
/// empty probe array where the next object would go; on a fragmented heap the probe fits into small gaps far from
/// where the array lands, and in the test host (thousands of kernels built on several threads) 10.4% of ~26,600
/// arrays came out unaligned. This version: 8 of ~27,200 (0.03%); in a `supplysim run` of the shipped file none of
/// ~1,040; 2.4 attempts per array on average in both.
/// </para>
/// </summary>
internal static class CacheAlignedArrays
{
    public const int LineBytes = 64;

    /// <summary>Bytes from an array's first element back to the start of its slot (header word, type, length).</summary>
    private const int SlotToData = 24;

    /// <summary>Attempts for one array at most (small arrays; larger ones are bounded by <see cref="MaxMissBytes"/>).</summary>
    private const int MaxAttempts = 64;

    /// <summary>
    /// Bounds the attempts for large arrays: each held attempt is a miss and a filler of about the array's size, so up
    /// to twice this is held for an array; arrays above 8 MiB get one attempt.
    /// </summary>
    private const long MaxMissBytes = 16L << 20;

    private static readonly Lock Gate = new();

    /// <summary>
    /// Tests: allocations on this thread deliberately start off a cache line, to check that results never depend on
    /// alignment (almost every kernel in the tests gets aligned state otherwise).
    /// </summary>
    [ThreadStatic]
    internal static bool MisalignOnThisThread;

    /// <summary>A zeroed, pinned array of <paramref name="length"/> items, cache-line aligned unless every attempt missed.</summary>
    public static T[] Allocate<T>(int length)
        where T : unmanaged
    {
        lock (Gate)
        {
            return MisalignOnThisThread ? AllocateMisaligned<T>(length) : AllocateAligned<T>(length);
        }
    }

    private static T[] AllocateAligned<T>(int length)
        where T : unmanaged
    {
        var array = GC.AllocateArray<T>(length, pinned: true);
        if (length == 0 || IsAligned(array))
        {
            return array;
        }

        long bytes = (long)length * Unsafe.SizeOf<T>();
        int attempts = (int)Math.Min(MaxMissBytes / bytes, MaxAttempts);
        if (attempts < 2)
        {
            // Far larger than the caches: a split line matters less than the memory another attempt would hold.
            return array;
        }

        var held = new List<Array>(2 * attempts);
        for (int attempt = 1; attempt < attempts; attempt++)
        {
            held.Add(array);
            held.Add(GC.AllocateArray<byte>(FillerLength(array, bytes), pinned: true));
            array = GC.AllocateArray<T>(length, pinned: true);
            if (IsAligned(array))
            {
                break;
            }
        }

        GC.KeepAlive(held);
        return array;
    }

    private static T[] AllocateMisaligned<T>(int length)
        where T : unmanaged
    {
        var array = GC.AllocateArray<T>(length, pinned: true);
        var held = new List<Array>();
        while (length > 0 && IsAligned(array))
        {
            held.Add(array);
            held.Add(GC.AllocateArray<byte>(8, pinned: true));
            array = GC.AllocateArray<T>(length, pinned: true);
        }

        GC.KeepAlive(held);
        return array;
    }

    /// <summary>Whether the first element of <paramref name="array"/> sits on a cache-line boundary.</summary>
    public static bool IsAligned<T>(T[] array)
        where T : unmanaged => AddressOfData(array) % LineBytes == 0;

    /// <summary>
    /// Length of a byte array that, placed right after <paramref name="miss"/>, makes the next object's data start on
    /// a line: slots are 8-byte multiples, a byte array's slot is 24 bytes plus its length rounded up to 8. The filler
    /// is about as large as the array, so the heap puts it where it put the array (the end, or a gap that size): a
    /// small one drops into any small gap and moves nothing, and the next attempt lands right after the miss, one slot
    /// further along (24 bytes mod 64), and the 770 KB pipeline took 8–9 attempts on average.
    /// </summary>
    private static int FillerLength<T>(T[] miss, long bytes)
        where T : unmanaged
    {
        long end = AddressOfData(miss) + ((bytes + 7) & ~7L);
        long nextData = end + SlotToData + SlotToData;
        int shift = (int)((LineBytes - (nextData % LineBytes)) % LineBytes);
        return shift + (int)((bytes + LineBytes - 1) / LineBytes * LineBytes);
    }

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
