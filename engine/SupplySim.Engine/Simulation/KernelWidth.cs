using System.Runtime.Intrinsics;
using SupplySim.Model;

namespace SupplySim.Simulation;

/// <summary>
/// The block width (trials per kernel step, the lanes of its vectors) for this process, chosen once at start-up:
/// the widest width the CPU runs in vector registers. Eight lanes with AVX-512, four with AVX2, two with SSE or Arm64
/// AdvSimd, one without vectors. Measured (bench/README, "Widths"): an emulated wider vector (eight lanes as two
/// 256-bit halves, four as two 128-bit halves) was about twice as slow as the accelerated width below it. Results
/// never depend on the width.
/// </summary>
internal static class KernelWidth
{
    /// <summary>Let the process pick (<see cref="Best"/>).</summary>
    public const int Auto = 0;

    /// <summary>The widest kernel: a block of runs is a multiple of every width.</summary>
    public const int Max = 8;

    /// <summary>The environment variable that pins the width (1, 2, 4 or 8), for measuring one width against another.</summary>
    public const string EnvironmentVariable = "SUPPLYSIM_LANES";

    /// <summary>The widths there are, narrowest first.</summary>
    public static IReadOnlyList<int> All { get; } = [1, 2, 4, 8];

    /// <summary>The width this process runs (initialised after <see cref="All"/>, which it reads).</summary>
    public static int Best { get; } = FromEnvironment() ?? Choose();

    /// <summary>A kernel of <paramref name="lanes"/> trials per block.</summary>
    public static ITrialKernel CreateKernel(int lanes, CompiledNetwork network, CompiledScenario scenario, MetricLayout layout,
        MonthlySeries monthly = MonthlySeries.None, int[]? weeklySeries = null, ITrialKernel? shareWith = null) => lanes switch
    {
        8 => new TrialKernel<Lanes8, Vector512<double>>(network, scenario, layout, monthly, weeklySeries, shareWith),
        4 => new TrialKernel<Lanes4, Vector256<double>>(network, scenario, layout, monthly, weeklySeries, shareWith),
        2 => new TrialKernel<Lanes2, Vector128<double>>(network, scenario, layout, monthly, weeklySeries, shareWith),
        1 => new TrialKernel<Lanes1, bool>(network, scenario, layout, monthly, weeklySeries, shareWith),
        _ => throw new ArgumentOutOfRangeException(nameof(lanes), lanes, "must be 1, 2, 4 or 8"),
    };

    /// <summary>Bytes a kernel of <paramref name="lanes"/> lanes allocates for <paramref name="scenario"/> (what run's memory check counts).</summary>
    /// <remarks>
    /// <paramref name="weeklySeries"/> is how many demand series it records weekly. With <paramref name="shared"/>, only
    /// what a kernel built to share another's state allocates on its own.
    /// </remarks>
    public static long KernelBytes(int lanes, CompiledNetwork network, CompiledScenario scenario, MetricLayout layout,
        MonthlySeries monthly = MonthlySeries.None, int weeklySeries = 0, bool shared = false) => lanes switch
    {
        8 => TrialKernel<Lanes8, Vector512<double>>.BytesFor(network, scenario, layout, monthly, weeklySeries, shared),
        4 => TrialKernel<Lanes4, Vector256<double>>.BytesFor(network, scenario, layout, monthly, weeklySeries, shared),
        2 => TrialKernel<Lanes2, Vector128<double>>.BytesFor(network, scenario, layout, monthly, weeklySeries, shared),
        1 => TrialKernel<Lanes1, bool>.BytesFor(network, scenario, layout, monthly, weeklySeries, shared),
        _ => throw new ArgumentOutOfRangeException(nameof(lanes), lanes, "must be 1, 2, 4 or 8"),
    };

    private static int Choose()
    {
        if (Lanes8.IsHardwareAccelerated)
        {
            return Lanes8.Count;
        }

        if (Lanes4.IsHardwareAccelerated)
        {
            return Lanes4.Count;
        }

        return Lanes2.IsHardwareAccelerated ? Lanes2.Count : Lanes1.Count;
    }

    private static int? FromEnvironment() =>
        Environment.GetEnvironmentVariable(EnvironmentVariable) is { } text && int.TryParse(text, out int lanes) && All.Contains(lanes) ? lanes : null;
}
