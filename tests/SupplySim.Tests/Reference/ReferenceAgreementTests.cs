using NUnit.Framework;
using SupplySim.Bench;
using SupplySim.Model;
using SupplySim.Simulation;
using SupplySim.Tests.Support;

namespace SupplySim.Tests.Reference;

/// <summary>
/// The optimised <see cref="TrialKernel{T, TMask}"/>, at every width (8, 4, 2 and 1 lanes), and the plain
/// <see cref="ReferenceKernel"/> must write the same metric row for the same trial: every column within a relative
/// 1e-9 (absolute near zero), since the two may sum in a different order; counts and step-valued metrics exactly. Covers small networks that each isolate a feature and
/// every scenario of the shipped <c>critical-minerals.yaml</c>, over several seeds and trials.
/// </summary>
[TestFixture]
internal sealed class ReferenceAgreementTests
{
    private const double Tolerance = 1e-9;
    private const int TrialsPerSeed = 3;

    /// <summary>
    /// The licence rule the agreement tests hold the kernel to: each application decided under its own control
    /// (see <see cref="LicenceAttribution"/> and <see cref="Run_LicenceRegimeChange_PendingApplicationsDecidedUnderTheirOwnControl"/>).
    /// </summary>
    private const LicenceAttribution KernelLicenceAttribution = LicenceAttribution.OwnControl;
    private static readonly ulong[] Seeds = [1, 7, 42, 1234, 20240101];

    /// <summary>Metrics that are whole numbers of steps or days: a difference there is a different trajectory.</summary>
    private static readonly HashSet<Metric> IntegerMetrics =
    [
        Metric.StockoutDays, Metric.MaxDelayDays, Metric.TimeToShortageDays, Metric.TimeToRecoverDays, Metric.QuotaBindingDays,
    ];

    /// <summary>Small networks that each isolate a feature (also used by the width tests).</summary>
    internal static readonly (string Name, string Yaml)[] Networks =
    [
        ("backorder-chain", ReferenceNetworks.BackorderChain),
        ("backorder-chain-weekly", ReferenceNetworks.BackorderChain.Replace("horizon: 240d", "horizon: 245d\nstep: 7d", StringComparison.Ordinal)),
        ("processor", ReferenceNetworks.Processor),
        ("transshipper", ReferenceNetworks.Transshipper),
        ("licensing", ReferenceNetworks.Licensing),
        ("rerouting", ReferenceNetworks.Rerouting),
        ("stockpile-bom", ReferenceNetworks.StockpileAndBillOfMaterials),
        ("markets", ReferenceNetworks.Markets),
        ("smuggling", ReferenceNetworks.Smuggling),
        ("rated", Simulation.RatedOrderTests.Network(rated: true)),
    ];

    private static IEnumerable<TestCaseData> SmallNetworkScenarios()
    {
        foreach (var (name, yaml) in Networks)
        {
            foreach (var scenario in TestModels.Compile(yaml).Scenarios)
            {
                yield return new TestCaseData(name, scenario.Id).SetName($"Run_{name}_{scenario.Id}_AgreesWithReference");
            }
        }
    }

    private static IEnumerable<TestCaseData> ShippedScenarios()
    {
        var model = TestModels.CompileFile(ShippedFile());
        foreach (var scenario in model.Scenarios)
        {
            yield return new TestCaseData(scenario.Id).SetName($"Run_critical-minerals_{scenario.Id}_AgreesWithReference");
        }
    }

    private static string ShippedFile() => Path.Combine(TestModels.RepoRoot(), "scenarios", "critical-minerals.yaml");

    [TestCaseSource(nameof(SmallNetworkScenarios))]
    public void Run_SmallNetwork_EveryColumnAgreesWithReference(string network, string scenarioId)
    {
        var model = TestModels.Compile(Networks.Single(n => n.Name == network).Yaml);
        AssertAgreement(model, scenarioId, network);
    }

    [TestCaseSource(nameof(ShippedScenarios))]
    public void Run_ShippedCriticalMinerals_EveryColumnAgreesWithReference(string scenarioId) =>
        AssertAgreement(TestModels.CompileFile(ShippedFile()), scenarioId, "critical-minerals");

    /// <summary>
    /// Ten regional copies of the shipped network (over 120 days, so only the baseline): at 8 lanes one step's shipments
    /// overflow the kernel's arrival queue (<c>TrialKernel.QueueArrival</c>), which then lands part-way through the step
    /// as well as at its end.
    /// </summary>
    [Test]
    public void Run_TiledNetworkOverflowingTheArrivalQueue_EveryColumnAgreesWithReference() =>
        AssertAgreement(TestModels.Compile(RegionalCopies.Generate(File.ReadAllText(ShippedFile()), 10, 120)), "baseline", "critical-minerals x10");

