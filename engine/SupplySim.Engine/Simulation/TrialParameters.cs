using SupplySim.Model;

namespace SupplySim.Simulation;

/// <summary>
/// The values a run's trials used for the uncertain per-trial parameters (capacities, quotas, approval rates, …), as
/// the kernel drew them — correlations and a posterior included — for scenario discovery on plain run results
/// ("in which trials does defense run short?"). Draws are common to every scenario of a run.
/// </summary>
public static class TrialParameters
{
    /// <summary>The uncertain per-trial parameters' paths, one per column of <see cref="Values"/>.</summary>
    public static IReadOnlyList<string> Names(CompiledNetwork network)
    {
        ArgumentNullException.ThrowIfNull(network);
        return [.. Columns(network.Parameters).Select(p => network.Parameters.Names[p])];
    }

    /// <summary>Per trial of <paramref name="options"/> (0 … Trials − 1), the values of <see cref="Names"/>.</summary>
    public static double[][] Values(CompiledNetwork network, MonteCarloOptions options)
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(options);
        var table = network.Parameters;
        int[] columns = Columns(table);
        var draw = new TrialParameterDraw(table, network.Correlations);
        var overrides = options.OverridesFor(network);
        var values = new double[table.Count];
        var rows = new double[options.Trials][];
        for (int trial = 0; trial < options.Trials; trial++)
        {
            draw.Draw(options.Seed, options.FirstTrial + trial, overrides, values);
            rows[trial] = [.. columns.Select(p => values[p])];
        }

        return rows;
    }

    /// <summary>Per distinct name, the first per-trial parameter that is not fixed.</summary>
    private static int[] Columns(ParameterTable table) =>
        [.. Enumerable.Range(0, table.Count).Where(p => table.IsPerTrial[p] && table.Kind[p] != DistributionKind.Fixed)
            .GroupBy(p => table.Names[p]).Select(g => g.First())];
}
