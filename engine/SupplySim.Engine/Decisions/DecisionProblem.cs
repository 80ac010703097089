namespace SupplySim.Decisions;

/// <summary>
/// A compiled decision question: the levers, what shortages cost, the risk measure, the scenarios a policy is judged
/// on and how (robustness). Built by <see cref="DecisionCompiler"/>; immutable.
/// </summary>
public sealed class DecisionProblem
{
    internal DecisionProblem(IReadOnlyList<Lever> levers, IReadOnlyList<ShortageCost> shortageCosts, RiskMeasure risk, Robustness robustness,
        double maxRisk, IReadOnlyList<string> scenarioIds, double horizonDays)
    {
        Levers = levers;
        ShortageCosts = shortageCosts;
        Risk = risk;
        Robustness = robustness;
        MaxRisk = maxRisk;
        ScenarioIds = scenarioIds;
        HorizonDays = horizonDays;
    }

    /// <summary>The decision variables, in file order.</summary>
    public IReadOnlyList<Lever> Levers { get; }

    /// <summary>Shortage costs, in file order.</summary>
    public IReadOnlyList<ShortageCost> ShortageCosts { get; }

    /// <summary>The risk measure.</summary>
    public RiskMeasure Risk { get; }

    /// <summary>How outcomes across scenarios become objectives.</summary>
    public Robustness Robustness { get; }

    /// <summary>Satisficing: the largest risk that meets the constraint; NaN otherwise.</summary>
    public double MaxRisk { get; }

    /// <summary>The scenarios a policy is judged on (<c>baseline</c> for the run without events).</summary>
    public IReadOnlyList<string> ScenarioIds { get; }

    /// <summary>The run's length in days; holding costs and stopped days count over it.</summary>
    public double HorizonDays { get; }

    /// <summary>The run's length in years.</summary>
    public double HorizonYears => HorizonDays / Scenario.Units.DaysPerYear;

    /// <summary>The two objectives' names, for tables and reports.</summary>
    public IReadOnlyList<string> ObjectiveNames => Robustness switch
    {
        Robustness.WorstCase => ["worst_expected_cost_usd", "worst_risk"],
        Robustness.Regret => ["max_regret_cost_usd", "max_regret_risk"],
        _ => ["worst_expected_cost_usd", "share_of_scenarios_failing"],
    };
}
