namespace SupplySim.Decisions;

/// <summary>
/// How one policy did: its lever values (as applied), what the levers cost, and per judged scenario the expected
/// shortage cost over the trials and the risk measure. US dollars over the run.
/// </summary>
/// <param name="Levers">Lever values in internal units, normalised (on/off levers 0 or 1).</param>
/// <param name="LeverCost">What the levers cost, the same in every scenario.</param>
/// <param name="ExpectedShortageCost">Per scenario, the mean shortage cost over the trials.</param>
/// <param name="Risk">Per scenario, the risk measure.</param>
public sealed record PolicyOutcome(double[] Levers, double LeverCost, double[] ExpectedShortageCost, double[] Risk)
{
    /// <summary>Per scenario, the expected total cost: levers plus expected shortage cost.</summary>
    public double[] ExpectedTotalCost => [.. ExpectedShortageCost.Select(c => LeverCost + c)];

    /// <summary>The outcome as one vector (lever cost, shortage costs, risks), the raw outcome NSGA-II keeps.</summary>
    internal double[] ToVector() => [LeverCost, .. ExpectedShortageCost, .. Risk];

    /// <summary>The inverse of <see cref="ToVector"/>.</summary>
    internal static PolicyOutcome FromVector(double[] levers, double[] vector)
    {
        int scenarios = (vector.Length - 1) / 2;
        return new PolicyOutcome(levers, vector[0], vector[1..(1 + scenarios)], vector[(1 + scenarios)..]);
    }
}
