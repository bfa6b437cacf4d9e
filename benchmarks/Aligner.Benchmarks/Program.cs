using BenchmarkDotNet.Running;

// Runs the benchmarks chosen on the command line, for example:
//   dotnet run -c Release --project benchmarks/Aligner.Benchmarks -- --filter '*' --job Dry
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
