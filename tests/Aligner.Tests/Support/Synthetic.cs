using System.Text;
using Aligner.Scoring;

namespace Aligner.Tests.Support;

/// <summary>Synthetic sentences whose scorer features are controlled: length, and numbers used as anchors.</summary>
internal static class Synthetic
{
    /// <summary>A lower-case sentence of random words carrying the given number (an anchor) when it is not null.</summary>
    public static string Sentence(Random random, int? number, int minWords = 4, int maxWords = 30)
    {
        var builder = new StringBuilder(RandomText.Words(random, random.Next(minWords, maxWords + 1)));
        if (number is { } n)
        {
            builder.Append(' ').Append(n.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        return builder.Append('.').ToString();
    }

    /// <summary>A different text of exactly the same features: every letter replaced by another letter.</summary>
    public static string SameShape(Random random, string sentence)
    {
        var chars = sentence.ToCharArray();
        for (var i = 0; i < chars.Length; i++)
        {
            if (char.IsAsciiLetterLower(chars[i]))
            {
                chars[i] = (char)('a' + random.Next(26));
            }
        }

        return new string(chars);
    }

    public static List<SentenceFeatures> Features(IEnumerable<string> sentences) =>
        sentences.Select(s => FeatureExtractor.Extract(s)).ToList();
}
