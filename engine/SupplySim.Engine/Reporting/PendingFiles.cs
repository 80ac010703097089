using System.Collections.Concurrent;

namespace SupplySim.Reporting;

/// <summary>
/// A set of output files written under temporary names (<c>.NAME.PID.tmp</c>, beside each final name) and renamed
/// into place together by <see cref="Commit"/>, once every one of them is complete: a run whose last file cannot be
/// written leaves the previous results in place rather than a mix of new and old files. Disposing without
/// committing removes the temporary files. <see cref="Write"/> may be called from several threads at once.
/// </summary>
public sealed class PendingFiles : IDisposable
{
    private readonly ConcurrentQueue<(string Temporary, string Final)> _written = new();
    private bool _committed;

    /// <summary>Writes the future <paramref name="path"/> through <paramref name="write"/> under its temporary name.</summary>
    /// <remarks>On failure its temporary file is removed at once and the exception propagates.</remarks>
    public void Write(string path, Action<Stream> write)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(write);
        ObjectDisposedException.ThrowIf(_committed, this);
        string final = Path.GetFullPath(path);
        string directory = Path.GetDirectoryName(final)!;
        Directory.CreateDirectory(directory);
        string temporary = TemporaryName(final);
        try
        {
            using (var stream = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16))
            {
                write(stream);
                stream.Flush(flushToDisk: true);
            }

            _written.Enqueue((temporary, final));
        }
        catch
        {
            File.Delete(temporary);
            throw;
        }
    }

    /// <summary>
    /// Renames every file written into place, in the order written. Renames within a folder do not fail for want of
    /// space, so after the writes have succeeded this almost never fails; if one does, the files before it are
    /// already in place and the rest are removed on dispose.
    /// </summary>
    public void Commit()
    {
        ObjectDisposedException.ThrowIf(_committed, this);
        _committed = true;
        while (_written.TryPeek(out var file))
        {
            File.Move(file.Temporary, file.Final, overwrite: true);
            _written.TryDequeue(out _);
        }
    }

    /// <summary>Removes the temporary files not committed.</summary>
    public void Dispose()
    {
        _committed = true;
        while (_written.TryDequeue(out var file))
        {
            File.Delete(file.Temporary);
        }
    }

    /// <summary>The temporary name of <paramref name="final"/> for this process: hidden, beside it, in the same folder (so the rename is atomic).</summary>
    public static string TemporaryName(string final) =>
        Path.Combine(Path.GetDirectoryName(final)!, $".{Path.GetFileName(final)}.{Environment.ProcessId}.tmp");
}
