using System.Text;
using System.Text.Json;
using SupplySim.Reporting;
using SupplySim.Scenario;

namespace SupplySim.Sweeps;

/// <summary>
/// The on-disk contract of sweeps, identical on a laptop and a cluster. A whole sweep writes <c>DIR/results.csv</c>,
/// <c>results.parquet</c>, <c>sensitivity.json</c> and <c>sensitivity.csv</c>. Shard i of n writes
/// <c>DIR/shards/shard-i-of-n.csv</c> and <c>.parquet</c>, the manifest <c>DIR/shards/sweep.json</c>, and last the
/// marker <c>shard-i-of-n.done</c> holding the plan's fingerprint; a shard whose marker matches is complete and is
/// skipped on a re-run. <see cref="Merge"/> reads every shard back and yields the table an unsharded run computes, so
/// the merged files are byte-identical to an unsharded run's. Every file is written atomically.
/// </summary>
internal static class SweepFiles
{
    /// <summary>Folder of shard files under the output folder.</summary>
    public const string ShardFolder = "shards";

    /// <summary>The files a complete sweep (or a merge) writes to its folder, replaced together.</summary>
    public static readonly string[] ResultNames = ["results.csv", "results.parquet", "sensitivity.json", "sensitivity.csv", "report.html"];

    /// <summary>
    /// Writes the result files of a complete sweep (and its HTML report) as one set (<see cref="PendingFiles"/>): a
    /// failure leaves the previous set whole. Returns the sensitivity report.
    /// </summary>
    public static SensitivityReport WriteResults(string directory, SweepPlan plan, SweepTable table)
    {
        ArgumentNullException.ThrowIfNull(directory);
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(table);
        var report = SensitivityReport.Compute(plan, table);
        string html = Reporting.Html.SweepHtmlReport.Render(plan, table, report);
        using var files = new PendingFiles();
        files.Write(Path.Combine(directory, ResultNames[0]), s => SweepTableWriter.WriteCsv(plan, table, s));
        files.Write(Path.Combine(directory, ResultNames[1]), s => SweepTableWriter.WriteParquet(plan, table, s));
        files.Write(Path.Combine(directory, ResultNames[2]), s => SensitivityWriter.WriteJson(plan, report, s));
        files.Write(Path.Combine(directory, ResultNames[3]), s => SensitivityWriter.WriteCsv(report, s));
        files.Write(Path.Combine(directory, ResultNames[4]), s => s.Write(new UTF8Encoding(false).GetBytes(html)));
        files.Commit();
        return report;
    }

    /// <summary>The files shard <paramref name="shard"/> writes, in the order they are committed (the marker last).</summary>
    public static IReadOnlyList<string> ShardFiles(string directory, ShardSpec shard) =>
        [ShardPath(directory, shard, "csv"), ShardPath(directory, shard, "parquet"), Path.Combine(directory, ShardFolder, "sweep.json"), ShardPath(directory, shard, "done")];

    /// <summary>Path of a shard file with <paramref name="extension"/> (csv, parquet, done).</summary>
    public static string ShardPath(string directory, ShardSpec shard, string extension) =>
        Path.Combine(directory, ShardFolder, $"{shard.Stem}.{extension}");

    /// <summary>True when the shard's marker exists and names this plan's fingerprint.</summary>
    public static bool IsShardComplete(string directory, SweepPlan plan, ShardSpec shard)
    {
        ArgumentNullException.ThrowIfNull(plan);
        string marker = ShardPath(directory, shard, "done");
        return File.Exists(marker) && File.ReadAllText(marker).Trim() == plan.Fingerprint;
    }

