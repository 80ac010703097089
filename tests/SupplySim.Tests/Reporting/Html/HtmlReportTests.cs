using System.Text.RegularExpressions;
using System.Xml.Linq;
using NUnit.Framework;
using SupplySim.Reporting.Html;

namespace SupplySim.Tests.Reporting.Html;

/// <summary>The self-contained HTML report: structure, no external references, deterministic bytes.</summary>
[TestFixture]
internal sealed partial class HtmlReportTests
{
    private static string? _shippedHtml;
    private static ReportData? _shippedData;

    private static ReportData ShippedData => _shippedData ??= ReportData.FromRun(ReportFixtures.Run(ReportFixtures.Shipped(), 24, 7));

    private static string ShippedHtml => _shippedHtml ??= HtmlReport.Render(ShippedData);

    [GeneratedRegex("<svg[ >]")]
    private static partial Regex SvgOpen();

    [Test]
    public void Render_ShippedScenario_IsWellFormedXmlAfterTheDoctype()
    {
        string body = ShippedHtml.Replace("<!DOCTYPE html>", "", StringComparison.Ordinal);
        var document = XDocument.Parse(body);
        Assert.That(document.Root!.Name.LocalName, Is.EqualTo("html"));
    }

    [Test]
    public void Render_ShippedScenario_HasEveryTableAndChart()
    {
        var data = ShippedData;
        int sectors = data.Scenarios[0].Sectors.Count;
        int fans = data.Scenarios[0].Fans.Count;
        using (Assert.EnterMultipleScope())
        {
            Assert.That(Regex.Count(ShippedHtml, "<table class=\"headline\">"), Is.EqualTo(data.Scenarios.Count));
            Assert.That(fans, Is.InRange(1, ReportData.DefaultMaxFans));
            int prices = Regex.Count(ShippedHtml, "class=\"chart price\"");
            Assert.That(prices, Is.GreaterThan(0), "the shipped file has markets whose prices move");
            Assert.That(SvgOpen().Count(ShippedHtml), Is.EqualTo(sectors + 1 + fans + prices + 1));
            Assert.That(Regex.Count(ShippedHtml, "class=\"chart cdf\""), Is.EqualTo(sectors));
            Assert.That(Regex.Count(ShippedHtml, "class=\"chart fan\""), Is.EqualTo(fans));
            Assert.That(ShippedHtml, Does.Contain("class=\"chart delta\""));
            Assert.That(ShippedHtml, Does.Contain("class=\"network\""));
            Assert.That(ShippedHtml, Does.Contain("shortage fraction over the horizon (% of demand)"));
            Assert.That(ShippedHtml, Does.Contain("cover (days)"));
            Assert.That(data.Scenarios.Skip(1).All(s => s.Events.Count > 0), Is.True);
        }
    }

    [Test]
    public void Render_ShippedScenario_HasNoExternalReference()
    {
        using (Assert.EnterMultipleScope())
        {
            Assert.That(ShippedHtml, Does.Not.Contain("http://"));
            Assert.That(ShippedHtml, Does.Not.Contain("https://"));
            Assert.That(ShippedHtml, Does.Not.Contain("src="));
            Assert.That(ShippedHtml, Does.Not.Contain("<script"));
            Assert.That(ShippedHtml, Does.Not.Contain("<link"));
            Assert.That(ShippedHtml, Does.Not.Contain("url("));
            Assert.That(Regex.Count(ShippedHtml, "href=\"(?!#)"), Is.Zero);
        }
    }

    [Test]
    public void Render_SameSeedTwice_ByteIdentical()
    {
        var model = ReportFixtures.Chain();
        string first = HtmlReport.Render(ReportData.FromRun(ReportFixtures.Run(model, 16, 5)));
        string second = HtmlReport.Render(ReportData.FromRun(ReportFixtures.Run(model, 16, 5)));
        Assert.That(second, Is.EqualTo(first));
    }

    [Test]
    public void Render_SavedAndReloaded_ByteIdentical()
    {
        using var stream = new MemoryStream();
        ReportDataJson.Write(ShippedData, stream);
        stream.Position = 0;
        var reloaded = ReportDataJson.Read(stream);
        Assert.That(HtmlReport.Render(reloaded, "us-ban-dec-2024"), Is.EqualTo(HtmlReport.Render(ShippedData, "us-ban-dec-2024")));
    }

    [Test]
    public void Read_OtherSchema_ThrowsInvalidData()
    {
        using var stream = new MemoryStream("""{"schema":"supplysim.summary/1"}"""u8.ToArray());
        Assert.That(() => ReportDataJson.Read(stream), Throws.TypeOf<InvalidDataException>());
    }

    [Test]
    public void Render_UnknownFocus_ThrowsNamingTheScenarios()
    {
        Assert.That(() => HtmlReport.Render(ShippedData, "nope"), Throws.ArgumentException.With.Message.Contains("baseline"));
    }

