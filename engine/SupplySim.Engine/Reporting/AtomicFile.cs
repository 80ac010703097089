namespace SupplySim.Reporting;

/// <summary>
/// Writes a file under a temporary name and renames it into place, so a killed run never leaves a partial file
/// under a final name (a set of files that must be replaced together: <see cref="PendingFiles"/>).
/// </summary>
internal static class AtomicFile
{
    /// <summary>Writes <paramref name="path"/> through <paramref name="write"/>; on any failure the temporary file is removed.</summary>
    public static void Write(string path, Action<Stream> write)
    {
        using var files = new PendingFiles();
        files.Write(path, write);
        files.Commit();
    }
}
