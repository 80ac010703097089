using System.Globalization;
using NUnit.Framework;
using Parquet;
using SupplySim.Reporting;
using SupplySim.Reporting.Streaming;
using SupplySim.Simulation;
using SupplySim.Statistics;
using SupplySim.Statistics.Streaming;
using SupplySim.Tests.Support;

namespace SupplySim.Tests.Streaming;

/// <summary>
/// A streamed run of the shipped scenario against the exact in-memory path on the same trials: exact statistics
/// agree to rounding, quantiles within the sketch's accuracy, files byte for byte, any thread count.
/// </summary>
[TestFixture]
internal sealed class StreamingRunTests
{
    private const int Trials = 1100;
    private const int Chunk = 1024; // two chunks, the second partial
    private const ulong Seed = 20250401;
    private const double Alpha = StreamingRun.RelativeAccuracy;

    private string _root = "";
    private RunReport _exact = null!;
    private RunReport _streamed = null!;

    [OneTimeSetUp]
    public void RunBothPaths()
    {
        _root = Directory.CreateTempSubdirectory("supplysim-stream-").FullName;
        var model = TestModels.CompileFile(Path.Combine(TestModels.RepoRoot(), "scenarios", "critical-minerals.yaml"));
        var options = new MonteCarloOptions(Trials, Seed, 2);
        _exact = new RunReport(model, Seed, [.. model.Scenarios.Select(s => MonteCarlo.Run(model, s, options))]);
        Directory.CreateDirectory(Path.Combine(_root, "exact"));
        OutputFiles(_exact, Path.Combine(_root, "exact"));
        _streamed = StreamingRun.Run(model, model.Scenarios, options with { MaxDegreeOfParallelism = 1 }, Path.Combine(_root, "one"), chunkTrials: Chunk);
        AtomicFile.Write(Path.Combine(_root, "one", "summary.json"), s => SummaryJsonWriter.Write(_streamed, s));
        var two = StreamingRun.Run(model, model.Scenarios, options, Path.Combine(_root, "two"), chunkTrials: Chunk);
        AtomicFile.Write(Path.Combine(_root, "two", "summary.json"), s => SummaryJsonWriter.Write(two, s));
    }

    [OneTimeTearDown]
    public void RemoveFolder() => Directory.Delete(_root, recursive: true);

    private static void OutputFiles(RunReport report, string dir)
    {
        var table = new TrialTable(report);
        AtomicFile.Write(Path.Combine(dir, "trials.csv"), s => TrialTableWriter.WriteCsv(table, s));
        AtomicFile.Write(Path.Combine(dir, "trials.parquet"), s => TrialTableWriter.WriteParquet(table, s));
    }

    private IEnumerable<(int Scenario, int Column, bool Paired, MetricSummary Exact, MetricSummary Streamed, double[] Sorted)> Pairs()
    {
        for (int s = 0; s < _exact.Results.Count; s++)
        {
            var result = _exact.Results[s];
            for (int c = 0; c < result.Layout.Width; c++)
            {
                yield return (s, c, false, _exact.Summary(s, c), _streamed.Summary(s, c), Sorted(result.Column(c)));
                if (_exact.Delta(s, c) is { } delta)
                {
                    var baseline = _exact.Results[0].Column(c);
                    double referenceDays = BaselineFooting.ReferenceDays(result.Layout.Columns[c].Metric, result.Scenario, _exact.Model.Network.StepDays);
                    var differences = BaselineFooting.Align(result.Column(c), baseline, referenceDays, new double[baseline.Length]).ToArray();
                    for (int t = 0; t < differences.Length; t++)
                    {
                        differences[t] -= baseline[t];
                    }

                    yield return (s, c, true, delta, _streamed.Delta(s, c)!, Sorted(differences));
                }
            }
        }
    }

    private static double[] Sorted(ReadOnlySpan<double> values)
    {
        double[] sorted = values.ToArray();
        Array.Sort(sorted);
        return sorted;
    }

