using NUnit.Framework;
using SupplySim.Scenario;

namespace SupplySim.Tests.Scenario;

[TestFixture]
internal sealed class SuggestTests
{
    private static readonly string[] NodeKeys =
        ["id", "kind", "country", "capacity", "quota", "days_of_cover", "lead_time"];

    [TestCase("capacty", "capacity", TestName = "Closest_MissingLetter_ReturnsKey")]
    [TestCase("capaciyt", "capacity", TestName = "Closest_SwappedLetters_ReturnsKey")]
    [TestCase("CAPACITY", "capacity", TestName = "Closest_DifferentCase_ReturnsKey")]
    [TestCase("leadtime", "lead_time", TestName = "Closest_MissingUnderscore_ReturnsKey")]
    [TestCase("days_of_covr", "days_of_cover", TestName = "Closest_LongKeyOneEdit_ReturnsKey")]
    [TestCase("knd", "kind", TestName = "Closest_ShortNameOneEdit_ReturnsKey")]
    public void Closest_NearMiss_ReturnsIntendedName(string name, string expected) =>
        Assert.That(Suggest.Closest(name, NodeKeys), Is.EqualTo(expected));

    [TestCase("colour", TestName = "Closest_UnrelatedName_ReturnsNull")]
    [TestCase("xyz", TestName = "Closest_ShortUnrelatedName_ReturnsNull")]
    [TestCase("capacity_per_week", TestName = "Closest_TooManyEdits_ReturnsNull")]
    public void Closest_NothingClose_ReturnsNull(string name) =>
        Assert.That(Suggest.Closest(name, NodeKeys), Is.Null);

    [Test]
    public void Closest_NoCandidates_ReturnsNull() =>
        Assert.That(Suggest.Closest("capacity", []), Is.Null);

    [Test]
    public void Closest_TieAtSameDistance_ReturnsOrdinallySmallest() =>
        Assert.That(Suggest.Closest("ab", ["ac", "aa"]), Is.EqualTo("aa"));

    [Test]
    public void Hint_NearMiss_QuotesSuggestedName() =>
        Assert.That(Suggest.Hint("capacty", NodeKeys), Does.Contain("'capacity'"));

    [Test]
    public void Hint_NothingClose_IsEmpty() =>
        Assert.That(Suggest.Hint("colour", NodeKeys), Is.Empty);

    [TestCase("", "", 0)]
    [TestCase("abc", "abc", 0)]
    [TestCase("abc", "", 3)]
    [TestCase("kitten", "sitting", 3)]
    [TestCase("ab", "ba", 1)]
    [TestCase("capacity", "capaicty", 1)]
    public void Distance_KnownPairs_MatchDamerauLevenshtein(string a, string b, int expected)
    {
        using (Assert.EnterMultipleScope())
        {
            Assert.That(Suggest.Distance(a, b), Is.EqualTo(expected));
            Assert.That(Suggest.Distance(b, a), Is.EqualTo(expected));
        }
    }
}
