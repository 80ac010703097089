using System.Globalization;
using System.Reflection;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace SupplySim.Bench;

/// <summary>
/// Throughput in trial-lane-steps per second: trials per operation × lanes × steps ÷ mean time per operation.
/// Computed in the host process from the summary's mean; the network size comes from compiling the shipped file (or
/// its scaled copy, for <see cref="ScalingBenchmarks"/>) there too, so it matches what the benchmark process ran.
/// </summary>
public sealed class TrialLaneStepsColumn : IColumn
{
    public string Id => nameof(TrialLaneStepsColumn);

    public string ColumnName => "TrialLaneSteps/s";

    public bool AlwaysShow => true;

    public ColumnCategory Category => ColumnCategory.Custom;

    public int PriorityInCategory => 0;

    public bool IsNumeric => true;

    public UnitType UnitType => UnitType.Dimensionless;

    public string Legend => "Trials per operation × lanes × steps / mean time per operation (higher is better)";

    public bool IsAvailable(Summary summary) => true;

    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase) =>
        GetValue(summary, benchmarkCase, SummaryStyle.Default);

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
    {
        ArgumentNullException.ThrowIfNull(summary);
        ArgumentNullException.ThrowIfNull(benchmarkCase);
        var perOperation = benchmarkCase.Descriptor.WorkloadMethod.GetCustomAttribute<TrialsPerOperationAttribute>();
        double? meanNs = summary[benchmarkCase]?.ResultStatistics?.Mean;
        if (perOperation is null || meanNs is not > 0)
        {
            return "-";
        }

        double perSecond = perOperation.Trials * (double)LaneStepsPerTrial(benchmarkCase) / (meanNs.Value * 1e-9);
        var culture = style?.CultureInfo ?? CultureInfo.InvariantCulture;
        return perSecond.ToString("N0", culture);
    }

    public override string ToString() => ColumnName;

    /// <summary>Lanes × steps of the network the case ran: the shipped one, or a scaled one for <see cref="ScalingBenchmarks"/>.</summary>
    private static long LaneStepsPerTrial(BenchmarkCase benchmarkCase)
    {
        var parameters = benchmarkCase.Parameters;
        if (parameters[nameof(ScalingBenchmarks.Copies)] is int copies && parameters[nameof(ScalingBenchmarks.HorizonDays)] is int days)
        {
            var network = BenchInputs.Scaled(copies, days).Network;
            return (long)network.LaneCount * network.Steps;
        }

        return BenchInputs.LaneStepsPerTrial;
    }
}

/// <summary>Adds the median (robust on a shared, noisy machine) and <see cref="TrialLaneStepsColumn"/> to the defaults.</summary>
public sealed class ThroughputConfig : ManualConfig
{
    public ThroughputConfig() => AddColumn(StatisticColumn.Median, new TrialLaneStepsColumn());
}
