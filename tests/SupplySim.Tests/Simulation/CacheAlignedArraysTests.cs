using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using NUnit.Framework;
using SupplySim.Simulation;
using SupplySim.Tests.Support;

namespace SupplySim.Tests.Simulation;

/// <summary>
/// The batch kernel's state arrays start on a cache line, so no 64-byte item is split across two lines (8–12% of a
/// batch when lost). Only speed depends on it, and the allocator is best effort (in the test host a few arrays in
/// ten thousand miss), so these tests count: they fail when a runtime update or a fragmented heap defeats the
/// allocator, where a plain allocation would be aligned about one time in eight, not when one array is unlucky.
/// Typed arrays are checked with <see cref="Marshal.UnsafeAddrOfPinnedArrayElement{T}"/>, not the allocator's own check.
/// </summary>
[TestFixture]
internal sealed class CacheAlignedArraysTests
{
    private const int Repeats = 20;

    private static bool OnALine<T>(T[] array) => Marshal.UnsafeAddrOfPinnedArrayElement(array, 0) % CacheAlignedArrays.LineBytes == 0;

    private static bool OnALine(Array array)
    {
        var handle = GCHandle.Alloc(array, GCHandleType.Pinned);
        try
        {
            return handle.AddrOfPinnedObject() % CacheAlignedArrays.LineBytes == 0;
        }
        finally
        {
            handle.Free();
        }
    }

    [TestCase(1)]
    [TestCase(7)]
    [TestCase(100)]
    [TestCase(12_001)]
    public void Allocate_VectorArrays_ZeroedOfTheRequestedLengthAndOnACacheLine(int length)
    {
        var arrays = Enumerable.Range(0, Repeats).Select(_ => CacheAlignedArrays.Allocate<Vector512<double>>(length)).ToList();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(arrays, Has.All.Length.EqualTo(length));
            Assert.That(arrays.All(array => array.All(item => item == Vector512<double>.Zero)), Is.True);
            Assert.That(arrays.Count(OnALine), Is.GreaterThanOrEqualTo(Repeats - 2));
        }
    }

    [Test]
    public void Allocate_GeneratorStatesAndScalarBuffers_OnACacheLine()
    {
        using (Assert.EnterMultipleScope())
        {
            Assert.That(Enumerable.Range(0, Repeats).Count(_ => OnALine(CacheAlignedArrays.Allocate<RngBatch>(47))), Is.GreaterThanOrEqualTo(Repeats - 2));
            Assert.That(Enumerable.Range(0, Repeats).Count(_ => OnALine(CacheAlignedArrays.Allocate<long>(8))), Is.GreaterThanOrEqualTo(Repeats - 2));
            Assert.That(Enumerable.Range(0, Repeats).Count(_ => OnALine(CacheAlignedArrays.Allocate<double>(8))), Is.GreaterThanOrEqualTo(Repeats - 2));
        }
    }

    [Test]
    public void Allocate_PinnedHeapFullOfGapsOfTheRequestedSize_StillOnACacheLine()
    {
        // Dead kernels leave gaps of exactly the sizes the next kernel asks for, at assorted offsets.
        int[] sizes = [14, 22, 47, 130, 600, 2_000, 6_000, 12_033];
        var fillers = new List<byte[]>();
        var doomed = new List<Array>();
        for (int i = 0; i < 100; i++)
        {
            foreach (int items in sizes)
            {
                doomed.Add(GC.AllocateArray<Vector512<double>>(items, pinned: true));
                fillers.Add(GC.AllocateArray<byte>(8 * (i % 7), pinned: true));
            }
        }

        doomed.Clear();
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();

        int aligned = sizes.Count(items => OnALine(CacheAlignedArrays.Allocate<Vector512<double>>(items)));
        GC.KeepAlive(fillers);
        Assert.That(aligned, Is.GreaterThanOrEqualTo(sizes.Length - 1));
    }

    [Test]
    public void BatchScratch_ShippedScenario_StateOnCacheLines()
    {
        var arrays = ScratchArrays(misaligned: false);
        Assert.That(arrays.Count(a => OnALine(a.Array)), Is.GreaterThanOrEqualTo(arrays.Count * 9 / 10),
            $"unaligned: {string.Join(", ", arrays.Where(a => !OnALine(a.Array)).Select(a => a.Name))}");
    }

    [Test]
    public void BatchScratch_MisalignedForTests_EveryArrayOffACacheLine()
    {
        var arrays = ScratchArrays(misaligned: true);
        Assert.That(arrays.Where(a => OnALine(a.Array)).Select(a => a.Name), Is.Empty);
    }

    /// <summary>The non-empty array properties of a batch kernel's scratch for the shipped file's last scenario.</summary>
    private static List<(string Name, Array Array)> ScratchArrays(bool misaligned)
    {
        var model = TestModels.CompileFile(Path.Combine(TestModels.RepoRoot(), "scenarios", "critical-minerals.yaml"));
        var scenario = model.Scenarios[^1];
        var layout = new MetricLayout(model.Network, scenario);
        CacheAlignedArrays.MisalignOnThisThread = misaligned;
        BatchScratch scratch;
        try
        {
            scratch = new BatchScratch(model.Network, layout, LicenceQueueLayout.For(model.Network, scenario).CellCount,
                scenario.ControlCount, scenario.Events.Length);
        }
        finally
        {
            CacheAlignedArrays.MisalignOnThisThread = false;
        }

        var arrays = typeof(BatchScratch).GetProperties()
            .Where(p => p.PropertyType.IsArray && p.PropertyType != typeof(bool[]))
            .Select(p => (p.Name, Array: (Array)p.GetValue(scratch)!))
            .Concat(typeof(BatchAccumulators).GetProperties()
                .Where(p => p.PropertyType.IsArray)
                .Select(p => ("Acc." + p.Name, Array: (Array)p.GetValue(scratch.Acc)!)))
            .Where(a => a.Array.Length > 0)
            .ToList();
        Assert.That(arrays, Has.Count.GreaterThan(40), "the scratch's arrays were not found");
        return arrays;
    }
}
