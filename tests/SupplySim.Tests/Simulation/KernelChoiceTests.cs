using NUnit.Framework;
using SupplySim.Model;
using SupplySim.Simulation;
using SupplySim.Simulation.Streaming;
using SupplySim.Tests.Support;

namespace SupplySim.Tests.Simulation;

/// <summary>
/// Whole runs give the same bytes whichever kernel steps the trials: the batch kernel for full blocks of eight, the
/// scalar kernel for the rest (and for everything on machines without 512-bit vectors). Trial counts that are not
/// a multiple of the block leave a partial block to the scalar kernel inside the same run.
/// </summary>
[TestFixture]
internal sealed class KernelChoiceTests
{
    private static CompiledModel ShippedModel() =>
        TestModels.CompileFile(Path.Combine(TestModels.RepoRoot(), "scenarios", "critical-minerals.yaml"));

    [TestCase(37, 2)]
    [TestCase(70, 1)]
    public void MonteCarlo_BatchVersusScalarKernel_SameTrialValues(int trials, int threads)
    {
        var model = ShippedModel();
        foreach (var scenario in model.Scenarios)
        {
            var options = new MonteCarloOptions(trials, Seed: 11, MaxDegreeOfParallelism: threads);
            var scalar = MonteCarlo.Run(model, scenario, options with { Kernel = KernelChoice.Scalar });
            var batch = MonteCarlo.Run(model, scenario, options with { Kernel = KernelChoice.Batch });
            for (int column = 0; column < scalar.Layout.Width; column++)
            {
                Assert.That(Bits(batch.Column(column)), Is.EqualTo(Bits(scalar.Column(column))),
                    $"{scenario.Id}: column {column} ({scalar.Layout.Columns[column]})");
            }
        }
    }

    /// <summary>Awkward lengths around the block of eight: each leaves a different partial block to the scalar kernel.</summary>
    [TestCase(1)]
    [TestCase(7)]
    [TestCase(8)]
    [TestCase(9)]
    [TestCase(15)]
    [TestCase(16)]
    [TestCase(17)]
    [TestCase(33)]
    public void MonteCarlo_AwkwardTrialCounts_BatchEqualsScalar(int trials)
    {
        var model = TestModels.Compile(Reference.ReferenceNetworks.Licensing);
        foreach (var scenario in model.Scenarios)
        {
            var options = new MonteCarloOptions(trials, Seed: 5, MaxDegreeOfParallelism: 2);
            var scalar = MonteCarlo.Run(model, scenario, options with { Kernel = KernelChoice.Scalar });
            var batch = MonteCarlo.Run(model, scenario, options with { Kernel = KernelChoice.Batch });
            for (int column = 0; column < scalar.Layout.Width; column++)
            {
                Assert.That(Bits(batch.Column(column)), Is.EqualTo(Bits(scalar.Column(column))),
                    $"{scenario.Id}, {trials} trials: column {column} ({scalar.Layout.Columns[column]})");
            }
        }
    }

    /// <summary>The batch kernel keeps no weekly or monthly series, so a run that records them must not use it.</summary>
    [Test]
    public void MonteCarlo_RecordingSeries_SameSeriesWhicheverKernelIsAsked()
    {
        var model = ShippedModel();
        var scenario = model.Scenarios[^1];
        var options = new MonteCarloOptions(Trials: 16, Seed: 2, MaxDegreeOfParallelism: 1, RecordMonthlyLaneFlows: true, RecordWeeklySeries: true);
        var scalar = MonteCarlo.Run(model, scenario, options with { Kernel = KernelChoice.Scalar });
        var batch = MonteCarlo.Run(model, scenario, options with { Kernel = KernelChoice.Batch });
        Assert.That(Bits(batch.MonthlyLaneFlow(0, 0)), Is.EqualTo(Bits(scalar.MonthlyLaneFlow(0, 0))));
        Assert.That(Bits(batch.WeeklyCover(0, 10)), Is.EqualTo(Bits(scalar.WeeklyCover(0, 10))));
        Assert.That(scalar.WeeklyCover(0, 10).ToArray(), Has.Some.GreaterThan(0), "the series must be recorded at all");
    }

    [Test]
    public void StreamingRun_BatchVersusScalarKernel_SameChunks()
    {
        var model = ShippedModel();
        var options = new MonteCarloOptions(Trials: 45, Seed: 3, MaxDegreeOfParallelism: 2);
        var scalar = new CapturingSink();
        var batch = new CapturingSink();
        StreamingMonteCarlo.Run(model, model.Scenarios, options with { Kernel = KernelChoice.Scalar }, scalar, chunkTrials: 20);
        StreamingMonteCarlo.Run(model, model.Scenarios, options with { Kernel = KernelChoice.Batch }, batch, chunkTrials: 20);
        Assert.That(batch.Values, Has.Count.EqualTo(scalar.Values.Count));
        Assert.That(batch.Values, Is.EqualTo(scalar.Values));
    }

    private static long[] Bits(ReadOnlySpan<double> values) => [.. values.ToArray().Select(BitConverter.DoubleToInt64Bits)];

    /// <summary>Keeps every cell of every chunk as raw bits, in arrival order.</summary>
    private sealed class CapturingSink : ITrialChunkSink
    {
        public List<long> Values { get; } = [];

        public void Consume(TrialChunk chunk)
        {
            for (int scenario = 0; scenario < chunk.Layouts.Count; scenario++)
            {
                for (int column = 0; column < chunk.Layouts[scenario].Width; column++)
                {
                    Values.AddRange(Bits(chunk.Column(scenario, column)));
                }
            }
        }
    }
}
