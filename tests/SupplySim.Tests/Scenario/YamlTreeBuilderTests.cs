using NUnit.Framework;
using SupplySim.Scenario;
using YamlDotNet.Core;

namespace SupplySim.Tests.Scenario;

/// <summary>
/// The scenario loader's own YAML tree: values and order as written, aliases as their anchored nodes, and the errors
/// YAML defines (duplicate keys, an alias before its anchor) at the right place.
/// </summary>
[TestFixture]
internal sealed class YamlTreeBuilderTests
{
    private static List<YamlTreeNode> Build(string yaml) => YamlTreeBuilder.Load(new Parser(new StringReader(yaml)));

    [Test]
    public void Load_Mapping_KeepsEntriesInOrderWithEmptyValuesAsEmptyText()
    {
        var root = (YamlMapping)Build("b: 2\na:\nc: [x, 'y z']\n").Single();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(root.ScalarKeys.Select(k => k.Value), Is.EqualTo(new[] { "b", "a", "c" }));
            Assert.That(((YamlScalar)root.Entries[1].Value).Value, Is.Empty);
            Assert.That(((YamlSequence)root.Entries[2].Value).Items.Select(i => ((YamlScalar)i).Value), Is.EqualTo(new[] { "x", "y z" }));
            Assert.That((root.Entries[2].Value.Line, root.Entries[2].Value.Column), Is.EqualTo((3, 4)));
            Assert.That(root.HasKey("a") && !root.HasKey("d"), Is.True);
        }
    }

    [Test]
    public void Load_ScalarsWrittenAlike_ShareOneString()
    {
        // What survives loading is what the collector copies: a large network repeats its keys on every item.
        var items = ((YamlSequence)Build("- {id: a, q: 1}\n- {id: b, q: 1}\n").Single()).Items.Cast<YamlMapping>().ToArray();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(ReferenceEquals(((YamlScalar)items[0].Entries[0].Key).Value, ((YamlScalar)items[1].Entries[0].Key).Value), Is.True);
            Assert.That(ReferenceEquals(((YamlScalar)items[0].Entries[1].Value).Value, ((YamlScalar)items[1].Entries[1].Value).Value), Is.True);
            Assert.That(((YamlScalar)items[1].Entries[0].Value).Value, Is.EqualTo("b"));
        }
    }

    [Test]
    public void Load_Aliases_AreTheirAnchoredNodesAndARedefinedAnchorServesTheAliasesAfterIt()
    {
        var root = (YamlMapping)Build("a: &x {k: 1}\nb: *x\nc: &x 2\nd: *x\n").Single();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(root.Entries[1].Value, Is.SameAs(root.Entries[0].Value));
            Assert.That(root.Entries[3].Value, Is.SameAs(root.Entries[2].Value));
        }
    }

    [Test]
    public void Load_AliasBeforeItsAnchor_SyntaxErrorAtTheAlias()
    {
        var error = Assert.Throws<YamlException>(() => Build("a: 1\nb: *later\nc: &later 2\n"));

        using (Assert.EnterMultipleScope())
        {
            Assert.That((error!.Start.Line, error.Start.Column), Is.EqualTo((2L, 4L)));
            Assert.That(error.Message, Does.Contain("'*later'"));
        }
    }

    [Test]
    public void Load_DuplicateKey_ThrowsAtTheSecondKey()
    {
        var error = Assert.Throws<YamlException>(() => Build("a: 1\nb: 2\na: 3\n"));

        Assert.That((error!.Start.Line, error.Start.Column, error.Message), Is.EqualTo((3L, 1L, "Duplicate key a")));
    }

    [Test]
    public void Load_TwoDocumentsAndAnEmptyFile_OneRootPerDocument()
    {
        using (Assert.EnterMultipleScope())
        {
            Assert.That(Build("---\na: 1\n---\nb: 2\n"), Has.Count.EqualTo(2));
            Assert.That(Build("# only a comment\n"), Is.Empty);
        }
    }

    [Test]
    public void ScenarioLoad_AliasBeforeItsAnchor_SS0001WithFileLineColumn()
    {
        var (document, diagnostics) = TestScenario.Load(TestScenario.Base + "later: *x\n");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(document, Is.Null);
            Assert.That(TestScenario.Errors(diagnostics), Is.EqualTo(new[] { ("SS0001", 21, 8) }));
        }
    }
}
