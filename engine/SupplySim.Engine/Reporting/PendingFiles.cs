namespace SupplySim.Reporting;

/// <summary>
/// A set of output files written under temporary names (<c>.NAME.PID.tmp</c>, beside each final name) and renamed
/// into place together by <see cref="Commit"/>, once every one of them is complete: a run whose last file cannot be
/// written leaves the previous results in place rather than a mix of new and old files. Disposing without
/// committing removes the temporary files. <see cref="Write"/> and <see cref="Adopt"/> may be called from several
/// threads at once; each final path only once.
/// </summary>
internal sealed class PendingFiles : IDisposable
{
    private readonly Lock _lock = new();
    private readonly List<(string Temporary, string Final)> _written = [];
    private readonly HashSet<string> _finals = new(StringComparer.Ordinal);
    private readonly List<string> _removed = [];
    private bool _committed;

    /// <summary>Writes the future <paramref name="path"/> through <paramref name="write"/> under its temporary name.</summary>
    /// <remarks>On failure its temporary file is removed at once and the exception propagates.</remarks>
    /// <exception cref="InvalidOperationException"><paramref name="path"/> is already part of the set.</exception>
    public void Write(string path, Action<Stream> write)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(write);
        string final = Reserve(path);
        Directory.CreateDirectory(Path.GetDirectoryName(final)!);
        string temporary = TemporaryName(final);
        try
        {
            using (var stream = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16))
            {
                write(stream);
                stream.Flush(flushToDisk: true);
            }

            Add(temporary, final);
        }
        catch
        {
            File.Delete(temporary);
            throw;
        }
    }

    /// <summary>
    /// Adds a complete file another writer produced at <paramref name="temporary"/> (flushed and closed; normally
    /// <see cref="TemporaryName"/> of <paramref name="path"/>, in the same folder) to be renamed to
    /// <paramref name="path"/> with the rest.
    /// </summary>
    /// <exception cref="InvalidOperationException"><paramref name="path"/> is already part of the set.</exception>
    public void Adopt(string temporary, string path)
    {
        ArgumentNullException.ThrowIfNull(temporary);
        Add(temporary, Reserve(path));
    }

    /// <summary>
    /// Makes <paramref name="path"/> absent from the new set: an optional file of the set (a run's parameters.csv)
    /// that this run does not write is deleted by <see cref="Commit"/>, after the renames, so it is never read
    /// beside results it does not belong to; until then, and if the set is not committed, it stays.
    /// </summary>
    /// <exception cref="InvalidOperationException"><paramref name="path"/> is already part of the set.</exception>
    public void Remove(string path)
    {
        string final = Reserve(path);
        lock (_lock)
        {
            _removed.Add(final);
        }
    }

    /// <summary>Claims <paramref name="path"/> for this set: two writes to one file would share its temporary name.</summary>
    private string Reserve(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        string final = Path.GetFullPath(path);
        lock (_lock)
        {
            ObjectDisposedException.ThrowIf(_committed, this);
            if (!_finals.Add(final))
            {
                throw new InvalidOperationException($"'{final}' is written twice in one set of output files");
            }
        }

        return final;
    }

    private void Add(string temporary, string final)
    {
        lock (_lock)
        {
            _written.Add((temporary, final));
        }
    }

    /// <summary>
    /// Renames every file written into place, in the order written, then deletes those <see cref="Remove"/> named. Renames within a folder do not fail for want of
    /// space, so after the writes have succeeded this almost never fails; if one does, the files before it are
    /// already in place and the rest are removed on dispose.
    /// </summary>
    public void Commit()
    {
        lock (_lock)
        {
            ObjectDisposedException.ThrowIf(_committed, this);
            _committed = true;
        }

        // If a rename fails, Dispose removes what is left (deleting an already renamed temporary name does nothing).
        foreach (var (temporary, final) in _written)
        {
            File.Move(temporary, final, overwrite: true);
        }

        _written.Clear();
        foreach (string final in _removed.Where(File.Exists))
        {
            File.Delete(final);
        }
    }

    /// <summary>Removes the temporary files not committed.</summary>
    public void Dispose()
    {
        lock (_lock)
        {
            _committed = true;
        }

        foreach (var (temporary, _) in _written)
        {
            File.Delete(temporary);
        }

        _written.Clear();
    }

    /// <summary>The temporary name of <paramref name="final"/> for this process: hidden, beside it, in the same folder (so the rename is atomic).</summary>
    public static string TemporaryName(string final) =>
        Path.Combine(Path.GetDirectoryName(final)!, $".{Path.GetFileName(final)}.{Environment.ProcessId}.tmp");
}
