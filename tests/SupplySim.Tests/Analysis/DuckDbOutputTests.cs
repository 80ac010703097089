using System.Globalization;
using DuckDB.NET.Data;
using NUnit.Framework;
using SupplySim.Tests.Support;
using static SupplySim.Tests.Support.CliRunner;

namespace SupplySim.Tests.Analysis;

/// <summary>
/// The Parquet outputs as analysis tools read them: DuckDB opens <c>trials.parquet</c> and a sweep's
/// <c>results.parquet</c>, and sees the CSV's columns, types and values (docs/analysis.md has the same queries).
/// </summary>
[TestFixture]
internal sealed class DuckDbOutputTests
{
    private string _dir = "";

    [OneTimeSetUp]
    public void RunOnce()
    {
        _dir = Directory.CreateTempSubdirectory("supplysim-duckdb-").FullName;
        string shipped = Path.Combine(TestModels.RepoRoot(), "scenarios", "critical-minerals.yaml");
        var (code, _, stderr) = Execute("run", shipped, "--trials", "16", "--seed", "5", "--scenario", "combined", "--out", Path.Combine(_dir, "run"));
        Assert.That(code, Is.Zero, stderr);
        string sweep = Path.Combine(_dir, "sweep.yaml");
        File.WriteAllText(sweep, Sweeps.SweepLoaderTests.Sweep(
            "  - {path: 'nodes[us-defense-primes].days_of_cover', name: cover, min: 30d, max: 180d}\n", "{type: lhs, samples: 4}",
            outputs: "  - {metric: shortage_fraction, entity: defense, material: ndfeb}\n"));
        (code, _, stderr) = Execute("sweep", sweep, "--out", Path.Combine(_dir, "sweep"));
        Assert.That(code, Is.Zero, stderr);
    }

    [OneTimeTearDown]
    public void Remove() => Directory.Delete(_dir, recursive: true);

