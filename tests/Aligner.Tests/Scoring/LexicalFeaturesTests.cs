using Aligner.Scoring;
using Aligner.Tokenization;
using FluentAssertions;

namespace Aligner.Tests.Scoring;

[TestFixture]
public sealed class LexicalFeaturesTests
{
    private static Lexicon Lexicon => Lexicon.Default;

    [Test]
    public void Covered_Translation_CoversMostKnownWords()
    {
        var en = LexicalFeatures.English("The government will build a new school for the children.", Lexicon);
        var vi = LexicalFeatures.Vietnamese("Chính phủ sẽ xây một trường học mới cho trẻ em.", Lexicon);

        LexicalFeatures.Covered(en, vi).Should().BeGreaterThanOrEqualTo(en.Known / 2);
        LexicalFeatures.Covered(vi, en).Should().BeGreaterThanOrEqualTo(vi.Known / 2);
    }

    [Test]
    public void Covered_UnrelatedSentence_CoversFewerWords()
    {
        var en = LexicalFeatures.English("The government will build a new school for the children.", Lexicon);
        var translation = LexicalFeatures.Vietnamese("Chính phủ sẽ xây một trường học mới cho trẻ em.", Lexicon);
        var unrelated = LexicalFeatures.Vietnamese("Trời mưa to suốt đêm qua ở vùng núi.", Lexicon);

        LexicalFeatures.Covered(en, unrelated).Should().BeLessThan(LexicalFeatures.Covered(en, translation));
    }

    [Test]
    public void Covered_NeverExceedsKnown_AndEmptyGivesZero()
    {
        var en = LexicalFeatures.English("water water water", Lexicon);
        var vi = LexicalFeatures.Vietnamese("nước nước", Lexicon);

        LexicalFeatures.Covered(en, vi).Should().BeLessThanOrEqualTo(en.Known);
        LexicalFeatures.Covered(en, LexicalFeatures.Empty).Should().Be(0);
        LexicalFeatures.Covered(LexicalFeatures.Empty, vi).Should().Be(0);
    }

    [Test]
    public void Covered_DoesNotDependOnEarlierComparisons()
    {
        // Coverage keeps the last answers and the marked units of the last targets on the thread: asking the pairs in
        // another order, and many times, must give the same counts.
        LexicalFeatures[] english =
        [
            LexicalFeatures.English("The government will build a new school for the children.", Lexicon),
            LexicalFeatures.English("It rained heavily all night in the mountains.", Lexicon),
            LexicalFeatures.English("The children are happy.", Lexicon),
        ];
        LexicalFeatures[] vietnamese =
        [
            LexicalFeatures.Vietnamese("Chính phủ sẽ xây một trường học mới cho trẻ em.", Lexicon),
            LexicalFeatures.Vietnamese("Trời mưa to suốt đêm qua ở vùng núi.", Lexicon),
            LexicalFeatures.Vietnamese("Trẻ em vui.", Lexicon),
        ];
        var forward = new List<int>();
        for (var i = 0; i < english.Length; i++)
        {
            for (var j = 0; j < vietnamese.Length; j++)
            {
                forward.Add(LexicalFeatures.Covered(english[i], vietnamese[j]));
                forward.Add(LexicalFeatures.Covered(vietnamese[j], english[i]));
            }
        }

        var backward = new List<int>();
        for (var i = english.Length - 1; i >= 0; i--)
        {
            for (var j = vietnamese.Length - 1; j >= 0; j--)
            {
                backward.Add(LexicalFeatures.Covered(vietnamese[j], english[i]));
                backward.Add(LexicalFeatures.Covered(english[i], vietnamese[j]));
                LexicalFeatures.Covered(english[(i + 1) % english.Length], vietnamese[j]);
            }
        }

        var reordered = new List<int>();
        for (var k = forward.Count / 2 - 1; k >= 0; k--)
        {
            reordered.Add(backward[(2 * k) + 1]);
            reordered.Add(backward[2 * k]);
        }

        forward.Should().Equal(reordered);
        forward.Should().Contain(c => c > 0);
    }

    [Test]
    public void Combine_AddsPositionsAndKnownWords()
    {
        var first = LexicalFeatures.English("The school is new.", Lexicon);
        var second = LexicalFeatures.English("The children are happy.", Lexicon);

        var both = LexicalFeatures.Combine(first, second);

        both.Positions.Should().Be(first.Positions + second.Positions);
        both.Known.Should().Be(first.Known + second.Known);
        var vi = LexicalFeatures.Vietnamese("Trường học mới. Trẻ em vui.", Lexicon);
        LexicalFeatures.Covered(both, vi).Should().Be(LexicalFeatures.Covered(first, vi) + LexicalFeatures.Covered(second, vi));
    }

    [Test]
    public void EmptyLexicon_GivesNoEvidence()
    {
        LexicalFeatures.English("The government", Lexicon.Empty).Known.Should().Be(0);
        LexicalFeatures.Vietnamese("Chính phủ", Lexicon.Empty).Known.Should().Be(0);
    }

    [Test]
    public void VietnameseSyllables_BothToneStyles_AreOneUnit()
    {
        // hoà / hòa, thuỷ / thủy: one unit for the lexicon in training, scoring and matching (the old style).
        var units = LexicalTokenizer.VietnameseSyllables("Hoà bình HÒA hòa thuỷ thủy");

        units.Should().Equal("hòa", "bình", "hòa", "hòa", "thủy", "thủy");
    }
}
