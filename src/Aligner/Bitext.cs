using Aligner.Alignment;
using Aligner.Input;

namespace Aligner;

/// <summary>
/// The one-line entry point: aligns English and Vietnamese text with the default pipeline.
/// </summary>
/// <example>
/// <code>
/// var alignment = Bitext.Align("The UN met. It agreed.", "LHQ đã họp. LHQ đã đồng ý.");
/// foreach (var bead in alignment.Beads)
///     Console.WriteLine($"{bead.Kind.Label()} {alignment.EnglishRange(bead)} {alignment.VietnameseRange(bead)}");
/// </code>
/// </example>
public static class Bitext
{
    /// <summary>Aligns two texts given as strings.</summary>
    public static DocumentAlignment Align(string english, string vietnamese, CancellationToken cancellationToken = default) =>
        AlignmentPipeline.Default.Align(new SourceText(english, "en"), new SourceText(vietnamese, "vi"), cancellationToken);

    /// <summary>
    /// Aligns two files: text (UTF-8, UTF-16 with a byte order mark, Windows-1258, TCVN3 or VNI, see
    /// <see cref="SourceText.Load(string)"/>) or HTML pages (their main text; offsets into the page's source).
    /// </summary>
    /// <exception cref="InvalidDataException">A file is missing, binary or in no encoding it reads; the message names it.</exception>
    public static DocumentAlignment AlignFiles(string englishPath, string vietnamesePath, CancellationToken cancellationToken = default) =>
        AlignmentPipeline.Default.Align(SourceText.Load(englishPath), SourceText.Load(vietnamesePath), cancellationToken);
}
