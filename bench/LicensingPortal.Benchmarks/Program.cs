using BenchmarkDotNet.Running;

BenchmarkSwitcher.FromAssembly(typeof(LicensingPortal.Benchmarks.EvaluationBenchmarks).Assembly).Run(args);
