using NUnit.Framework;
using SupplySim.Calibration;
using SupplySim.Tests.Support;

namespace SupplySim.Tests.Calibration;

/// <summary>ABC-SMC recovers known parameters, narrows the prior, ignores held-out observations and repeats itself.</summary>
[TestFixture]
internal sealed class AbcSmcTests
{
    private static readonly CalibrationOptions Small = new(Seed: 1) { Particles = 100, TrialsPerParticle = 4, Budget = 100 * 4 * 12 };

    [Test]
    public void Run_ObservationsFromKnownParameters_The80PercentIntervalCoversTheTruthAsOftenAsItShould()
    {
        int covered = 0, narrower = 0;
        const int Repetitions = 20;
        for (int r = 0; r < Repetitions; r++)
        {
            // The truth is a draw from the prior (uniform 5-15 and 20-40 t/d), so coverage is judged where the prior puts it.
            var random = new Random(1000 + r);
            double[] truth = [5 + (10 * random.NextDouble()), 20 + (20 * random.NextDouble())];
            var model = TestModels.Compile(CalibrationModels.WithObservations(CalibrationModels.Observe(truth, (ulong)(5000 + r))));
            var result = AbcSmc.Run(model, CalibrationModels.Parameters, model.Observations, Small with { Seed = (ulong)r });
            var posterior = result.Posterior;
            for (int j = 0; j < truth.Length; j++)
            {
                double[] values = [.. Enumerable.Range(0, posterior.Particles).Select(i => posterior.Value(i, j))];
                double low = WeightedSample.Quantile(values, posterior.Weights, 0.1), high = WeightedSample.Quantile(values, posterior.Weights, 0.9);
                covered += j == 0 && truth[j] >= low && truth[j] <= high ? 1 : 0;
                double priorWidth = j == 0 ? 10 * 0.8 : 20 * 0.8;
                narrower += high - low < priorWidth ? 1 : 0;
            }
        }

        TestContext.Out.WriteLine($"covered {covered} of {Repetitions}");
        using (Assert.EnterMultipleScope())
        {
            // 80% intervals over 20 independent truths: Binomial(20, 0.8) lies in [12, 20] with probability 0.99.
            Assert.That(covered, Is.InRange(12, 20), "repetitions whose 80% interval of the first parameter covers its truth");
            Assert.That(narrower, Is.EqualTo(2 * Repetitions), "every posterior 80% interval is narrower than the prior's");
        }
    }

    [Test]
    public void Run_SameSeed_SameParticlesWhateverTheThreads()
    {
        var model = TestModels.Compile(CalibrationModels.WithObservations(CalibrationModels.Observe([9, 31], 77)));
        var one = AbcSmc.Run(model, CalibrationModels.Parameters, model.Observations, Small with { Threads = 1, Budget = 100 * 4 * 4 });
        var two = AbcSmc.Run(model, CalibrationModels.Parameters, model.Observations, Small with { Threads = 2, Budget = 100 * 4 * 4 });
        using (Assert.EnterMultipleScope())
        {
            Assert.That(Values(two.Posterior), Is.EqualTo(Values(one.Posterior)));
            Assert.That(two.Posterior.Weights, Is.EqualTo(one.Posterior.Weights));
            Assert.That(two.Generations, Is.EqualTo(one.Generations));
        }
    }

    [Test]
    public void Run_UntilADate_UsesNoObservationEndingAfterIt()
    {
        double[] observed = CalibrationModels.Observe([9, 31], 77);
        var model = TestModels.Compile(CalibrationModels.WithObservations(observed));
        double[] changed = [observed[0], observed[1] * 3, observed[2], observed[3] * 3];
        var changedModel = TestModels.Compile(CalibrationModels.WithObservations(changed));
        var until = new DateOnly(2024, 7, 1);
        var fitted = CalibrationReport.FittedObservations(model, until);
        var options = Small with { Budget = 100 * 4 * 4, Until = until };
        var result = AbcSmc.Run(model, CalibrationModels.Parameters, fitted, options);
        var changedResult = AbcSmc.Run(changedModel, CalibrationModels.Parameters, CalibrationReport.FittedObservations(changedModel, until), options);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(fitted.Select(o => o.Id), Is.EqualTo(new[] { "east-h1", "west-h1" }));
            // The second half's observed values (after the date) changed threefold; the posterior did not move at all.
            Assert.That(Values(changedResult.Posterior), Is.EqualTo(Values(result.Posterior)));
            Assert.That(changedResult.Posterior.Weights, Is.EqualTo(result.Posterior.Weights));
        }
    }

    [Test]
    public void Run_TooSmallABudgetOrAFixedParameter_IsRefused()
    {
        var model = TestModels.Compile(CalibrationModels.WithObservations([1000, 1000, 5000, 5000]));
        using (Assert.EnterMultipleScope())
        {
            Assert.That(() => AbcSmc.Run(model, CalibrationModels.Parameters, model.Observations, Small with { Budget = 10 }),
                Throws.ArgumentException.With.Message.Contains("does not buy one generation"));
            Assert.That(() => AbcSmc.Run(model, ["nodes[mine].capacity"], model.Observations, Small),
                Throws.ArgumentException.With.Message.Contains("not a continuous uncertain per-trial parameter"));
        }
    }

    private static double[] Values(Posterior posterior) =>
        [.. Enumerable.Range(0, posterior.Particles).SelectMany(i => Enumerable.Range(0, posterior.ParameterNames.Count).Select(j => posterior.Value(i, j)))];
}
