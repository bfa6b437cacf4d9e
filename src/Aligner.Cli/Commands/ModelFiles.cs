using System.Text;
using System.CommandLine;
using Aligner.Alignment;
using Aligner.Detection;
using Aligner.Preparation;
using Aligner.Restoration;
using Aligner.Scoring;

namespace Aligner.Cli.Commands;

/// <summary>Loads model files named on the command line, turning every failure into a one-line message naming the file.</summary>
internal static class ModelFiles
{
    public static Lexicon LoadLexicon(string path) => Load(path, Lexicon.Load);

    public static ScorerModel LoadScorer(string path) => Load(path, ScorerModel.Load);

    public static LanguageDetector LoadDetector(string path) => Load(path, s => LanguageDetector.Load(s));

    /// <summary>
    /// The pipeline for the model files given (<c>--lexicon</c>, <c>--scorer</c>, <c>--detector</c>, <c>--restorer</c>;
    /// the embedded models for those not given), <see cref="AlignmentPipeline.Default"/> when none is and the options are
    /// the defaults.
    /// </summary>
    public static AlignmentPipeline Pipeline(ModelPaths paths, AlignmentOptions? options = null)
    {
        if (paths == ModelPaths.None && (options is null || options == AlignmentOptions.Default))
        {
            return AlignmentPipeline.Default;
        }

        var preparer = DocumentPreparer.Default;
        if (paths.Lexicon is not null || paths.Detector is not null || paths.Restorer is not null)
        {
            var detector = paths.Detector is null ? LanguageDetector.Default : LoadDetector(paths.Detector);
            var restorer = paths.Restorer is null
                ? (paths.Detector is null ? DiacriticRestorer.Default : DiacriticRestorer.Default.WithDetector(detector))
                : Load(paths.Restorer, s => DiacriticRestorer.Create(s, null, detector));
            preparer = new DocumentPreparer(detector, restorer, paths.Lexicon is null ? Lexicon.Default : LoadLexicon(paths.Lexicon));
        }

        return AlignmentPipeline.Create(options, paths.Scorer is null ? null : LoadScorer(paths.Scorer), preparer);
    }

    /// <summary>Reads a model file with <paramref name="load"/>; every failure becomes one line naming the file.</summary>
    internal static T Load<T>(string path, Func<Stream, T> load)
    {
        if (!File.Exists(path))
        {
            throw new InvalidDataException($"{path}: no such file");
        }

        try
        {
            using var stream = File.OpenRead(path);
            return load(stream);
        }
        catch (InvalidDataException ex)
        {
            throw new InvalidDataException($"{path}: {ex.Message}", ex);
        }
        catch (Exception ex) when (ex is UnauthorizedAccessException or FileNotFoundException or DirectoryNotFoundException)
        {
            throw new InvalidDataException($"{path}: cannot be read ({ex.Message})", ex);
        }
        catch (Exception ex) when (IsCorruptModel(ex))
        {
            throw new InvalidDataException($"{path}: not a valid model ({ex.Message})", ex);
        }
    }

    /// <summary>What a damaged model file can throw while it is read, besides <see cref="InvalidDataException"/>.</summary>
    internal static bool IsCorruptModel(Exception ex) =>
        ex is ArgumentException or IndexOutOfRangeException or OverflowException or FormatException or IOException or NotSupportedException
            or InvalidOperationException or DecoderFallbackException;
}

/// <summary>The model files named on the command line (null: the embedded model).</summary>
internal sealed record ModelPaths(string? Lexicon, string? Scorer, string? Detector, string? Restorer)
{
    public static ModelPaths None { get; } = new(null, null, null, null);

    /// <summary>The options that name them, shared by <c>align</c> and <c>match</c>.</summary>
    public sealed class Options
    {
        public Option<string?> Lexicon { get; } = new("--lexicon") { Description = "A lexicon from train-lexicon instead of the embedded one (use it with the scorer fitted for it)." };

        public Option<string?> Scorer { get; } = new("--scorer") { Description = "A scorer model from train-scorer instead of the embedded one." };

        public Option<string?> Detector { get; } = new("--detector") { Description = "A language model from train-detector instead of the embedded one (finds each paragraph's language)." };

        public Option<string?> Restorer { get; } = new("--restorer") { Description = "A model from train-restorer instead of the embedded one (restores Vietnamese written without diacritics before it is scored)." };

        public IEnumerable<Option> All => [Lexicon, Scorer, Detector, Restorer];

        public ModelPaths Read(ParseResult parse) => new(parse.GetValue(Lexicon), parse.GetValue(Scorer), parse.GetValue(Detector), parse.GetValue(Restorer));
    }
}
