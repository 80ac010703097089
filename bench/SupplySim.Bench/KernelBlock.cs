using SupplySim.Model;
using SupplySim.Simulation;

namespace SupplySim.Bench;

/// <summary>
/// Eight trials of one scenario through a kernel of a given width, as a Monte Carlo worker runs them: kernel and rows
/// reused, trial numbers advancing so draws differ. The operation the kernel benchmarks time.
/// </summary>
internal sealed class KernelBlock
{
    private readonly ITrialKernel _kernel;
    private readonly double[] _rows;
    private readonly int _rowWidth;
    private long _trial;

    public KernelBlock(CompiledModel model, string scenarioId, int lanes)
    {
        var scenario = model.Find(scenarioId) ?? throw new InvalidOperationException($"no scenario '{scenarioId}'");
        var layout = new MetricLayout(model.Network, scenario);
        _kernel = KernelWidth.CreateKernel(lanes, model.Network, scenario, layout);
        _rowWidth = layout.Width;
        _rows = new double[layout.Width * KernelWidth.Max];
    }

    /// <summary>Runs the next <see cref="KernelWidth.Max"/> trials; returns a cell so the work is not optimised away.</summary>
    public double Run()
    {
        for (int offset = 0; offset < KernelWidth.Max; offset += _kernel.Width)
        {
            _kernel.Run(BenchInputs.Seed, _trial + offset, _rows.AsSpan(offset * _rowWidth));
        }

        _trial += KernelWidth.Max;
        return _rows[0];
    }
}
