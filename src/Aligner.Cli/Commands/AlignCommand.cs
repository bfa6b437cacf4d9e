using System.CommandLine;
using Aligner.Alignment;
using Aligner.Input;
using Aligner.Output;

namespace Aligner.Cli.Commands;

/// <summary><c>aligner align EN VI</c>: aligns one English file with one Vietnamese file.</summary>
internal static class AlignCommand
{
    /// <summary>The values <c>--format</c> accepts.</summary>
    internal static readonly string[] Formats = ["jsonl", "tsv", "tmx", "html"];

    public static Command Create(CliIO io)
    {
        var english = new Argument<string?>("ENGLISH_FILE") { Description = "The English text or HTML page ('-': standard input).", Arity = ArgumentArity.ZeroOrOne };
        var vietnamese = new Argument<string?>("VIETNAMESE_FILE") { Description = "The Vietnamese text or HTML page ('-': standard input).", Arity = ArgumentArity.ZeroOrOne };
        var pairs = new Option<string?>("--pairs")
        {
            Description = "Align many pairs in one process: LIST is a file (or - for standard input) of lines ENGLISH_PATH<TAB>VIETNAMESE_PATH. Writes jsonl, pair after pair in list order, each line with \"pair\" (its line in LIST), \"en_file\" and \"vi_file\"; a bad pair is reported on stderr and skipped (exit code 1 at the end).",
            HelpName = "LIST",
        };
        var format = FormatOption("Output format. jsonl: one bead per line with offsets (the default, see README); tsv: English, Vietnamese and score, one aligned pair per line; tmx: a TMX 1.4b translation memory; html: a side-by-side page to check by eye.");
        var output = OutputOption();
        var models = new ModelPaths.Options();
        var selfTraining = new Option<int>("--self-training")
        {
            Description = "Align again with a lexicon learned from the first pass when it finds at least this many confident pairs (0: off).",
            DefaultValueFactory = _ => AlignmentOptions.Default.SelfTrainingMinimumPairs,
        };
        var encoding = TextInput.EncodingOption();
        var strict = new Option<bool>("--strict")
        {
            Description = "Refuse files given the wrong way round (English second) instead of aligning them the right way round.",
        };
        var command = new Command("align", """
            Aligns the sentences of an English file with those of a Vietnamese file.
            jsonl (the default) writes one bead per line; every sentence of both files appears in exactly one bead,
            and a side without partner is null. tsv and tmx write the aligned pairs only; html writes both texts
            side by side, unaligned sentences included.

            Examples:
              aligner align seeds/000_06a9cf74ceb7c5dd.txt seeds/004_97cab69a675f2a31.txt -o pairs.jsonl
              aligner align en.txt vi.txt --format tmx -o memory.tmx
              aligner align en.txt vi.txt --format html -o review.html
              aligner align --pairs pairs.tsv -o corpus.jsonl
              cut -f2,3 manifest.tsv | aligner align --pairs - > corpus.jsonl
            """)
        {
            english, vietnamese, format, output, selfTraining, encoding, strict, pairs,
        };
        foreach (var option in models.All)
        {
            command.Options.Add(option);
        }

        command.SetAction(parse =>
        {
            if (parse.GetValue(pairs) is { } list)
            {
                return RunPairs(parse, io, list, english, vietnamese, format, output, models, selfTraining);
            }

            return io.Guard(parse, () =>
            {
                var paths = models.Read(parse);
                WarmUp(paths);
                var textEncoding = TextInput.Encoding(parse.GetValue(encoding));
                var en = TextInput.Load(parse.GetValue(english) ?? throw new InvalidDataException("align needs ENGLISH_FILE and VIETNAMESE_FILE, or --pairs LIST (see aligner align --help)"), io, textEncoding);
                var vi = TextInput.Load(parse.GetValue(vietnamese) ?? throw new InvalidDataException("align needs VIETNAMESE_FILE after ENGLISH_FILE (see aligner align --help)"), io, textEncoding);
                (en, vi, var bare) = CheckLanguages(en, vi, parse.GetValue(strict), io);
                WarmUpRestorer(paths, bare);
                var selfTrainingPairs = parse.GetValue(selfTraining);
                if (selfTrainingPairs < 0)
                {
                    throw new InvalidDataException($"--self-training must be 0 or more, not {selfTrainingPairs}");
                }

                var pipeline = ModelFiles.Pipeline(paths, AlignmentOptions.Default with { SelfTrainingMinimumPairs = selfTrainingPairs });
                var alignment = pipeline.Align(en, vi);
                using (var stream = io.OpenOutput(parse.GetValue(output)))
                {
                    AlignmentWriter.Write(alignment, stream, Format(parse.GetValue(format)!));
                }

                io.Summary(parse, Summary(alignment), alignment.Beads.All(b => b.EnglishCount == 0 || b.VietnameseCount == 0));
            });
        });
        return command;
    }

