using NUnit.Framework;
using SupplySim.Model;
using SupplySim.Simulation;
using SupplySim.Tests.Support;

namespace SupplySim.Tests.Simulation;

/// <summary>
/// The duration draw, at every width, gives each lane exactly the steps <see cref="Sampler.DrawSteps"/> gives from
/// that lane's own generator (the inverse CDF rounded up), advances only the lanes of its mask, and consumes as many
/// numbers as the sampler: for every arc's lead time and delay and every export control's processing time of every
/// shipped file, for the rarer distributions, and at uniforms on step boundaries and at a triangular's mode.
/// </summary>
[TestFixture]
internal sealed class DurationSamplerTests
{
    private static IEnumerable<string> ShippedFiles() =>
        Directory.GetFiles(Path.Combine(TestModels.RepoRoot(), "scenarios"), "*.yaml").Order();

    private static IEnumerable<TestCaseData> ShippedFilesAtEveryWidth() =>
        ShippedFiles().SelectMany(path => KernelWidth.All.Select(lanes =>
            new TestCaseData(path, lanes).SetName($"DrawSteps_{Path.GetFileNameWithoutExtension(path)}_{lanes}Lanes_EqualsSamplerPerLane")));

    [TestCaseSource(nameof(ShippedFilesAtEveryWidth))]
    public void DrawSteps_ShippedFile_EqualsSamplerPerLane(string path, int lanes)
    {
        var model = TestModels.CompileFile(path);
        var network = model.Network;
        int[] arcs = [.. Enumerable.Range(0, network.ArcCount)];
        AtWidth(lanes, new DrawCheck(network.Parameters, network.StepDays, DurationSampler.LeadTimes(network), network.ArcLeadParam, 3_000));
        AtWidth(lanes, new DrawCheck(network.Parameters, network.StepDays, DurationSampler.Delays(network),
            [.. network.ArcFrom.Select(from => network.DelayParam[from])], 1_000));
        foreach (var scenario in model.Scenarios)
        {
            AtWidth(lanes, new DrawCheck(network.Parameters, network.StepDays, DurationSampler.ProcessingTimes(network, scenario),
                scenario.ControlProcessingParam, 500));
        }
    }

    /// <summary>
    /// The draw's other paths: a fixed duration and an absent parameter draw nothing, a zero-width triangular draws
    /// exactly one number, and other distributions go lane by lane through the sampler.
    /// </summary>
    [TestCase("6.5d")]
    [TestCase("{dist: triangular, min: 6d, mode: 6d, max: 6d}")]
    [TestCase("{dist: pert, min: 2d, mode: 5d, max: 30d}")]
    [TestCase("{dist: lognormal, median: 9d, sigma: 0.4}")]
    [TestCase("{dist: uniform, min: 2.2d, max: 31.7d}")]
    [TestCase("{dist: triangular, min: 1.3d, mode: 9.7d, max: 40.1d}")]
    public void DrawSteps_OtherDurations_EqualsSamplerPerLaneAtEveryWidth(string leadTime)
    {
        var network = TestModels.Compile(TestModels.Chain.Replace("lead_time: 5d", $"lead_time: {leadTime}")).Network;
        foreach (int lanes in KernelWidth.All)
        {
            AtWidth(lanes, new DrawCheck(network.Parameters, network.StepDays, DurationSampler.LeadTimes(network), network.ArcLeadParam, 1_000));
            AtWidth(lanes, new DrawCheck(network.Parameters, network.StepDays, new DurationSampler(network.Parameters, [-1], network.StepDays), [-1], 100));
        }
    }

    [TestCase("triangular, min: 1.3d, mode: 9.7d, max: 40.1d", "")]
    [TestCase("triangular, min: 1.3d, mode: 9.7d, max: 40.1d", "step: 7d")]
    [TestCase("uniform, min: 2.2d, max: 31.7d", "")]
    [TestCase("uniform, min: 2.2d, max: 31.7d", "step: 7d")]
    public void DrawSteps_UniformsAtStepBoundariesAndMode_GiveTheFormulaSteps(string leadTime, string step)
    {
        // Lead times whose step boundaries and mode cut fall at awkward uniforms, on daily and weekly steps.
        var network = TestModels.Compile(TestModels.Chain.Replace("lead_time: 5d", $"lead_time: {{dist: {leadTime}}}")
            .Replace("horizon: 365d", $"horizon: 364d\n{step}", StringComparison.Ordinal)).Network;
        var sampler = DurationSampler.LeadTimes(network);
        int arc = Enumerable.Range(0, network.ArcCount).First(a => network.ArcLeadParam[a] >= 0 && network.Parameters.Kind[network.ArcLeadParam[a]] != DistributionKind.Fixed);
        int p = network.ArcLeadParam[arc];
        double a = network.Parameters.A[p], b = network.Parameters.B[p], c = network.Parameters.C[p];
        bool triangular = network.Parameters.Kind[p] == DistributionKind.Triangular;
        double stepDays = network.StepDays;
        var uniforms = new List<ulong> { 0, 1, (1UL << 53) - 1 };
        if (triangular)
        {
            ulong cut = (ulong)Math.Ceiling((b - a) / (c - a) * (1UL << 53));
            uniforms.AddRange([cut - 1, cut, cut + 1]);
        }

        // The uniforms either side of every step boundary: where rounding up could go wrong.
        double low = a, high = triangular ? c : b;
        for (double days = Math.Ceiling(low / stepDays) * stepDays; days < high; days += stepDays)
        {
            double u = InverseOfDuration(days, a, b, c, triangular);
            ulong bits = (ulong)Math.Clamp(u * (1UL << 53), 0, (1UL << 53) - 1);
            uniforms.AddRange([Math.Max(bits, 1) - 1, bits, Math.Min(bits + 1, (1UL << 53) - 1)]);
        }

        foreach (ulong bits in uniforms)
        {
            double u = bits * (1.0 / (1UL << 53));
            double duration = triangular ? Sampler.Triangular(a, b, c, u) : a + ((b - a) * u);
            int expected = Math.Max(1, (int)Math.Ceiling((duration / stepDays) - 1e-9));
            foreach (int lanes in KernelWidth.All)
            {
                Assert.That(AtWidth(lanes, new FirstDraw(sampler, arc, RngReturning(bits << 11))), Is.All.EqualTo(expected),
                    $"u = {u:R}, {lanes} lanes");
            }
        }
    }

