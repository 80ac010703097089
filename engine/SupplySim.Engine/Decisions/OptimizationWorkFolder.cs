using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using SupplySim.Reporting;
using SupplySim.Sweeps;

namespace SupplySim.Decisions;

/// <summary>
/// The work folder of an optimize run spread over shards (Slurm array tasks): <c>DIR/optimize-work/manifest.txt</c>
/// (the settings and a fingerprint of the scenario file), and per generation <c>gen-NNN/candidates.csv</c> (the
/// policies to evaluate, written by the driver) and <c>gen-NNN/shard-i-of-n.csv</c> (the outcomes of policies p with
/// p mod n = i, written by shard i). Numbers are written round-trip ("R"), so a sharded search replays exactly as an
/// unsharded one. Every file is written whole or not at all.
/// </summary>
public sealed class OptimizationWorkFolder
{
    /// <summary>The work folder inside <paramref name="outDir"/>.</summary>
    public OptimizationWorkFolder(string outDir)
    {
        ArgumentNullException.ThrowIfNull(outDir);
        Root = Path.Combine(outDir, "optimize-work");
    }

    /// <summary>The folder's path.</summary>
    public string Root { get; }

    private string ManifestPath => Path.Combine(Root, "manifest.txt");

    /// <summary>The settings a sharded run fixes once: every shard evaluates with them.</summary>
    /// <param name="Fingerprint">SHA-256 of the scenario file's text (hex).</param>
    /// <param name="Trials">Trials per scenario per policy.</param>
    /// <param name="Seed">Seed of the trials and of the search.</param>
    /// <param name="Budget">Policy evaluations.</param>
    /// <param name="Shards">Number of shards per generation.</param>
    public sealed record Manifest(string Fingerprint, int Trials, ulong Seed, int Budget, int Shards);

    /// <summary>SHA-256 of <paramref name="scenarioText"/>, hex.</summary>
    public static string FingerprintOf(string scenarioText) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(scenarioText ?? throw new ArgumentNullException(nameof(scenarioText)))));

    /// <summary>The manifest, or null when the folder has none.</summary>
    public Manifest? ReadManifest()
    {
        if (!File.Exists(ManifestPath))
        {
            return null;
        }

        var values = File.ReadAllLines(ManifestPath).Select(l => l.Split('=', 2)).Where(p => p.Length == 2).ToDictionary(p => p[0], p => p[1], StringComparer.Ordinal);
        return new Manifest(values["fingerprint"], int.Parse(values["trials"], CultureInfo.InvariantCulture), ulong.Parse(values["seed"], CultureInfo.InvariantCulture),
            int.Parse(values["budget"], CultureInfo.InvariantCulture), int.Parse(values["shards"], CultureInfo.InvariantCulture));
    }

    /// <summary>Writes the manifest of a new sharded run.</summary>
    public void WriteManifest(Manifest manifest)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        Directory.CreateDirectory(Root);
        AtomicFile.Write(ManifestPath, stream =>
        {
            using var writer = new StreamWriter(stream, new UTF8Encoding(false), 1024, leaveOpen: true) { NewLine = "\n" };
            writer.WriteLine("schema=supplysim.optimize-work/1");
            writer.WriteLine($"fingerprint={manifest.Fingerprint}");
            writer.WriteLine(string.Create(CultureInfo.InvariantCulture, $"trials={manifest.Trials}"));
            writer.WriteLine(string.Create(CultureInfo.InvariantCulture, $"seed={manifest.Seed}"));
            writer.WriteLine(string.Create(CultureInfo.InvariantCulture, $"budget={manifest.Budget}"));
            writer.WriteLine(string.Create(CultureInfo.InvariantCulture, $"shards={manifest.Shards}"));
        });
    }

    private string Generation(int generation) => Path.Combine(Root, string.Create(CultureInfo.InvariantCulture, $"gen-{generation:000}"));

    /// <summary>The last generation whose candidates were written, or -1.</summary>
    public int LatestGeneration()
    {
        int latest = -1;
        while (File.Exists(Path.Combine(Generation(latest + 1), "candidates.csv")))
        {
            latest++;
        }

        return latest;
    }

    /// <summary>Writes the policies of <paramref name="generation"/> for the shards to evaluate.</summary>
    public void WriteCandidates(int generation, IReadOnlyList<double[]> levers)
    {
        ArgumentNullException.ThrowIfNull(levers);
        Directory.CreateDirectory(Generation(generation));
        WriteRows(Path.Combine(Generation(generation), "candidates.csv"), levers.Select((l, i) => (i, l)));
    }

    /// <summary>The policies of <paramref name="generation"/>.</summary>
    public IReadOnlyList<double[]> ReadCandidates(int generation) =>
        [.. ReadRows(Path.Combine(Generation(generation), "candidates.csv")).Select(r => r.Values)];

    /// <summary>Whether <paramref name="shard"/> of <paramref name="generation"/> has been evaluated.</summary>
    public bool HasShard(int generation, ShardSpec shard) => File.Exists(ShardPath(generation, shard));

    /// <summary>Writes <paramref name="shard"/>'s outcome vectors (<see cref="PolicyOutcome"/> as one vector) by policy index.</summary>
    public void WriteShard(int generation, ShardSpec shard, IEnumerable<(int Policy, double[] Outcome)> outcomes) =>
        WriteRows(ShardPath(generation, shard), outcomes);

    /// <summary>Every outcome vector of <paramref name="generation"/>'s <paramref name="count"/> policies, or null while a shard is missing.</summary>
    public double[][]? ReadOutcomes(int generation, int count, int shards)
    {
        var outcomes = new double[count][];
        for (int i = 0; i < shards; i++)
        {
            var shard = new ShardSpec(i, shards);
            if (!HasShard(generation, shard))
            {
                return null;
            }

            foreach (var (policy, values) in ReadRows(ShardPath(generation, shard)))
            {
                outcomes[policy] = values;
            }
        }

        return outcomes.Any(o => o is null)
            ? throw new InvalidDataException($"{Generation(generation)}: the shard files do not hold every policy's outcome")
            : outcomes;
    }

    private string ShardPath(int generation, ShardSpec shard) => Path.Combine(Generation(generation), shard.Stem + ".csv");

    private static void WriteRows(string path, IEnumerable<(int Index, double[] Values)> rows) => AtomicFile.Write(path, stream =>
    {
        using var writer = new StreamWriter(stream, new UTF8Encoding(false), 1 << 16, leaveOpen: true) { NewLine = "\n" };
        foreach (var (index, values) in rows)
        {
            writer.WriteLine(string.Join(',', values.Select(v => v.ToString("R", CultureInfo.InvariantCulture)).Prepend(index.ToString(CultureInfo.InvariantCulture))));
        }
    });

    private static IEnumerable<(int Index, double[] Values)> ReadRows(string path) =>
        File.ReadAllLines(path).Select(line => line.Split(','))
            .Select(cells => (int.Parse(cells[0], CultureInfo.InvariantCulture), cells.Skip(1).Select(c => double.Parse(c, CultureInfo.InvariantCulture)).ToArray()));
}
