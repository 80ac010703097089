using NUnit.Framework;
using SupplySim.Model;
using SupplySim.Reporting;
using SupplySim.Reporting.Streaming;
using SupplySim.Simulation;
using SupplySim.Statistics;
using SupplySim.Tests.Support;

namespace SupplySim.Tests.Reporting;

/// <summary>
/// The paired delta of <c>time_to_shortage_days</c>: the scenario counts from its first event and the baseline from
/// the start, so the delta must compare the days of first shortage, not the two counts. Deterministic chain (no
/// demand noise): the consumer uses 10 t/d.
/// </summary>
public sealed class PairedDeltaTests
{
    private const int Trials = 4;
    private const ulong Seed = 3;

    [Test]
    public void Delta_NeitherRunEverShort_IsZeroWhateverTheFirstEventDay()
    {
        // A ban on another destination starts on day 120: nothing changes for the user, who is never short.
        var report = Run(Chain(initialTonnes: 100, banStart: "2024-04-30", destination: "JP"));
        using (Assert.EnterMultipleScope())
        {
            Assert.That(Values(report, 0), Is.All.EqualTo(365.0), "baseline censored at the horizon");
            Assert.That(Values(report, 1), Is.All.EqualTo(365.0 - 120), "scenario counts from its first event");
            Assert.That(Delta(report).Mean, Is.EqualTo(0.0));
            Assert.That(Delta(report).Max, Is.EqualTo(0.0));
        }
    }

    [Test]
    public void Delta_ShortOnlyAfterTheEvent_IsTheChangeInTheDayOfFirstShortage()
    {
        // The ban from day 120 cuts the user's supply: first short some days after it; the baseline never is.
        var report = Run(Chain(initialTonnes: 100, banStart: "2024-04-30", destination: "US"));
        double sinceEvent = Values(report, 1)[0];
        using (Assert.EnterMultipleScope())
        {
            Assert.That(sinceEvent, Is.GreaterThan(0).And.LessThan(60));
            Assert.That(Delta(report).Mean, Is.EqualTo(120 + sinceEvent - 365), "first short on day 120 + t instead of never");
        }
    }

    [Test]
    public void Delta_BaselineShortBeforeTheEvent_IsZero()
    {
        // No opening stock and a 5-day lead time: both runs fall short on day 0, long before the ban of day 120
        // (on common random numbers they are identical until it). The scenario's own count restarts at the ban.
        var report = Run(Chain(initialTonnes: 0, banStart: "2024-04-30", destination: "US"));
        using (Assert.EnterMultipleScope())
        {
            Assert.That(Values(report, 0), Is.All.EqualTo(0.0));
            Assert.That(Values(report, 1), Is.All.GreaterThan(0.0));
            Assert.That(Delta(report).Mean, Is.EqualTo(0.0));
            Assert.That(Delta(report).Max, Is.EqualTo(0.0));
        }
    }

    [Test]
    public void Delta_StreamedRun_SameAsInMemory()
    {
        var model = TestModels.Compile(Chain(initialTonnes: 100, banStart: "2024-04-30", destination: "US"));
        var exact = Report(model);
        string dir = Directory.CreateTempSubdirectory("supplysim-delta-").FullName;
        try
        {
            var streamed = StreamingRun.Run(model, model.Scenarios, new MonteCarloOptions(Trials, Seed, 1), dir);
            int column = Column(exact);
            Assert.That(streamed.Delta(1, column)!.Mean, Is.EqualTo(exact.Delta(1, column)!.Mean));
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    private static string Chain(int initialTonnes, string banStart, string destination) => TestModels.Chain
        .Replace("initial_inventory: {sb: 100 t}", $"initial_inventory: {{sb: {initialTonnes} t}}", StringComparison.Ordinal)
        .Replace("  start: 2024-01-01", $"  start: {banStart}", StringComparison.Ordinal)
        .Replace("destinations: [US]", $"destinations: [{destination}]", StringComparison.Ordinal);

    private static RunReport Run(string yaml) => Report(TestModels.Compile(yaml));

    private static RunReport Report(CompiledModel model) =>
        new(model, Seed, [.. model.Scenarios.Select(s => MonteCarlo.Run(model, s, new MonteCarloOptions(Trials, Seed, 1)))]);

    private static int Column(RunReport report) =>
        TestModels.Column(report.Results[0], EntityKind.Consumer, "user", "sb", Metric.TimeToShortageDays);

    private static double[] Values(RunReport report, int scenario) => report.Results[scenario].Column(Column(report)).ToArray();

    private static MetricSummary Delta(RunReport report) => report.Delta(1, Column(report))!;
}
