using System.Diagnostics;
using System.Text;
using NUnit.Framework;
using SupplySim.Tests.Scenario;

namespace SupplySim.Tests.Robustness;

/// <summary>
/// Documents built to exhaust the loader (deep nesting, alias bombs, recursive aliases) are refused with SS0011 at
/// the node that crosses the limit, quickly and without building the expanded tree; event streams YamlDotNet's
/// representation model cannot load are syntax errors, and lines are counted as the parser counts them.
/// </summary>
[TestFixture]
internal sealed class GuardedParserTests
{
    /// <summary>Ten levels of nine-fold aliases: 9^10 (3.5 billion) nodes once expanded, a few hundred bytes as text.</summary>
    private static string BillionLaughs(string use)
    {
        var text = new StringBuilder("name: lol\nstart: 2024-01-01\nhorizon: 10d\nlol0: &l0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
        for (int level = 1; level <= 9; level++)
        {
            string previous = $"*l{level - 1}";
            text.Append(System.Globalization.CultureInfo.InvariantCulture,
                $"lol{level}: &l{level} [{string.Join(", ", Enumerable.Repeat(previous, 9))}]\n");
        }

        return text.Append(use).Append('\n').ToString();
    }

    private static (IEnumerable<(string Code, int Line, int Column)> Errors, TimeSpan Elapsed, long Allocated) LoadMeasured(string yaml)
    {
        long before = GC.GetAllocatedBytesForCurrentThread();
        var watch = Stopwatch.StartNew();
        var (document, diagnostics) = TestScenario.Load(yaml);
        watch.Stop();
        Assert.That(document, Is.Null, string.Join("\n", diagnostics.Items));
        return ([.. TestScenario.Errors(diagnostics)], watch.Elapsed, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    [Test]
    public void Load_BillionLaughs_SS0011AtFirstAliasPastTheLimitQuickly()
    {
        var (errors, elapsed, allocated) = LoadMeasured(BillionLaughs("nodes: *l9"));

        // lol1..lol4 expand to 74,718 nodes; the first alias on the lol5 line (9:12) adds 66,430 more.
        using (Assert.EnterMultipleScope())
        {
            Assert.That(errors, Is.EqualTo(new[] { ("SS0011", 9, 12) }));
            Assert.That(elapsed, Is.LessThan(TimeSpan.FromSeconds(2)));
            Assert.That(allocated, Is.LessThan(16L << 20));
        }
    }

    [Test]
    public void Load_AliasesWithinLimit_LoadLikeWrittenOutValues()
    {
        string yaml = TestScenario.Replace("    lead_time: 10d\n", "    lead_time: &lead {dist: uniform, min: 5d, max: 10d}\n") +
                      "  - from: mine\n    to: plant\n    lead_time: *lead\n";

        var (document, diagnostics) = TestScenario.Load(yaml);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(diagnostics.Items, Is.Empty);
            Assert.That(document?.Lanes, Has.Count.EqualTo(2));
            Assert.That(document?.Lanes[1].LeadTime?.Dist, Is.EqualTo("uniform"));
            Assert.That(document?.Lanes[1].LeadTime?.Parameters, Is.EqualTo(document?.Lanes[0].LeadTime?.Parameters));
        }
    }

    [TestCase("loop: &a [x, *a]", 21, 14, TestName = "Load_AliasInsideItsOwnAnchor_SS0011")]
    [TestCase("loop: &a {key: *a}", 21, 16, TestName = "Load_AliasInsideItsOwnMapping_SS0011")]
    public void Load_RecursiveAlias_SS0011AtAlias(string line, int atLine, int atColumn)
    {
        var (errors, _, _) = LoadMeasured(TestScenario.Base + line + "\n");

        Assert.That(errors, Is.EqualTo(new[] { ("SS0011", atLine, atColumn) }));
    }

    [TestCase(100_000, TestName = "Load_HundredThousandNestedFlowLists_SS0011AtLevel65")]
    [TestCase(65, TestName = "Load_SixtyFiveNestedFlowLists_SS0011AtLevel65")]
    public void Load_DeepFlowNesting_SS0011AtFirstLevelTooDeep(int depth)
    {
        string yaml = "deep: " + new string('[', depth) + new string(']', depth) + "\n";

        var (errors, _, _) = LoadMeasured(yaml);

        Assert.That(errors, Is.EqualTo(new[] { ("SS0011", 1, 7 + 63) }));
    }

    [Test]
    public void Load_DeepFlowNestingNeverClosed_SS0011NotACrash()
    {
        var (errors, _, _) = LoadMeasured("deep: " + new string('[', 1_000_000));

        Assert.That(errors, Is.EqualTo(new[] { ("SS0011", 1, 70) }));
    }

    [Test]
    public void Load_SixtyFourLevels_NoLimitDiagnostic()
    {
        // The root mapping is level 1, so 63 lists under it make 64 levels: at the limit, not over it.
        string yaml = TestScenario.Base + "deep: " + new string('[', 63) + new string(']', 63) + "\n";

        var (_, diagnostics) = TestScenario.Load(yaml);

        Assert.That(TestScenario.Errors(diagnostics), Is.EqualTo(new[] { ("SS0004", 21, 1) }));
    }

    [Test]
    public void Load_DeepBlockMappings_SS0011AtFirstKeyTooDeep()
    {
        var text = new StringBuilder();
        for (int level = 0; level < 200; level++)
        {
            text.Append(' ', level).Append("k:\n");
        }

        var (errors, _, _) = LoadMeasured(text.Append(' ', 200).Append("leaf\n").ToString());

        // Level n's mapping starts at its first key, on line n, column n.
        Assert.That(errors, Is.EqualTo(new[] { ("SS0011", 65, 65) }));
    }

    [Test]
    public void Load_AliasOfDeepAnchorPlacedDeep_SS0011AtAlias()
    {
        // Each half is 40 levels deep (within the limit); the alias puts the anchored half under the other.
        string half = new string('[', 40) + new string(']', 40);
        string yaml = "a: &deep " + half + "\nb: " + new string('[', 39) + "*deep" + new string(']', 39) + "\n";

        var (errors, _, _) = LoadMeasured(yaml);

        Assert.That(errors, Is.EqualTo(new[] { ("SS0011", 2, 43) }));
    }

    [Test]
    public void Load_ManyAliasesOfSmallAnchor_SS0011OnceTheExpansionPassesTheLimit()
    {
        // 1,000 aliases of a 101-node list add 101,000 nodes: the limit of 100,000 is crossed at alias number 991.
        string anchor = "a: &a [" + string.Join(", ", Enumerable.Repeat("x", 100)) + "]\n";
        string yaml = anchor + "b: [" + string.Join(", ", Enumerable.Repeat("*a", 1000)) + "]\n";

        var (errors, _, _) = LoadMeasured(yaml);

        Assert.That(errors, Is.EqualTo(new[] { ("SS0011", 2, 5 + (990 * 4)) }));
    }

    [Test]
    public void Load_AliasRightAfterFlowValue_SS0001AtAliasNotACrash()
    {
        // Found by MutationFuzzTests (seed 3, mutant 789): YamlDotNet's parser accepts this and its representation
        // model then threw ArgumentException.
        var (errors, _, _) = LoadMeasured("a: {b: c}*x\nd: e\n");

        Assert.That(errors, Is.EqualTo(new[] { ("SS0001", 1, 10) }));
    }

    [TestCase("\r", TestName = "Load_CarriageReturnLineBreaks_PositionsCountThemAsLines")]
    [TestCase("\r\n", TestName = "Load_CrLfLineBreaks_PositionsCountThemOnce")]
    [TestCase("\u2028", TestName = "Load_LineSeparatorBreaks_PositionsCountThemAsLines")]
    public void Load_OtherLineBreaks_PositionsCountLinesAsTheParser(string lineBreak)
    {
        string yaml = TestScenario.WithLine(11, "    capacity: 1000 tonnes/yr").Replace("\n", lineBreak, StringComparison.Ordinal);

        var (_, diagnostics) = TestScenario.Load(yaml);

        Assert.That(TestScenario.Errors(diagnostics), Is.EqualTo(new[] { ("SS0007", 11, 15) }));
    }

    [Test]
    public void Load_TabAfterCarriageReturnBreaks_SS0001AtItsLine()
    {
        string yaml = TestScenario.WithLine(9, "\tcountry: AU").Replace("\n", "\r", StringComparison.Ordinal);

        var (_, diagnostics) = TestScenario.Load(yaml);

        Assert.That(TestScenario.Errors(diagnostics), Is.EqualTo(new[] { ("SS0001", 9, 1) }));
    }
}
