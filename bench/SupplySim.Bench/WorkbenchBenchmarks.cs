using BenchmarkDotNet.Attributes;
using SupplySim.Cli.Workbench;
using SupplySim.Model;

namespace SupplySim.Bench;

/// <summary>
/// The workbench's server side of one edit on the shipped file: the REE licensing start moved six months, the edited
/// text compiled with the CLI's loader and compiler, and the scenario run against the unchanged one on the same
/// trials, with the headline rows and charts (everything the page's answer needs but the browser's drawing); and the
/// same with the unchanged run kept from an earlier edit, as the server does. 200 trials is the first answer; 1000
/// the default final one. All cores.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(ThroughputConfig))]
public class WorkbenchBenchmarks
{
    private const string ScenarioId = "ree-licensing-apr-2025";

    private string _text = "";
    private CompiledModel _original = null!;
    private TextEdit[] _edits = [];
    private SupplySim.Simulation.ScenarioResult? _unchanged;

    [Params(200, 1000)]
    public int Trials { get; set; } = 200;

    [GlobalSetup]
    public void Setup()
    {
        _text = File.ReadAllText(BenchInputs.ScenarioPath);
        _original = WhatIf.Compile(_text, "critical-minerals.yaml").Model!;
        var document = Scenario.ScenarioLoader.Load(_text, "critical-minerals.yaml", new Scenario.DiagnosticBag())!;
        var start = ScenarioText.Fields(document, _text).First(f => f.Group == ScenarioId && f.Label == "ree-licence-no18: start");
        _edits = [new TextEdit(start.Line, start.Column, start.Text, "2025-10-04")];
        _unchanged = SupplySim.Simulation.MonteCarlo.Run(_original, _original.Find(ScenarioId)!, WhatIf.Options(0, Trials, BenchInputs.Seed));
    }

    /// <summary>Both runs, as the first edit of a scenario costs.</summary>
    [Benchmark]
    public int EditToAnswer()
    {
        string edited = ScenarioText.Apply(_text, _edits, out _)!;
        var model = WhatIf.Compile(edited, "critical-minerals.yaml").Model!;
        return WhatIf.Run(_original, model, ScenarioId, Trials, BenchInputs.Seed, CancellationToken.None).Rows.Count;
    }

    /// <summary>The edited run only, as every later edit costs: the server keeps the unchanged run of each batch.</summary>
    [Benchmark]
    public int EditToAnswerUnchangedKept()
    {
        string edited = ScenarioText.Apply(_text, _edits, out _)!;
        var model = WhatIf.Compile(edited, "critical-minerals.yaml").Model!;
        return WhatIf.Compare(WhatIf.Simulate(_original, model, ScenarioId, 0, Trials, BenchInputs.Seed, _ => _unchanged!, CancellationToken.None)).Rows.Count;
    }
}
