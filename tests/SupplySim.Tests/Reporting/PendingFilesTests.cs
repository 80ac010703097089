using NUnit.Framework;
using SupplySim.Reporting;

namespace SupplySim.Tests.Reporting;

/// <summary>A run's files are replaced together or not at all.</summary>
[TestFixture]
internal sealed class PendingFilesTests
{
    private string _dir = "";

    [SetUp]
    public void CreateFolder() => _dir = Directory.CreateTempSubdirectory("supplysim-pending-").FullName;

    [TearDown]
    public void RemoveFolder() => Directory.Delete(_dir, recursive: true);

    private string At(string name) => Path.Combine(_dir, name);

    private static void Text(Stream stream, string text) => stream.Write(System.Text.Encoding.UTF8.GetBytes(text));

    [Test]
    public void Remove_DeletesTheFileAtCommitOnly()
    {
        File.WriteAllText(At("stale.csv"), "old");
        using (var files = new PendingFiles())
        {
            files.Remove(At("stale.csv"));
            files.Remove(At("absent.csv"));
            Assert.That(File.Exists(At("stale.csv")), Is.True, "kept until the commit");
        }

        Assert.That(File.Exists(At("stale.csv")), Is.True, "a set not committed keeps the previous one whole");
        using (var files = new PendingFiles())
        {
            files.Write(At("new.csv"), s => Text(s, "new"));
            files.Remove(At("stale.csv"));
            files.Commit();
        }

        Assert.That(Directory.GetFiles(_dir).Select(Path.GetFileName), Is.EqualTo(new[] { "new.csv" }));
    }

    [Test]
    public void Commit_AfterEveryWrite_ReplacesAllAndLeavesNoTemporaryFile()
    {
        File.WriteAllText(At("a.txt"), "old a");
        using (var files = new PendingFiles())
        {
            files.Write(At("a.txt"), s => Text(s, "new a"));
            files.Write(At("sub/b.txt"), s => Text(s, "new b"));
            Assert.That(File.ReadAllText(At("a.txt")), Is.EqualTo("old a"), "nothing replaced before the commit");
            files.Commit();
        }

        using (Assert.EnterMultipleScope())
        {
            Assert.That(File.ReadAllText(At("a.txt")), Is.EqualTo("new a"));
            Assert.That(File.ReadAllText(At("sub/b.txt")), Is.EqualTo("new b"));
            Assert.That(Directory.GetFiles(_dir, ".*", SearchOption.AllDirectories), Is.Empty);
        }
    }

    [Test]
    public void Dispose_OneWriterFailed_KeepsThePreviousFilesAndRemovesEveryTemporaryFile()
    {
        File.WriteAllText(At("a.txt"), "old a");
        File.WriteAllText(At("b.txt"), "old b");
        using (var files = new PendingFiles())
        {
            files.Write(At("a.txt"), s => Text(s, "new a"));
            Assert.That(() => files.Write(At("b.txt"), s =>
            {
                Text(s, "half of b");
                throw new IOException("disk full");
            }), Throws.TypeOf<IOException>());
        }

        using (Assert.EnterMultipleScope())
        {
            Assert.That(File.ReadAllText(At("a.txt")), Is.EqualTo("old a"));
            Assert.That(File.ReadAllText(At("b.txt")), Is.EqualTo("old b"));
            Assert.That(Directory.GetFiles(_dir, ".*"), Is.Empty);
        }
    }

    [Test]
    public void Write_FromSeveralThreads_CommitsEveryFile()
    {
        using (var files = new PendingFiles())
        {
            Parallel.For(0, 16, i => files.Write(At($"{i}.txt"), s => Text(s, i.ToString(System.Globalization.CultureInfo.InvariantCulture))));
            files.Commit();
        }

        Assert.That(Enumerable.Range(0, 16).Select(i => File.ReadAllText(At($"{i}.txt"))), Is.EqualTo(Enumerable.Range(0, 16).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture))));
    }

    [Test]
    public void Write_SamePathTwice_ThrowsBeforeTouchingTheFirst()
    {
        using var files = new PendingFiles();
        files.Write(At("a.txt"), s => Text(s, "first"));
        using (Assert.EnterMultipleScope())
        {
            Assert.That(() => files.Write(Path.Combine(_dir, ".", "a.txt"), s => Text(s, "second")), Throws.InvalidOperationException);
            files.Commit();
            Assert.That(File.ReadAllText(At("a.txt")), Is.EqualTo("first"));
        }
    }

    [Test]
    public void Adopt_UncommittedStreamedRun_LeavesNeitherTrialsFilesNorTemporaries()
    {
        var model = Support.TestModels.Compile(Support.TestModels.Chain);
        using (var files = new PendingFiles())
        {
            SupplySim.Reporting.Streaming.StreamingRun.Run(model, model.Scenarios, new SupplySim.Simulation.MonteCarloOptions(8, 1, 1), _dir, files);
            Assert.That(Directory.GetFiles(_dir, "trials.*"), Is.Empty, "nothing in place before the commit");
        }

        Assert.That(Directory.GetFileSystemEntries(_dir), Is.Empty);
    }
}
