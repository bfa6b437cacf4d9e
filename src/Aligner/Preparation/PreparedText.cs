using Aligner.Detection;
using Aligner.Input;
using Aligner.Normalization;
using Aligner.Scoring;
using Aligner.Segmentation;
using Aligner.Text;
using Aligner.Tokenization;

namespace Aligner.Preparation;

/// <summary>
/// The sentences of one language of a document, ready to be aligned: ranges into the document's
/// <see cref="SourceText.Text"/> (an HTML page's source), and what the aligner reads of each (internal). Made by
/// <see cref="DocumentPreparer"/>; immutable and thread-safe.
/// </summary>
public sealed class PreparedText
{
    private readonly ReadText? read;
    private readonly Lexicon? lexicon;

    internal PreparedText(SourceText source, DetectedLanguage language, Sentence[] sentences, SentenceFeatures[] features, ReadText? read, Lexicon? lexicon)
    {
        Source = source;
        Language = language;
        Sentences = Array.AsReadOnly(sentences);
        Features = features;
        this.read = read;
        this.lexicon = lexicon;
    }

    /// <summary>The document the sentences were read from.</summary>
    public SourceText Source { get; }

    /// <summary>The language of the sentences: <see cref="DetectedLanguage.English"/> or <see cref="DetectedLanguage.Vietnamese"/>.</summary>
    public DetectedLanguage Language { get; }

    /// <summary>The sentences, in text order, with ranges into <see cref="SourceText.Text"/>.</summary>
    public IReadOnlyList<Sentence> Sentences { get; }

    /// <summary>What the scorer reads of each sentence, in the same order (the array is never changed).</summary>
    internal SentenceFeatures[] Features { get; }

    /// <summary>Whether <see cref="PartFeatures"/> and the other part methods may be used (a one-language document).</summary>
    internal bool HasParts => read is not null;

    /// <summary>The text sentence <paramref name="k"/>'s features were read from (the normalised, restored view).</summary>
    internal ReadOnlySpan<char> PartText(int k) => Read.Sentences[k].Range.Slice(Read.Scored);

    /// <summary>The features of the characters <paramref name="start"/>..<paramref name="end"/> of sentence <paramref name="k"/>, read as a whole sentence is.</summary>
    internal SentenceFeatures PartFeatures(int k, int start, int end) =>
        DocumentPreparer.Features(PartText(k)[start..end], Language, lexicon, Read.Furniture[k], otherLanguage: false, times: null);

    /// <summary>The range in <see cref="SourceText.Text"/> of the characters <paramref name="start"/>..<paramref name="end"/> of sentence <paramref name="k"/>.</summary>
    internal TextRange PartRange(int k, int start, int end)
    {
        var sentence = Read.Sentences[k].Range;
        return Source.ToSource(Read.View.ToOriginal(new TextRange(sentence.Start + start, sentence.Start + end)));
    }

    /// <summary>
    /// Whether <paramref name="word"/> (followed by <paramref name="next"/>) may open a sentence. English: a word the
    /// lexicon knows (The, Promoted), not a name (Napoli, Holt). Vietnamese: a known syllable followed by a lower-case
    /// one (Phóng viên), not a run of capitals (Phạm Minh).
    /// </summary>
    internal bool MayOpenSentence(string word, string next)
    {
        if (word.Length == 0 || lexicon is null)
        {
            return false;
        }

        if (Language == DetectedLanguage.English)
        {
            return lexicon.EnglishId(LexicalTokenizer.StemEnglish(word.ToLowerInvariant())) >= 0;
        }

        return next.Length > 0 && char.IsLower(next[0])
            && lexicon.VietnameseId(LexicalTokenizer.VietnameseUnit(word)) >= 0;
    }

    private ReadText Read => read ?? throw new InvalidOperationException("The parts of a bilingual document's sentences are not kept.");
}

/// <summary>
/// What a preparation starts from: the normalised view, its sentences, which of them are page furniture, the language
/// of each sentence's paragraph (when a detector is given) and the text the features are read from (the view, with
/// bare Vietnamese restored: same length, same offsets).
/// </summary>
internal sealed record ReadText(NormalizedText View, IReadOnlyList<Sentence> Sentences, bool[] Furniture, LanguageDetection[]? Languages, string Scored)
{
    public int Count => Sentences.Count;
}
