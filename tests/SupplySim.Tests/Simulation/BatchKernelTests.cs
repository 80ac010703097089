using System.Runtime.InteropServices;
using NUnit.Framework;
using SupplySim.Model;
using SupplySim.Simulation;
using SupplySim.Tests.Reference;
using SupplySim.Tests.Support;

namespace SupplySim.Tests.Simulation;

/// <summary>
/// <see cref="BatchKernel"/> steps <see cref="BatchKernel.Width"/> trials at once and must write, for each of them,
/// exactly the row the scalar <see cref="TrialKernel"/> writes for that trial: bit for bit, in every column, for any
/// seed and first trial, batch after batch on one instance. Users rely on this so that a run's numbers do not depend on
/// whether the engine batched its trials or how it grouped them; and, like the scalar kernel, a warm batch kernel
/// allocates nothing per batch. Covers the small reference networks (each isolating a feature) and every scenario of
/// every shipped model file.
/// </summary>
[TestFixture]
internal sealed class BatchKernelTests
{
    private const int MaxReportedMismatches = 10;

    /// <summary>Batches of the independence test start here and at 0, so their lanes overlap by a shift of this many trials.</summary>
    private const int Shift = 3;

    private static readonly ulong[] Seeds = [1, 42, 20240101];

    /// <summary>Two batches per seed on the same instance: the second must not see anything of the first.</summary>
    private static readonly long[] FirstTrials = [0, 1000];

    /// <summary>Written into every cell before a batch runs, so that a cell the kernel leaves unwritten cannot pass.</summary>
    private static readonly double Unwritten = BitConverter.Int64BitsToDouble(0x7FF8_DEAD_BEEF_0BAD);

    /// <summary>The small networks of <see cref="ReferenceAgreementTests"/>, including the weekly-step variant.</summary>
    private static (string Name, string Yaml)[] Networks => ReferenceAgreementTests.Networks;

    private static IEnumerable<TestCaseData> SmallNetworkScenarios()
    {
        foreach (var (name, yaml) in Networks)
        {
            foreach (var scenario in TestModels.Compile(yaml).Scenarios)
            {
                yield return new TestCaseData(name, scenario.Id).SetName($"Run_{name}_{scenario.Id}_MatchesScalarKernelBitForBit");
            }
        }
    }

    /// <summary>Every scenario of every model file directly in <c>scenarios/</c> (the sweep files in subfolders are not models).</summary>
    private static IEnumerable<TestCaseData> ShippedScenarios()
    {
        foreach (string file in TestModels.ShippedScenarioFiles())
        {
            string name = Path.GetFileNameWithoutExtension(file);
            foreach (var scenario in TestModels.CompileFile(file).Scenarios)
            {
                yield return new TestCaseData(Path.GetFileName(file), scenario.Id).SetName($"Run_{name}_{scenario.Id}_MatchesScalarKernelBitForBit");
            }
        }
    }

    private static string ShippedFile(string fileName) => Path.Combine(TestModels.RepoRoot(), "scenarios", fileName);

    [TestCaseSource(nameof(SmallNetworkScenarios))]
    public void Run_SmallNetwork_EveryLaneMatchesScalarKernelBitForBit(string network, string scenarioId) =>
        AssertMatchesScalarKernel(TestModels.Compile(Networks.Single(n => n.Name == network).Yaml), scenarioId, network);

    [TestCaseSource(nameof(ShippedScenarios))]
    public void Run_ShippedScenario_EveryLaneMatchesScalarKernelBitForBit(string fileName, string scenarioId) =>
        AssertMatchesScalarKernel(TestModels.CompileFile(ShippedFile(fileName)), scenarioId, Path.GetFileNameWithoutExtension(fileName));

    /// <summary>Mirrors <see cref="DeterminismTests.Kernel_AfterWarmUp_AllocatesNothingPerTrial"/> for the batch kernel.</summary>
    [Test]
    public void Run_AfterWarmUp_AllocatesNothingPerBatch()
    {
        var (model, scenario, layout) = Combined();
        var kernel = new BatchKernel(model.Network, scenario, layout);
        var rows = new double[BatchKernel.Width * layout.Width];
        // Warm up past tiered JIT compilation, which may allocate on this thread while it recompiles.
        for (int batch = 0; batch < 40; batch++)
        {
            kernel.Run(1, (long)batch * BatchKernel.Width, rows);
        }

        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int batch = 40; batch < 44; batch++)
        {
            kernel.Run(1, (long)batch * BatchKernel.Width, rows);
        }

