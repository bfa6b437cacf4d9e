namespace Aligner.Detection;

/// <summary>What <see cref="LanguageDetector.DetectAll(string, DetectionUnit, CancellationToken)"/> labels (the CLI's <c>--unit</c>).</summary>
internal enum DetectionUnit
{
    /// <summary>A block of non-blank lines between blank lines (a caption followed by its translation is one block).</summary>
    Paragraph = 0,

    /// <summary>Every non-blank line on its own (the aligner's paragraphs, see <see cref="Segmentation.ParagraphSplitter"/>).</summary>
    Line = 1,
}
