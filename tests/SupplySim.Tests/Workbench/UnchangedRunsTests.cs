using NUnit.Framework;
using SupplySim.Cli.Workbench;
using SupplySim.Simulation;
using SupplySim.Tests.Support;

namespace SupplySim.Tests.Workbench;

/// <summary>The workbench's cache of unchanged runs is bounded in bytes as well as in runs.</summary>
[TestFixture]
internal sealed class UnchangedRunsTests
{
    private static ScenarioResult Run(int trials)
    {
        var model = TestModels.Compile(TestModels.Chain);
        return MonteCarlo.Run(model, model.Scenarios[0], new MonteCarloOptions(trials, 1, 1, RecordWeeklySeries: true));
    }

    [Test]
    public void GetOrRun_KeepsRunsWithinTheirBytes_RunsAgainOnlyWhatWasDropped()
    {
        var (small, large) = (Run(4), Run(16));
        Assert.That(large.HeldBytes, Is.EqualTo(4 * small.HeldBytes), "a result's bytes grow with its trials");
        var cache = new UnchangedRuns(maxRuns: 8, maxBytes: 6 * small.HeldBytes);
        int runs = 0;
        ScenarioResult Counted(ScenarioResult result)
        {
            runs++;
            return result;
        }

        using (Assert.EnterMultipleScope())
        {
            Assert.That(cache.GetOrRun(("f", "s", 0, 4), () => Counted(small)), Is.SameAs(small));
            Assert.That(cache.GetOrRun(("f", "s", 0, 4), () => Counted(Run(4))), Is.SameAs(small), "kept: not run again");
            Assert.That(cache.GetOrRun(("f", "s", 4, 16), () => Counted(large)), Is.SameAs(large));
            Assert.That((cache.Count, cache.Bytes, runs), Is.EqualTo((2, 5 * small.HeldBytes, 2)));

            // Another large run would pass the budget: the cache starts again with it.
            cache.GetOrRun(("f", "s", 20, 16), () => Counted(Run(16)));
            Assert.That((cache.Count, cache.Bytes, runs), Is.EqualTo((1, 4 * small.HeldBytes, 3)));
            cache.GetOrRun(("f", "s", 0, 4), () => Counted(Run(4)));
            Assert.That(runs, Is.EqualTo(4), "dropped with the rest, so run again");

            // A run larger than the whole budget is used, not kept.
            var tooLarge = Run(32);
            Assert.That(cache.GetOrRun(("f", "s", 0, 32), () => tooLarge), Is.SameAs(tooLarge));
            Assert.That(cache.Count, Is.EqualTo(2));
        }
    }

    [Test]
    public void GetOrRun_MoreRunsThanAllowed_StartsAgain()
    {
        var result = Run(2);
        var cache = new UnchangedRuns(maxRuns: 2, maxBytes: long.MaxValue);

        cache.GetOrRun(("f", "a", 0, 2), () => result);
        cache.GetOrRun(("f", "b", 0, 2), () => result);
        cache.GetOrRun(("f", "c", 0, 2), () => result);

        Assert.That(cache.Count, Is.EqualTo(1));
    }
}
