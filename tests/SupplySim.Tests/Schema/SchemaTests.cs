using System.Text.Json;
using Json.Schema;
using NUnit.Framework;
using SupplySim.Scenario.Schema;
using SupplySim.Tests.Support;

namespace SupplySim.Tests.Schema;

/// <summary>
/// The JSON Schemas of scenario and sweep files: kept in docs/schema/ as the command prints them, accepted by every
/// shipped and valid file, and rejecting every corpus file the loader rejects for its structure.
/// </summary>
[TestFixture]
internal sealed class SchemaTests
{
    /// <summary>Loader codes for structure: wrong shape, missing required key, unknown key.</summary>
    private static readonly string[] StructuralCodes = ["SS0002", "SS0003", "SS0004"];

    /// <summary>
    /// Structural errors outside what a JSON Schema can say: a file holding a second YAML document (editors validate
    /// each document on its own).
    /// </summary>
    private static readonly string[] BeyondJsonSchema = ["shape-two-documents.yaml"];

    private static string Root => TestModels.RepoRoot();

    private static JsonSchema Load(string kind) =>
        JsonSchema.FromText(SchemaText.Of(kind)!, new BuildOptions { SchemaRegistry = new SchemaRegistry() });

    private static EvaluationResults Evaluate(JsonSchema schema, string yaml)
    {
        var json = YamlToJson.Convert(yaml);
        using var document = JsonDocument.Parse(json?.ToJsonString() ?? "null");
        return schema.Evaluate(document.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });
    }

    private static string Errors(EvaluationResults results) =>
        string.Join("\n", (results.Details ?? []).Where(d => d.Errors is { Count: > 0 }).Take(8)
            .Select(d => $"{d.InstanceLocation}: {string.Join("; ", d.Errors!.Values)}"));

    [TestCase("scenario")]
    [TestCase("sweep")]
    public void SchemaFile_InDocs_IsWhatTheCommandPrints(string kind)
    {
        string kept = File.ReadAllText(Path.Combine(Root, "docs", "schema", kind + ".schema.json"));
        var (code, stdout, _) = CliRunner.Execute("schema", kind);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(code, Is.Zero);
            Assert.That(stdout, Is.EqualTo(kept), $"docs/schema/{kind}.schema.json is stale: regenerate it with 'supplysim schema {kind}'");
        }
    }

    [Test]
    public void ShippedAndValidFiles_ValidateAgainstTheirSchema()
    {
        var scenario = Load("scenario");
        var sweep = Load("sweep");
        var scenarios = Directory.GetFiles(Path.Combine(Root, "scenarios"), "*.yaml")
            .Concat(Directory.GetFiles(Path.Combine(Root, "tests", "SupplySim.Tests", "Corpus", "valid"), "*.yaml"));
        var sweeps = Directory.GetFiles(Path.Combine(Root, "scenarios", "sweeps"), "*.yaml")
            .Concat(Directory.GetFiles(Path.Combine(Root, "tests", "SupplySim.Tests", "Corpus", "valid-sweeps"), "*.yaml"));
        using (Assert.EnterMultipleScope())
        {
            foreach (string file in scenarios)
            {
                var results = Evaluate(scenario, File.ReadAllText(file));
                Assert.That(results.IsValid, Is.True, $"{Path.GetFileName(file)}:\n{Errors(results)}");
            }

            foreach (string file in sweeps)
            {
                var results = Evaluate(sweep, File.ReadAllText(file));
                Assert.That(results.IsValid, Is.True, $"{Path.GetFileName(file)}:\n{Errors(results)}");
            }
        }
    }

    [TestCase("invalid", "scenario")]
    [TestCase("invalid-sweeps", "sweep")]
    public void CorpusFilesRejectedForStructure_AreRejectedByTheSchemaToo(string folder, string kind)
    {
        var schema = Load(kind);
        var structural = Directory.GetFiles(Path.Combine(Root, "tests", "SupplySim.Tests", "Corpus", folder), "*.yaml")
            .Select(file => (File: file, Text: File.ReadAllText(file)))
            .Where(f => StructuralCodes.Any(code => f.Text.StartsWith($"# expect: {code} ", StringComparison.Ordinal)))
            .Where(f => !BeyondJsonSchema.Contains(Path.GetFileName(f.File)))
            .ToList();
        Assert.That(structural, Is.Not.Empty);
        using (Assert.EnterMultipleScope())
        {
            foreach (var (file, text) in structural)
            {
                Assert.That(Evaluate(schema, text).IsValid, Is.False, $"{Path.GetFileName(file)} ({text[..text.IndexOf('\n', StringComparison.Ordinal)]})");
            }
        }
    }

    [Test]
    public void ShippedFiles_StartWithTheEditorsSchemaLine_PointingAtTheKeptSchema()
    {
        var files = Directory.GetFiles(Path.Combine(Root, "scenarios"), "*.yaml").Select(f => (File: f, Kind: "scenario"))
            .Concat(Directory.GetFiles(Path.Combine(Root, "scenarios", "sweeps"), "*.yaml").Select(f => (File: f, Kind: "sweep")));
        using (Assert.EnterMultipleScope())
        {
            foreach (var (file, kind) in files)
            {
                string first = File.ReadLines(file).First();
                const string Prefix = "# yaml-language-server: $schema=";
                Assert.That(first, Does.StartWith(Prefix), Path.GetFileName(file));
                string target = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(file)!, first[Prefix.Length..]));
                Assert.That(target, Is.EqualTo(Path.GetFullPath(Path.Combine(Root, "docs", "schema", kind + ".schema.json"))), Path.GetFileName(file));
            }
        }
    }
}
