using Aligner.Benchmarks.Quality;
using BenchmarkDotNet.Running;

// Runs the benchmarks chosen on the command line, for example:
//   dotnet run -c Release --project benchmarks/Aligner.Benchmarks -- --filter '*' --job Dry
// or the scorer's retrieval test (a quality figure, not a timing):
//   dotnet run -c Release --project benchmarks/Aligner.Benchmarks -- retrieval dev.en dev.vi
if (args.Length > 0 && args[0] == "retrieval")
{
    return RetrievalTest.Run(args[1..]);
}

// Where the time of one align run goes (stopwatch per stage):
//   dotnet run -c Release --project benchmarks/Aligner.Benchmarks -- profile en.txt vi.txt [RUNS]
//   dotnet run -c Release --project benchmarks/Aligner.Benchmarks -- score-profile en.txt vi.txt [RUNS]
//   dotnet run -c Release --project benchmarks/Aligner.Benchmarks -- band-profile en.txt vi.txt
// Every sentence pair's scores and comparable features, as TSV (for studying the scorer in a script):
//   dotnet run -c Release --project benchmarks/Aligner.Benchmarks -- pair-dump en.txt vi.txt
if (args.Length > 0 && args[0] == "profile")
{
    return Aligner.Benchmarks.Profile.AlignProfile.Run(args[1..]);
}

if (args.Length > 0 && args[0] == "pair-dump")
{
    return Aligner.Benchmarks.Profile.PairDump.Run(args[1..]);
}

if (args.Length > 0 && args[0] == "score-profile")
{
    return Aligner.Benchmarks.Profile.ScoreProfile.Run(args[1..]);
}

if (args.Length > 0 && args[0] == "band-profile")
{
    return Aligner.Benchmarks.Profile.BandProfile.Run(args[1..]);
}

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
return 0;
