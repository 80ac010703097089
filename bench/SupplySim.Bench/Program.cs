using BenchmarkDotNet.Running;
using SupplySim.Bench;

if (args.Length > 0 && args[0] == "prof") { Prof.Main2(args); return; }
if (args.Length > 0 && args[0] == "gen") { ProfGen.Main3(args); return; }
BenchmarkSwitcher.FromAssembly(typeof(KernelBenchmarks).Assembly).Run(args);
