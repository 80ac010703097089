using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using NUnit.Framework;
using SupplySim.Simulation;

namespace SupplySim.Tests.Simulation;

/// <summary>
/// Kernel state starts on a 64-byte cache line whatever the heap did before (no retries, no luck): for every item
/// size the kernel uses, at awkward lengths, after a collection, and with other pinned objects allocated between.
/// </summary>
[TestFixture]
internal sealed class AlignedArrayTests
{
    private static readonly int[] Lengths = [0, 1, 7, 8, 9, 15, 16, 17, 1000, 33_333];

    [Test]
    public void Span_AnyLengthAndItemSize_StartsOnACacheLineAndIsZeroed()
    {
        var held = new List<object>();
        foreach (int length in Lengths)
        {
            // Pinned fillers of odd sizes in between, so the buffers land at every offset the heap can give.
            held.Add(GC.AllocateArray<byte>((length % 61) + 3, pinned: true));
            AssertAlignedAndZeroed(new AlignedArray<Lanes8>(length), length, held);
            AssertAlignedAndZeroed(new AlignedArray<Lanes4>(length), length, held);
            AssertAlignedAndZeroed(new AlignedArray<Lanes2>(length), length, held);
            AssertAlignedAndZeroed(new AlignedArray<Lanes1>(length), length, held);
            AssertAlignedAndZeroed(new AlignedArray<Vector512<double>>(length), length, held);
            AssertAlignedAndZeroed(new AlignedArray<bool>(length), length, held);
            AssertAlignedAndZeroed(new AlignedArray<RngLanes<Lanes8, Vector512<double>>>(length), length, held);
        }

        GC.KeepAlive(held);
    }

    [Test]
    public void Span_AfterFullCollections_StillAlignedAndKeepsItsValues()
    {
        var array = new AlignedArray<Lanes8>(100);
        Lanes.At(array.Span, 99, 7) = 42.0;
        long before = Address(array.Span);
        for (int i = 0; i < 3; i++)
        {
            _ = new byte[1 << 20];
            GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        }

        using (Assert.EnterMultipleScope())
        {
            Assert.That(Address(array.Span), Is.EqualTo(before));
            Assert.That(Address(array.Span) % AlignedArray<Lanes8>.LineBytes, Is.Zero);
            Assert.That(Lanes.At(array.Span, 99, 7), Is.EqualTo(42.0));
        }
    }

    private static void AssertAlignedAndZeroed<T>(AlignedArray<T> array, int length, List<object> held)
        where T : struct
    {
        held.Add(array);
        var span = array.Span;
        var bytes = MemoryMarshal.AsBytes(span);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(span.Length, Is.EqualTo(length), typeof(T).Name);
            Assert.That(bytes.Length, Is.EqualTo(length * Unsafe.SizeOf<T>()), typeof(T).Name);
            if (length > 0)
            {
                Assert.That(Address(span) % AlignedArray<T>.LineBytes, Is.Zero, $"{typeof(T).Name}[{length}]");
            }

            Assert.That(bytes.IndexOfAnyExcept((byte)0), Is.EqualTo(-1), $"{typeof(T).Name}[{length}] is not zeroed");
        }
    }

    private static long Address<T>(Span<T> span)
        where T : struct => (long)Unsafe.ByteOffset(ref Unsafe.NullRef<byte>(), ref Unsafe.As<T, byte>(ref MemoryMarshal.GetReference(span)));
}