    /// <summary>
    /// The model decides a licence application under the control it was made under, even when a second control has
    /// taken over the lane while it was pending. TrialKernel once kept one control per arc and decided everything
    /// falling due under the latest; this pins the fix (per-control cells in <c>LicenceQueueLayout</c>).
    /// </summary>
    [Test]
    public void Run_LicenceRegimeChange_PendingApplicationsDecidedUnderTheirOwnControl()
    {
        AssertAgreement(TestModels.Compile(ReferenceNetworks.Licensing), "regime-change", "licensing", LicenceAttribution.OwnControl);
        AssertAgreement(TestModels.CompileFile(ShippedFile()), "us-ban-dec-2024", "critical-minerals", LicenceAttribution.OwnControl);
    }

    /// <summary>The regime-change network must tell the two attributions apart, or it would not catch the difference.</summary>
    [Test]
    public void Reference_LicenceRegimeChange_AttributionChangesTheResult()
    {
        var model = TestModels.Compile(ReferenceNetworks.Licensing);
        var scenario = model.Find("regime-change")!;
        double[] own = ReferenceKernel.Run(model.Network, scenario, 1, 0, LicenceAttribution.OwnControl);
        double[] latest = ReferenceKernel.Run(model.Network, scenario, 1, 0, LicenceAttribution.LatestControlOnArc);
        Assert.That(own, Is.Not.EqualTo(latest));
    }

    /// <summary>Guards against vacuous agreement: each small network really exercises the feature it is there for.</summary>
    [TestCase("backorder-chain", "outages", EntityKind.Consumer, "user", "sb", Metric.MeanDelayDays)]
    [TestCase("backorder-chain-weekly", "demand-surge", EntityKind.Consumer, "user", "sb", Metric.MaxDelayDays)]
    [TestCase("processor", "shock-and-cut", EntityKind.Consumer, "row", "mag", Metric.ShortageT)]
    [TestCase("processor", "shock-and-cut", EntityKind.Consumer, "ev", "mag", Metric.MeanDelayDays)]
    [TestCase("transshipper", "extraterritorial-ban", EntityKind.Lane, "th->us", "*", Metric.SeizedT)]
    [TestCase("transshipper", "plain-ban", EntityKind.Lane, "th->us", "*", Metric.SeizedT)]
    [TestCase("transshipper", "extraterritorial-licence", EntityKind.Control, "cn-licence", "*", Metric.LicenceDeniedT)]
    [TestCase("licensing", "licence", EntityKind.Control, "ga-licence", "*", Metric.LicenceDeniedT)]
    [TestCase("licensing", "licence", EntityKind.Control, "ga-licence", "*", Metric.LicenceApprovedT)]
    [TestCase("licensing", "regime-change", EntityKind.Control, "second-regime", "*", Metric.LicenceDeniedT)]
    [TestCase("rerouting", "ban-and-outages", EntityKind.Lane, "ca->optics", "*", Metric.ShippedT)]
    [TestCase("rerouting", "quotas", EntityKind.Producer, "cn-a", "ge", Metric.QuotaBindingDays)]
    [TestCase("rerouting", "baseline", EntityKind.Producer, "cn-b", "ge", Metric.QuotaBindingDays)]
    [TestCase("stockpile-bom", "ban-with-release", EntityKind.Consumer, "prime", "*", Metric.OutputLostFraction)]
    [TestCase("stockpile-bom", "ban-with-release", EntityKind.Sector, "industrial", "a", Metric.ShortageT)]
    [TestCase("markets", "us-ban", EntityKind.Market, "outside-CN", "sb", Metric.DaysAbove2xStart)]
    [TestCase("markets", "us-ban", EntityKind.Market, "outside-CN", "sb", Metric.DemandForegoneT)]
    [TestCase("markets", "us-ban", EntityKind.Consumer, "us-user", "sb", Metric.ShortageT)]
    [TestCase("markets", "us-ban", EntityKind.Consumer, "us-defense", "sb", Metric.MeanDelayDays)]
    [TestCase("markets", "us-ban", EntityKind.Market, "outside-CN", "sb", Metric.AddedCapacityT)]
    [TestCase("smuggling", "extraterritorial-ban", EntityKind.Market, "outside-CN", "sb", Metric.DaysAbove2xStart)]
    [TestCase("smuggling", "extraterritorial-ban", EntityKind.Lane, "th->us", "*", Metric.SeizedT)]
    public void SmallNetwork_Scenario_ExercisesItsFeature(string network, string scenarioId, EntityKind kind, string entity, string material, Metric metric)
    {
        var model = TestModels.Compile(Networks.Single(n => n.Name == network).Yaml);
        var scenario = model.Find(scenarioId)!;
        var layout = new MetricLayout(model.Network, scenario);
        int column = layout.Columns.ToList().IndexOf(new MetricColumn(kind, entity, material, metric));
        Assert.That(column, Is.GreaterThanOrEqualTo(0), $"no column {kind} {entity}/{material} {metric}");
        double largest = Seeds.SelectMany(seed => Enumerable.Range(0, TrialsPerSeed).Select(trial => KernelRow(model, scenario, layout, seed, trial)[column])).Max();
        Assert.That(largest, Is.GreaterThan(0), $"{network}/{scenarioId}: {Describe(layout.Columns[column])} is never positive");
    }

