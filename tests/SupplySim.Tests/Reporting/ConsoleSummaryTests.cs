using NUnit.Framework;
using SupplySim.Reporting;
using SupplySim.Simulation;
using SupplySim.Tests.Support;

namespace SupplySim.Tests.Reporting;

/// <summary>The console table: fits 100 columns, colours only when asked (a terminal).</summary>
[TestFixture]
internal sealed class ConsoleSummaryTests
{
    private static RunReport Report()
    {
        var model = TestModels.Compile(TestModels.Chain);
        var options = new MonteCarloOptions(8, 1);
        return new RunReport(model, 1, [.. model.Scenarios.Select(s => MonteCarlo.Run(model, s, options))]);
    }

    [Test]
    public void Format_WithColour_MarksCertainShortageRedAndKeepsWidth()
    {
        string text = ConsoleSummary.Format(Report(), colour: true);
        var visible = text.Replace("\u001b[31m", "", StringComparison.Ordinal).Replace("\u001b[33m", "", StringComparison.Ordinal)
            .Replace("\u001b[0m", "", StringComparison.Ordinal).Split('\n');
        using (Assert.EnterMultipleScope())
        {
            Assert.That(text, Does.Contain("\u001b[31m"));
            Assert.That(visible.Max(line => line.Length), Is.LessThanOrEqualTo(ConsoleSummary.Width));
        }
    }

    [Test]
    public void Format_WithoutColour_HasNoEscapeCodes() =>
        Assert.That(ConsoleSummary.Format(Report()), Does.Not.Contain("\u001b"));

    [TestCase(0.015, "+1.5%")]
    [TestCase(-0.003, "-0.3%")]
    [TestCase(0.0, "+0.0%")]
    [TestCase(-0.0, "+0.0%")]
    [TestCase(-1e-6, "+0.0%")]
    public void SignedPercent_ZeroAndTinyNegatives_PrintOneSign(double share, string expected) =>
        Assert.That(ConsoleSummary.SignedPercent(share), Is.EqualTo(expected));
}
