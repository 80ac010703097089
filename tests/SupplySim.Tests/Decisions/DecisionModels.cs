using SupplySim.Decisions;
using SupplySim.Model;
using SupplySim.Scenario;
using SupplySim.Simulation;

namespace SupplySim.Tests.Decisions;

/// <summary>
/// A one-material network for decision tests: a Chinese producer whose capacity is a random share of the US user's
/// demand, pushed to the user (a random supply cut); a US stockpile releasing to the user when its cover falls below
/// 5 days; a US recycler with no capacity yet, pushing what it makes; and, on request, a Japanese producer the user
/// orders from once it has qualified it (100 days).
/// </summary>
internal static class DecisionModels
{
    public const double ShortageCostPerTonne = 40_000, PurchasePerTonne = 10_000;

    /// <summary>
    /// The network with <paramref name="levers"/> and a worst-case CVaR95 objective over <paramref name="scenarios"/>;
    /// <paramref name="japan"/> adds the Japanese supplier the user orders from once qualified.
    /// </summary>
    public static string Yaml(string levers, string scenarios = "[baseline]", string chinaCapacity = "{dist: uniform, min: 0, max: 3650, unit: t/yr}",
        bool japan = false) => $$"""
        name: decision test network
        start: 2024-01-01
        horizon: 365d
        seed: 7
        materials:
          - id: sb
        nodes:
          - id: cn-sb
            kind: producer
            country: CN
            material: sb
            capacity: {{chinaCapacity}}
          - id: us-stock
            kind: stockpile
            country: US
            initial_inventory: {sb: 0 t}
            release:
              to: [us-user]
              below_cover_days: 5d
              rate: 40 t/d
              lead_time: 1d
          - id: us-recycler
            kind: producer
            country: US
            material: sb
            capacity: 0 t/yr
          - id: us-user
            kind: consumer
            country: US
            sector: defense
            demand: {sb: 3650 t/yr}
            demand_cv: 0
            unmet: lost_sales
            policy: order_up_to
            days_of_cover: 10d
            initial_inventory: 10d
        {{(japan ? JapanNode : "")}}
        lanes:
          - from: cn-sb
            to: us-user
            lead_time: 1d
            share: 0.9
          - from: us-recycler
            to: us-user
            lead_time: 1d
            share: 0.1
        {{(japan ? JapanLane : "")}}
        scenarios:
          - id: ban
            events:
              - type: export_control
                start: 2024-01-01
                exporter: CN
                materials: [sb]
                destinations: [US]
                mode: ban
        levers:
        {{levers}}
        objectives:
          scenarios: {{scenarios}}
          shortage_costs:
            - sector: defense
              material: sb
              per_tonne: 40000 USD/t
          risk:
            measure: cvar95
            sector: defense
            materials: [sb]
          robustness: worst_case
        """;

    /// <summary>A Japanese producer that makes to stock and serves orders (so qualification applies), 10 t/d.</summary>
    private const string JapanNode = """
          - id: jp-sb
            kind: producer
            country: JP
            material: sb
            capacity: 3650 t/yr
            policy: order_up_to
            days_of_cover: 10d
            initial_inventory: {sb: 100 t}
        """;

    private const string JapanLane = """
          - from: jp-sb
            to: us-user
            lead_time: 1d
            share: 0.5
            qualification: 100d
        """;

    public const string Stockpile = """
          - id: stock
            kind: stockpile
            node: us-stock
            material: sb
            range: [0 t, 4000 t]
            purchase_price: 10000 USD/t
            holding_cost: 0 USD/t/yr
        """;

    public const string Recycling = """
          - id: recycling
            kind: recycling
            node: us-recycler
            range: [0 t/yr, 3650 t/yr]
            capital_cost: 30000 USD/(t/yr)
        """;

    /// <summary>Loads and compiles <paramref name="yaml"/> with its decision sections; throws on any error.</summary>
    public static (CompiledModel Model, DecisionProblem Problem) Compile(string yaml)
    {
        var bag = new DiagnosticBag();
        var document = ScenarioLoader.Load(yaml, "decision.yaml", bag);
        var model = document is null ? null : NetworkCompiler.Compile(document, bag);
        var problem = model is null ? null : DecisionCompiler.Compile(document!, model, bag);
        return problem is null
            ? throw new InvalidOperationException(string.Join('\n', bag.Items))
            : (model!, problem);
    }

    /// <summary>An evaluator of <paramref name="yaml"/>'s decision problem.</summary>
    public static PolicyEvaluator Evaluator(string yaml, int trials, ulong seed = 7) =>
        new(Compile(yaml).Problem, yaml, "decision.yaml", trials, seed);

    /// <summary>Per trial, the tonnes the user is short in <paramref name="scenarioId"/> of the file as written (no levers applied).</summary>
    public static double[] ShortageTonnes(string yaml, string scenarioId, int trials, ulong seed = 7)
    {
        var model = Compile(yaml).Model;
        var result = MonteCarlo.Run(model, model.Find(scenarioId)!, new MonteCarloOptions(trials, seed, 1));
        int column = result.Layout.Columns.ToList().IndexOf(new MetricColumn(EntityKind.Sector, "defense", "sb", Metric.ShortageT));
        return result.Column(column).ToArray();
    }
}
