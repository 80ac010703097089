using NUnit.Framework;
using SupplySim.Simulation;
using SupplySim.Tests.Support;

namespace SupplySim.Tests.Simulation;

/// <summary>Annual quotas: a country's is shared by the capacities a trial drew; a run's first year is pro-rated.</summary>
[TestFixture]
internal sealed class QuotaTests
{
    /// <summary>
    /// Two Chinese mines that make at capacity, one of 50 or 350 t/yr (even odds), one of 200 t/yr, under a Chinese
    /// quota of 300 t/yr for the whole run (one calendar year); demand far above supply.
    /// </summary>
    private const string CountryYaml = """
        name: country quota
        start: 2025-01-01
        horizon: 365d
        seed: 7
        materials:
          - id: metal
        nodes:
          - id: mine-a
            kind: producer
            country: CN
            material: metal
            capacity: {dist: discrete, values: [50, 350], weights: [1, 1], unit: t/yr}
          - id: mine-b
            kind: producer
            country: CN
            material: metal
            capacity: 200 t/yr
          - id: factory
            kind: consumer
            country: US
            sector: industry
            demand: {metal: 2000 t/yr}
            initial_inventory: 30d
        lanes:
          - {from: mine-a, to: factory, lead_time: 5d}
          - {from: mine-b, to: factory, lead_time: 5d}
        scenarios:
          - id: country-quota
            events:
              - {type: quota, start: 2025-01-01, country: CN, materials: [metal], annual: 300 t/yr}
        """;

    /// <summary>One mine of 365 t/yr under a quota of 100 t/yr, in a year-long run that starts on 1 July 2024.</summary>
    private const string MidYearYaml = """
        name: quota from mid-year
        start: 2024-07-01
        horizon: 365d
        seed: 7
        materials:
          - id: metal
        nodes:
          - id: mine
            kind: producer
            country: CN
            material: metal
            capacity: 365 t/yr
          - id: factory
            kind: consumer
            country: US
            sector: industry
            demand: {metal: 2000 t/yr}
            initial_inventory: 30d
        lanes:
          - {from: mine, to: factory, lead_time: 5d}
        scenarios:
          - id: quota
            events:
              - {type: quota, start: 2024-07-01, node: mine, annual: 100 t/yr}
        """;

    [Test]
    public void Run_CountryQuota_CountryMakesItsQuotaWheneverItsDrawnCapacityAllows()
    {
        var model = TestModels.Compile(CountryYaml);
        var result = TestModels.Run(model, "country-quota", trials: 16, seed: 3);
        double[] a = TestModels.Values(result, EntityKind.Producer, "mine-a", "metal", Metric.ProducedT);
        double[] b = TestModels.Values(result, EntityKind.Producer, "mine-b", "metal", Metric.ProducedT);
        Assert.That(a.Distinct().Count(), Is.EqualTo(2), "both capacities are drawn");
        for (int trial = 0; trial < a.Length; trial++)
        {
            // 50 t/yr from mine-a: 250 t in all, under the quota; 350 t/yr: 550 t of capacity, the quota's 300 t.
            double expected = a[trial] < 100 ? 250 : 300;
            Assert.That(a[trial] + b[trial], Is.EqualTo(expected).Within(1e-6), $"trial {trial}: mine-a made {a[trial]} t, mine-b {b[trial]} t");
        }
    }

    [Test]
    public void Run_RunStartsMidYear_FirstYearGrantsOnlyItsRemainingPartOfTheQuota()
    {
        var model = TestModels.Compile(MidYearYaml);
        double[] made = TestModels.Values(TestModels.Run(model, "quota", trials: 2, seed: 3), EntityKind.Producer, "mine", "metal", Metric.ProducedT);

        // 1 July to 31 December is 184 of 2024's 366 days; 1 January to 30 June 2025 makes 181 t at capacity, capped at 100 t.
        Assert.That(made, Has.All.EqualTo((100 * 184 / 366.0) + 100).Within(1e-6));
    }
}
