using NUnit.Framework;
using SupplySim.Cli;

namespace SupplySim.Tests.Cli;

/// <summary>Decorated output (live progress, tables) only on a terminal: never into a file, a pipe or a test's writer.</summary>
[TestFixture]
internal sealed class TerminalOutputTests
{
    [Test]
    public void Decorated_WriterThatIsNotTheConsole_IsPlain() =>
        Assert.That(TerminalOutput.Decorated(new StringWriter()), Is.False);

    [Test]
    public void LiveProgress_NotATerminal_RunsTheWorkWithoutSinksAndWritesNothing()
    {
        var stderr = new StringWriter();
        var sinks = new List<IProgress<int>?>();
        int result = LiveProgress.Run(stderr, "simulating", "trials", 100, sink =>
        {
            sinks.Add(sink(0));
            sinks.Add(sink(50));
            return 42;
        });
        using (Assert.EnterMultipleScope())
        {
            Assert.That(result, Is.EqualTo(42));
            Assert.That(sinks, Is.All.Null);
            Assert.That(stderr.ToString(), Is.Empty);
        }
    }
}
