using Aligner.Benchmarks.Profile;
using Aligner.Benchmarks.Quality;
using BenchmarkDotNet.Running;

// Runs the benchmarks chosen on the command line, for example:
//   dotnet run -c Release --project benchmarks/Aligner.Benchmarks -- --filter '*' --job Dry
// or one of the commands below (dotnet run -c Release --project benchmarks/Aligner.Benchmarks -- COMMAND ARGS...).
var commands = new Dictionary<string, Func<string[], int>>(StringComparer.Ordinal)
{
    // The scorer's retrieval test (a quality figure, not a timing): retrieval dev.en dev.vi [--lexicon F] [--scorer F] [--no-lexicon]
    ["retrieval"] = RetrievalTest.Run,

    // Where the time of one align run goes (stopwatch per stage): profile en.txt vi.txt [RUNS]
    ["profile"] = AlignProfile.Run,

    // The cost of one pair score on real text: score-profile en.txt vi.txt [RUNS [translation|comparable]]
    ["score-profile"] = ScoreProfile.Run,

    // The band search of one document pair, guided against full: band-profile en.txt vi.txt
    ["band-profile"] = BandProfile.Run,

    // Every sentence pair's scores and comparable features, as TSV (for studying the scorer in a script):
    // pair-dump en.txt vi.txt, or pair-dump EN_FOLDER VI_FOLDER OUTPUT_FOLDER
    ["pair-dump"] = PairDump.Run,
};

if (args.Length > 0 && commands.TryGetValue(args[0], out var command))
{
    return command(args[1..]);
}

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
return 0;
