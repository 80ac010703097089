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
        QuantityError? error = Units.TryParse(text, dimension, null, out double value);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(error, Is.Null);
            Assert.That(value, Is.EqualTo(expected).Within(1e-12));
        }
    }

    [TestCase("10 tonnes/yr", Dimension.Rate, "SS0007", TestName = "TryParse_SpelledOutUnit_SS0007")]
    [TestCase("10 t", Dimension.Rate, "SS0007", TestName = "TryParse_MassForRate_SS0007")]
    [TestCase("10 t/fortnight", Dimension.Rate, "SS0007", TestName = "TryParse_UnknownPeriod_SS0007")]
    [TestCase("1000", Dimension.Rate, "SS0007", TestName = "TryParse_RateWithoutUnit_SS0007")]
    [TestCase("10 days", Dimension.Duration, "SS0007", TestName = "TryParse_UnknownDurationUnit_SS0007")]
    [TestCase("10 T", Dimension.Mass, "SS0007", TestName = "TryParse_UpperCaseUnit_SS0007")]
    [TestCase("1 t", Dimension.None, "SS0007", TestName = "TryParse_UnitOnPlainNumber_SS0007")]
    [TestCase("abc", Dimension.None, "SS0006", TestName = "TryParse_Text_SS0006")]
    [TestCase("", Dimension.None, "SS0006", TestName = "TryParse_Empty_SS0006")]
    [TestCase(".nan", Dimension.None, "SS0006", TestName = "TryParse_YamlNan_SS0006")]
    [TestCase(".inf", Dimension.None, "SS0006", TestName = "TryParse_YamlInfinity_SS0006")]
    [TestCase("1e999", Dimension.None, "SS0006", TestName = "TryParse_Overflow_SS0006")]
    [TestCase(".nan t/yr", Dimension.Rate, "SS0006", TestName = "TryParse_NanWithUnit_SS0006")]
    [TestCase("lots t/yr", Dimension.Rate, "SS0006", TestName = "TryParse_WordWithUnit_SS0006")]
    public void TryParse_InvalidQuantity_ReturnsCode(string text, Dimension dimension, string code) =>
        Assert.That(Units.TryParse(text, dimension, null, out _)?.Code, Is.EqualTo(code));

    [Test]
    public void TryParse_BareNumberWithDefaultUnit_UsesDefault()
    {
        QuantityError? error = Units.TryParse("730", Dimension.Rate, "t/yr", out double value);

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
