namespace SupplySim.Bench;

/// <summary>
/// How many whole trials one operation of the benchmark simulates; <see cref="TrialLaneStepsColumn"/> multiplies it
/// by lanes × steps of the shipped network. Benchmarks without it show "-" in that column.
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
public sealed class TrialsPerOperationAttribute(int trials) : Attribute
{
    public int Trials { get; } = trials;
}
