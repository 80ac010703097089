using BenchmarkDotNet.Running;
using SupplySim.Bench;

BenchmarkSwitcher.FromAssembly(typeof(KernelBenchmarks).Assembly).Run(args);
