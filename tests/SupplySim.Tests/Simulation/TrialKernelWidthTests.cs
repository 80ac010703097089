using System.Runtime.InteropServices;
using NUnit.Framework;
using SupplySim.Model;
using SupplySim.Simulation;
using SupplySim.Tests.Reference;
using SupplySim.Tests.Support;

namespace SupplySim.Tests.Simulation;

/// <summary>
/// <see cref="TrialKernel{T, TMask}"/> steps 8, 4, 2 or 1 trials at once and must write, at every width, exactly the row the
/// one-lane kernel writes for the same trial: bit for bit, in every column, for any seed and first trial, block after
/// block on one instance. Users rely on this so that a run's numbers do not depend on the CPU (which width it runs)
/// nor on how trials were grouped; and a warm kernel allocates nothing per block. Covers the small reference networks
/// (each isolating a feature) and every scenario of every shipped model file. (Agreement of the kernel with the
/// independent reference kernel is <see cref="ReferenceAgreementTests"/>.)
/// </summary>
[TestFixture]
internal sealed class TrialKernelWidthTests
{
    private const int MaxReportedMismatches = 10;

    /// <summary>The width of the independence test.</summary>
    private const int Lanes = 8;

    /// <summary>Blocks of the independence test start here and at 0, so their lanes overlap by a shift of this many trials.</summary>
    private const int Shift = 3;

    private static readonly ulong[] Seeds = [1, 42, 20240101];

    /// <summary>Two blocks per seed on the same instance: the second must not see anything of the first.</summary>
    private static readonly long[] FirstTrials = [0, 1000];

    /// <summary>Written into every cell before a block runs, so that a cell the kernel leaves unwritten cannot pass.</summary>
    private static readonly double Unwritten = BitConverter.Int64BitsToDouble(0x7FF8_DEAD_BEEF_0BAD);

    /// <summary>The small networks of <see cref="ReferenceAgreementTests"/>, including the weekly-step variant.</summary>
    private static (string Name, string Yaml)[] Networks => ReferenceAgreementTests.Networks;

    private static IEnumerable<TestCaseData> SmallNetworkScenarios()
    {
        foreach (var (name, yaml) in Networks)
        {
            foreach (var scenario in TestModels.Compile(yaml).Scenarios)
            {
                yield return new TestCaseData(name, scenario.Id).SetName($"Run_{name}_{scenario.Id}_EveryWidthMatchesOneLaneBitForBit");
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
                yield return new TestCaseData(Path.GetFileName(file), scenario.Id).SetName($"Run_{name}_{scenario.Id}_EveryWidthMatchesOneLaneBitForBit");
            }
        }
    }

    private static string ShippedFile(string fileName) => Path.Combine(TestModels.RepoRoot(), "scenarios", fileName);

    [TestCaseSource(nameof(SmallNetworkScenarios))]
    public void Run_SmallNetwork_EveryWidthMatchesOneLaneBitForBit(string network, string scenarioId) =>
        AssertEveryWidthMatchesOneLane(TestModels.Compile(Networks.Single(n => n.Name == network).Yaml), scenarioId, network);

    [TestCaseSource(nameof(ShippedScenarios))]
    public void Run_ShippedScenario_EveryWidthMatchesOneLaneBitForBit(string fileName, string scenarioId) =>
        AssertEveryWidthMatchesOneLane(TestModels.CompileFile(ShippedFile(fileName)), scenarioId, Path.GetFileNameWithoutExtension(fileName));

    [TestCase(1)]
    [TestCase(2)]
    [TestCase(4)]
    [TestCase(8)]
    public void Run_AfterWarmUp_AllocatesNothingPerBlock(int lanes)
    {
        var (model, scenario, layout) = Combined();
        var kernel = KernelWidth.CreateKernel(lanes, model.Network, scenario, layout);
        var rows = new double[lanes * layout.Width];
        // Warm up past tiered JIT compilation, which may allocate on this thread while it recompiles.
        for (int block = 0; block < 320 / lanes; block++)
        {
            kernel.Run(1, (long)block * lanes, rows);
        }

        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int block = 0; block < 4; block++)
        {
            kernel.Run(1, 5000 + ((long)block * lanes), rows);
        }

