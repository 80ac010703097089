namespace SupplySim.Statistics.Sensitivity;

/// <summary>Tornado bars from a one-at-a-time design: base, then low and high of each parameter in turn.</summary>
internal static class TornadoEstimator
{
    /// <summary>Reads the 1 + 2k outputs of a one-at-a-time design as k bars.</summary>
    public static IReadOnlyList<TornadoBar> Estimate(IReadOnlyList<double> outputs)
    {
        ArgumentNullException.ThrowIfNull(outputs);
        if (outputs.Count < 3 || outputs.Count % 2 != 1)
        {
            throw new ArgumentException($"expected 1 + 2k outputs, got {outputs.Count}", nameof(outputs));
        }

        int k = (outputs.Count - 1) / 2;
        return [.. Enumerable.Range(0, k).Select(d => new TornadoBar(outputs[0], outputs[1 + (2 * d)], outputs[2 + (2 * d)]))];
    }
}
