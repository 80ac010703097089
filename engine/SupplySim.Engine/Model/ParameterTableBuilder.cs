namespace SupplySim.Model;

/// <summary>Accumulates parameters during compilation; frozen into a <see cref="ParameterTable"/>.</summary>
internal sealed class ParameterTableBuilder
{
    public List<DistributionKind> Kind { get; } = [];

    public List<double> A { get; } = [];

    public List<double> B { get; } = [];

    public List<double> C { get; } = [];

    public List<double> D { get; } = [];

    public List<double> Lower { get; } = [];

    public List<double> Upper { get; } = [];

    public List<bool> IsPerTrial { get; } = [];

    public List<ulong> StreamKey { get; } = [];

    public List<int> DiscreteStart { get; } = [];

    public List<int> DiscreteCount { get; } = [];

    public List<double> DiscreteValues { get; } = [];

    public List<double> DiscreteCumulative { get; } = [];

    public List<string> Names { get; } = [];

    public int Add(string name, DistributionKind kind, double a, double b, double c, double d, double lower, double upper, bool perTrial)
    {
        Kind.Add(kind);
        A.Add(a);
        B.Add(b);
        C.Add(c);
        D.Add(d);
        Lower.Add(lower);
        Upper.Add(upper);
        IsPerTrial.Add(perTrial);
        StreamKey.Add(StableHash.Of(name));
        DiscreteStart.Add(DiscreteValues.Count);
        DiscreteCount.Add(0);
        Names.Add(name);
        return Kind.Count - 1;
    }

    public int AddFixed(string name, double value) =>
        Add(name, DistributionKind.Fixed, value, 0, 0, 0, value, value, perTrial: true);

    public void SetDiscrete(int index, IReadOnlyList<double> values, IReadOnlyList<double> weights)
    {
        DiscreteStart[index] = DiscreteValues.Count;
        DiscreteCount[index] = values.Count;
        double total = weights.Sum(), running = 0;
        for (int i = 0; i < values.Count; i++)
        {
            running += weights[i] / total;
            DiscreteValues.Add(values[i]);
            DiscreteCumulative.Add(i == values.Count - 1 ? 1.0 : running);
        }
    }

    public ParameterTable Build() => new(this);
}