    // align --pairs LIST: every pair of the list, as JSON Lines, bad pairs skipped.
    private static int RunPairs(ParseResult parse, CliIO io, string list, Argument<string?> english, Argument<string?> vietnamese, Option<string> format, Option<string?> output, ModelPaths.Options models, Option<int> selfTraining)
    {
        var outcome = default(PairList.Outcome);
        var code = io.Guard(parse, () =>
        {
            if (parse.GetValue(english) is not null || parse.GetValue(vietnamese) is not null)
            {
                throw new InvalidDataException("--pairs takes the files from LIST: give no ENGLISH_FILE or VIETNAMESE_FILE");
            }

            if (parse.GetValue(format) != "jsonl")
            {
                throw new InvalidDataException("--pairs writes jsonl only");
            }

            var selfTrainingPairs = parse.GetValue(selfTraining);
            if (selfTrainingPairs < 0)
            {
                throw new InvalidDataException($"--self-training must be 0 or more, not {selfTrainingPairs}");
            }

            var paths = models.Read(parse);
            WarmUp(paths);
            var pipeline = ModelFiles.Pipeline(paths, AlignmentOptions.Default with { SelfTrainingMinimumPairs = selfTrainingPairs });
            using var reader = PairList.Open(list, io);
            using var stream = io.OpenOutput(parse.GetValue(output));
            outcome = PairList.Run(reader, list, pipeline, stream, io.Error, parse.GetValue(CliApp.Verbose), PairWindow);
        });
        return code != CliApp.Success ? code
            : outcome.Failed > 0 ? CliApp.Unexpected
            : outcome.Skipped > 0 ? CliApp.BadInput
            : CliApp.Success;
    }

    // The embedded models align needs are loaded on other cores while this thread reads the input and the scorer.
    private static void WarmUp(ModelPaths paths)
    {
        if (paths.Detector is null)
        {
            _ = Task.Run(() => Detection.LanguageDetector.Default);
        }

        if (paths.Lexicon is null)
        {
            _ = Task.Run(() => Scoring.Lexicon.Default);
        }
    }

    // The restorer loads only when a paragraph lacks its diacritics (bare: CheckLanguages read such a line). A text that
    // holds one (a caption, an exclamation read as bare Vietnamese) needs it anyway, so its load starts on another core
    // at once, beside the reading and the segmentation (NTREX's first 200 lines with one bare line, 20 runs each: wall
    // median 0.62 → 0.55 s; 8 lines: 0.435 → 0.445 s, the same within noise); a text without a bare line never loads it.
    private static void WarmUpRestorer(ModelPaths paths, bool bare)
    {
        if (WarmsRestorer(paths, bare))
        {
            _ = Task.Run(() => Restoration.DiacriticRestorer.Default);
        }
    }

    /// <summary>Whether <c>align</c> loads the embedded restorer ahead of time: for a Vietnamese file with a bare line.</summary>
    internal static bool WarmsRestorer(ModelPaths paths, bool bare) => paths.Restorer is null && bare;