    [Test]
    public void Summary_MomentsExtremesAndThresholds_MatchExactPath()
    {
        int compared = 0;
        using (Assert.EnterMultipleScope())
        {
            foreach (var (s, c, paired, exact, streamed, sorted) in Pairs())
            {
                string where = $"scenario {s} column {c} paired {paired}";
                double scale = Math.Max(Math.Abs(sorted[0]), Math.Abs(sorted[^1]));
                Assert.That(streamed.Count, Is.EqualTo(exact.Count), where);
                Assert.That(streamed.Min, Is.EqualTo(exact.Min), where);
                Assert.That(streamed.Max, Is.EqualTo(exact.Max), where);
                Assert.That(streamed.Exceedances, Is.EqualTo(exact.Exceedances), where);
                Assert.That(streamed.Mean, Is.EqualTo(exact.Mean).Within(1e-12 * Math.Max(Math.Abs(exact.Mean), scale)), where);
                Assert.That(streamed.StdDev, Is.EqualTo(exact.StdDev).Within(1e-12 * Math.Max(exact.StdDev, scale)), where);
                Assert.That(streamed.Ci95Low, Is.EqualTo(exact.Ci95Low).Within(1e-12 * Math.Max(Math.Abs(exact.Ci95Low), scale)), where);
                Assert.That(streamed.Ci95High, Is.EqualTo(exact.Ci95High).Within(1e-12 * Math.Max(Math.Abs(exact.Ci95High), scale)), where);
                compared++;
            }
        }

        Assert.That(compared, Is.GreaterThan(1000));
    }

    [Test]
    public void Summary_Quantiles_WithinSketchAccuracyOfExact()
    {
        double[] probabilities = [0.05, 0.10, 0.25, 0.50, 0.75, 0.90, 0.95, 0.99];
        using (Assert.EnterMultipleScope())
        {
            foreach (var (s, c, paired, exact, streamed, sorted) in Pairs())
            {
                double[] exactQuantiles = [exact.P5, exact.P10, exact.P25, exact.P50, exact.P75, exact.P90, exact.P95, exact.P99];
                double[] streamedQuantiles = [streamed.P5, streamed.P10, streamed.P25, streamed.P50, streamed.P75, streamed.P90, streamed.P95, streamed.P99];
                for (int p = 0; p < probabilities.Length; p++)
                {
                    // Type 7 interpolates order statistics a and b; each is estimated within α|a|, α|b|.
                    double h = (sorted.Length - 1) * probabilities[p];
                    int below = (int)Math.Floor(h);
                    double a = sorted[below], b = sorted[Math.Min(below + 1, sorted.Length - 1)];
                    double bound = Alpha * (((1 - (h - below)) * Math.Abs(a)) + ((h - below) * Math.Abs(b))) * 1.000001;
                    // Magnitudes below the sketch's dynamic range share its lowest bucket: an absolute floor.
                    bound += Math.Max(Math.Abs(sorted[0]), Math.Abs(sorted[^1])) * 1.0101 / QuantileSketch.DynamicRange;
                    Assert.That(streamedQuantiles[p], Is.EqualTo(exactQuantiles[p]).Within(bound + 1e-12 * Math.Abs(exactQuantiles[p])),
                        $"scenario {s} column {c} paired {paired} p {probabilities[p]}");
                }
            }
        }
    }

    [Test]
    public void Summary_Histograms_SameEdgesAndCountsOffOnlyNearEdges()
    {
        using (Assert.EnterMultipleScope())
        {
            foreach (var (s, c, paired, exact, streamed, sorted) in Pairs())
            {
                string where = $"scenario {s} column {c} paired {paired}";
                var edges = exact.Histogram.BinEdges;
                Assert.That(streamed.Histogram.BinEdges, Is.EqualTo(edges), where);
                int exactBelow = 0, streamedBelow = 0;
                for (int bin = 0; bin < edges.Count - 2; bin++)
                {
                    exactBelow += exact.Histogram.Counts[bin];
                    streamedBelow += streamed.Histogram.Counts[bin];
                    double edge = edges[bin + 1];
                    int ambiguous = sorted.Count(x => Math.Abs(x - edge) <= Alpha * 1.000001 * Math.Abs(x));
                    Assert.That(Math.Abs(streamedBelow - exactBelow), Is.LessThanOrEqualTo(ambiguous), $"{where} edge {bin + 1}");
                }
            }
        }
    }

    [Test]
    public void SummaryJson_DeclaresSketchQuantiles()
    {
        string json = File.ReadAllText(Path.Combine(_root, "one", "summary.json"));
        Assert.That(json, Does.Contain("\"quantiles\": \"sketch:relative-0.005\""));
    }

    [Test]
    public void SummaryJson_CollapseFlag_ExactlyOnTheSummariesWhoseSketchCollapsed()
    {
        // Paired deltas of the shipped file hold float residues (~1e-14 t) next to thousands of tonnes: beyond the
        // sketch's range, so those, and only those, carry the flag; every other metric keeps the bytes it had.
        int collapsed = Pairs().Count(p => p.Streamed.QuantilesCollapsed);
        string json = File.ReadAllText(Path.Combine(_root, "one", "summary.json"));
        int flags = json.Split("\"quantiles_collapsed\": true").Length - 1;
        using (Assert.EnterMultipleScope())
        {
            Assert.That(collapsed, Is.GreaterThan(0));
            Assert.That(flags, Is.EqualTo(collapsed));
            Assert.That(Pairs().Where(p => p.Exact.QuantilesCollapsed), Is.Empty, "exact summaries never collapse");
        }
    }

