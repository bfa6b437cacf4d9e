using System.Text;
using Aligner.Scoring;

namespace Aligner.Cli.Commands;

/// <summary>Loads model files named on the command line, turning every failure into a one-line message naming the file.</summary>
internal static class ModelFiles
{
    public static Lexicon LoadLexicon(string path) => Load(path, Lexicon.Load);

    public static ScorerModel LoadScorer(string path) => Load(path, ScorerModel.Load);

    /// <summary>
    /// The pipeline for the <c>--lexicon</c> and <c>--scorer</c> files given (the embedded models for those not given),
    /// <see cref="AlignmentPipeline.Default"/> when neither is and the options are the defaults.
    /// </summary>
    public static AlignmentPipeline Pipeline(string? lexiconPath, string? scorerPath, Alignment.AlignmentOptions? options = null) =>
        lexiconPath is null && scorerPath is null && (options is null || options == Alignment.AlignmentOptions.Default)
            ? AlignmentPipeline.Default
            : AlignmentPipeline.Create(
                options,
                scorerPath is null ? null : LoadScorer(scorerPath),
                lexiconPath is null ? null : LoadLexicon(lexiconPath));

    private static T Load<T>(string path, Func<Stream, T> load)
    {
        if (!File.Exists(path))
        {
            throw new InvalidDataException($"{path}: no such file");
        }

        using var stream = File.OpenRead(path);
        try
        {
            return load(stream);
        }
        catch (InvalidDataException ex)
        {
            throw new InvalidDataException($"{path}: {ex.Message}", ex);
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
