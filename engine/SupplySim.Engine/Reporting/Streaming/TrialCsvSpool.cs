using System.Globalization;
using System.Text;
using SupplySim.Simulation.Streaming;

namespace SupplySim.Reporting.Streaming;

/// <summary>
/// Streams <c>trials.csv</c> to disk chunk by chunk, byte-identical to <see cref="TrialTableWriter.WriteCsv"/>.
/// The table's rows are ordered (scenario, entity, trial), so each entity's rows are appended to its own spool file
/// as chunks arrive; <see cref="Complete"/> concatenates the spools into the run's set of output files.
/// </summary>
internal sealed class TrialCsvSpool : ITrialChunkSink, IDisposable
{
    private readonly string _path;
    private readonly string _spoolDirectory;
    private readonly TrialRowIndex _index;
    private readonly StreamWriter[] _spools;
    private readonly string[] _scenarioIds;
    private readonly char[] _line = new char[4096];
    private bool _completed;

    public TrialCsvSpool(string path, TrialRowIndex index, IReadOnlyList<string> scenarioIds)
    {
        _path = Path.GetFullPath(path);
        _index = index;
        _scenarioIds = [.. scenarioIds];
        _spoolDirectory = Path.Combine(Path.GetDirectoryName(_path)!, $".{Path.GetFileName(_path)}.{Environment.ProcessId}.spool");
        Directory.CreateDirectory(_spoolDirectory);
        _spools = new StreamWriter[index.Entities.Count];
        for (int e = 0; e < _spools.Length; e++)
        {
            // One writer per entity, each holding only its buffer (8 KiB of chars, 12 KiB of bytes, 4 KiB of file
            // buffer): rows go to disk as they are formatted, nothing of a trial is kept.
            _spools[e] = new StreamWriter(Path.Combine(_spoolDirectory, $"{e}.csv"), append: false, new UTF8Encoding(false), 1 << 12)
            {
                NewLine = "\n",
            };
        }
    }

    public void Consume(TrialChunk chunk)
    {
        int metrics = TrialRowIndex.ShortageMetricCount;
        for (int e = 0; e < _spools.Length; e++)
        {
            var entity = _index.Entities[e];
            var writer = _spools[e];
            for (int t = 0; t < chunk.Count; t++)
            {
                int length = 0;
                Append(_scenarioIds[entity.Scenario], ref length);
                _line[length++] = ',';
                (chunk.FirstTrial + t).TryFormat(_line.AsSpan(length), out int written, default, CultureInfo.InvariantCulture);
                length += written;
                _line[length++] = ',';
                Append(entity.Kind, ref length);
                _line[length++] = ',';
                Append(entity.Id, ref length);
                _line[length++] = ',';
                Append(entity.Material, ref length);
                for (int m = 0; m <= metrics; m++)
                {
                    _line[length++] = ',';
                    double value = m < metrics ? chunk.Column(entity.Scenario, entity.FirstColumn + m)[t]
                        : entity.CoupledColumn >= 0 ? chunk.Column(entity.Scenario, entity.CoupledColumn)[t] : double.NaN;
                    if (!double.IsNaN(value))
                    {
                        value.TryFormat(_line.AsSpan(length), out written, "R", CultureInfo.InvariantCulture);
                        length += written;
                    }
                }

                _line[length++] = '\n';
                writer.Write(_line.AsSpan(0, length));
            }
        }
    }

    /// <summary>Writes the header and every spool, in table order, as the final file of <paramref name="files"/>; removes the spools.</summary>
    public void Complete(PendingFiles files)
    {
        ArgumentNullException.ThrowIfNull(files);
        foreach (var spool in _spools)
        {
            spool.Dispose();
        }

        files.Write(_path, stream =>
        {
            byte[] header = Encoding.UTF8.GetBytes(string.Join(',', TrialTable.KeyColumns.Concat(TrialTable.MetricColumns)) + "\n");
            stream.Write(header);
            for (int e = 0; e < _spools.Length; e++)
            {
                using var spool = new FileStream(Path.Combine(_spoolDirectory, $"{e}.csv"), FileMode.Open, FileAccess.Read,
                    FileShare.Read, 1 << 16, FileOptions.SequentialScan);
                spool.CopyTo(stream, 1 << 20);
            }
        });
        _completed = true;
        Directory.Delete(_spoolDirectory, recursive: true);
    }

    /// <summary>
    /// Abandons the spools of a run that did not complete: always removes the spool folder. A spool's buffered rows
    /// are not wanted, so a failure to flush them (the disk that failed the run is still full) is ignored rather
    /// than thrown over the run's own failure.
    /// </summary>
    public void Dispose()
    {
        if (_completed)
        {
            return;
        }

        try
        {
            foreach (var spool in _spools)
            {
                Abandon(spool);
            }
        }
        finally
        {
            if (Directory.Exists(_spoolDirectory))
            {
                Directory.Delete(_spoolDirectory, recursive: true);
            }
        }
    }

    /// <summary>Closes <paramref name="spool"/> (its file handle is released even when the flush fails), ignoring a failed flush.</summary>
    private static void Abandon(StreamWriter? spool)
    {
        try
        {
            spool?.Dispose();
        }
        catch (IOException)
        {
            // The rows are discarded with the folder; the run's first failure is what is reported.
        }
    }

    private void Append(string text, ref int length)
    {
        text.AsSpan().CopyTo(_line.AsSpan(length));
        length += text.Length;
    }
}
