using NUnit.Framework;
using SupplySim.Model;
using SupplySim.Simulation;
using SupplySim.Tests.Support;

namespace SupplySim.Tests.Simulation;

/// <summary>
/// The bucketed duration draw must give exactly the steps of the inverse CDF at the same uniform, for every arc's
/// lead time and every export control's processing time of every shipped file, on random draws and on the uniforms
/// at bucket edges and at a triangular's mode, where a table could disagree with the formula.
/// </summary>
public class DurationSamplerTests
{
    private static IEnumerable<string> ShippedFiles() =>
        Directory.GetFiles(Path.Combine(TestModels.RepoRoot(), "scenarios"), "*.yaml").Order();

    [TestCaseSource(nameof(ShippedFiles))]
    public void Table_draws_equal_the_inverse_cdf_rounded_up(string path)
    {
        var network = TestModels.CompileFile(path).Network;
        AssertDrawsMatch(network, DurationSampler.LeadTimes(network), network.ArcLeadParam, "arc");
    }

    [TestCaseSource(nameof(ShippedFiles))]
    public void Processing_time_draws_equal_the_inverse_cdf_rounded_up(string path)
    {
        var model = TestModels.CompileFile(path);
        foreach (var scenario in model.Scenarios)
        {
            var sampler = DurationSampler.ProcessingTimes(model.Network, scenario);
            AssertDrawsMatch(model.Network, sampler, scenario.ControlProcessingParam, $"{scenario.Id}, control");
        }
    }

    /// <summary>Many slots shrink the tables (to 512 buckets at 128 slots and more); smaller tables must agree too.</summary>
    [TestCase(60)]
    [TestCase(100)]
    [TestCase(300)]
    public void Draws_equal_the_inverse_cdf_whatever_the_table_size(int slots)
    {
        var network = TestModels.CompileFile(Path.Combine(TestModels.RepoRoot(), "scenarios", "critical-minerals.yaml")).Network;
        int[] paramOfSlot = [.. Enumerable.Range(0, slots).Select(slot => network.ArcLeadParam[slot % network.ArcCount])];
        var sampler = new DurationSampler(network.Parameters, paramOfSlot, network.StepDays);
        AssertDrawsMatch(network, sampler, paramOfSlot[..network.ArcCount], "arc of a large sampler");
    }

    /// <summary>The batch draw gives each lane what that lane's own generator would give, and draws only in masked lanes.</summary>
    [Test]
    public void Batch_draws_equal_the_scalar_draws_lane_by_lane()
    {
        var network = TestModels.CompileFile(Path.Combine(TestModels.RepoRoot(), "scenarios", "critical-minerals.yaml")).Network;
        AssertBatchDrawsMatch(DurationSampler.LeadTimes(network), [.. Enumerable.Range(0, network.ArcCount)], 5_000);
        AssertBatchDrawsMatch(DurationSampler.Delays(network), [.. Enumerable.Range(0, network.ArcCount)], 2_000);
    }

    /// <summary>
    /// The batch draw's other paths: a fixed duration and an absent parameter draw nothing, a zero-width triangular
    /// draws exactly one number, and other distributions go lane by lane through the sampler.
    /// </summary>
    [TestCase("6.5d")]
    [TestCase("{dist: triangular, min: 6d, mode: 6d, max: 6d}")]
    [TestCase("{dist: pert, min: 2d, mode: 5d, max: 30d}")]
    [TestCase("{dist: lognormal, median: 9d, sigma: 0.4}")]
    public void Batch_draws_of_other_durations_equal_the_scalar_draws(string leadTime)
    {
        var network = TestModels.Compile(TestModels.Chain.Replace("lead_time: 5d", $"lead_time: {leadTime}")).Network;
        var sampler = DurationSampler.LeadTimes(network);
        AssertBatchDrawsMatch(sampler, [.. Enumerable.Range(0, network.ArcCount)], 1_000);
        AssertBatchDrawsMatch(new DurationSampler(network.Parameters, [-1], network.StepDays), [0], 100);
    }

    private static void AssertBatchDrawsMatch(DurationSampler sampler, int[] slots, int draws)
    {
        var lanes = new Rng[BatchKernel.Width];
        var batch = default(RngBatch);
        for (int lane = 0; lane < lanes.Length; lane++)
        {
            lanes[lane] = Rng.ForStream(3, lane, 17);
            batch.SetLane(lane, lanes[lane]);
        }

        for (int draw = 0; draw < draws; draw++)
        {
            int slot = slots[draw % slots.Length];
            int maskBits = (draw * 37) & 0xFF;
            var mask = System.Runtime.Intrinsics.Vector512.Create(
                [.. Enumerable.Range(0, BatchKernel.Width).Select(lane => (maskBits >> lane & 1) != 0 ? BitConverter.Int64BitsToDouble(-1) : 0.0)]);
            var steps = sampler.DrawSteps(slot, ref batch, mask);
            for (int lane = 0; lane < lanes.Length; lane++)
            {
                if ((maskBits >> lane & 1) != 0)
                {
                    Assert.That(steps[lane], Is.EqualTo(sampler.DrawSteps(slot, ref lanes[lane])), $"slot {slot}, draw {draw}, lane {lane}");
                }

                Assert.That(batch.GetLane(lane), Is.EqualTo(lanes[lane]), $"slot {slot}, draw {draw}, lane {lane}: generator state");
            }
        }
    }