    /// <summary>
    /// Guards the validity scenarios against vacuous agreement: with a licence validity, more leaves China on the
    /// licensed lanes (telco, eu; radar is denied) than the licences approved, since covered shipments skip the queue
    /// (without validity the two are equal: the licensing starts on the first day).
    /// </summary>
    [TestCase("licence-validity", "ga-licence-valid")]
    [TestCase("regime-change-validity", "first-valid-regime", "second-valid-regime")]
    public void Licensing_ValidityScenario_ShipsMoreThanItApproves(string scenarioId, params string[] controls)
    {
        var model = TestModels.Compile(ReferenceNetworks.Licensing);
        var scenario = model.Find(scenarioId)!;
        var layout = new MetricLayout(model.Network, scenario);
        var columns = layout.Columns.ToList();
        int[] shipped = [.. new[] { "cn->telco", "cn->eu" }.Select(lane => columns.IndexOf(new MetricColumn(EntityKind.Lane, lane, "*", Metric.ShippedT)))];
        int[] approved = [.. controls.Select(control => columns.IndexOf(new MetricColumn(EntityKind.Control, control, "*", Metric.LicenceApprovedT)))];
        Assert.That(shipped.Concat(approved), Is.All.GreaterThanOrEqualTo(0), "missing lane or control columns");
        double[] row = KernelRow(model, scenario, layout, Seeds[0], 0);
        Assert.That(shipped.Sum(c => row[c]), Is.GreaterThan(approved.Sum(c => row[c]) * 1.05));
    }

    private static double[] KernelRow(CompiledModel model, CompiledScenario scenario, MetricLayout layout, ulong seed, long trial)
    {
        var row = new double[layout.Width];
        KernelWidth.CreateKernel(1, model.Network, scenario, layout).Run(seed, trial, row);
        return row;
    }

    private static void AssertAgreement(CompiledModel model, string scenarioId, string network,
        LicenceAttribution attribution = KernelLicenceAttribution)
    {
        var scenario = model.Find(scenarioId)!;
        var layout = new MetricLayout(model.Network, scenario);
        var kernels = KernelWidth.All.Select(lanes => KernelWidth.CreateKernel(lanes, model.Network, scenario, layout)).ToArray();
        int width = layout.Width;
        var rows = new double[KernelWidth.Max * width];
        var disagreements = new List<string>();
        foreach (ulong seed in Seeds)
        {
            double[][] referenceRows = [.. Enumerable.Range(0, TrialsPerSeed).Select(trial => ReferenceKernel.Run(model.Network, scenario, seed, trial, attribution))];
            foreach (var kernel in kernels)
            {
                // Blocks of the kernel's width from trial 0 until the trials compared are covered.
                for (int first = 0; first < TrialsPerSeed; first += kernel.Width)
                {
                    kernel.Run(seed, first, rows.AsSpan(first * width));
                }

                for (int trial = 0; trial < TrialsPerSeed; trial++)
                {
                    var kernelRow = rows.AsSpan(trial * width, width);
                    for (int c = 0; c < width; c++)
                    {
                        if (!Agree(layout.Columns[c].Metric, kernelRow[c], referenceRows[trial][c]))
                        {
                            disagreements.Add($"{network}/{scenarioId} seed {seed} trial {trial}, {kernel.Width} lanes: {Describe(layout.Columns[c])} " +
                                              $"kernel {kernelRow[c]:R} reference {referenceRows[trial][c]:R}");
                        }
                    }
                }
            }
        }

        Assert.That(disagreements, Is.Empty, $"{disagreements.Count} disagreeing cells; first: {disagreements.FirstOrDefault()}");
    }

    private static bool Agree(Metric metric, double kernel, double reference)
    {
        if (IntegerMetrics.Contains(metric))
        {
            return kernel.Equals(reference);
        }

        double difference = Math.Abs(kernel - reference);
        return difference <= Tolerance || difference <= Tolerance * Math.Max(Math.Abs(kernel), Math.Abs(reference));
    }

    private static string Describe(MetricColumn column) =>
        $"{column.Kind} {column.Entity}/{column.Material} {MetricNames.Of(column.Metric)}";
}
