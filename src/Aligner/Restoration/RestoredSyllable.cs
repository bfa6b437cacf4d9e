using Aligner.Text;

namespace Aligner.Restoration;

/// <summary>
/// One syllable the restorer decided: where it is, what it became and how sure the model is. Restoration replaces
/// letters one for one, so <see cref="Range"/> is the same in the original and in the restored text.
/// </summary>
/// <param name="Range">The syllable's range in the original (and the restored) text.</param>
/// <param name="Restored">The syllable as written in the restored text (case kept).</param>
/// <param name="Confidence">
/// The model's probability, in [0, 1], of the chosen form among the syllable's candidates given the restored
/// neighbours (two on each side).
/// </param>
/// <param name="Changed">True when the restored syllable differs from the original.</param>
internal readonly record struct RestoredSyllable(TextRange Range, string Restored, double Confidence, bool Changed);

/// <summary>The result of <see cref="DiacriticRestorer.Analyze(string, CancellationToken)"/>.</summary>
internal sealed class RestorationResult
{
    internal RestorationResult(string original, string text, IReadOnlyList<RestoredSyllable> syllables)
    {
        Original = original;
        Text = text;
        Syllables = Array.AsReadOnly(syllables.ToArray());
    }

    /// <summary>The text as given.</summary>
    public string Original { get; }

    /// <summary>The restored text: the same length as <see cref="Original"/>, every offset unchanged.</summary>
    public string Text { get; }

    /// <summary>Every syllable the model decided (bare Vietnamese syllables), in text order.</summary>
    public IReadOnlyList<RestoredSyllable> Syllables { get; }
}
