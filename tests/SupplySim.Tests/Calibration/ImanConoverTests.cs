using NUnit.Framework;
using SupplySim.Simulation;
using SupplySim.Tests.Support;

namespace SupplySim.Tests.Calibration;

/// <summary>
/// <c>correlations:</c> with Iman–Conover: the target rank correlations are achieved, each marginal keeps exactly its own
/// draws, and the kernel's trials see the correlated values.
/// </summary>
[TestFixture]
internal sealed class ImanConoverTests
{
    private static readonly double[,] Target = { { 1, 0.7, -0.4 }, { 0.7, 1, 0 }, { -0.4, 0, 1 } };

    private static readonly string Model = CalibrationModels.WithObservations([1, 1, 1, 1], """
        correlations:
          parameters:
            - nodes[east].demand.sb
            - nodes[west].demand.sb
            - nodes[mine].initial_inventory.sb
          matrix:
            - [1, 0.7, -0.4]
            - [0.7, 1, 0]
            - [-0.4, 0, 1]
        """).Replace("initial_inventory: {sb: 30000 t}", "initial_inventory: {sb: {dist: lognormal, median: 30000, sigma: 0.5, unit: t}}", StringComparison.Ordinal);

    [Test]
    public void Draws_TenThousandTrials_AchieveTheTargetSpearmanMatrixWithin003()
    {
        var model = TestModels.Compile(Model);
        var draws = new CorrelatedDraws(model.Network.Parameters, model.Network.Correlations!);
        const int Trials = 10_000;
        double[][] columns = [.. Enumerable.Range(0, 3).Select(j => Enumerable.Range(0, Trials).Select(t => draws.Value(5, t, j)).ToArray())];
        using (Assert.EnterMultipleScope())
        {
            for (int a = 0; a < 3; a++)
            {
                for (int b = 0; b < a; b++)
                {
                    Assert.That(Spearman(columns[a], columns[b]), Is.EqualTo(Target[a, b]).Within(0.03), $"parameters {a} and {b}");
                }
            }
        }
    }

    [Test]
    public void Draws_EveryBlock_HoldsExactlyTheValuesEachParameterDrawsAlone()
    {
        var correlated = TestModels.Compile(Model);
        var alone = TestModels.Compile(Model[..Model.IndexOf("correlations:", StringComparison.Ordinal)] +
                                       Model[Model.IndexOf("observations:", StringComparison.Ordinal)..]);
        Assert.That(alone.Network.Correlations, Is.Null);
        var table = alone.Network.Parameters;
        var draws = new CorrelatedDraws(correlated.Network.Parameters, correlated.Network.Correlations!);
        const int Trials = 10 * CorrelatedDraws.BlockTrials;
        using (Assert.EnterMultipleScope())
        {
            for (int j = 0; j < 3; j++)
            {
                int p = correlated.Network.Correlations!.Targets[j][0];
                double[] own = [.. Enumerable.Range(0, Trials).Select(t =>
                {
                    var rng = Rng.ForStream(5, t, table.StreamKey[p]);
                    return Sampler.Sample(table, p, ref rng);
                }).Order()];
                double[] paired = [.. Enumerable.Range(0, Trials).Select(t => draws.Value(5, t, j)).Order()];
                Assert.That(paired, Is.EqualTo(own), $"parameter {j}: the same values, re-paired only");
            }
        }
    }

    [Test]
    public void Run_CorrelatedDemands_TrialsShowTheCorrelation()
    {
        var correlated = TestModels.Compile(Model);
        var independent = TestModels.Compile(Model.Replace("[1, 0.7, -0.4]", "[1, 0, -0.4]", StringComparison.Ordinal)
            .Replace("[0.7, 1, 0]", "[0, 1, 0]", StringComparison.Ordinal));
        double With(SupplySim.Model.CompiledModel model)
        {
            var result = MonteCarlo.Run(model, model.Scenarios[0], new MonteCarloOptions(2000, 3));
            int east = TestModels.Column(result, EntityKind.Consumer, "east", "sb", Metric.DemandT);
            int west = TestModels.Column(result, EntityKind.Consumer, "west", "sb", Metric.DemandT);
            return Spearman(result.Column(east).ToArray(), result.Column(west).ToArray());
        }

        using (Assert.EnterMultipleScope())
        {
            // Daily demand noise blurs the rate a little: the yearly demands keep most of the 0.7.
            Assert.That(With(correlated), Is.InRange(0.6, 0.75));
            Assert.That(With(independent), Is.InRange(-0.1, 0.1));
        }
    }

    private static double Spearman(double[] x, double[] y)
    {
        double[] rx = Ranks(x), ry = Ranks(y);
        double mx = rx.Average(), my = ry.Average(), sxy = 0, sxx = 0, syy = 0;
        for (int i = 0; i < x.Length; i++)
        {
            sxy += (rx[i] - mx) * (ry[i] - my);
            sxx += (rx[i] - mx) * (rx[i] - mx);
            syy += (ry[i] - my) * (ry[i] - my);
        }

        return sxy / Math.Sqrt(sxx * syy);
    }

    private static double[] Ranks(double[] values)
    {
        int[] order = [.. Enumerable.Range(0, values.Length).OrderBy(i => values[i])];
        var ranks = new double[values.Length];
        for (int r = 0; r < order.Length; r++)
        {
            ranks[order[r]] = r;
        }

        return ranks;
    }
}
