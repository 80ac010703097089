using System.Globalization;
using System.Numerics;
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

        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (string line in File.ReadAllLines(ManifestPath))
        {
            if (line.Split('=', 2) is [var key, var value])
            {
                values[key] = value;
            }
        }

        string Value(string key) => values.TryGetValue(key, out string? value) && value.Length > 0
            ? value
            : throw Damaged($"it has no '{key}='");

        T Number<T>(string key) where T : IBinaryInteger<T>
        {
            string text = Value(key);
            return T.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number > T.Zero
                ? number
                : throw Damaged($"{key} is '{text}', expected a whole number >= 1");
        }

        return new Manifest(Value("fingerprint"), Number<int>("trials"), ulong.TryParse(Value("seed"), NumberStyles.None, CultureInfo.InvariantCulture, out ulong seed)
            ? seed : throw Damaged($"seed is '{Value("seed")}', expected a whole number >= 0"), Number<int>("budget"), Number<int>("shards"));
    }

    private InvalidDataException Damaged(string problem) =>
        new($"{ManifestPath} is damaged: {problem} (the file 'supplysim optimize --shards N' writes); delete {Root} to start the search again");

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

            string path = ShardPath(generation, shard);
            foreach (var (policy, values) in ReadRows(path))
            {
                if (policy >= count)
                {
                    throw new InvalidDataException($"{path}: policy {policy} is not one of the generation's {count}; the file is damaged, delete it and run the shard again");
                }

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

    /// <summary>
    /// The rows <see cref="WriteRows"/> wrote. A file damaged after the fact (cut short, edited) is refused with its
    /// line, never half read: every line ends with a newline and holds an index and as many round-trip numbers as the first.
    /// </summary>
    private static List<(int Index, double[] Values)> ReadRows(string path)
    {
        string text = File.ReadAllText(path);
        if (text.Length > 0 && text[^1] != '\n')
        {
            throw new InvalidDataException($"{path}: the last line has no end of line, so the file was cut short; delete it and write it again");
        }

        var rows = new List<(int Index, double[] Values)>();
        string[] lines = text.Split('\n');
        for (int n = 0; n < lines.Length - 1; n++)
        {
            string[] cells = lines[n].Split(',');
            var values = new double[cells.Length - 1];
            bool valid = int.TryParse(cells[0], NumberStyles.None, CultureInfo.InvariantCulture, out int index) &&
                         (rows.Count == 0 || values.Length == rows[0].Values.Length);
            for (int c = 1; valid && c < cells.Length; c++)
            {
                valid = double.TryParse(cells[c], NumberStyles.Float, CultureInfo.InvariantCulture, out values[c - 1]);
            }

            if (!valid)
            {
                throw new InvalidDataException($"{path}:{n + 1}: expected a policy index and {(rows.Count == 0 ? "its" : rows[0].Values.Length)} numbers, " +
                                               $"found '{lines[n]}'; the file is damaged, delete it and write it again");
            }

            rows.Add((index, values));
        }

        return rows;
    }
}
