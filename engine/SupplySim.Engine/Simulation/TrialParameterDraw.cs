using SupplySim.Model;

namespace SupplySim.Simulation;

/// <summary>
/// A trial's values of the per-trial parameters, in the order the kernel takes them: each drawn from its own stream,
/// then the file's correlated parameters re-paired (<see cref="CorrelatedDraws"/>), then a posterior's or calibration
/// candidate's values (<see cref="ParameterOverrides"/>). One instance per kernel or reader (it keeps a block of
/// correlated draws); the kernel and <see cref="TrialParameters"/> share it, so what a run reports is what it used.
/// </summary>
internal sealed class TrialParameterDraw(ParameterTable table, ParameterCorrelations? correlations)
{
    private readonly CorrelatedDraws? _correlated = correlations is null ? null : new CorrelatedDraws(table, correlations);

    /// <summary>Writes trial <paramref name="trial"/>'s value of every per-trial parameter into <paramref name="values"/> (others untouched).</summary>
    public void Draw(ulong seed, long trial, ParameterOverrides? overrides, Span<double> values)
    {
        for (int p = 0; p < table.Count; p++)
        {
            if (table.IsPerTrial[p])
            {
                var rng = Rng.ForStream(seed, trial, table.StreamKey[p]);
                values[p] = Sampler.Sample(table, p, ref rng);
            }
        }

        if (_correlated is { } correlated)
        {
            var targets = correlated.Correlations.Targets;
            for (int column = 0; column < targets.Length; column++)
            {
                double value = correlated.Value(seed, trial, column);
                foreach (int p in targets[column])
                {
                    values[p] = value;
                }
            }
        }

        // A posterior's values take precedence over correlated draws of the same parameter.
        if (overrides is not null)
        {
            int row = overrides.RowOf(seed, trial);
            for (int target = 0; target < overrides.TargetParameter.Length; target++)
            {
                values[overrides.TargetParameter[target]] = overrides.Value(row, overrides.TargetColumn[target]);
            }
        }
    }
}
