using NUnit.Framework;
using SupplySim.Simulation;
using SupplySim.Tests.Calibration;
using SupplySim.Tests.Support;

namespace SupplySim.Tests.Simulation;

/// <summary><c>run --precision</c>: batches until the headline half-widths first fall within the tolerance, and no earlier.</summary>
[TestFixture]
internal sealed class PrecisionRunTests
{
    private const int Batches = 8;

    /// <summary>The two-consumer network (uncertain, noisy demand) with a four-month ban on the east consumer: shortages vary by trial.</summary>
    private static readonly string Model = CalibrationModels.WithObservations([1, 1, 1, 1], CalibrationModels.EastBan);

    [Test]
    public void Run_Tolerance_StopsAtTheFirstBatchWhoseHalfWidthsAreWithinIt()
    {
        var model = TestModels.Compile(Model);
        var options = new MonteCarloOptions(Batches * PrecisionRun.BatchTrials, Seed: 11);
        var full = model.Scenarios.Select(s => MonteCarlo.Run(model, s, options)).ToList();
        double[] widths = [.. Enumerable.Range(1, Batches).Select(k => PrecisionRun.WorstHalfWidth(full, k * PrecisionRun.BatchTrials))];
        // A tolerance between the widths after batches 3 and 4 (they fall as trials accumulate).
        double tolerance = (widths[2] + widths[3]) / 2;
        int expected = (Array.FindIndex(widths, w => w <= tolerance) + 1) * PrecisionRun.BatchTrials;
        var (results, worst) = PrecisionRun.Run(model, model.Scenarios, options, tolerance);
        var (limited, limitedWorst) = PrecisionRun.Run(model, model.Scenarios, options, tolerance: widths[^1] / 2);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(widths[3], Is.LessThan(widths[2]), "the test needs half-widths that fall");
            Assert.That(results[0].Trials, Is.EqualTo(expected));
            Assert.That(worst, Is.LessThanOrEqualTo(tolerance));
            Assert.That(worst, Is.EqualTo(widths[(expected / PrecisionRun.BatchTrials) - 1]).Within(1e-12));
            // The batches are the same trials as one run: the result is the full run's first trials, bit for bit.
            for (int s = 0; s < results.Count; s++)
            {
                for (int c = 0; c < results[s].Layout.Width; c++)
                {
                    Assert.That(results[s].Column(c).ToArray(), Is.EqualTo(full[s].Column(c)[..expected].ToArray()));
                }
            }

            // A tolerance never met runs to the limit and says how far it got.
            Assert.That(limited[0].Trials, Is.EqualTo(Batches * PrecisionRun.BatchTrials));
            Assert.That(limitedWorst, Is.EqualTo(widths[^1]).Within(1e-12));
        }
    }

    /// <summary>A report of a precision run on a large network reads column means; batches must add up to one run's.</summary>
    [Test]
    public void Run_ColumnMeans_OfTheBatchesTogether_AreOneRunsToTheBit()
    {
        var model = TestModels.Compile(Model);
        var options = new MonteCarloOptions(3 * PrecisionRun.BatchTrials, Seed: 11) { Detail = MetricDetail.Sectors, RecordColumnMeans = true };
        var (batched, _) = PrecisionRun.Run(model, model.Scenarios, options, tolerance: 1e-12);
        var single = model.Scenarios.Select(s => MonteCarlo.Run(model, s, options)).ToList();

        for (int s = 0; s < single.Count; s++)
        {
            var (got, want) = (batched[s].ColumnSums!, single[s].ColumnSums!);
            Assert.That(got.Count, Is.EqualTo(3 * PrecisionRun.BatchTrials));
            Assert.That(Enumerable.Range(0, got.Width).Select(got.Mean), Is.EqualTo(Enumerable.Range(0, want.Width).Select(want.Mean)));
        }
    }

    [Test]
    public void Run_PrecisionOption_SaysWhereItStoppedAndWritesThatManyTrials()
    {
        string folder = Directory.CreateTempSubdirectory("supplysim-precision-").FullName;
        try
        {
            string file = Path.Combine(folder, "model.yaml");
            File.WriteAllText(file, Model);
            var (code, _, stderr) = CliRunner.Execute("run", file, "--precision", "0.05", "--trials", "1000", "--seed", "11", "--out", Path.Combine(folder, "out"));
            var (bad, _, badError) = CliRunner.Execute("run", file, "--precision", "5%", "--out", Path.Combine(folder, "bad"));
            string[] rows = File.ReadAllLines(Path.Combine(folder, "out", "trials.csv"));
            using (Assert.EnterMultipleScope())
            {
                Assert.That(code, Is.Zero, stderr);
                Assert.That(stderr, Does.Match(@"precision: every headline 95% half-width is within 0\.05 after \d+ trials"));
                int trials = int.Parse(System.Text.RegularExpressions.Regex.Match(stderr, @"after (\d+) trials").Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
                Assert.That(trials % PrecisionRun.BatchTrials, Is.Zero);
                Assert.That(rows.Skip(1).Select(r => r.Split(',')[1]).Distinct().Count(), Is.EqualTo(trials));
                Assert.That(bad, Is.EqualTo(2));
                Assert.That(badError, Does.Contain("--precision must be a share between 0 and 1"));
                Assert.That(Directory.Exists(Path.Combine(folder, "bad")), Is.False);
            }
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
