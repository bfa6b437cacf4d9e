using Aligner.Text;

namespace Aligner.Segmentation;

/// <summary>A sentence: its range in the text and the index of the paragraph that holds it.</summary>
/// <param name="Range">The sentence's range, without surrounding whitespace.</param>
/// <param name="Paragraph">Zero-based index of the paragraph (non-blank line) the sentence is in.</param>
public readonly record struct Sentence(TextRange Range, int Paragraph);
