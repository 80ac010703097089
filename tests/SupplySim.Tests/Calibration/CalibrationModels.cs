using System.Globalization;
using SupplySim.Reporting;
using SupplySim.Simulation;
using SupplySim.Tests.Support;

namespace SupplySim.Tests.Calibration;

/// <summary>
/// A small network whose two consumers' demand rates are uncertain per trial (the parameters to recover), with daily
/// demand noise, and observations of what each lane carried in each half of the year.
/// </summary>
internal static class CalibrationModels
{
    public static readonly string[] Parameters = ["nodes[east].demand.sb", "nodes[west].demand.sb"];

    /// <summary>A scenario banning the east consumer's supply from March to June: its shortages vary by trial.</summary>
    public const string EastBan = """
        scenarios:
          - id: ban
            events:
              - type: export_control
                start: 2024-03-01
                end: 2024-07-01
                exporter: CN
                materials: [sb]
                destinations: [US]
                mode: ban
        """;

    public static readonly string[] ObservationIds = ["east-h1", "east-h2", "west-h1", "west-h2"];

    private const string Network = """
        name: two consumers
        start: 2024-01-01
        horizon: 366d
        materials:
          - id: sb
        nodes:
          - id: mine
            kind: producer
            country: CN
            material: sb
            capacity: 1000 t/d
            policy: order_up_to
            days_of_cover: 30d
            initial_inventory: {sb: 30000 t}
          - id: east
            kind: consumer
            country: US
            sector: defense
            demand: {sb: {dist: uniform, min: 5, max: 15, unit: t/d}}
            demand_cv: 0.3
            days_of_cover: 10d
            initial_inventory: {sb: 100 t}
          - id: west
            kind: consumer
            country: DE
            sector: solar
            demand: {sb: {dist: uniform, min: 20, max: 40, unit: t/d}}
            demand_cv: 0.3
            days_of_cover: 10d
            initial_inventory: {sb: 300 t}
        lanes:
          - from: mine
            to: east
            lead_time: 5d
          - from: mine
            to: west
            lead_time: 5d
        """;

    /// <summary>The network with observations of the given values (east H1, east H2, west H1, west H2, in tonnes).</summary>
    public static string WithObservations(IReadOnlyList<double> observed, string extra = "") => Network + "\n" + extra + "\nobservations:\n" +
        string.Concat(ObservationIds.Select((id, i) => string.Create(CultureInfo.InvariantCulture, $"""
              - id: {id}
                scenario: baseline
                lanes: [mine->{(id.StartsWith("east", StringComparison.Ordinal) ? "east" : "west")}]
                from: {(id.EndsWith("h1", StringComparison.Ordinal) ? "2024-01" : "2024-07")}
                to: {(id.EndsWith("h1", StringComparison.Ordinal) ? "2024-06" : "2024-12")}
                value: {observed[i]:R} t

            """)));

    /// <summary>What one trial with the parameters fixed at <paramref name="truth"/> (t/d) records for each observation.</summary>
    public static double[] Observe(IReadOnlyList<double> truth, ulong seed)
    {
        var model = TestModels.Compile(WithObservations([0, 0, 0, 0]));
        var overrides = new ParameterOverrides(ParameterOverrides.Resolve(model.Network.Parameters, Parameters), [.. truth], [1.0], fixedRow: 0);
        var result = MonteCarlo.Run(model, model.Scenarios[0], new MonteCarloOptions(1, seed, 1, RecordMonthlyLaneFlows: true) { Overrides = overrides });
        return [.. model.Observations.Select(o => Backtest.PerTrial(o, result)[0])];
    }
}
