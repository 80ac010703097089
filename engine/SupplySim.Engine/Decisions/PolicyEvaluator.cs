using SupplySim.Model;
using SupplySim.Scenario;
using SupplySim.Simulation;

namespace SupplySim.Decisions;

/// <summary>
/// Evaluates policies: each gets a fresh copy of the scenario document with its lever values written in, is compiled,
/// and every judged scenario is run with the same trials and seed (common random numbers: two policies differ by
/// their levers, not by sampling noise). Deterministic whatever the thread count.
/// </summary>
public sealed class PolicyEvaluator
{
    /// <summary>
    /// The id of the scenario that stands in for the baseline in a policy's copy: the baseline itself has no events,
    /// so capacity that comes online later is added to this empty scenario instead.
    /// </summary>
    public const string BaselineStandIn = "levers-on-baseline";

    private readonly string _text;
    private readonly string _file;

    /// <summary>An evaluator of <paramref name="problem"/> on the scenario file <paramref name="file"/> whose text is <paramref name="text"/>.</summary>
    public PolicyEvaluator(DecisionProblem problem, string text, string file, int trials, ulong seed)
    {
        ArgumentNullException.ThrowIfNull(problem);
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(file);
        ArgumentOutOfRangeException.ThrowIfLessThan(trials, 1);
        Problem = problem;
        _text = text;
        _file = file;
        Trials = trials;
        Seed = seed;
    }

    /// <summary>The decision question.</summary>
    public DecisionProblem Problem { get; }

    /// <summary>Trials per scenario per policy.</summary>
    public int Trials { get; }

    /// <summary>The seed of every policy's trials.</summary>
    public ulong Seed { get; }

    /// <summary>Evaluates <paramref name="policies"/> (lever values, internal units) in parallel; results in the same order.</summary>
    public IReadOnlyList<PolicyOutcome> EvaluateAll(IReadOnlyList<double[]> policies, int threads = -1, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(policies);
        var outcomes = new PolicyOutcome[policies.Count];
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = threads, CancellationToken = cancellationToken };
        Parallel.For(0, policies.Count, parallel, i => outcomes[i] = Evaluate(policies[i]));
        return outcomes;
    }

    /// <summary>Evaluates one policy on one thread.</summary>
    public PolicyOutcome Evaluate(IReadOnlyList<double> levers)
    {
        ArgumentNullException.ThrowIfNull(levers);
        double[] values = [.. Problem.Levers.Select((lever, i) => lever.Normalise(levers[i]))];
        var model = Compile(values);
        var options = new MonteCarloOptions(Trials, Seed, 1);
        int scenarios = Problem.ScenarioIds.Count;
        var shortageCost = new double[scenarios];
        var risk = new double[scenarios];
        for (int s = 0; s < scenarios; s++)
        {
            string id = Problem.ScenarioIds[s];
            var scenario = model.Find(id == model.Scenarios[0].Id ? BaselineStandIn : id) ?? model.Find(id)!;
            var result = MonteCarlo.Run(model, scenario, options);
            (shortageCost[s], risk[s]) = Score(result);
        }

        double leverCost = Problem.Levers.Select((lever, i) => lever.Cost(values[i], Problem.HorizonYears)).Sum();
        return new PolicyOutcome(values, leverCost, shortageCost, risk);
    }

    /// <summary>The scenario file with the policy's lever values written in, compiled.</summary>
    internal CompiledModel Compile(IReadOnlyList<double> values)
    {
        var bag = new DiagnosticBag();
        var document = ScenarioLoader.Load(_text, _file, bag) ?? throw new InvalidOperationException($"{_file} no longer loads");
        document.Scenarios.Add(new ScenarioDocument { Id = new(BaselineStandIn, document.Location), Location = document.Location });
        for (int i = 0; i < Problem.Levers.Count; i++)
        {
            Problem.Levers[i].Apply(document, values[i]);
        }

        return NetworkCompiler.Compile(document, bag)
               ?? throw new InvalidOperationException($"the policy ({string.Join(", ", values)}) makes {_file} invalid: {bag.Items.First(d => d.Severity == Severity.Error)}");
    }

    /// <summary>The expected shortage cost and the risk measure of one scenario's trials.</summary>
    private (double ExpectedShortageCost, double Risk) Score(ScenarioResult result)
    {
        var columns = result.Layout.Columns;
        int Find(MetricColumn column) => columns.ToList().IndexOf(column) is int c and >= 0
            ? c : throw new InvalidOperationException($"no result column {column}");

        double totalCost = 0;
        foreach (var cost in Problem.ShortageCosts)
        {
            double perUnit = cost.Kind == EntityKind.Sector ? cost.DollarsPerUnit : cost.DollarsPerUnit * Problem.HorizonDays;
            foreach (double v in result.Column(Find(cost.Column)))
            {
                totalCost += double.IsNaN(v) ? 0 : perUnit * v;
            }
        }

        var risk = Problem.Risk;
        int[] riskColumns = [.. risk.Materials.Select(m => Find(new MetricColumn(EntityKind.Sector, risk.Sector, m, Metric.ShortageFraction)))];
        var perTrial = new double[result.Trials];
        foreach (int column in riskColumns)
        {
            var values = result.Column(column);
            for (int t = 0; t < perTrial.Length; t++)
            {
                perTrial[t] = Math.Max(perTrial[t], double.IsNaN(values[t]) ? 0 : values[t]);
            }
        }

        return (totalCost / result.Trials, risk.Of(perTrial));
    }
}
