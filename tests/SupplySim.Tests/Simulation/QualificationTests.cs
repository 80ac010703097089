using System.Globalization;
using NUnit.Framework;
using SupplySim.Simulation;
using SupplySim.Tests.Support;

namespace SupplySim.Tests.Simulation;

/// <summary>Supplier qualification: a buyer cannot reroute to a supplier it has not qualified until the qualification ends.</summary>
[TestFixture]
internal sealed class QualificationTests
{
    /// <summary>
    /// A lost-sales buyer of 10 t/d with no stock orders from China (qualified) and from Australia (qualification
    /// <paramref name="qualification"/>, a YAML line or nothing); China is banned on day 0. Lead times are one day and every supplier holds plenty.
    /// </summary>
    private static string Network(string qualification) => $$"""
        name: qualification
        start: 2024-01-01
        horizon: 200d
        materials:
          - id: sb
        nodes:
          - id: cn
            kind: producer
            country: CN
            material: sb
            capacity: 100 t/d
            policy: order_up_to
            days_of_cover: 30d
            initial_inventory: {sb: 3000 t}
          - id: au
            kind: producer
            country: AU
            material: sb
            capacity: 100 t/d
            policy: order_up_to
            days_of_cover: 30d
            initial_inventory: {sb: 3000 t}
          - id: user
            kind: consumer
            country: US
            sector: defense
            demand: {sb: 10 t/d}
            demand_cv: 0
            unmet: lost_sales
            days_of_cover: 0d
            initial_inventory: {sb: 0 t}
        lanes:
          - from: cn
            to: user
            lead_time: 1d
            share: 0.8
          - from: au
            to: user
            lead_time: 1d
            share: 0.2
            {{qualification}}
        scenarios:
          - id: ban
            events:
              - type: export_control
                start: 2024-01-01
                exporter: CN
                materials: [sb]
                destinations: [US]
                mode: ban
        """;

    private static double Shortage(string qualification, string scenario = "ban") =>
        TestModels.Values(TestModels.Run(TestModels.Compile(Network(qualification)), scenario, trials: 2, seed: 1),
            EntityKind.Consumer, "user", "sb", Metric.ShortageT).Average();

    [TestCase(30)]
    [TestCase(75)]
    public void Run_BanOnTheQualifiedSupplier_RerouteDelayedByExactlyTheQualificationTime(int days)
    {
        // Every day the reroute waits is a day of 10 t lost; nothing else differs between the runs.
        double immediate = Shortage("qualification: 0d");
        double delayed = Shortage($"qualification: {days.ToString(CultureInfo.InvariantCulture)}d");
        Assert.That(delayed - immediate, Is.EqualTo(days * 10.0).Within(1e-6));
    }

    [Test]
    public void Run_QualificationZeroDays_SameAsAQualifiedLane() =>
        Assert.That(Shortage("qualification: 0d"), Is.EqualTo(Shortage("")).Within(1e-9));

    [Test]
    public void Run_QualifiedLaneNeverCloses_UnqualifiedSupplierNeverUsed()
    {
        var result = TestModels.Run(TestModels.Compile(Network("qualification: 10d")), "baseline", trials: 2, seed: 1);
        Assert.That(TestModels.Values(result, EntityKind.Lane, "au->user", "*", Metric.ShippedT), Is.All.EqualTo(0));
    }
}
