using System.Runtime.Intrinsics;
using NUnit.Framework;
using SupplySim.Simulation;
using SupplySim.Tests.Support;

namespace SupplySim.Tests.Simulation;

/// <summary>
/// The batch kernel's state arrays start on a cache line, so no 64-byte item is split across two lines (~7–9% of a
/// batch when lost). Only speed depends on it; these tests say so if a runtime update or a fragmented heap defeats
/// the allocator, instead of the kernel silently slowing down.
/// </summary>
[TestFixture]
internal sealed class CacheAlignedArraysTests
{
    [TestCase(1)]
    [TestCase(7)]
    [TestCase(100)]
    [TestCase(12_001)]
    public void Allocate_VectorArray_ZeroedOfTheRequestedLengthOnACacheLine(int length)
    {
        var array = CacheAlignedArrays.Allocate<Vector512<double>>(length);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(array, Has.Length.EqualTo(length));
            Assert.That(array.All(item => item == Vector512<double>.Zero), Is.True);
            Assert.That(CacheAlignedArrays.IsAligned(array), Is.True);
        }
    }

    [Test]
    public void Allocate_GeneratorStatesAndScalarBuffers_OnACacheLine()
    {
        using (Assert.EnterMultipleScope())
        {
            Assert.That(CacheAlignedArrays.IsAligned(CacheAlignedArrays.Allocate<RngBatch>(47)), Is.True);
            Assert.That(CacheAlignedArrays.IsAligned(CacheAlignedArrays.Allocate<long>(8)), Is.True);
            Assert.That(CacheAlignedArrays.IsAligned(CacheAlignedArrays.Allocate<double>(8)), Is.True);
        }
    }

    [Test]
    public void Allocate_PinnedHeapFullOfGapsOfTheSameSize_StillOnACacheLine()
    {
        // Leave gaps of exactly the requested size at assorted offsets, as dead kernels do. An allocator that drops
        // its misses lands in the same gap on every attempt; holding them walks past the gaps.
        const int Items = 22;
        var fillers = new List<byte[]>();
        var doomed = new List<Vector512<double>[]>();
        for (int i = 0; i < 200; i++)
        {
            doomed.Add(GC.AllocateArray<Vector512<double>>(Items, pinned: true));
            fillers.Add(GC.AllocateArray<byte>(8 * (i % 7), pinned: true));
        }

        doomed.Clear();
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();

        var array = CacheAlignedArrays.Allocate<Vector512<double>>(Items);
        GC.KeepAlive(fillers);
        Assert.That(CacheAlignedArrays.IsAligned(array), Is.True);
    }

    [Test]
    public void BatchScratch_ShippedScenario_StateOnCacheLines()
    {
        var model = TestModels.CompileFile(Path.Combine(TestModels.RepoRoot(), "scenarios", "critical-minerals.yaml"));
        var scenario = model.Scenarios[^1];
        var layout = new MetricLayout(model.Network, scenario);
        var scratch = new BatchScratch(model.Network, layout, LicenceQueueLayout.For(model.Network, scenario).CellCount,
            scenario.ControlCount, scenario.Events.Length);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(CacheAlignedArrays.IsAligned(scratch.Stock), Is.True, "stock");
            Assert.That(CacheAlignedArrays.IsAligned(scratch.Pipe), Is.True, "pipeline");
            Assert.That(CacheAlignedArrays.IsAligned(scratch.Licence), Is.True, "licence queue");
            Assert.That(CacheAlignedArrays.IsAligned(scratch.Outstanding), Is.True, "orders outstanding");
            Assert.That(CacheAlignedArrays.IsAligned(scratch.LeadRng), Is.True, "lead-time generators");
            Assert.That(CacheAlignedArrays.IsAligned(scratch.Acc.Shortage), Is.True, "accumulators");
        }
    }
}
