using Parquet;
using Parquet.Schema;

namespace SupplySim.Calibration;

/// <summary>
/// <c>posterior.parquet</c>: one row per particle with columns <c>particle</c>, one per calibrated parameter (named by
/// its path, in the internal unit) and <c>weight</c>; the network fingerprint in the file's key-value metadata.
/// </summary>
public static class PosteriorFile
{
    /// <summary>The file name in a calibration's output folder.</summary>
    public const string Name = "posterior.parquet";

    private const string FingerprintKey = "supplysim.network_fingerprint";
    private const string SchemaKey = "supplysim.schema";
    private const string Schema = "supplysim.posterior/1";

    /// <summary>Writes <paramref name="posterior"/>.</summary>
    public static void Write(Posterior posterior, Stream stream)
    {
        ArgumentNullException.ThrowIfNull(posterior);
        ArgumentNullException.ThrowIfNull(stream);
        var particle = new DataField<int>("particle");
        var parameters = posterior.ParameterNames.Select(name => new DataField<double>(name)).ToArray();
        var weight = new DataField<double>("weight");
        var schema = new ParquetSchema([particle, .. parameters, weight]);
        WriteAsync().GetAwaiter().GetResult();

        async Task WriteAsync()
        {
            await using var writer = await ParquetWriter.CreateAsync(schema, stream).ConfigureAwait(false);
            writer.CustomMetadata = new Dictionary<string, string> { [FingerprintKey] = posterior.NetworkFingerprint, [SchemaKey] = Schema };
            using var group = writer.CreateRowGroup();
            await group.WriteAsync<int>(particle, Enumerable.Range(0, posterior.Particles).ToArray().AsMemory()).ConfigureAwait(false);
            for (int p = 0; p < parameters.Length; p++)
            {
                var values = Enumerable.Range(0, posterior.Particles).Select(i => posterior.Value(i, p)).ToArray();
                await group.WriteAsync<double>(parameters[p], values.AsMemory()).ConfigureAwait(false);
            }

            await group.WriteAsync<double>(weight, posterior.Weights.ToArray().AsMemory()).ConfigureAwait(false);
        }
    }

    /// <summary>Reads the posterior of a calibration's output folder.</summary>
    /// <returns>The posterior, or null with what is wrong in <paramref name="problem"/>.</returns>
    public static Posterior? Read(string folder, out string? problem)
    {
        ArgumentNullException.ThrowIfNull(folder);
        string path = Path.Combine(folder, Name);
        if (!Directory.Exists(folder))
        {
            problem = File.Exists(folder) ? $"'{folder}' is a file; expected the --out folder of calibrate" : $"no such folder '{folder}'";
            return null;
        }

        if (!File.Exists(path))
        {
            problem = $"'{folder}' holds no {Name}; give the --out folder of 'supplysim calibrate'";
            return null;
        }

        try
        {
            using var stream = File.OpenRead(path);
            var (posterior, message) = ReadAsync(stream, path).GetAwaiter().GetResult();
            problem = message;
            return posterior;
        }
        catch (Exception ex) when (ex is IOException or InvalidDataException or NotSupportedException or InvalidOperationException or ArgumentException)
        {
            problem = $"{path} is not a posterior written by calibrate: {ex.Message}";
            return null;
        }
    }

    private static (Posterior? Posterior, string? Problem) Fail(string problem) => (null, problem);

    private static async Task<(Posterior? Posterior, string? Problem)> ReadAsync(Stream stream, string path)
    {
        await using var reader = await ParquetReader.CreateAsync(stream).ConfigureAwait(false);
        if (!reader.CustomMetadata.TryGetValue(SchemaKey, out string? schema) || schema != Schema
            || !reader.CustomMetadata.TryGetValue(FingerprintKey, out string? fingerprint))
        {
            return Fail($"{path} is not a posterior written by calibrate (no '{Schema}' metadata)");
        }

        var fields = reader.Schema.GetDataFields();
        if (fields.Length < 3 || fields[0].Name != "particle" || fields[^1].Name != "weight")
        {
            return Fail($"{path} must have the columns particle, one per parameter, weight");
        }

        var weights = new List<double>();
        var parameterColumns = fields[1..^1].Select(_ => new List<double>()).ToArray();
        for (int g = 0; g < reader.RowGroupCount; g++)
        {
            using var group = reader.OpenRowGroupReader(g);
            int count = checked((int)group.RowCount);
            for (int p = 0; p < parameterColumns.Length; p++)
            {
                var values = new double[count];
                await group.ReadAsync<double>(fields[p + 1], values.AsMemory()).ConfigureAwait(false);
                parameterColumns[p].AddRange(values);
            }

            var w = new double[count];
            await group.ReadAsync<double>(fields[^1], w.AsMemory()).ConfigureAwait(false);
            weights.AddRange(w);
        }

        if (weights.Count == 0)
        {
            return Fail($"{path} holds no particles");
        }

        if (weights.Any(w => !(w >= 0) || double.IsInfinity(w)) || !(weights.Sum() > 0))
        {
            return Fail($"{path}: weights must be finite, non-negative and not all zero");
        }

        var values2 = Enumerable.Range(0, weights.Count).SelectMany(i => parameterColumns.Select(c => c[i])).ToArray();
        if (values2.Any(v => !double.IsFinite(v)))
        {
            return Fail($"{path}: a parameter value is not a finite number");
        }

        return (new Posterior([.. fields[1..^1].Select(f => f.Name)], values2, weights, fingerprint), null);
    }
}
