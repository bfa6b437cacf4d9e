using System.Text;
using Aligner.Alignment;
using Aligner.Input;

namespace Aligner.Tests.Output;

/// <summary>The alignments the writer tests write, and how they read back what a writer wrote.</summary>
internal static class WriterFixture
{
    /// <summary>English of <see cref="Sample"/>: two sentences, then a line of page furniture.</summary>
    public const string SampleEnglish = "The UN met on 21/9. It agreed on 88 items.\nRELATED NEWS";

    /// <summary>Vietnamese of <see cref="Sample"/>: the translations of the two English sentences.</summary>
    public const string SampleVietnamese = "LHQ đã họp ngày 21/9. LHQ đã đồng ý 88 mục.";

    private static readonly Lazy<DocumentAlignment> SampleAlignment = new(() => Bitext.Align(SampleEnglish, SampleVietnamese));

    /// <summary>
    /// <see cref="SampleEnglish"/> aligned with <see cref="SampleVietnamese"/>: two pairs (the first Vietnamese
    /// sentence "LHQ đã họp ngày 21/9.") and the unpaired English line "RELATED NEWS".
    /// </summary>
    public static DocumentAlignment Sample => SampleAlignment.Value;

    /// <summary>Two empty texts aligned: no bead.</summary>
    public static DocumentAlignment Empty => Bitext.Align("", "");

    /// <summary>Two texts aligned by the default pipeline, under the names given.</summary>
    public static DocumentAlignment Align(string english, string vietnamese, string englishName = "en.txt", string vietnameseName = "vi.txt") =>
        AlignmentPipeline.Default.Align(new SourceText(english, englishName), new SourceText(vietnamese, vietnameseName));

    /// <summary><paramref name="alignment"/> with other beads (other scores).</summary>
    public static DocumentAlignment WithBeads(DocumentAlignment alignment, IEnumerable<Bead> beads) =>
        new(alignment.English, alignment.Vietnamese, alignment.EnglishSentences, alignment.VietnameseSentences, [.. beads]);

    /// <summary>A bead with sentences on both sides: what tsv and tmx write.</summary>
    public static bool IsPair(Bead bead) => bead.EnglishCount > 0 && bead.VietnameseCount > 0;

    /// <summary>What <paramref name="write"/> writes of <paramref name="alignment"/>, as strict UTF-8 text.</summary>
    public static string Text(Action<DocumentAlignment, Stream> write, DocumentAlignment alignment) =>
        new UTF8Encoding(false, true).GetString(Bytes(s => write(alignment, s)));

    /// <summary>The bytes <paramref name="write"/> writes to a stream.</summary>
    public static byte[] Bytes(Action<Stream> write)
    {
        using var stream = new MemoryStream();
        write(stream);
        return stream.ToArray();
    }
}