    private static void AssertDrawsMatch(CompiledNetwork network, DurationSampler sampler, int[] paramOfSlot, string what)
    {
        for (int slot = 0; slot < paramOfSlot.Length; slot++)
        {
            var rng = Rng.ForStream(7, slot, 99);
            for (int draw = 0; draw < 20_000; draw++)
            {
                var copy = rng;
                int expected = ExpectedSteps(network, paramOfSlot[slot], ref copy);
                Assert.That(sampler.DrawSteps(slot, ref rng), Is.EqualTo(expected), $"{what} {slot}, draw {draw}");
                Assert.That(rng, Is.EqualTo(copy), $"{what} {slot}, draw {draw}: same number of uniforms drawn");
            }
        }
    }

    [TestCase("triangular, min: 1.3d, mode: 9.7d, max: 40.1d", "")]
    [TestCase("triangular, min: 1.3d, mode: 9.7d, max: 40.1d", "step: 7d")]
    [TestCase("uniform, min: 2.2d, max: 31.7d", "")]
    [TestCase("uniform, min: 2.2d, max: 31.7d", "step: 7d")]
    public void Uniforms_at_bucket_edges_and_at_the_mode_give_the_formula_steps(string leadTime, string step)
    {
        // Lead times whose step boundaries and mode cut fall at awkward uniforms, on daily and weekly steps.
        var network = TestModels.Compile(TestModels.Chain.Replace("lead_time: 5d", $"lead_time: {{dist: {leadTime}}}")
            .Replace("horizon: 365d", $"horizon: 364d\n{step}", StringComparison.Ordinal)).Network;
        var sampler = DurationSampler.LeadTimes(network);
        int arc = Enumerable.Range(0, network.ArcCount).First(a => network.ArcLeadParam[a] >= 0 && network.Parameters.Kind[network.ArcLeadParam[a]] != DistributionKind.Fixed);
        int p = network.ArcLeadParam[arc];
        double a = network.Parameters.A[p], b = network.Parameters.B[p], c = network.Parameters.C[p];
        bool triangular = network.Parameters.Kind[p] == DistributionKind.Triangular;
        ulong cut = triangular ? (ulong)Math.Ceiling((b - a) / (c - a) * (1UL << 53)) : 1UL << 52;
        var uniforms = new List<ulong> { 0, 1, (1UL << 53) - 1, cut - 1, cut, cut + 1 };
        // Edges of 2048 buckets (the largest table a sampler builds; they include the edges of 512 and 1024).
        for (ulong bucket = 1; bucket < 2048; bucket++)
        {
            uniforms.Add((bucket << 42) - 1);
            uniforms.Add(bucket << 42);
        }

        var all = System.Runtime.Intrinsics.Vector512<double>.AllBitsSet;
        foreach (ulong bits in uniforms)
        {
            // A generator whose next output has these top 53 bits: xoshiro256** returns rotl(s1 * 5, 7) * 9.
            var rng = RngReturning(bits << 11);
            var batch = default(RngBatch);
            for (int lane = 0; lane < BatchKernel.Width; lane++)
            {
                batch.SetLane(lane, rng);
            }

            double u = bits * (1.0 / (1UL << 53));
            double days = triangular ? Sampler.Triangular(a, b, c, u) : a + ((b - a) * u);
            int expected = Math.Max(1, (int)Math.Ceiling((days / network.StepDays) - 1e-9));
            Assert.That(sampler.DrawSteps(arc, ref rng), Is.EqualTo(expected), $"u = {u:R}");
            var lanes = sampler.DrawSteps(arc, ref batch, all);
            for (int lane = 0; lane < BatchKernel.Width; lane++)
            {
                Assert.That(lanes[lane], Is.EqualTo(expected), $"u = {u:R}, batch lane {lane}");
            }
        }
    }

    private static int ExpectedSteps(CompiledNetwork network, int p, ref Rng rng)
    {
        double days = p < 0 ? 1 : Sampler.Sample(network.Parameters, p, ref rng);
        return Math.Max(1, (int)Math.Ceiling((days / network.StepDays) - 1e-9));
    }

    /// <summary>Inverts xoshiro256**'s output scrambler so the first <see cref="Rng.NextUInt64"/> returns <paramref name="output"/>.</summary>
    private static Rng RngReturning(ulong output)
    {
        const ulong InverseOf9 = 0x8E38E38E38E38E39UL, InverseOf5 = 0xCCCCCCCCCCCCCCCDUL;
        ulong rotated = output * InverseOf9;
        ulong s1 = ((rotated >> 7) | (rotated << 57)) * InverseOf5;
        return Rng.FromState(0x1234, s1, 0x5678, 0x9ABC);
    }
}
