using Parquet;
using Parquet.Schema;
using SupplySim.Simulation.Streaming;

namespace SupplySim.Reporting.Streaming;

/// <summary>
/// Streams <c>trials.parquet</c> with the schema of <see cref="TrialTableWriter.WriteParquet"/>, one row group per
/// chunk: rows (scenario, entity, trial) of the chunk's trials. The file holds the same rows as the exact path's, in
/// chunk-major order; it is written under a temporary name and renamed by <see cref="Complete"/>.
/// </summary>
internal sealed class TrialParquetStream : ITrialChunkSink, IDisposable
{
    private readonly string _path;
    private readonly string _temporary;
    private readonly TrialRowIndex _index;
    private readonly string[] _scenarioIds;
    private readonly FileStream _stream;
    private readonly ParquetWriter _writer;
    private readonly DataField[] _keys;
    private readonly DataField<double?>[] _metricFields;
    private readonly string[] _scenario;
    private readonly int[] _trial;
    private readonly string[] _kind;
    private readonly string[] _entity;
    private readonly string[] _material;
    private readonly double?[][] _metrics;
    private bool _completed;

    public TrialParquetStream(string path, TrialRowIndex index, IReadOnlyList<string> scenarioIds, int chunkCapacity)
    {
        _path = Path.GetFullPath(path);
        _index = index;
        _scenarioIds = [.. scenarioIds];
        _temporary = Path.Combine(Path.GetDirectoryName(_path)!, $".{Path.GetFileName(_path)}.{Environment.ProcessId}.tmp");
        _keys =
        [
            new DataField<string>("scenario"), new DataField<int>("trial"), new DataField<string>("kind"),
            new DataField<string>("entity"), new DataField<string>("material"),
        ];
        _metricFields = [.. TrialTable.MetricColumns.Select(name => new DataField<double?>(name))];
        int rows = checked(index.Entities.Count * chunkCapacity);
        _scenario = new string[rows];
        _trial = new int[rows];
        _kind = new string[rows];
        _entity = new string[rows];
        _material = new string[rows];
        _metrics = [.. _metricFields.Select(_ => new double?[rows])];
        _stream = new FileStream(_temporary, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16);
        _writer = ParquetWriter.CreateAsync(new ParquetSchema([.. _keys, .. _metricFields]), _stream).GetAwaiter().GetResult();
    }

    public void Consume(TrialChunk chunk)
    {
        int metrics = TrialRowIndex.ShortageMetricCount;
        int row = 0;
        foreach (var entity in _index.Entities)
        {
            for (int t = 0; t < chunk.Count; t++, row++)
            {
                _scenario[row] = _scenarioIds[entity.Scenario];
                _trial[row] = chunk.FirstTrial + t;
                _kind[row] = entity.Kind;
                _entity[row] = entity.Id;
                _material[row] = entity.Material;
                for (int m = 0; m < metrics; m++)
                {
                    double value = chunk.Column(entity.Scenario, entity.FirstColumn + m)[t];
                    _metrics[m][row] = double.IsNaN(value) ? null : value;
                }

                _metrics[metrics][row] = entity.CoupledColumn >= 0 ? chunk.Column(entity.Scenario, entity.CoupledColumn)[t] : null;
            }
        }

        WriteRowGroupAsync(row).GetAwaiter().GetResult();
    }

    /// <summary>Writes the footer, flushes to disk and renames the file into place.</summary>
    public void Complete()
    {
        _writer.DisposeAsync().AsTask().GetAwaiter().GetResult();
        _stream.Flush(flushToDisk: true);
        _stream.Dispose();
        File.Move(_temporary, _path, overwrite: true);
        _completed = true;
    }

    public void Dispose()
    {
        if (_completed)
        {
            return;
        }

        _writer.DisposeAsync().AsTask().GetAwaiter().GetResult();
        _stream.Dispose();
        File.Delete(_temporary);
    }

    private async Task WriteRowGroupAsync(int rows)
    {
        using var group = _writer.CreateRowGroup();
        await group.WriteAsync(_keys[0], new ArraySegment<string>(_scenario, 0, rows)).ConfigureAwait(false);
        await group.WriteAsync<int>(_keys[1], _trial.AsMemory(0, rows)).ConfigureAwait(false);
        await group.WriteAsync(_keys[2], new ArraySegment<string>(_kind, 0, rows)).ConfigureAwait(false);
        await group.WriteAsync(_keys[3], new ArraySegment<string>(_entity, 0, rows)).ConfigureAwait(false);
        await group.WriteAsync(_keys[4], new ArraySegment<string>(_material, 0, rows)).ConfigureAwait(false);
        for (int i = 0; i < _metricFields.Length; i++)
        {
            await group.WriteAsync<double>(_metricFields[i], _metrics[i].AsMemory(0, rows)).ConfigureAwait(false);
        }
    }
}
