using NUnit.Framework;
using SupplySim.Simulation;
using SupplySim.Tests.Support;

namespace SupplySim.Tests.Simulation;

/// <summary>
/// Licence <c>validity</c> on a deterministic push chain: the CN producer makes and pushes exactly 10 t a day to one
/// US consumer under a licence with fixed processing P = 20 d and approval 1, so each day's shipment either applies
/// (10 t into the queue, shipped P days later) or ships at once under a licence the lane holds.
/// </summary>
[TestFixture]
internal sealed class LicenceValidityTests
{
    private const int Horizon = 365;
    private const int ProcessingDays = 20;
    private const double Daily = 10;

    private const string PushChain = """
        name: push chain
        start: 2024-01-01
        horizon: 365d
        materials:
          - id: sb
        nodes:
          - id: mine
            kind: producer
            country: CN
            material: sb
            capacity: 10 t/d
          - id: user
            kind: consumer
            country: US
            sector: industry
            demand: {sb: 10 t/d}
            demand_cv: 0
            days_of_cover: 10d
            initial_inventory: {sb: 1000 t}
        lanes:
          - from: mine
            to: user
            lead_time: 5d
        scenarios:
          - id: licence
            events:
              - type: export_control
                start: 2024-01-01
                exporter: CN
                materials: [sb]
                destinations: [US]
                mode: license
                processing_time: 20d
                approval_probability: 1
        """;

    [Test]
    public void Run_LicenceWithoutValidity_EveryShipmentApplies()
    {
        var (applied, approved, denied, shipped) = Licences(PushChain);

        // Every day's 10 t applies; those applied on days 0..H-1-P are approved inside the run and ship then.
        using (Assert.EnterMultipleScope())
        {
            Assert.That(applied, Is.EqualTo(Horizon * Daily).Within(1e-9));
            Assert.That(approved, Is.EqualTo((Horizon - ProcessingDays) * Daily).Within(1e-9));
            Assert.That(denied, Is.Zero);
            Assert.That(shipped, Is.EqualTo(approved).Within(1e-9));
        }
    }

    [TestCase(0, TestName = "Run_LicenceValidity_MatchesReference(V 0d: as without validity)")]
    [TestCase(1, TestName = "Run_LicenceValidity_MatchesReference(V 1d)")]
    [TestCase(7, TestName = "Run_LicenceValidity_MatchesReference(V 7d)")]
    [TestCase(30, TestName = "Run_LicenceValidity_MatchesReference(V 30d)")]
    [TestCase(60, TestName = "Run_LicenceValidity_MatchesReference(V 60d)")]
    [TestCase(365, TestName = "Run_LicenceValidity_MatchesReference(V 365d: only the first P days apply)")]
    public void Run_LicenceValidity_MatchesReference(int validityDays)
    {
        var (applied, approved, denied, shipped) = Licences(WithValidity($"{validityDays}d"));
        var (expectedApplied, expectedApproved, expectedShipped) = Reference(validityDays);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(applied, Is.EqualTo(expectedApplied).Within(1e-9));
            Assert.That(approved, Is.EqualTo(expectedApproved).Within(1e-9));
            Assert.That(denied, Is.Zero);
            Assert.That(shipped, Is.EqualTo(expectedShipped).Within(1e-9));
        }
    }

    [Test]
    public void Run_LicenceValidity60d_AppliesOnlyInFourWindowsOfP()
    {
        // First approval on day P = 20 starts the licence; the approvals of days 0..19's applications (days 20..39)
        // extend it to day 39 + 60 = 99, when the next shipment applies again: windows start on 0, 99, 198, 297.
        var (applied, _, _, shipped) = Licences(WithValidity("60d"));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(applied, Is.EqualTo(4 * ProcessingDays * Daily).Within(1e-9));
            Assert.That(shipped, Is.EqualTo(Horizon * Daily).Within(1e-9));
        }
    }

    [Test]
    public void Run_LicenceValidityForDeniedSector_ShipsNothing()
    {
        var (applied, approved, _, shipped) = Licences(WithValidity("365d") + "\n        deny_sectors: [industry]");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(applied, Is.Zero);
            Assert.That(approved, Is.Zero);
            Assert.That(shipped, Is.Zero);
        }
    }

    [Test]
    public void Run_UncertainLicenceValidity_IsDeterministicAndBetweenTheExtremes()
    {
        string yaml = WithValidity("{dist: uniform, min: 0d, max: 365d}").Replace("approval_probability: 1", "approval_probability: 0.7", StringComparison.Ordinal);
        var model = TestModels.Compile(yaml);
        var first = TestModels.Run(model, "licence", trials: 16, seed: 9, threads: 1);
        var second = TestModels.Run(model, "licence", trials: 16, seed: 9, threads: 4);
        string control = first.Scenario.ControlNames[0];
        var applied = TestModels.Values(first, EntityKind.Control, control, "*", Metric.LicenceAppliedT);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(TestModels.Values(second, EntityKind.Control, control, "*", Metric.LicenceAppliedT), Is.EqualTo(applied));
            Assert.That(applied, Is.All.InRange(ProcessingDays * Daily, Horizon * Daily));
        }
    }

    private static string WithValidity(string validity) =>
        PushChain.Replace("approval_probability: 1", $"approval_probability: 1\n        validity: {validity}", StringComparison.Ordinal);

    private static (double Applied, double Approved, double Denied, double Shipped) Licences(string yaml)
    {
        var model = TestModels.Compile(yaml);
        var result = TestModels.Run(model, "licence", trials: 2, seed: 1);
        string control = result.Scenario.ControlNames[0];
        return (TestModels.Values(result, EntityKind.Control, control, "*", Metric.LicenceAppliedT)[0],
                TestModels.Values(result, EntityKind.Control, control, "*", Metric.LicenceApprovedT)[0],
                TestModels.Values(result, EntityKind.Control, control, "*", Metric.LicenceDeniedT)[0],
                TestModels.Values(result, EntityKind.Lane, "mine->user", "*", Metric.ShippedT)[0]);
    }

    /// <summary>
    /// The documented semantics, day by day: an application of day s is approved on day s + P and extends the lane's
    /// licence to at least s + P + V; a day before that end ships at once, any other day applies.
    /// </summary>
    private static (double Applied, double Approved, double Shipped) Reference(int validityDays)
    {
        int until = 0;
        double applied = 0, approved = 0, shipped = 0;
        var appliedOn = new bool[Horizon];
        for (int day = 0; day < Horizon; day++)
        {
            if (day >= ProcessingDays && appliedOn[day - ProcessingDays])
            {
                approved += Daily;
                shipped += Daily;
                until = Math.Max(until, day + validityDays);
            }

            if (day < until)
            {
                shipped += Daily;
            }
            else
            {
                applied += Daily;
                appliedOn[day] = true;
            }
        }

        return (applied, approved, shipped);
    }
}
