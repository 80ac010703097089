using SupplySim.Reporting;

namespace SupplySim.Cli;

/// <summary>
/// Checks, before a run spends its minutes simulating, that its files can be written where asked: the output
/// folder can be created and written, no folder stands in the way of a file, and the report's folder can be written.
/// What it cannot foresee (a full disk, say) still fails at the end, with nothing replaced (<see cref="PendingFiles"/>).
/// </summary>
internal static class OutputPreflight
{
    /// <summary>A message naming the first problem, or null when every file can be written; creates the folders.</summary>
    /// <param name="outDir">The run's output folder (<c>--out</c>).</param>
    /// <param name="files">Every file the run will write, anywhere.</param>
    public static string? Check(string outDir, IReadOnlyList<string> files)
    {
        if (File.Exists(outDir))
        {
            return $"--out '{outDir}' is a file; expected a folder for the results (created if missing)";
        }

        // Folders the command will create or write into: a file of the same name could not be written (run --report
        // DIR with DIR the new --out), and would only fail at the commit, after the other files were renamed.
        var folders = files.Select(f => Path.GetDirectoryName(Path.GetFullPath(f))!).Prepend(Path.GetFullPath(outDir))
            .ToHashSet(StringComparer.Ordinal);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (string file in files)
        {
            if (folders.Contains(Path.GetFullPath(file)))
            {
                return $"cannot write '{file}': it is a folder the results go into (--out '{outDir}'); name a file";
            }

            if (!seen.Add(Path.GetFullPath(file)))
            {
                return $"'{file}' would be written twice: --report names one of the run's own files ({string.Join(", ", OutputFiles.Names)}, {ReportCommand.DataFile}); choose another name";
            }

            if (Directory.Exists(file))
            {
                return $"cannot write '{file}': a folder of that name is in the way";
            }
        }

        foreach (string folder in files.Select(f => Path.GetDirectoryName(Path.GetFullPath(f))!).Prepend(Path.GetFullPath(outDir)).Distinct())
        {
            string probe = PendingFiles.TemporaryName(Path.Combine(folder, "preflight"));
            try
            {
                Directory.CreateDirectory(folder);
                File.WriteAllBytes(probe, []);
                File.Delete(probe);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                return $"cannot write to the folder '{folder}': {ex.Message}";
            }
        }

        return null;
    }

    /// <summary>
    /// Temporary files and spool folders an interrupted run left in <paramref name="outDir"/> (hidden, named after
    /// the files with the process id), for a note: they are not removed here, since on a shared file system the
    /// process that owns one may be running on another machine.
    /// </summary>
    public static IReadOnlyList<string> Leftovers(string outDir)
    {
        if (!Directory.Exists(outDir))
        {
            return [];
        }

        string ours = $".{Environment.ProcessId}.";
        return [.. Directory.EnumerateFileSystemEntries(outDir, ".*")
            .Where(path => Path.GetFileName(path) is { } name && (name.EndsWith(".tmp", StringComparison.Ordinal) || name.EndsWith(".spool", StringComparison.Ordinal)) &&
                           !name.Contains(ours, StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)];
    }
}
