using Aligner.Scoring;
using Aligner.Segmentation;

namespace Aligner;

/// <summary>The sentences of one language of a text, with ranges into the original text, and their features.</summary>
/// <param name="Sentences">The sentences, in text order.</param>
/// <param name="Features">The features of each sentence, in the same order.</param>
public sealed record PreparedText(IReadOnlyList<Sentence> Sentences, IReadOnlyList<SentenceFeatures> Features);
