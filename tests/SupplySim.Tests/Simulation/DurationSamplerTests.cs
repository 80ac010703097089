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
        var sampler = DurationSampler.LeadTimes(network);
        var lanes = new Rng[BatchKernel.Width];
        var batch = default(RngBatch);
        for (int lane = 0; lane < lanes.Length; lane++)
        {
            lanes[lane] = Rng.ForStream(3, lane, 17);
            batch.SetLane(lane, lanes[lane]);
        }

        int[] steps = new int[BatchKernel.Width];
        ulong[] uniforms = new ulong[BatchKernel.Width];
        for (int draw = 0; draw < 5_000; draw++)
        {
            int slot = draw % network.ArcCount;
            int maskBits = (draw * 37) & 0xFF;
            var mask = System.Runtime.Intrinsics.Vector512.Create(
                [.. Enumerable.Range(0, BatchKernel.Width).Select(lane => (maskBits >> lane & 1) != 0 ? BitConverter.Int64BitsToDouble(-1) : 0.0)]);
            Array.Fill(steps, -1);
            sampler.DrawSteps(slot, ref batch, mask, steps, uniforms);
            for (int lane = 0; lane < lanes.Length; lane++)
            {
                int expected = (maskBits >> lane & 1) != 0 ? sampler.DrawSteps(slot, ref lanes[lane]) : -1;
                Assert.That(steps[lane], Is.EqualTo(expected), $"draw {draw}, lane {lane}");
                Assert.That(batch.GetLane(lane), Is.EqualTo(lanes[lane]), $"draw {draw}, lane {lane}: generator state");
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

    [Test]
    public void Uniforms_at_bucket_edges_and_at_the_mode_give_the_formula_steps()
    {
        // A 1-day step and lead times whose step boundaries and mode cut fall at awkward uniforms.
        var network = TestModels.Compile(TestModels.Chain.Replace("lead_time: 5d", "lead_time: {dist: triangular, min: 1.3d, mode: 9.7d, max: 40.1d}")).Network;
        var sampler = DurationSampler.LeadTimes(network);
        int arc = Enumerable.Range(0, network.ArcCount).First(a => network.Parameters.Kind[network.ArcLeadParam[a]] == DistributionKind.Triangular);
        double min = network.Parameters.A[network.ArcLeadParam[arc]], mode = network.Parameters.B[network.ArcLeadParam[arc]];
        double max = network.Parameters.C[network.ArcLeadParam[arc]];
        ulong cut = (ulong)Math.Ceiling((mode - min) / (max - min) * (1UL << 53));
        var uniforms = new List<ulong> { 0, (1UL << 53) - 1, cut - 1, cut, cut + 1 };
        // Edges of 2048 buckets (the largest table a sampler builds; they include the edges of 512 and 1024).
        for (ulong bucket = 1; bucket < 2048; bucket++)
        {
            uniforms.Add((bucket << 42) - 1);
            uniforms.Add(bucket << 42);
        }

        foreach (ulong bits in uniforms)
        {
            // A generator whose next output has these top 53 bits: xoshiro256** returns rotl(s1 * 5, 7) * 9.
            var rng = RngReturning(bits << 11);
            double u = bits * (1.0 / (1UL << 53));
            int expected = Math.Max(1, (int)Math.Ceiling(Sampler.Triangular(min, mode, max, u) - 1e-9));
            Assert.That(sampler.DrawSteps(arc, ref rng), Is.EqualTo(expected), $"u = {u:R}");
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