    [Test]
    public void FromRun_WithoutWeeklySeries_RendersWithoutFanCharts()
    {
        var data = ReportData.FromRun(ReportFixtures.Run(ReportFixtures.Chain(), 8, 1, weekly: false));
        string html = HtmlReport.Render(data);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(data.Scenarios.All(s => s.Fans.Count == 0), Is.True);
            Assert.That(html, Does.Contain("no fan charts"));
            Assert.That(html, Does.Not.Contain("class=\"chart fan\""));
        }
    }

    [Test]
    public void FromRun_BanScenario_SummarisesShortageAndEventStart()
    {
        // The chain's only supplier is banned from day 0: with 100 t on hand and 10 t/d, the user runs dry on day 10.
        var data = ReportData.FromRun(ReportFixtures.Run(ReportFixtures.Chain(), 8, 1));
        var ban = data.Scenarios[1];
        var row = ban.Sectors.Single();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(ban.Events.Select(e => e.Start), Is.EqualTo(new[] { new DateOnly(2024, 1, 1) }));
            Assert.That(row.PAnyShortage, Is.EqualTo(1.0));
            Assert.That(row.ShortageFraction.Mean, Is.EqualTo(355.0 / 365.0).Within(1e-9));
            Assert.That(row.ShortageDelta!.Mean, Is.EqualTo(355.0 / 365.0).Within(1e-9));
            Assert.That(row.TimeToShortageDays.P50, Is.EqualTo(10.0));
            Assert.That(row.ShortageQuantiles, Has.Count.EqualTo(51));
            Assert.That(ban.Fans.Single().FillP50[^1], Is.Zero);
            Assert.That(data.Scenarios[0].Sectors.Single().ShortageDelta, Is.Null);
        }
    }

    [Test]
    public void Render_ShippedFileWithMarkets_DrawsThePricesThatMove()
    {
        string html = HtmlReport.Render(ShippedData);
        var prices = ShippedData.Scenarios[0].PriceFans;
        using (Assert.EnterMultipleScope())
        {
            Assert.That(prices, Is.Not.Null.And.Count.EqualTo(12), "two markets for each of the six priced materials");
            Assert.That(prices!.All(p => p.P10.Count == 24 && p.P50.Count == 24 && p.P90.Count == 24), "one value per month of the two-year run");
            Assert.That(html, Does.Contain("<section id=\"prices\">"));
            Assert.That(html, Does.Contain("sb · outside-CN"), "antimony's outside price moves under the controls");
            Assert.That(html, Does.Not.Contain("sb · inside-CN"), "no Chinese buyer: the inside price never moves and is left out");
        }
    }

    [Test]
    public void Write_FileWithoutMarkets_NoPriceKeyInReportData()
    {
        var data = ReportData.FromRun(ReportFixtures.Run(ReportFixtures.Chain(), 8, 3));
        using var stream = new MemoryStream();
        ReportDataJson.Write(data, stream);
        string json = System.Text.Encoding.UTF8.GetString(stream.ToArray());
        using (Assert.EnterMultipleScope())
        {
            Assert.That(json, Does.Not.Contain("price_fans"));
            Assert.That(HtmlReport.Render(data), Does.Not.Contain("id=\"prices\""));
        }
    }

    [Test]
    public void Read_ReportDataWithPrices_RoundTripsThePriceBands()
    {
        using var stream = new MemoryStream();
        ReportDataJson.Write(ShippedData, stream);
        stream.Position = 0;
        var read = ReportDataJson.Read(stream);
        Assert.That(read.Scenarios[^1].PriceFans![1].P50, Is.EqualTo(ShippedData.Scenarios[^1].PriceFans![1].P50));
    }

    [Test]
    public void Render_ShippedScenario_OpensWithTheExecutiveSummary()
    {
        int summary = ShippedHtml.IndexOf("<section id=\"summary\">", StringComparison.Ordinal);
        int headline = ShippedHtml.IndexOf("<section id=\"headline\">", StringComparison.Ordinal);
        string section = ShippedHtml[summary..headline];
        var focus = ShippedData.Scenarios[^1];
        var mostAtRisk = focus.Sectors.MaxBy(r => r.PAnyShortage)!;
        using (Assert.EnterMultipleScope())
        {
            Assert.That(summary, Is.GreaterThan(0).And.LessThan(headline), "the summary comes first");
            Assert.That(ShippedHtml[..summary], Does.Not.Contain("<section"), "no section before it");
            Assert.That(section, Does.Contain($"chance that <b>{mostAtRisk.Sector}</b> runs short of <b>{mostAtRisk.Material}</b>"));
            Assert.That(section, Does.Contain("against the baseline"));
            Assert.That(section, Does.Contain("lanes whose loss matters most").And.Contain(" t less"));
        }
    }
}
