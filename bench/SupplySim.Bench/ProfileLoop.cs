using SupplySim.Simulation;

namespace SupplySim.Bench;

/// <summary>
/// <c>loop SCENARIO SECONDS [LANES|0] [COPIES DAYS]</c> (0 lanes: the width runs pick): runs kernel trials of one shipped scenario back to back for a while, so a sampling
/// profiler (<c>perf record</c> with <c>DOTNET_PerfMapEnabled=1</c>) sees only the kernel. Not a measurement: it
/// prints a rough rate so a profile can be matched to the benchmark it explains.
/// </summary>
internal static class ProfileLoop
{
    public static bool TryRun(string[] args)
    {
        if (args.Length == 0 || args[0] != "loop")
        {
            return false;
        }

        string id = args.Length > 1 ? args[1] : "baseline";
        double seconds = args.Length > 2 ? double.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 20;
        // Optionally the network scaled to COPIES regional copies over DAYS steps (baseline only, as ScalingBenchmarks).
        var model = args.Length > 5 ? BenchInputs.Scaled(int.Parse(args[4], System.Globalization.CultureInfo.InvariantCulture),
            int.Parse(args[5], System.Globalization.CultureInfo.InvariantCulture)) : BenchInputs.Model;
        var network = model.Network;
        var scenario = model.Find(id) ?? throw new ArgumentException($"no scenario '{id}'");
        var layout = new MetricLayout(network, scenario);
        int lanes = args.Length > 3 ? int.Parse(args[3], System.Globalization.CultureInfo.InvariantCulture) : 0;
        lanes = lanes == 0 ? KernelWidth.Best : lanes;
        var kernel = KernelWidth.CreateKernel(lanes, network, scenario, layout);
        var row = new double[layout.Width * lanes];
        Console.WriteLine($"{id}: {network.NodeCount} nodes, {network.LaneCount} lanes, {network.ArcCount} arcs, " +
            $"{network.MaterialCount} materials, {network.OriginCount} origins, {network.Steps} steps, pipeline {network.Pipeline.Cell[^1]} cells, kernel {KernelWidth.KernelBytes(lanes, network, scenario, layout) >> 20} MiB");
        var clock = System.Diagnostics.Stopwatch.StartNew();
        long trials = 0;
        while (clock.Elapsed.TotalSeconds < seconds)
        {
            kernel.Run(BenchInputs.Seed, trials, row);
            trials += lanes;
        }

        double perTrial = clock.Elapsed.TotalMilliseconds / trials;
        Console.WriteLine($"{lanes}-lane kernel: {trials} trials, {perTrial:F3} ms per trial, " +
            $"{(double)network.LaneCount * network.Steps / perTrial / 1e3:F1} M trial-lane-steps/s");
        return true;
    }
}
