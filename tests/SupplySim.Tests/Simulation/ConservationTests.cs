using NUnit.Framework;
using SupplySim.Simulation;
using SupplySim.Tests.Support;

namespace SupplySim.Tests.Simulation;

/// <summary>initial + production = consumption + final stock + in transit + in licence queues + seized, always.</summary>
[TestFixture]
internal sealed class ConservationTests
{
    private static IEnumerable<TestCaseData> ShippedScenarios()
    {
        foreach (string file in TestModels.ShippedScenarioFiles())
        {
            var model = TestModels.CompileFile(file);
            foreach (var scenario in model.Scenarios)
            {
                yield return new TestCaseData(file, scenario.Id).SetName($"Run_{Path.GetFileNameWithoutExtension(file)}_{scenario.Id}_ConservesMaterial");
            }
        }
    }

    [TestCaseSource(nameof(ShippedScenarios))]
    public void Run_ShippedScenario_ConservesEveryMaterialInEveryTrial(string file, string scenarioId)
    {
        var model = TestModels.CompileFile(file);
        var network = model.Network;
        var scenario = model.Find(scenarioId)!;
        var layout = new MetricLayout(network, scenario);
        // One block of four trials per seed; every width runs the same arithmetic per lane (TrialKernelWidthTests).
        var kernel = KernelWidth.CreateKernel(4, network, scenario, layout);
        var rows = new double[kernel.Width * layout.Width];
        foreach (ulong seed in new ulong[] { 1, 2, 3 })
        {
            kernel.Run(seed, 0, rows);
            for (int trial = 0; trial < kernel.Width; trial++)
            {
                for (int m = 0; m < network.MaterialCount; m++)
                {
                    Assert.That(Math.Abs(kernel.MassResidual(m, trial)), Is.LessThan(1e-9 * kernel.MassScale(m, trial)),
                        $"material {network.MaterialIds[m]}, seed {seed}, trial {trial}");
                }
            }
        }
    }
}
