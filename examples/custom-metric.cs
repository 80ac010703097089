// A metric the engine does not report, computed from the per-trial results in memory: the chance that EV makers
// lose more than 10% of their magnet demand, in each scenario, and how often that happens while defense is fully
// served (a joint event that needs the trials, not the summaries).
//   dotnet run examples/custom-metric.cs              (from the repository root)
#:project ../engine/SupplySim.Engine/SupplySim.Engine.csproj

using System.Globalization;
using SupplySim.Model;
using SupplySim.Scenario;
using SupplySim.Simulation;

string path = Path.Combine("scenarios", "critical-minerals.yaml");
var diagnostics = new DiagnosticBag();
var document = ScenarioLoader.Load(File.ReadAllText(path), path, diagnostics);
var model = document is null ? null : NetworkCompiler.Compile(document, diagnostics);
if (model is null)
{
    Console.Error.WriteLine(string.Join("\n", diagnostics.Items));
    return 1;
}

var options = new MonteCarloOptions(Trials: 300, Seed: 7);
Console.WriteLine("scenario                   P(EV NdFeB shortage > 10%)   P(... and defense NdFeB fully served)");
foreach (var scenario in model.Scenarios)
{
    var result = MonteCarlo.Run(model, scenario, options);
    var ev = result.Column(Column(result, "ev", "ndfeb"));
    var defense = result.Column(Column(result, "defense", "ndfeb"));
    int severe = 0, severeWhileDefenseServed = 0;
    for (int trial = 0; trial < result.Trials; trial++)
    {
        if (ev[trial] > 0.10)
        {
            severe++;
            severeWhileDefenseServed += defense[trial] == 0 ? 1 : 0;
        }
    }

    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"{scenario.Id,-26} {severe / (double)result.Trials,26:0.0%} {severeWhileDefenseServed / (double)result.Trials,38:0.0%}"));
}

return 0;

static int Column(ScenarioResult result, string sector, string material)
{
    var columns = result.Layout.Columns;
    for (int c = 0; c < columns.Count; c++)
    {
        if (columns[c].Kind == EntityKind.Sector && columns[c].Entity == sector && columns[c].Material == material &&
            columns[c].Metric == Metric.ShortageFraction)
        {
            return c;
        }
    }

    throw new InvalidOperationException($"no {sector} {material} column");
}
