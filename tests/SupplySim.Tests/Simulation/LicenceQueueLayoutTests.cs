using NUnit.Framework;
using SupplySim.Simulation;
using SupplySim.Tests.Support;

namespace SupplySim.Tests.Simulation;

/// <summary>
/// The licence queue keeps one cell per (arc, licensing control that can gate it): each control once, never a ban,
/// and exactly the controls the gate table names for the arc. A control listed twice would multiply the queue's
/// size and the kernel's per-step scan (it once made licensing scenarios seven times slower).
/// </summary>
public class LicenceQueueLayoutTests
{
    [Test]
    public void Every_arc_lists_each_licensing_control_that_gates_it_exactly_once()
    {
        var model = TestModels.CompileFile(Path.Combine(TestModels.RepoRoot(), "scenarios", "critical-minerals.yaml"));
        var network = model.Network;
        int arcs = network.ArcCount, o = network.OriginCount;
        foreach (var scenario in model.Scenarios)
        {
            var layout = LicenceQueueLayout.For(network, scenario);
            for (int a = 0; a < arcs; a++)
            {
                var listed = layout.Controls[layout.ControlStart[a]..layout.ControlStart[a + 1]];
                var gating = scenario.Gate?.Cells is not { } gate ? [] : Enumerable.Range(0, gate.Length / o)
                    .Where(i => i % arcs == a)
                    .SelectMany(i => gate[(i * o)..((i + 1) * o)])
                    .Where(k => k >= 0 && !scenario.ControlIsBan[k])
                    .Distinct().Order().ToArray();
                Assert.That(listed, Is.EqualTo(gating), $"{scenario.Id}, arc {a}");
                Assert.That(layout.Base[a + 1] - layout.Base[a], Is.EqualTo(layout.Ring * gating.Length), $"{scenario.Id}, arc {a}");
            }
        }
    }
}
