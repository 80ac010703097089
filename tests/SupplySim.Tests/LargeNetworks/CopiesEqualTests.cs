using NUnit.Framework;
using SupplySim.Bench;
using SupplySim.Simulation;
using SupplySim.Tests.Support;

namespace SupplySim.Tests.LargeNetworks;

/// <summary>
/// Where nothing is drawn at random, the copies of a tiled network are the small network k times: each copy's
/// consumers get exactly the small network's results. Copies draw their own random streams, so this holds only for a
/// deterministic network; it checks that nothing in the kernel's large-network machinery (arrival chunks of 64 arcs,
/// ring-length classes, holdings far apart) lets one copy touch another's state.
/// </summary>
[TestFixture]
internal sealed class CopiesEqualTests
{
    /// <summary>A producer short of its buyers' demand, a second farther one, two consumers; fixed values only.</summary>
    private const string Deterministic = """
        name: deterministic
        start: 2024-01-01
        horizon: 200d
        materials:
          - id: sb
        nodes:
          - id: mine
            kind: producer
            country: CN
            material: sb
            capacity: 14 t/d
            policy: order_up_to
            days_of_cover: 20d
            initial_inventory: {sb: 200 t}
          - id: far-mine
            kind: producer
            country: AU
            material: sb
            capacity: 3 t/d
            policy: order_up_to
            days_of_cover: 20d
            initial_inventory: {sb: 50 t}
          - id: user
            kind: consumer
            country: US
            sector: defense
            demand: {sb: 10 t/d}
            demand_cv: 0
            days_of_cover: 10d
            initial_inventory: {sb: 100 t}
          - id: plant
            kind: consumer
            country: JP
            sector: industrial
            demand: {sb: 6 t/d}
            demand_cv: 0
            days_of_cover: 15d
            initial_inventory: {sb: 60 t}
        lanes:
          - from: mine
            to: user
            lead_time: 5d
          - from: mine
            to: plant
            lead_time: 9d
          - from: far-mine
            to: user
            lead_time: 23d
        scenarios:
          - id: ban
            events:
              - type: export_control
                start: 2024-03-01
                exporter: CN
                materials: [sb]
                destinations: [US]
                mode: ban
        """;

    [Test]
    public void Run_SeventyCopiesOfADeterministicNetwork_EveryCopysConsumersEqualTheSmallNetworks()
    {
        const int Copies = 70; // 210 lanes: several 64-arc arrival chunks, copies straddling them
        var small = TestModels.Compile(Deterministic);
        var tiled = TestModels.Compile(RegionalCopies.Generate(Deterministic, Copies));
        Assert.That(tiled.Network.LaneCount, Is.EqualTo(Copies * small.Network.LaneCount));
        var options = new MonteCarloOptions(8, 5, 1);
        foreach (var scenario in small.Scenarios)
        {
            var one = MonteCarlo.Run(small, scenario, options);
            var all = MonteCarlo.Run(tiled, tiled.Find(scenario.Id)!, options);
            var columns = all.Layout.Columns.Select((column, index) => (column, index)).ToDictionary(c => c.column, c => c.index);
            int compared = 0;
            for (int c = 0; c < one.Layout.Width; c++)
            {
                var column = one.Layout.Columns[c];
                if (column.Kind != EntityKind.Consumer)
                {
                    continue;
                }

                for (int copy = 1; copy <= Copies; copy++)
                {
                    var copied = column with { Entity = copy == 1 ? column.Entity : $"{column.Entity}-r{copy}" };
                    Assert.That(all.Column(columns[copied]).ToArray(), Is.EqualTo(one.Column(c).ToArray()), $"{scenario.Id}: {copied}");
                    compared++;
                }
            }

            Assert.That(compared, Is.GreaterThan(Copies), "consumer columns were compared");
            Assert.That(one.Column(one.Layout.Columns.ToList().FindIndex(c => c.Kind == EntityKind.Consumer && c.Metric == Metric.ShortageT)).ToArray(),
                Has.Some.GreaterThan(0), $"{scenario.Id}: the test needs shortages, not a network where everything is met");
        }
    }
}
