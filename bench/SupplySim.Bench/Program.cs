using BenchmarkDotNet.Running;
using SupplySim.Bench;

if (!ProfileLoop.TryRun(args) && !CopiesCommand.TryRun(args))
{
    BenchmarkSwitcher.FromAssembly(typeof(KernelBenchmarks).Assembly).Run(args);
}
