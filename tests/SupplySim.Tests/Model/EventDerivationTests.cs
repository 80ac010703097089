using NUnit.Framework;
using SupplySim.Model;

namespace SupplySim.Tests.Model;

/// <summary>
/// The kernel re-derives event-driven state (capacities, quotas, leak, multipliers) only on the steps
/// <see cref="EventDerivation"/> marks, so a missing mark would leave yesterday's state in force: an event would
/// start or end a day late, or an outage or a ramp would freeze. The reference-kernel agreement tests check the
/// effect on whole runs; these pin which steps are marked.
/// </summary>
public class EventDerivationTests
{
    private static int[] Marked(int steps, params CompiledEvent[] events) =>
        [.. EventDerivation.Steps(events, steps).Select((derive, step) => (derive, step)).Where(x => x.derive).Select(x => x.step)];

    [Test]
    public void Without_events_only_the_first_step_derives()
    {
        Assert.That(Marked(30), Is.EqualTo(new[] { 0 }));
    }

    [Test]
    public void A_static_event_derives_where_it_starts_and_the_step_after_it_ends()
    {
        var quota = new CompiledEvent { Kind = EventKind.Quota, StartStep = 10, EndStep = 20 };
        var shock = new CompiledEvent { Kind = EventKind.DemandShock, StartStep = 15, EndStep = 40 };

        Assert.That(Marked(30, quota, shock), Is.EqualTo(new[] { 0, 10, 15, 20 }));
    }

    [Test]
    public void An_outage_derives_every_step_it_is_active_because_it_draws_each_day()
    {
        var outage = new CompiledEvent { Kind = EventKind.Disruption, StartStep = 5, EndStep = 9 };

        Assert.That(Marked(12, outage), Is.EqualTo(new[] { 0, 5, 6, 7, 8, 9 }));
    }

    [Test]
    public void A_ramping_capacity_change_derives_until_the_ramp_is_complete()
    {
        // Progress on step s is min(1, (s - 4 + 1) / 3): 1/3, 2/3, 1 on steps 4, 5, 6, then constant.
        var ramp = new CompiledEvent { Kind = EventKind.CapacityChange, StartStep = 4, EndStep = 12, RampSteps = 3 };
        var step = new CompiledEvent { Kind = EventKind.CapacityChange, StartStep = 2, EndStep = 12 };

        Assert.That(Marked(20, ramp, step), Is.EqualTo(new[] { 0, 2, 4, 5, 6, 12 }));
    }
}