    [TestCase("summary.json", TestName = "Files_OneVsTwoThreads_SummaryJsonByteIdentical")]
    [TestCase("trials.csv", TestName = "Files_OneVsTwoThreads_TrialsCsvByteIdentical")]
    [TestCase("trials.parquet", TestName = "Files_OneVsTwoThreads_TrialsParquetByteIdentical")]
    public void Files_OneVsTwoThreads_ByteIdentical(string file) =>
        Assert.That(File.ReadAllBytes(Path.Combine(_root, "two", file)), Is.EqualTo(File.ReadAllBytes(Path.Combine(_root, "one", file))));

    [Test]
    public void TrialsCsv_Streamed_ByteIdenticalToExactPath() =>
        Assert.That(File.ReadAllBytes(Path.Combine(_root, "one", "trials.csv")), Is.EqualTo(File.ReadAllBytes(Path.Combine(_root, "exact", "trials.csv"))));

    [Test]
    public async Task TrialsParquet_Streamed_SameRowsAsExactPathInBoundedRowGroups()
    {
        var (streamedRows, streamedGroups) = await ReadRows(Path.Combine(_root, "one", "trials.parquet"));
        var (exactRows, _) = await ReadRows(Path.Combine(_root, "exact", "trials.parquet"));
        int entities = exactRows.Count / Trials;
        int entitiesPerGroup = TrialParquetStream.MaxRowGroupRows / Chunk;
        using (Assert.EnterMultipleScope())
        {
            Assert.That(entities, Is.GreaterThan(entitiesPerGroup), "the shipped file splits a chunk into row groups");
            Assert.That(streamedGroups, Is.EqualTo((Trials + Chunk - 1) / Chunk * ((entities + entitiesPerGroup - 1) / entitiesPerGroup)));
            Assert.That(streamedRows.Order(StringComparer.Ordinal), Is.EqualTo(exactRows.Order(StringComparer.Ordinal)));
        }
    }

    [Test]
    public async Task TrialsParquet_ExactPath_CsvRowsInOrderInBoundedRowGroups()
    {
        // The exact path once wrote the whole table as one row group (~200 bytes a row in memory on top of the results).
        var (rows, groups) = await ReadRows(Path.Combine(_root, "exact", "trials.parquet"));
        var csv = File.ReadAllLines(Path.Combine(_root, "exact", "trials.csv")).Skip(1).ToList();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(csv, Has.Count.GreaterThan(TrialTableWriter.ParquetRowGroupRows), "the table needs more than one group");
            Assert.That(groups, Is.EqualTo((csv.Count + TrialTableWriter.ParquetRowGroupRows - 1) / TrialTableWriter.ParquetRowGroupRows));
            Assert.That(rows, Is.EqualTo(csv));
        }
    }

    private static async Task<(List<string> Rows, int Groups)> ReadRows(string path)
    {
        await using var stream = File.OpenRead(path);
        await using var reader = await ParquetReader.CreateAsync(stream);
        var fields = reader.Schema.GetDataFields();
        var rows = new List<string>();
        for (int g = 0; g < reader.RowGroupCount; g++)
        {
            using var group = reader.OpenRowGroupReader(g);
            int count = checked((int)group.RowCount);
            var cells = new string[count][];
            for (int r = 0; r < count; r++)
            {
                cells[r] = new string[fields.Length];
            }

            for (int f = 0; f < fields.Length; f++)
            {
                if (f == 1)
                {
                    var trials = new int[count];
                    await group.ReadAsync<int>(fields[f], trials.AsMemory());
                    Fill(cells, f, trials.Select(t => t.ToString(CultureInfo.InvariantCulture)));
                }
                else if (f < 5)
                {
                    var text = new string?[count];
                    await group.ReadAsync(fields[f], text.AsMemory());
                    Fill(cells, f, text.Select(t => t ?? ""));
                }
                else
                {
                    var values = new double?[count];
                    await group.ReadAsync<double>(fields[f], values.AsMemory());
                    Fill(cells, f, values.Select(v => v?.ToString("R", CultureInfo.InvariantCulture) ?? ""));
                }
            }

            rows.AddRange(cells.Select(row => string.Join(',', row)));
        }

        return (rows, reader.RowGroupCount);
    }

    private static void Fill(string[][] cells, int field, IEnumerable<string> values)
    {
        int r = 0;
        foreach (string value in values)
        {
            cells[r++][field] = value;
        }
    }
}