        Assert.That(GC.GetAllocatedBytesForCurrentThread() - before, Is.Zero);
    }

    /// <summary>
    /// A lane's row depends only on its trial, not on which lane of which block computes it nor on the blocks run
    /// before: the block from trial <see cref="Shift"/> gives in lane l what the block from 0 gives in lane
    /// l + <see cref="Shift"/> (lane 0 of the one is lane 3 of the other), and the block from 0 run again gives the
    /// same rows. Independent of the other widths, so it localises a failure of the width tests.
    /// </summary>
    [TestCase(1UL)]
    [TestCase(20240101UL)]
    public void Run_ShiftedBlock_EachLaneRowDependsOnlyOnItsTrial(ulong seed)
    {
        var (model, scenario, layout) = Combined();
        var kernel = KernelWidth.CreateKernel(Lanes, model.Network, scenario, layout);
        int width = layout.Width;
        double[] first = RunBlock(kernel, seed, 0, width);
        double[] shifted = RunBlock(kernel, seed, Shift, width);
        double[] again = RunBlock(kernel, seed, 0, width);
        var mismatches = new List<string>();
        for (int lane = 0; lane < Lanes; lane++)
        {
            Compare(layout, LaneRow(first, lane, width), LaneRow(again, lane, width),
                $"combined seed {seed} trial {lane} (lane {lane} of the block from 0, run again)", "first run", "second run", mismatches);
        }

        for (int lane = 0; lane + Shift < Lanes; lane++)
        {
            Compare(layout, LaneRow(first, lane + Shift, width), LaneRow(shifted, lane, width),
                $"combined seed {seed} trial {lane + Shift} (lane {lane} of the block from {Shift} against lane {lane + Shift} of the block from 0)",
                "block from 0", $"block from {Shift}", mismatches);
        }

        AssertNoMismatches(mismatches);
        // Guards against vacuous agreement: the trials of a block really differ.
        Assert.That(Enumerable.Range(1, Lanes - 1).Any(lane => !BitIdentical(LaneRow(first, 0, width), LaneRow(first, lane, width))),
            "all lanes of the block from 0 wrote the same row");
    }

    private static (CompiledModel Model, CompiledScenario Scenario, MetricLayout Layout) Combined()
    {
        var model = TestModels.CompileFile(ShippedFile("critical-minerals.yaml"));
        var scenario = model.Find("combined");
        Assert.That(scenario, Is.Not.Null, "critical-minerals.yaml has no scenario 'combined'");
        return (model, scenario!, new MetricLayout(model.Network, scenario!));
    }

    private static double[] RunBlock(ITrialKernel kernel, ulong seed, long firstTrial, int width)
    {
        var rows = new double[Lanes * width];
        Array.Fill(rows, Unwritten);
        kernel.Run(seed, firstTrial, rows);
        return rows;
    }

    private static ReadOnlySpan<double> LaneRow(double[] rows, int lane, int width) => rows.AsSpan(lane * width, width);

    /// <summary>
    /// Runs two blocks of eight trials per seed on one kernel of each width (one block of eight lanes, two of four,
    /// four of two, eight of one) and requires every cell of every trial to equal the one-lane row bit for bit.
    /// </summary>
    private static void AssertEveryWidthMatchesOneLane(CompiledModel model, string scenarioId, string source)
    {
        var scenario = model.Find(scenarioId)!;
        var layout = new MetricLayout(model.Network, scenario);
        int width = layout.Width;
        var kernels = KernelWidth.All.Select(lanes => KernelWidth.CreateKernel(lanes, model.Network, scenario, layout)).ToArray();
        var mismatches = new List<string>();
        foreach (ulong seed in Seeds)
        {
            foreach (long firstTrial in FirstTrials)
            {
                double[][] rows = [.. kernels.Select(kernel => RunBlocks(kernel, seed, firstTrial, width))];
                for (int k = 1; k < kernels.Length; k++)
                {
                    for (int trial = 0; trial < KernelWidth.Max; trial++)
                    {
                        Compare(layout, LaneRow(rows[0], trial, width), LaneRow(rows[k], trial, width),
                            $"{source}/{scenarioId} seed {seed} trial {firstTrial + trial} (lane {trial % kernels[k].Width} of {kernels[k].Width})",
                            "one lane", $"{kernels[k].Width} lanes", mismatches);
                    }
                }
            }
        }

        AssertNoMismatches(mismatches);
    }

    /// <summary>Trials <paramref name="firstTrial"/> … + 7 in blocks of the kernel's width.</summary>
    private static double[] RunBlocks(ITrialKernel kernel, ulong seed, long firstTrial, int width)
    {
        var rows = new double[KernelWidth.Max * width];
        Array.Fill(rows, Unwritten);
        for (int offset = 0; offset < KernelWidth.Max; offset += kernel.Width)
        {
            kernel.Run(seed, firstTrial + offset, rows.AsSpan(offset * width));
        }

        return rows;
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
