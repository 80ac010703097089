using Parquet;
using Parquet.Schema;
using SupplySim.Simulation.Streaming;

namespace SupplySim.Reporting.Streaming;

/// <summary>
/// Streams <c>trials.parquet</c> with the schema of <see cref="TrialTableWriter.WriteParquet"/>. Each chunk becomes
/// one or more row groups of whole entities (rows entity by entity, each entity's trials in order), at most
/// <see cref="MaxRowGroupRows"/> rows each unless a single entity's chunk is longer. The file holds the same rows as
/// the exact path's, in chunk-major order; it is written under a temporary name and renamed by <see cref="Complete"/>.
/// </summary>
/// <remarks>
/// Memory is bounded by one row group's single column, not by the table: the row group is written column by column
/// from one reused buffer per type, and Parquet.Net's pooled buffers are capped
/// (<see cref="TrialTableWriter.BoundedParquetOptions"/>).
/// What still grows with the trials is the footer's row-group metadata, a few KiB per row group.
/// </remarks>
internal sealed class TrialParquetStream : ITrialChunkSink, IDisposable
{
    /// <summary>Most rows of a row group when an entity's chunk is shorter (a chunk is split between entities).</summary>
    public const int MaxRowGroupRows = 1 << 17;

    private readonly string _path;
    private readonly string _temporary;
    private readonly TrialRowIndex _index;
    private readonly ReadOnlyMemory<char>[] _scenarioIds;
    private readonly FileStream _stream;
    private readonly ParquetWriter _writer;
    private readonly DataField[] _keys;
    private readonly DataField<double?>[] _metricFields;
    private readonly int _entitiesPerGroup;
    private readonly ReadOnlyMemory<char>?[] _text;
    private readonly int[] _trial;
    private readonly double?[] _values;
    private bool _completed;

    public TrialParquetStream(string path, TrialRowIndex index, IReadOnlyList<string> scenarioIds, int chunkCapacity)
    {
        _path = Path.GetFullPath(path);
        _index = index;
        _scenarioIds = [.. scenarioIds.Select(id => id.AsMemory())];
        _temporary = PendingFiles.TemporaryName(_path);
        (_keys, _metricFields, var schema) = TrialTableWriter.ParquetSchemaOfTable();
        // As few row groups per chunk as the bound allows, sharing the entities evenly (140 → 70 + 70, not 128 + 12).
        int entities = Math.Max(1, index.Entities.Count);
        int mostPerGroup = Math.Max(1, MaxRowGroupRows / chunkCapacity);
        int groups = (entities + mostPerGroup - 1) / mostPerGroup;
        _entitiesPerGroup = (entities + groups - 1) / groups;
        int rows = checked(_entitiesPerGroup * chunkCapacity);
        _text = new ReadOnlyMemory<char>?[rows];
        _trial = new int[rows];
        _values = new double?[rows];
        _stream = new FileStream(_temporary, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16);
        _writer = ParquetWriter.CreateAsync(schema, _stream, TrialTableWriter.BoundedParquetOptions()).GetAwaiter().GetResult();
    }

    public void Consume(TrialChunk chunk)
    {
        for (int first = 0; first < _index.Entities.Count; first += _entitiesPerGroup)
        {
            int count = Math.Min(_entitiesPerGroup, _index.Entities.Count - first);
            WriteRowGroupAsync(chunk, first, count).GetAwaiter().GetResult();
        }
    }

    /// <summary>Writes the footer, flushes to disk and hands the file to <paramref name="files"/>, which renames it into place with the rest.</summary>
    public void Complete(PendingFiles files)
    {
        ArgumentNullException.ThrowIfNull(files);
        _writer.DisposeAsync().AsTask().GetAwaiter().GetResult();
        _stream.Flush(flushToDisk: true);
        _stream.Dispose();
        files.Adopt(_temporary, _path);
        _completed = true;
    }

    /// <summary>
    /// Abandons the file of a run that did not complete: always deletes the temporary file. Closing the writer writes
    /// a footer and flushes buffered rows nobody wants; when that fails (the disk that failed the run is still full,
    /// or a row group was left half written) the failure is ignored rather than thrown over the run's own.
    /// </summary>
    public void Dispose()
    {
        if (_completed)
        {
            return;
        }

        try
        {
            Abandon(() => _writer.DisposeAsync().AsTask().GetAwaiter().GetResult());
            Abandon(_stream.Dispose);
        }
        finally
        {
            File.Delete(_temporary);
        }
    }

    private static void Abandon(Action close)
    {
        try
        {
            close();
        }
#pragma warning disable CA1031 // Whatever closing an abandoned file throws, the file is deleted next and the run's first failure is reported.
        catch (Exception)
#pragma warning restore CA1031
        {
        }
    }

    /// <summary>Rows of entities [<paramref name="first"/>, first + <paramref name="count"/>) of the chunk, one column at a time.</summary>
    private async Task WriteRowGroupAsync(TrialChunk chunk, int first, int count)
    {
        int rows = count * chunk.Count;
        var entities = _index.Entities.Slice(first, count);
        using var group = _writer.CreateRowGroup();
        await WriteTextAsync(group, _keys[0], entities, chunk.Count, entity => _scenarioIds[entity.Scenario]).ConfigureAwait(false);
        for (int e = 0, row = 0; e < entities.Count; e++)
        {
            for (int t = 0; t < chunk.Count; t++, row++)
            {
                _trial[row] = chunk.FirstTrial + t;
            }
        }

        await group.WriteAsync<int>(_keys[1], _trial.AsMemory(0, rows)).ConfigureAwait(false);
        await WriteTextAsync(group, _keys[2], entities, chunk.Count, entity => entity.Kind.AsMemory()).ConfigureAwait(false);
        await WriteTextAsync(group, _keys[3], entities, chunk.Count, entity => entity.Id.AsMemory()).ConfigureAwait(false);
        await WriteTextAsync(group, _keys[4], entities, chunk.Count, entity => entity.Material.AsMemory()).ConfigureAwait(false);
        int shortageMetrics = TrialRowIndex.ShortageMetricCount;
        for (int m = 0; m < _metricFields.Length; m++)
        {
            for (int e = 0, row = 0; e < entities.Count; e++)
            {
                var entity = entities[e];
                int column = m < shortageMetrics ? entity.FirstColumn + m : entity.CoupledColumn;
                var values = column >= 0 ? chunk.Column(entity.Scenario, column) : default;
                for (int t = 0; t < chunk.Count; t++, row++)
                {
                    // A missing coupled column, or a NaN metric (undefined for the trial), is a null cell.
                    _values[row] = column < 0 || double.IsNaN(values[t]) ? null : values[t];
                }
            }

            await group.WriteAsync<double>(_metricFields[m], _values.AsMemory(0, rows)).ConfigureAwait(false);
        }
    }

    private async Task WriteTextAsync(ParquetRowGroupWriter group, DataField field, List<TrialRowIndex.Entity> entities,
        int trials, Func<TrialRowIndex.Entity, ReadOnlyMemory<char>> text)
    {
        for (int e = 0, row = 0; e < entities.Count; e++)
        {
            var value = text(entities[e]);
            _text.AsSpan(row, trials).Fill(value);
            row += trials;
        }

        await group.WriteAsync<ReadOnlyMemory<char>>(field, _text.AsMemory(0, entities.Count * trials)).ConfigureAwait(false);
    }
}
