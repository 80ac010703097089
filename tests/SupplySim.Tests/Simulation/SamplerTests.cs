using MathNet.Numerics.Distributions;
using NUnit.Framework;
using SupplySim.Model;
using SupplySim.Simulation;
using SupplySim.Scenario;

namespace SupplySim.Tests.Simulation;

/// <summary>Each distribution's draws against MathNet's analytic mean and CDF (MathNet is only the oracle).</summary>
[TestFixture]
internal sealed class SamplerTests
{
    private const int Draws = 100_000;

    private static IEnumerable<TestCaseData> Cases()
    {
        yield return new TestCaseData("{dist: uniform, min: 2, max: 5}", (IContinuousDistribution)new ContinuousUniform(2, 5)).SetName("Sample_Uniform_MatchesMathNet");
        yield return new TestCaseData("{dist: triangular, min: 1, mode: 2, max: 6}", (IContinuousDistribution)new Triangular(1, 6, 2)).SetName("Sample_Triangular_MatchesMathNet");
        yield return new TestCaseData("{dist: normal, mean: 10, sd: 2}", (IContinuousDistribution)new Normal(10, 2)).SetName("Sample_Normal_MatchesMathNet");
        yield return new TestCaseData("{dist: lognormal, median: 3, sigma: 0.5}", (IContinuousDistribution)new LogNormal(Math.Log(3), 0.5)).SetName("Sample_Lognormal_MatchesMathNet");
        yield return new TestCaseData("{dist: beta, alpha: 2, beta: 5}", (IContinuousDistribution)new Beta(2, 5)).SetName("Sample_Beta_MatchesMathNet");
        // PERT(0, 2, 10, λ=4) is Beta(1 + 4·0.2, 1 + 4·0.8) scaled to [0, 10]; compared on the unit scale below.
        yield return new TestCaseData("{dist: pert, min: 0, mode: 2, max: 10}", (IContinuousDistribution)new Beta(1.8, 4.2)).SetName("Sample_Pert_MatchesScaledBeta");
    }

    [TestCaseSource(nameof(Cases))]
    public void Sample_Distribution_MeanAndCdfMatchOracle(string yaml, IContinuousDistribution oracle)
    {
        var table = CompileParameter(yaml);
        double scale = yaml.Contains("pert", StringComparison.Ordinal) ? 10 : 1;
        var rng = Rng.ForStream(7, 0, 0);
        var draws = new double[Draws];
        for (int i = 0; i < Draws; i++)
        {
            draws[i] = Sampler.Sample(table, 0, ref rng) / scale;
        }

        double mean = draws.Average();
        double cdfAtMean = oracle.CumulativeDistribution(oracle.Mean);
        double belowMean = draws.Count(x => x <= oracle.Mean) / (double)Draws;
        using (Assert.EnterMultipleScope())
        {
            Assert.That(mean, Is.EqualTo(oracle.Mean).Within(5 * oracle.StdDev / Math.Sqrt(Draws)));
            // The empirical CDF at the mean against the analytic CDF, binomial σ = sqrt(F(1-F)/n).
            Assert.That(belowMean, Is.EqualTo(cdfAtMean).Within(5 * Math.Sqrt(cdfAtMean * (1 - cdfAtMean) / Draws)));
        }
    }

    [Test]
    public void Sample_TruncatedNormal_StaysInBoundsWithTruncatedMean()
    {
        var table = CompileParameter("{dist: normal, mean: 0, sd: 1, min: 0, max: 10}");
        var rng = Rng.ForStream(3, 0, 0);
        double sum = 0;
        for (int i = 0; i < Draws; i++)
        {
            double x = Sampler.Sample(table, 0, ref rng);
            Assert.That(x, Is.InRange(0.0, 10.0));
            sum += x;
        }

        // Half-normal mean sqrt(2/π), sd sqrt(1 - 2/π).
        Assert.That(sum / Draws, Is.EqualTo(Math.Sqrt(2 / Math.PI)).Within(5 * Math.Sqrt(1 - (2 / Math.PI)) / Math.Sqrt(Draws)));
    }

    [Test]
    public void Sample_Discrete_FrequenciesMatchWeights()
    {
        var table = CompileParameter("{dist: discrete, values: [1, 2, 3], weights: [1, 2, 7]}");
        var rng = Rng.ForStream(5, 0, 0);
        var counts = new int[4];
        for (int i = 0; i < Draws; i++)
        {
            counts[(int)Sampler.Sample(table, 0, ref rng)]++;
        }

        double[] expected = [0.1, 0.2, 0.7];
        for (int v = 1; v <= 3; v++)
        {
            double p = expected[v - 1];
            Assert.That(counts[v] / (double)Draws, Is.EqualTo(p).Within(5 * Math.Sqrt(p * (1 - p) / Draws)));
        }
    }

    /// <summary>Compiles one distribution written in YAML flow style as parameter 0 of a fresh table.</summary>
    private static ParameterTable CompileParameter(string distribution)
    {
        var root = YamlTreeBuilder.Load(new YamlDotNet.Core.Parser(new StringReader(distribution)))[0];
        var diagnostics = new DiagnosticBag();
        var doc = UncertainParser.Parse(root, "x", Dimension.None, null, "test.yaml", diagnostics);
        var builder = new ParameterTableBuilder();
        int index = new ParameterCompiler(builder, diagnostics).Add(doc!, "x", "x", -double.MaxValue, double.MaxValue, perTrial: true);
        Assert.That(diagnostics.Items, Is.Empty);
        Assert.That(index, Is.Zero);
        return builder.Build();
    }
}
