using NUnit.Framework;
using SupplySim.Reporting;
using SupplySim.Simulation;
using SupplySim.Tests.Support;

namespace SupplySim.Tests.Simulation;

/// <summary>Same input and seed give the same bytes, whatever the thread count.</summary>
[TestFixture]
internal sealed class DeterminismTests
{
    private static byte[] SummaryBytes(int threads, ulong seed, bool computeAllFirst = false)
    {
        var model = TestModels.CompileFile(Path.Combine(TestModels.RepoRoot(), "scenarios", "critical-minerals.yaml"));
        var options = new MonteCarloOptions(Trials: 150, Seed: seed, MaxDegreeOfParallelism: threads);
        var results = model.Scenarios.Select(s => MonteCarlo.Run(model, s, options)).ToList();
        var report = new RunReport(model, seed, results);
        if (computeAllFirst)
        {
            report.ComputeAll(threads);
        }

        using var stream = new MemoryStream();
        SummaryJsonWriter.Write(report, stream);
        return stream.ToArray();
    }

    [Test]
    public void SummaryJson_OneThreadVersusAllThreads_BitIdentical() =>
        Assert.That(SummaryBytes(threads: -1, seed: 9), Is.EqualTo(SummaryBytes(threads: 1, seed: 9)));

    [Test]
    public void SummaryJson_SummariesComputedInParallelFirst_SameBytesAsComputedOnFirstUse() =>
        Assert.That(SummaryBytes(threads: -1, seed: 9, computeAllFirst: true), Is.EqualTo(SummaryBytes(threads: -1, seed: 9)));

    [Test]
    public void SummaryJson_SameSeedTwice_BitIdentical()
    {
        byte[] first = SummaryBytes(threads: 3, seed: 4);
        byte[] second = SummaryBytes(threads: 3, seed: 4);
        Assert.That(second, Is.EqualTo(first));
    }

    [Test]
    public void SummaryJson_DifferentSeed_Differs() =>
        Assert.That(SummaryBytes(threads: 2, seed: 4), Is.Not.EqualTo(SummaryBytes(threads: 2, seed: 5)));
}