        Assert.That(GC.GetAllocatedBytesForCurrentThread() - before, Is.Zero);
    }

    /// <summary>
    /// A lane's row depends only on its trial, not on which lane of which batch computes it nor on the batches run
    /// before: the batch from trial <see cref="Shift"/> gives in lane l what the batch from 0 gives in lane
    /// l + <see cref="Shift"/> (lane 0 of the one is lane 3 of the other), and the batch from 0 run again gives the
    /// same rows. Independent of the scalar kernel, so it localises a failure of the agreement tests.
    /// </summary>
    [TestCase(1UL)]
    [TestCase(20240101UL)]
    public void Run_ShiftedBatch_EachLaneRowDependsOnlyOnItsTrial(ulong seed)
    {
        var (model, scenario, layout) = Combined();
        var kernel = new BatchKernel(model.Network, scenario, layout);
        int width = layout.Width;
        double[] first = RunBatch(kernel, seed, 0, width);
        double[] shifted = RunBatch(kernel, seed, Shift, width);
        double[] again = RunBatch(kernel, seed, 0, width);
        var mismatches = new List<string>();
        for (int lane = 0; lane < BatchKernel.Width; lane++)
        {
            Compare(layout, LaneRow(first, lane, width), LaneRow(again, lane, width),
                $"combined seed {seed} trial {lane} (lane {lane} of the batch from 0, run again)", "first run", "second run", mismatches);
        }

        for (int lane = 0; lane + Shift < BatchKernel.Width; lane++)
        {
            Compare(layout, LaneRow(first, lane + Shift, width), LaneRow(shifted, lane, width),
                $"combined seed {seed} trial {lane + Shift} (lane {lane} of the batch from {Shift} against lane {lane + Shift} of the batch from 0)",
                "batch from 0", $"batch from {Shift}", mismatches);
        }

        AssertNoMismatches(mismatches);
        // Guards against vacuous agreement: the trials of a batch really differ.
        Assert.That(Enumerable.Range(1, BatchKernel.Width - 1).Any(lane => !BitIdentical(LaneRow(first, 0, width), LaneRow(first, lane, width))),
            "all lanes of the batch from 0 wrote the same row");
    }

    private static (CompiledModel Model, CompiledScenario Scenario, MetricLayout Layout) Combined()
    {
        var model = TestModels.CompileFile(ShippedFile("critical-minerals.yaml"));
        var scenario = model.Find("combined");
        Assert.That(scenario, Is.Not.Null, "critical-minerals.yaml has no scenario 'combined'");
        return (model, scenario!, new MetricLayout(model.Network, scenario!));
    }

    private static double[] RunBatch(BatchKernel kernel, ulong seed, long firstTrial, int width)
    {
        var rows = new double[BatchKernel.Width * width];
        Array.Fill(rows, Unwritten);
        kernel.Run(seed, firstTrial, rows);
        return rows;
    }

    private static ReadOnlySpan<double> LaneRow(double[] rows, int lane, int width) => rows.AsSpan(lane * width, width);

    /// <summary>
    /// Runs two batches per seed on one <see cref="BatchKernel"/> and every trial of them on one
    /// <see cref="TrialKernel"/>, and requires every cell of every lane to equal the scalar row's bit for bit.
    /// </summary>
    private static void AssertMatchesScalarKernel(CompiledModel model, string scenarioId, string source)
    {
        var scenario = model.Find(scenarioId)!;
        var layout = new MetricLayout(model.Network, scenario);
        var batch = new BatchKernel(model.Network, scenario, layout);

        var scalar = new TrialKernel(model.Network, scenario, layout);
        int width = layout.Width;
        var rows = new double[BatchKernel.Width * width];
        var row = new double[width];
        var mismatches = new List<string>();
        foreach (ulong seed in Seeds)
        {
            foreach (long firstTrial in FirstTrials)
            {
                Array.Fill(rows, Unwritten);
                batch.Run(seed, firstTrial, rows);
                for (int lane = 0; lane < BatchKernel.Width; lane++)
                {
                    long trial = firstTrial + lane;
                    scalar.Run(seed, trial, row);
                    Compare(layout, row, LaneRow(rows, lane, width),
                        $"{source}/{scenarioId} seed {seed} trial {trial} (lane {lane} of the batch from {firstTrial})", "scalar", "batch", mismatches);
                }
            }
        }

        AssertNoMismatches(mismatches);
    }

    private static void Compare(MetricLayout layout, ReadOnlySpan<double> expected, ReadOnlySpan<double> actual, string where,
        string expectedName, string actualName, List<string> mismatches)
    {
        for (int c = 0; c < layout.Width; c++)
        {
            long expectedBits = BitConverter.DoubleToInt64Bits(expected[c]);
            long actualBits = BitConverter.DoubleToInt64Bits(actual[c]);
            if (expectedBits != actualBits)
            {
                string unwritten = actualBits == BitConverter.DoubleToInt64Bits(Unwritten) ? " [never written]" : string.Empty;
                mismatches.Add($"{where}: column {c} {Describe(layout.Columns[c])}: " +
                               $"{actualName} {actual[c]:R} (0x{actualBits:X16}){unwritten}, {expectedName} {expected[c]:R} (0x{expectedBits:X16})");
            }
        }
    }

    private static bool BitIdentical(ReadOnlySpan<double> a, ReadOnlySpan<double> b) =>
        MemoryMarshal.AsBytes(a).SequenceEqual(MemoryMarshal.AsBytes(b));

    private static void AssertNoMismatches(List<string> mismatches) =>
        Assert.That(mismatches.Count, Is.Zero,
            $"{mismatches.Count} cells differ; the first {Math.Min(mismatches.Count, MaxReportedMismatches)}:{Environment.NewLine}" +
            string.Join(Environment.NewLine, mismatches.Take(MaxReportedMismatches)));

    private static string Describe(MetricColumn column) =>
        $"{column.Kind} {column.Entity}/{column.Material} {MetricNames.Of(column.Metric)}";
}
