using Aligner.Normalization;

namespace Aligner.Restoration;

/// <summary>The canonical form of a syllable as the model stores it: lower case, old tone style.</summary>
internal static class SyllableKey
{
    /// <summary>Writes the canonical form of <paramref name="word"/> into <paramref name="buffer"/>.</summary>
    /// <returns>False when the word does not fit the buffer.</returns>
    public static bool TryCanonical(ReadOnlySpan<char> word, Span<char> buffer, out ReadOnlySpan<char> canonical)
    {
        if (word.Length > buffer.Length)
        {
            canonical = default;
            return false;
        }

        var target = buffer[..word.Length];
        word.ToLowerInvariant(target);
        VietnameseLetters.PlaceTone(target, ToneMarkStyle.Old);
        canonical = target;
        return true;
    }
}
