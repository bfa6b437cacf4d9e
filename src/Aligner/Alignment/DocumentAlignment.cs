using System.Collections.ObjectModel;
using Aligner.Input;
using Aligner.Segmentation;
using Aligner.Text;

namespace Aligner.Alignment;

/// <summary>The alignment of an English document with a Vietnamese document.</summary>
/// <remarks>Immutable. All ranges are offsets into the original texts.</remarks>
public sealed class DocumentAlignment
{
    internal DocumentAlignment(SourceText english, SourceText vietnamese, IReadOnlyList<Sentence> englishSentences, IReadOnlyList<Sentence> vietnameseSentences, IReadOnlyList<Bead> beads)
    {
        English = english;
        Vietnamese = vietnamese;
        EnglishSentences = ReadOnly(englishSentences);
        VietnameseSentences = ReadOnly(vietnameseSentences);
        Beads = ReadOnly(beads);
    }

    /// <summary>The English document.</summary>
    public SourceText English { get; }

    /// <summary>The Vietnamese document.</summary>
    public SourceText Vietnamese { get; }

    /// <summary>The English sentences, with ranges into <see cref="SourceText.Text"/> of <see cref="English"/>.</summary>
    public IReadOnlyList<Sentence> EnglishSentences { get; }

    /// <summary>The Vietnamese sentences, with ranges into the original Vietnamese text.</summary>
    public IReadOnlyList<Sentence> VietnameseSentences { get; }

    /// <summary>The beads in document order; every sentence is in exactly one bead.</summary>
    public IReadOnlyList<Bead> Beads { get; }

    /// <summary>The English text of a bead (its sentences as read: an HTML page's text without tags), or null when it has no English sentence.</summary>
    /// <example><c>foreach (var bead in alignment.Beads) Console.WriteLine($"{alignment.EnglishText(bead)} ⇔ {alignment.VietnameseText(bead)}");</c></example>
    public string? EnglishText(Bead bead) => EnglishRange(bead) is { } range ? English.ContentOf(range) : null;

    /// <summary>The Vietnamese text of a bead, or null when it has no Vietnamese sentence.</summary>
    public string? VietnameseText(Bead bead) => VietnameseRange(bead) is { } range ? Vietnamese.ContentOf(range) : null;

    /// <summary>The English range a bead covers, or null when it has no English sentence.</summary>
    public TextRange? EnglishRange(Bead bead) => Cover(EnglishSentences, bead.EnglishStart, bead.EnglishCount);

    /// <summary>The Vietnamese range a bead covers, or null when it has no Vietnamese sentence.</summary>
    public TextRange? VietnameseRange(Bead bead) => Cover(VietnameseSentences, bead.VietnameseStart, bead.VietnameseCount);

    private static TextRange? Cover(IReadOnlyList<Sentence> sentences, int start, int count) =>
        count == 0 ? null : sentences[start].Range.Union(sentences[start + count - 1].Range);

    // A read-only view a caller cannot cast back and change: a PreparedText's sentences already are one; anything else
    // is copied behind one.
    private static ReadOnlyCollection<T> ReadOnly<T>(IReadOnlyList<T> list) => list as ReadOnlyCollection<T> ?? Array.AsReadOnly(list.ToArray());
}
