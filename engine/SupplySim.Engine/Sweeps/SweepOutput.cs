using SupplySim.Simulation;

namespace SupplySim.Sweeps;

/// <summary>One output of interest: a metric of a consumer or sector and material, summarised by a statistic. Immutable.</summary>
public sealed class SweepOutput
{
    internal SweepOutput(string name, Metric metric, EntityKind kind, string entity, string material, OutputStatistic statistic,
        double threshold, string statisticText, int column)
    {
        Name = name;
        Metric = metric;
        Kind = kind;
        Entity = entity;
        Material = material;
        Statistic = statistic;
        Threshold = threshold;
        StatisticText = statisticText;
        Column = column;
    }

    /// <summary>Label in result tables and reports.</summary>
    public string Name { get; }

    /// <summary>The metric.</summary>
    public Metric Metric { get; }

    /// <summary>Consumer or sector.</summary>
    public EntityKind Kind { get; }

    /// <summary>Consumer id or sector name.</summary>
    public string Entity { get; }

    /// <summary>Material id (<c>*</c> for output_lost_fraction).</summary>
    public string Material { get; }

    /// <summary>The statistic over trials.</summary>
    public OutputStatistic Statistic { get; }

    /// <summary>Threshold of <see cref="OutputStatistic.PAbove"/>; NaN otherwise.</summary>
    public double Threshold { get; }

    /// <summary>The statistic as written (<c>mean</c>, <c>p90</c>, <c>p_above:0.1</c>).</summary>
    public string StatisticText { get; }

    /// <summary>Result column in every scenario's layout (consumer and sector columns are common to all scenarios).</summary>
    internal int Column { get; }

    /// <summary>The statistic of <paramref name="values"/> (per-trial values of the output's column).</summary>
    public double Summarise(ReadOnlySpan<double> values)
    {
        if (Statistic == OutputStatistic.Mean)
        {
            double sum = 0;
            foreach (double v in values)
            {
                sum += v;
            }

            return sum / values.Length;
        }

        if (Statistic == OutputStatistic.PAbove)
        {
            int above = 0;
            foreach (double v in values)
            {
                above += v > Threshold ? 1 : 0;
            }

            return above / (double)values.Length;
        }

        var sorted = values.ToArray();
        Array.Sort(sorted);
        double p = Statistic switch { OutputStatistic.P50 => 0.5, OutputStatistic.P90 => 0.9, _ => 0.95 };
        return Statistics.SortedSample.Quantile(sorted, p);
    }
}
