using System.Runtime.Intrinsics;
using NUnit.Framework;
using SupplySim.Simulation;
using SupplySim.Tests.Support;

namespace SupplySim.Tests.Simulation;

/// <summary>
/// The batch kernel's state arrays start on a cache line, so no 64-byte item is split across two lines (~9% of a
/// batch when lost). The allocator relies on the pinned object heap placing allocations back to back; if a runtime
/// update changes that, these tests say so instead of the kernel silently slowing down.
/// </summary>
public class CacheAlignedArraysTests
{
    [TestCase(1)]
    [TestCase(7)]
    [TestCase(100)]
    [TestCase(12_001)]
    public void Vector_arrays_are_zeroed_of_the_requested_length_and_start_on_a_cache_line(int length)
    {
        var array = CacheAlignedArrays.Allocate<Vector512<double>>(length);

        Assert.That(array, Has.Length.EqualTo(length));
        Assert.That(array.All(item => item == Vector512<double>.Zero), Is.True);
        Assert.That(CacheAlignedArrays.IsAligned(array), Is.True);
    }

    [Test]
    public void Generator_states_and_small_scalar_buffers_start_on_a_cache_line()
    {
        Assert.That(CacheAlignedArrays.IsAligned(CacheAlignedArrays.Allocate<RngBatch>(47)), Is.True);
        Assert.That(CacheAlignedArrays.IsAligned(CacheAlignedArrays.Allocate<long>(8)), Is.True);
        Assert.That(CacheAlignedArrays.IsAligned(CacheAlignedArrays.Allocate<double>(8)), Is.True);
    }

    [Test]
    public void A_batch_kernels_state_starts_on_cache_lines()
    {
        var model = TestModels.CompileFile(Path.Combine(TestModels.RepoRoot(), "scenarios", "critical-minerals.yaml"));
        var scenario = model.Scenarios[^1];
        var layout = new MetricLayout(model.Network, scenario);
        var scratch = new BatchScratch(model.Network, layout, LicenceQueueLayout.For(model.Network, scenario).CellCount,
            scenario.ControlCount, scenario.Events.Length);

        Assert.Multiple(() =>
        {
            Assert.That(CacheAlignedArrays.IsAligned(scratch.Stock), Is.True, "stock");
            Assert.That(CacheAlignedArrays.IsAligned(scratch.Pipe), Is.True, "pipeline");
            Assert.That(CacheAlignedArrays.IsAligned(scratch.Licence), Is.True, "licence queue");
            Assert.That(CacheAlignedArrays.IsAligned(scratch.LeadRng), Is.True, "lead-time generators");
        });
    }
}