    /// <summary>
    /// Writes a shard's table, the manifest, and then the completion marker, as one set renamed in that order: a
    /// failure leaves the shard's previous files, and the marker never names a table that is not in place.
    /// </summary>
    public static void WriteShard(string directory, SweepPlan plan, ShardSpec shard, SweepTable table)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(table);
        var paths = ShardFiles(directory, shard);
        using var files = new PendingFiles();
        files.Write(paths[0], s => SweepTableWriter.WriteCsv(plan, table, s));
        files.Write(paths[1], s => SweepTableWriter.WriteParquet(plan, table, s));
        files.Write(paths[2], s => WriteManifest(plan, shard.Count, s));
        files.Write(paths[3], s => s.Write(Encoding.UTF8.GetBytes(plan.Fingerprint + "\n")));
        files.Commit();
    }

    /// <summary>
    /// Reads <c>DIR/shards</c>: the manifest names the sweep file, which is loaded again; every shard must be complete
    /// for the same fingerprint. Returns the plan and the combined table, or nulls after diagnostics (SS0320).
    /// </summary>
    public static (SweepPlan? Plan, SweepTable? Table) Merge(string directory, DiagnosticBag diagnostics)
    {
        ArgumentNullException.ThrowIfNull(directory);
        ArgumentNullException.ThrowIfNull(diagnostics);
        string manifestPath = Path.Combine(directory, ShardFolder, "sweep.json");
        var at = new SourceLocation(manifestPath, 1, 1);
        if (!File.Exists(manifestPath))
        {
            diagnostics.Error("SS0320", at, "no shard manifest; run 'supplysim sweep FILE --out DIR --shard i/n' for every shard first");
            return (null, null);
        }

        if (ReadManifest(manifestPath) is not var (sweepFile, count, folder))
        {
            diagnostics.Error("SS0320", at, "the shard manifest is damaged: expected JSON with 'sweep_file' (a path) and 'shards' (a whole number >= 1), " +
                                            "as 'supplysim sweep --shard' writes it; run the shards again");
            return (null, null);
        }

        var plan = SweepLoader.LoadFile(sweepFile, diagnostics);
        if (plan is null)
        {
            return (null, null);
        }

        if (folder is not null)
        {
            // The shards ran from a posterior: merge with the same one, or their fingerprints will not match.
            if (Calibration.PosteriorFile.Read(folder, out string? problem) is not { } posterior)
            {
                diagnostics.Error("SS0320", at, $"the shards ran from the posterior in '{folder}', which cannot be read now: {problem}");
                return (null, null);
            }

            plan = plan.WithPosterior(posterior, folder);
        }

        var parts = new List<SweepTable>();
        for (int index = 0; index < count; index++)
        {
            var shard = new ShardSpec(index, count);
            if (!IsShardComplete(directory, plan, shard))
            {
                diagnostics.Error("SS0320", new SourceLocation(ShardPath(directory, shard, "done"), 1, 1), File.Exists(ShardPath(directory, shard, "done"))
                    ? $"shard {shard} was computed from other versions of {plan.SweepFile} or its scenario file; re-run it"
                    : $"shard {shard} is not complete; run it (a re-run skips the complete shards)");
                continue;
            }

            using var reader = new StreamReader(ShardPath(directory, shard, "csv"), Encoding.UTF8);
            if (SweepTableWriter.ReadCsv(plan, reader, out string? problem) is { } part && part.Points.All(shard.Includes))
            {
                parts.Add(part);
            }
            else
            {
                diagnostics.Error("SS0320", new SourceLocation(ShardPath(directory, shard, "csv"), 1, 1), $"shard {shard} cannot be read: {problem ?? "it holds points of another shard"}");
            }
        }

        if (diagnostics.HasErrors)
        {
            return (plan, null);
        }

        var table = SweepTable.Combine(parts);
        if (table.Points.Count != plan.PointCount)
        {
            diagnostics.Error("SS0320", at, $"the shards hold {table.Points.Count} of {plan.PointCount} points");
            return (plan, null);
        }

        return (plan, table);
    }

    /// <summary>The manifest's sweep file, shard count and posterior folder (if any), or null when it is not what <see cref="WriteManifest"/> writes.</summary>
    private static (string SweepFile, int Shards, string? Posterior)? ReadManifest(string path)
    {
        try
        {
            using var manifest = JsonDocument.Parse(File.ReadAllBytes(path));
            var root = manifest.RootElement;
            if (root.ValueKind != JsonValueKind.Object ||
                !root.TryGetProperty("sweep_file", out var sweepFile) || sweepFile.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(sweepFile.GetString()) ||
                !root.TryGetProperty("shards", out var shards) || shards.ValueKind != JsonValueKind.Number || !shards.TryGetInt32(out int count) || count < 1)
            {
                return null;
            }

            string? posterior = null;
            if (root.TryGetProperty("posterior", out var folder))
            {
                if (folder.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(folder.GetString()))
                {
                    return null;
                }

                posterior = folder.GetString();
            }

            return (sweepFile.GetString()!, count, posterior);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static void WriteManifest(SweepPlan plan, int shards, Stream stream)
    {
        using var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true });
        json.WriteStartObject();
        json.WriteString("schema", "supplysim.sweep-shards/1");
        json.WriteString("sweep_file", Path.GetFullPath(plan.SweepFile));
        json.WriteNumber("shards", shards);
        json.WriteNumber("points", plan.PointCount);
        json.WriteString("fingerprint", plan.Fingerprint);
        if (plan.PosteriorFolder is { } posterior)
        {
            json.WriteString("posterior", posterior);
        }

        json.WriteEndObject();
    }
}
