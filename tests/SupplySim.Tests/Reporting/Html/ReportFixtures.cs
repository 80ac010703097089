using SupplySim.Model;
using SupplySim.Reporting;
using SupplySim.Simulation;
using SupplySim.Tests.Support;

namespace SupplySim.Tests.Reporting.Html;

/// <summary>Small runs shared by the report tests, with weekly series (and, with markets, monthly prices) recorded, as <c>run --report</c> does.</summary>
internal static class ReportFixtures
{
    public static RunReport Run(CompiledModel model, int trials, ulong seed, bool weekly = true)
    {
        var options = new MonteCarloOptions(trials, seed, RecordWeeklySeries: weekly) { RecordMonthlyPrices = weekly && model.Network.MarketCount > 0 };
        return new RunReport(model, seed, [.. model.Scenarios.Select(s => MonteCarlo.Run(model, s, options))]);
    }

    public static CompiledModel Shipped() =>
        TestModels.CompileFile(Path.Combine(TestModels.RepoRoot(), "scenarios", "critical-minerals.yaml"));

    public static CompiledModel Chain() => TestModels.Compile(TestModels.Chain);
}
