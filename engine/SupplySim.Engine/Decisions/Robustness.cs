namespace SupplySim.Decisions;

/// <summary>How a policy's outcomes in several scenarios become its two objectives (cost, risk; lower is better).</summary>
public enum Robustness
{
    /// <summary>Its worst expected cost and its worst risk over the scenarios (minimax).</summary>
    WorstCase,

    /// <summary>Its largest regret in cost and in risk: how much worse than the best policy found for the same scenario (Savage).</summary>
    Regret,

    /// <summary>Its worst expected cost, and the share of scenarios whose risk stays at most the file's <c>max_risk</c> (maximised).</summary>
    Satisficing,
}
