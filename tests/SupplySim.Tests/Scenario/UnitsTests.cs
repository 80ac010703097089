using NUnit.Framework;
using SupplySim.Scenario;

namespace SupplySim.Tests.Scenario;

[TestFixture]
internal sealed class UnitsTests
{
    [TestCase("365 t/yr", Dimension.Rate, 1.0, TestName = "TryParse_TonnesPerYear_DividesBy365")]
    [TestCase("730t/yr", Dimension.Rate, 2.0, TestName = "TryParse_TonnesPerYearWithoutSpace_DividesBy365")]
    [TestCase("365000 kg/yr", Dimension.Rate, 1.0, TestName = "TryParse_KilogramsPerYear_ToTonnesPerDay")]
    [TestCase("7 t/w", Dimension.Rate, 1.0, TestName = "TryParse_TonnesPerWeek_DividesBy7")]
    [TestCase("365 t/mo", Dimension.Rate, 12.0, TestName = "TryParse_TonnesPerMonth_DividesByTwelfthOfYear")]
    [TestCase("365 t/month", Dimension.Rate, 12.0, TestName = "TryParse_TonnesPerMonthLong_DividesByTwelfthOfYear")]
    [TestCase("5 t/d", Dimension.Rate, 5.0, TestName = "TryParse_TonnesPerDay_Unchanged")]
    [TestCase("1 kg", Dimension.Mass, 0.001, TestName = "TryParse_Kilogram_IsThousandthTonne")]
    [TestCase("2.5 t", Dimension.Mass, 2.5, TestName = "TryParse_Tonnes_Unchanged")]
    [TestCase("1e3 kg", Dimension.Mass, 1.0, TestName = "TryParse_ExponentNotation_Parsed")]
    [TestCase("45wd", Dimension.Duration, 63.0, TestName = "TryParse_WorkingDays_TimesSevenFifths")]
    [TestCase("1mo", Dimension.Duration, 365.0 / 12, TestName = "TryParse_Month_IsTwelfthOfYear")]
    [TestCase("2w", Dimension.Duration, 14.0, TestName = "TryParse_Weeks_TimesSeven")]
    [TestCase("1yr", Dimension.Duration, 365.0, TestName = "TryParse_Year_Is365Days")]
    [TestCase(" 10d ", Dimension.Duration, 10.0, TestName = "TryParse_SurroundingSpaces_Ignored")]
    [TestCase("0.25", Dimension.None, 0.25, TestName = "TryParse_PlainNumber_Unchanged")]
    [TestCase("-3", Dimension.None, -3.0, TestName = "TryParse_NegativePlainNumber_Parsed")]
    public void TryParse_ValidQuantity_ConvertsToInternalUnit(string text, Dimension dimension, double expected)
    {
        string? error = Units.TryParse(text, dimension, null, out double value);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(error, Is.Null);
            Assert.That(value, Is.EqualTo(expected).Within(1e-12));
        }
    }

    [TestCase("10 tonnes/yr", Dimension.Rate, TestName = "TryParse_SpelledOutUnit_Fails")]
    [TestCase("10 t", Dimension.Rate, TestName = "TryParse_MassForRate_Fails")]
    [TestCase("10 t/fortnight", Dimension.Rate, TestName = "TryParse_UnknownPeriod_Fails")]
    [TestCase("1000", Dimension.Rate, TestName = "TryParse_RateWithoutUnit_Fails")]
    [TestCase("10 days", Dimension.Duration, TestName = "TryParse_UnknownDurationUnit_Fails")]
    [TestCase("10 T", Dimension.Mass, TestName = "TryParse_UpperCaseUnit_Fails")]
    [TestCase("1 t", Dimension.None, TestName = "TryParse_UnitOnPlainNumber_Fails")]
    [TestCase("abc", Dimension.None, TestName = "TryParse_Text_Fails")]
    [TestCase("", Dimension.None, TestName = "TryParse_Empty_Fails")]
    [TestCase(".nan", Dimension.None, TestName = "TryParse_YamlNan_Fails")]
    [TestCase(".inf", Dimension.None, TestName = "TryParse_YamlInfinity_Fails")]
    [TestCase("1e999", Dimension.None, TestName = "TryParse_Overflow_Fails")]
    public void TryParse_InvalidQuantity_ReturnsError(string text, Dimension dimension) =>
        Assert.That(Units.TryParse(text, dimension, null, out _), Is.Not.Null);

    [Test]
    public void TryParse_BareNumberWithDefaultUnit_UsesDefault()
    {
        string? error = Units.TryParse("730", Dimension.Rate, "t/yr", out double value);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(error, Is.Null);
            Assert.That(value, Is.EqualTo(2.0).Within(1e-12));
        }
    }

    [Test]
    public void TryParse_ExplicitUnitBeatsDefault_UsesExplicit()
    {
        Units.TryParse("14 t/w", Dimension.Rate, "t/yr", out double value);

        Assert.That(value, Is.EqualTo(2.0).Within(1e-12));
    }

    [TestCase("kg/yr", Dimension.Rate, 0.001 / 365)]
    [TestCase("t/mo", Dimension.Rate, 12.0 / 365)]
    [TestCase("wd", Dimension.Duration, 1.4)]
    [TestCase("kg", Dimension.Mass, 0.001)]
    public void Factor_AcceptedUnit_ReturnsConversion(string unit, Dimension dimension, double expected) =>
        Assert.That(Units.Factor(unit, dimension), Is.EqualTo(expected).Within(1e-15));

    [TestCase("yr", Dimension.Rate)]
    [TestCase("kg/", Dimension.Rate)]
    [TestCase("t/yr", Dimension.Duration)]
    [TestCase("d", Dimension.None)]
    public void Factor_UnitOfOtherDimension_ReturnsNull(string unit, Dimension dimension) =>
        Assert.That(Units.Factor(unit, dimension), Is.Null);

    [Test]
    public void Accepted_Rate_ListsEveryMassPerPeriod() =>
        Assert.That(Units.Accepted(Dimension.Rate), Is.EquivalentTo(new[]
        {
            "t/d", "t/w", "t/mo", "t/month", "t/yr", "kg/d", "kg/w", "kg/mo", "kg/month", "kg/yr",
        }));
}