    [Test]
    public void SummaryParquet_ReadByDuckDb_HoldsSummaryJsonsNumbers_OneRowPerScenarioEntityAndMetric()
    {
        string parquet = Path.Combine(_dir, "run", "summary.parquet").Replace("'", "''", StringComparison.Ordinal);
        using var json = System.Text.Json.JsonDocument.Parse(File.ReadAllText(Path.Combine(_dir, "run", "summary.json")));
        var combined = json.RootElement.GetProperty("scenarios").EnumerateArray().Single(s => s.GetProperty("id").GetString() == "combined");
        var lane = combined.GetProperty("lanes")[0];
        string laneId = lane.GetProperty("id").GetString()!;
        double mean = lane.GetProperty("metrics").GetProperty("shipped_t").GetProperty("mean").GetDouble();
        double deltaMean = lane.GetProperty("delta").GetProperty("shipped_t").GetProperty("mean").GetDouble();
        var sector = combined.GetProperty("sectors").EnumerateArray().First(e => e.GetProperty("id").GetString() == "defense");
        string material = sector.GetProperty("material").GetString()!;
        double p95 = sector.GetProperty("metrics").GetProperty("shortage_fraction").GetProperty("p95").GetDouble();

        var fromParquet = Query($"SELECT mean, delta_mean FROM read_parquet('{parquet}') WHERE scenario = 'combined' AND kind = 'lane' " +
                                $"AND entity = '{laneId}' AND metric = 'shipped_t'", r => (Mean: r.GetDouble(0), Delta: r.GetDouble(1))).Single();
        double sectorP95 = Query($"SELECT p95 FROM read_parquet('{parquet}') WHERE scenario = 'combined' AND kind = 'sector' " +
                                 $"AND entity = 'defense' AND material = '{material}' AND metric = 'shortage_fraction'", r => r.GetDouble(0)).Single();
        long baselineDeltas = Query($"SELECT count(*) FROM read_parquet('{parquet}') WHERE scenario = 'baseline' AND delta_mean IS NOT NULL", r => r.GetInt64(0)).Single();
        long duplicates = Query($"SELECT count(*) - count(DISTINCT (scenario, kind, entity, material, metric)) FROM read_parquet('{parquet}')", r => r.GetInt64(0)).Single();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(fromParquet.Mean, Is.EqualTo(mean));
            Assert.That(fromParquet.Delta, Is.EqualTo(deltaMean));
            Assert.That(sectorP95, Is.EqualTo(p95));
            Assert.That(baselineDeltas, Is.Zero, "the baseline has no paired difference");
            Assert.That(duplicates, Is.Zero);
        }
    }

    [Test]
    public void TrialsParquet_ReadByDuckDb_SameColumnsTypesAndRowsAsTheCsv()
    {
        string parquet = Path.Combine(_dir, "run", "trials.parquet").Replace("'", "''", StringComparison.Ordinal);
        var csv = File.ReadAllLines(Path.Combine(_dir, "run", "trials.csv"));
        var columns = Query($"DESCRIBE SELECT * FROM read_parquet('{parquet}')", r => (Name: r.GetString(0), Type: r.GetString(1)));
        var types = columns.ToDictionary(c => c.Name, c => c.Type);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(columns.Select(c => c.Name), Is.EqualTo(csv[0].Split(',')));
            Assert.That(types["scenario"], Is.EqualTo("VARCHAR"));
            Assert.That(types["trial"], Is.EqualTo("INTEGER").Or.EqualTo("BIGINT"));
            Assert.That(types["shortage_fraction"], Is.EqualTo("DOUBLE"));
            Assert.That(Query($"SELECT count(*) FROM read_parquet('{parquet}')", r => r.GetInt64(0)).Single(), Is.EqualTo(csv.Length - 1));
        }

        // A value: the first defense row's shortage fraction, as the CSV prints it (shortest round-trip doubles).
        var fields = csv.Skip(1).Select(line => line.Split(',')).First(f => f[2] == "sector" && f[3] == "defense");
        double fromCsv = double.Parse(fields[8], CultureInfo.InvariantCulture);
        double fromParquet = Query(
            $"SELECT shortage_fraction FROM read_parquet('{parquet}') WHERE scenario = '{fields[0]}' AND trial = {fields[1]} AND kind = 'sector' " +
            $"AND entity = 'defense' AND material = '{fields[4]}'", r => r.GetDouble(0)).Single();
        Assert.That(fromParquet, Is.EqualTo(fromCsv));
    }

    [Test]
    public void SweepResultsParquet_ReadByDuckDb_SameRowsAsTheCsv()
    {
        string parquet = Path.Combine(_dir, "sweep", "results.parquet").Replace("'", "''", StringComparison.Ordinal);
        var csv = File.ReadAllLines(Path.Combine(_dir, "sweep", "results.csv"));
        var names = Query($"DESCRIBE SELECT * FROM read_parquet('{parquet}')", r => r.GetString(0));
        using (Assert.EnterMultipleScope())
        {
            Assert.That(names, Is.EqualTo(csv[0].Split(',')));
            Assert.That(Query($"SELECT count(*) FROM read_parquet('{parquet}')", r => r.GetInt64(0)).Single(), Is.EqualTo(csv.Length - 1));
        }
    }

    [Test]
    public void AnalysisDoc_SectorQuery_RunsOnTheRunsParquet()
    {
        // The first query of docs/analysis.md, on this run's file.
        string parquet = Path.Combine(_dir, "run", "trials.parquet").Replace("'", "''", StringComparison.Ordinal);
        var rows = Query($"""
            SELECT scenario, entity AS sector, material,
                   avg((shortage_fraction > 0)::INT) AS p_any_shortage,
                   median(shortage_fraction)         AS shortage_p50
            FROM read_parquet('{parquet}')
            WHERE kind = 'sector'
            GROUP BY ALL
            ORDER BY scenario, p_any_shortage DESC
            """, r => (Scenario: r.GetString(0), Probability: r.GetDouble(3)));
        using (Assert.EnterMultipleScope())
        {
            Assert.That(rows.Select(r => r.Scenario).Distinct(), Is.EqualTo(new[] { "baseline", "combined" }));
            Assert.That(rows.Select(r => r.Probability), Is.All.InRange(0.0, 1.0));
        }
    }

    private static List<T> Query<T>(string sql, Func<System.Data.Common.DbDataReader, T> read)
    {
        using var connection = new DuckDBConnection("Data Source=:memory:");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var rows = new List<T>();
        while (reader.Read())
        {
            rows.Add(read(reader));
        }

        return rows;
    }
}
