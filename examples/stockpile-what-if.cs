// What if US industrial antimony users held a bigger stockpile of their own when the controls began? Runs the
// shipped file's `combined` scenario with several stockpile sizes (days of their mean use), changed in memory (the
// file is not touched), and prints their shortage and the defense primes' for each.
//   dotnet run examples/stockpile-what-if.cs          (from the repository root)
#:project ../engine/SupplySim.Engine/SupplySim.Engine.csproj

using System.Globalization;
using SupplySim.Model;
using SupplySim.Scenario;
using SupplySim.Simulation;

string path = Path.Combine("scenarios", "critical-minerals.yaml");
var diagnostics = new DiagnosticBag();
var document = ScenarioLoader.Load(File.ReadAllText(path), path, diagnostics)
    ?? throw new InvalidOperationException(string.Join("\n", diagnostics.Items));
var industry = document.Nodes.Single(n => n.Id?.Value == "us-industry-sb");
Console.WriteLine("stock (days)  defense Sb shortage  industrial Sb shortage   (mean over 200 trials, scenario combined)");
foreach (double days in new[] { 60.0, 180, 360, 720 })
{
    // Replace the buyers' starting stock (written "81d" in the file: days of their mean use), leaving the rest as it is.
    industry.InitialInventory!["*"] = new InventoryAmountDocument { CoverDays = days, Location = industry.Location };
    var model = NetworkCompiler.Compile(document, diagnostics) ?? throw new InvalidOperationException(string.Join("\n", diagnostics.Items));
    var result = MonteCarlo.Run(model, model.Find("combined")!, new MonteCarloOptions(Trials: 200, Seed: 42));
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"{days,12:0}  {Mean(result, "defense"),18:0.00%}  {Mean(result, "industrial"),22:0.00%}"));
}

static double Mean(ScenarioResult result, string sector)
{
    var columns = result.Layout.Columns;
    for (int c = 0; c < columns.Count; c++)
    {
        if (columns[c] is { Kind: EntityKind.Sector, Material: "sb", Metric: Metric.ShortageFraction } column && column.Entity == sector)
        {
            var values = result.Column(c);
            double sum = 0;
            foreach (double value in values)
            {
                sum += value;
            }

            return sum / values.Length;
        }
    }

    throw new InvalidOperationException($"no {sector} antimony column");
}