    // Pairs read and aligned at once: enough to keep every core busy while the oldest is written, few enough that
    // memory stays bounded (each pair is at most SourceText.MaxFileBytes a side).
    private static int PairWindow => 2 * Environment.ProcessorCount;

    /// <summary>"49 English and 47 Vietnamese sentences, 18 pairs, 54 unaligned".</summary>
    internal static string Summary(DocumentAlignment alignment)
    {
        int pairs = 0, unaligned = 0;
        foreach (var bead in alignment.Beads)
        {
            if (bead.EnglishCount > 0 && bead.VietnameseCount > 0)
            {
                pairs++;
            }
            else
            {
                unaligned += bead.EnglishCount + bead.VietnameseCount;
            }
        }

        return $"align: {alignment.EnglishSentences.Count} English and {alignment.VietnameseSentences.Count} Vietnamese sentences, {pairs} pairs, {unaligned} unaligned"
            + Read(alignment.English) + Read(alignment.Vietnamese);
    }

    /// <summary>How a file was read, when it was not plain UTF-8 text: " (a.html: HTML page)", " (b.txt: TCVN3)".</summary>
    internal static string Read(SourceText source)
    {
        var parts = new List<string>(2);
        if (source.Format == SourceFormat.Html)
        {
            parts.Add("HTML page");
        }

        if (source.Encoding != SourceEncoding.Utf8)
        {
            parts.Add(source.Encoding.Name());
        }

        return parts.Count == 0 ? string.Empty : $" ({source.Name}: {string.Join(", ", parts)})";
    }

    // The language each file is mostly written in: files given the wrong way round are swapped (refused when strict),
    // two files in one language are refused. Bare: the Vietnamese file has a line that reads as Vietnamese without
    // its diacritics (the restorer will be needed).
    internal static (SourceText English, SourceText Vietnamese, bool Bare) CheckLanguages(SourceText english, SourceText vietnamese, bool strict, CliIO io)
    {
        var (en, englishBare) = Detection.LanguageDetector.Default.Survey(english.Content);
        var (vi, vietnameseBare) = Detection.LanguageDetector.Default.Survey(vietnamese.Content);
        if (en == Detection.DetectedLanguage.Vietnamese && vi == Detection.DetectedLanguage.English)
        {
            if (strict)
            {
                throw new InvalidDataException($"{english.Name}: reads as Vietnamese and {vietnamese.Name} as English; give the English file first (or leave out --strict)");
            }

            io.Error.WriteLine($"aligner: note: {english.Name} reads as Vietnamese and {vietnamese.Name} as English; aligned the other way round");
            return (vietnamese, english, englishBare);
        }

        if (en == vi && en != Detection.DetectedLanguage.Unknown)
        {
            var language = en == Detection.DetectedLanguage.English ? "English" : "Vietnamese";
            throw new InvalidDataException($"{english.Name}: both files read as {language} ({english.Name}, {vietnamese.Name}); align needs an English file and a Vietnamese file");
        }

        return (english, vietnamese, vietnameseBare);
    }

    /// <summary><c>--format</c>, one of <see cref="Formats"/>, jsonl by default.</summary>
    internal static Option<string> FormatOption(string description)
    {
        var format = new Option<string>("--format", "-f") { Description = description, DefaultValueFactory = _ => "jsonl" };
        format.AcceptOnlyFromAmong(Formats);
        return format;
    }

    /// <summary><c>--output</c>: a file instead of standard output.</summary>
    internal static Option<string?> OutputOption() => new("--output", "-o") { Description = "Write to this file instead of standard output." };

    /// <summary>The <see cref="OutputFormat"/> a <c>--format</c> value (one of <see cref="Formats"/>) names.</summary>
    internal static OutputFormat Format(string name) => name switch
    {
        "tsv" => OutputFormat.Tsv,
        "tmx" => OutputFormat.Tmx,
        "html" => OutputFormat.Html,
        _ => OutputFormat.JsonLines,
    };
}