    /// <summary>The uniform at which the duration reaches <paramref name="days"/> (the CDF), for choosing test points.</summary>
    private static double InverseOfDuration(double days, double a, double b, double c, bool triangular)
    {
        if (!triangular)
        {
            return (days - a) / (b - a);
        }

        return days <= b ? (days - a) * (days - a) / ((c - a) * (b - a)) : 1 - ((c - days) * (c - days) / ((c - a) * (c - b)));
    }

    /// <summary>Inverts xoshiro256**'s output scrambler so the first <see cref="Rng.NextUInt64"/> returns <paramref name="output"/>.</summary>
    private static Rng RngReturning(ulong output)
    {
        const ulong InverseOf9 = 0x8E38E38E38E38E39UL, InverseOf5 = 0xCCCCCCCCCCCCCCCDUL;
        ulong rotated = output * InverseOf9;
        ulong s1 = ((rotated >> 7) | (rotated << 57)) * InverseOf5;
        return Rng.FromState(0x1234, s1, 0x5678, 0x9ABC);
    }

    private static TResult AtWidth<TResult>(int lanes, IWidthCheck<TResult> check) => lanes switch
    {
        1 => check.Run<Lanes1, bool>(),
        2 => check.Run<Lanes2, System.Runtime.Intrinsics.Vector128<double>>(),
        4 => check.Run<Lanes4, System.Runtime.Intrinsics.Vector256<double>>(),
        8 => check.Run<Lanes8, System.Runtime.Intrinsics.Vector512<double>>(),
        _ => throw new ArgumentOutOfRangeException(nameof(lanes)),
    };

    private interface IWidthCheck<out TResult>
    {
        TResult Run<T, TMask>()
            where T : struct, ILanes<T, TMask>
            where TMask : struct;
    }

    /// <summary>Draws from every slot in turn with a changing lane mask and compares each drawing lane with its own generator.</summary>
    private sealed class DrawCheck(ParameterTable table, double stepDays, DurationSampler sampler, int[] paramOfSlot, int draws) : IWidthCheck<bool>
    {
        public bool Run<T, TMask>()
            where T : struct, ILanes<T, TMask>
            where TMask : struct
        {
            if (paramOfSlot.Length == 0)
            {
                return true;
            }

            var lanes = new Rng[T.Count];
            var block = default(RngLanes<T, TMask>);
            for (int lane = 0; lane < lanes.Length; lane++)
            {
                lanes[lane] = Rng.ForStream(3, lane, 17);
                block.SetLane(lane, lanes[lane]);
            }

            for (int draw = 0; draw < draws; draw++)
            {
                int slot = draw % paramOfSlot.Length;
                int maskBits = (draw * 37) & 0xFF;
                var mask = T.MaskFromBits((uint)maskBits);
                var steps = sampler.DrawSteps(slot, ref block, mask);
                for (int lane = 0; lane < lanes.Length; lane++)
                {
                    if ((maskBits >> lane & 1) != 0)
                    {
                        int expected = Sampler.DrawSteps(table, paramOfSlot[slot], ref lanes[lane], stepDays);
                        Assert.That(T.GetElement(steps, lane), Is.EqualTo(expected), $"slot {slot}, draw {draw}, lane {lane} of {T.Count}");
                    }

                    Assert.That(block.GetLane(lane), Is.EqualTo(lanes[lane]), $"slot {slot}, draw {draw}, lane {lane} of {T.Count}: generator state");
                }
            }

            return true;
        }
    }

    /// <summary>Every lane starts from <paramref name="rng"/>; the steps each lane draws first.</summary>
    private sealed class FirstDraw(DurationSampler sampler, int slot, Rng rng) : IWidthCheck<double[]>
    {
        public double[] Run<T, TMask>()
            where T : struct, ILanes<T, TMask>
            where TMask : struct
        {
            var block = default(RngLanes<T, TMask>);
            for (int lane = 0; lane < T.Count; lane++)
            {
                block.SetLane(lane, rng);
            }

            var steps = sampler.DrawSteps(slot, ref block, T.AllTrue);
            return [.. Enumerable.Range(0, T.Count).Select(lane => T.GetElement(steps, lane))];
        }
    }
}
