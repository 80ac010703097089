using System.Text.RegularExpressions;
using NUnit.Framework;
using SupplySim.Reporting.Html;

namespace SupplySim.Tests.Reporting.Html;

/// <summary>The report's table of the lanes a scenario changes most, readable at any network size.</summary>
[TestFixture]
internal sealed class LaneChangesTests
{
    [Test]
    public void Largest_ByAbsoluteChange_TiesInLaneOrder_UnchangedLanesLeftOut()
    {
        double[] baseline = [10, 10, 10, 10, 0];
        double[] focus = [10, 4, 16, 11, 6];

        Assert.That(LaneChanges.Largest(baseline, focus, 10), Is.EqualTo(new[] { 1, 2, 4, 3 }));
        Assert.That(LaneChanges.Largest(baseline, focus, 2), Is.EqualTo(new[] { 1, 2 }));
    }

    [Test]
    public void Render_FocusScenario_TablesItsLargestLaneChanges_NoneForTheBaseline()
    {
        var data = ReportData.FromRun(ReportFixtures.Run(ReportFixtures.Shipped(), 16, 7));
        var focus = data.Scenarios[^1];
        int lane = LaneChanges.Largest(data.Scenarios[0].LaneShippedT, focus.LaneShippedT, 1).Single();
        var graphLane = data.Graph.Lanes[lane];

        string html = HtmlReport.Render(data);
        string table = Regex.Match(html, "<table class=\"lanes\">.*?</table>", RegexOptions.Singleline).Value;

        using (Assert.EnterMultipleScope())
        {
            Assert.That(html, Does.Contain($"Lanes {focus.Id} changes most"));
            Assert.That(Regex.Count(table, "<tr><td>"), Is.EqualTo(LaneChanges.MaxRows), "the shipped network has more changed lanes than rows");
            Assert.That(table.IndexOf($"<tr><td>{graphLane.From}</td><td>{graphLane.To}</td>", StringComparison.Ordinal),
                Is.EqualTo(table.IndexOf("<tr><td>", StringComparison.Ordinal)).And.GreaterThan(0), "the largest change is the first row");
            Assert.That(HtmlReport.Render(data, "baseline"), Does.Not.Contain("<table class=\"lanes\">"));
        }
    }
}
