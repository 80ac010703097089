using System.Globalization;
using SupplySim.Model;

namespace SupplySim.Calibration;

/// <summary>
/// A hash of what a posterior's values mean: the network's materials, nodes, lanes and the names of its per-trial
/// parameters. A posterior fitted to one file is refused by another whose network differs in any of these (events
/// and observations may change: the same network under a new what-if is what a posterior is for).
/// </summary>
public static class NetworkFingerprint
{
    /// <summary>Sixteen hexadecimal digits.</summary>
    public static string Of(CompiledNetwork network)
    {
        ArgumentNullException.ThrowIfNull(network);
        var table = network.Parameters;
        var perTrial = Enumerable.Range(0, table.Count).Where(p => table.IsPerTrial[p] && table.Kind[p] != DistributionKind.Fixed)
            .Select(p => table.Names[p]);
        string text = string.Join("\n", [.. network.MaterialIds, "|", .. network.NodeIds, "|", .. network.LaneNames, "|", .. perTrial]);
        return StableHash.Of(text).ToString("x16", CultureInfo.InvariantCulture);
    }
}
