using Aligner.Detection;
using FluentAssertions;

namespace Aligner.Tests.Detection;

[TestFixture]
public sealed class FeatureScannerTests
{
    [Test]
    public void Scan_ApostropheBetweenLetters_OpensAWordOfItsOwn()
    {
        var words = Words("Trong's plan don't");

        words.Select(w => w.Letters).Should().Equal(5, 2, 4, 3, 2);
        words[1].UpperFirst.Should().BeFalse("'s is a clitic, not a name");
        words[1].Capitalised.Should().BeFalse();
    }

    [Test]
    public void Scan_ApostropheBeforeACapital_IsPartOfAName()
    {
        var words = Words("David O'Shannessy said");

        words.Select(w => w.Letters).Should().Equal(5, 1, 9, 4);
        words[2].Capitalised.Should().BeTrue("Shannessy belongs to a name");
    }

    [TestCase("'quoted' words")] // quotation marks, not clitics
    [TestCase("students' books")] // a trailing apostrophe ends the word
    public void Scan_ApostropheNotBetweenLetters_IsASeparator(string text)
    {
        Words(text).Select(w => w.Letters).Should().Equal(text.StartsWith('\'') ? [6, 5] : [8, 5]);
    }

    [Test]
    public void Scan_CapitalisedWordInsideASentence_IsALikelyName()
    {
        var words = Words("Thu tuong Pham Minh Chinh");

        words.Select(w => w.Capitalised).Should().Equal(false, false, true, true, true);
        words[0].UpperFirst.Should().BeTrue();
    }

    [TestCase("TIN LIÊN QUAN")] // a heading in capitals
    [TestCase("RELATED NEWS")]
    public void Scan_WordsInCapitals_AreNotTakenForNames(string text)
    {
        Words(text).Should().OnlyContain(w => !w.Capitalised && w.UpperFirst);
    }

    [TestCase("Jiménez said", false)] // a Spanish name: its accent is not Vietnamese, and names keep their accents
    [TestCase("Bolivia's Veltzé", false)]
    [TestCase("ông Nguyễn nói", true)] // Vietnamese syllables keep their letters
    [TestCase("Vie\u0302\u0323t Nam", true)] // decomposed marks are composed before the check
    public void Scan_CapitalisedWordWithAccents_VietnameseOnlyWhenASyllable(string text, bool vietnamese)
    {
        const byte Vietnamese = CharTable.VietnameseOnly | CharTable.VietnameseShared;
        var words = Words(text);

        words.Any(w => (w.Flags & Vietnamese) != 0).Should().Be(vietnamese);
        words.Should().OnlyContain(w => (w.Flags & CharTable.ForeignDiacritic) == 0, "a capitalised name's accent is not foreign either");
    }

    [Test]
    public void Scan_LowerCaseWordWithAccentsThatIsNoSyllable_IsForeign()
    {
        var words = Words("habló con los periodistas");

        (words[0].Flags & CharTable.ForeignDiacritic).Should().NotBe(0);
        (words[0].Flags & (CharTable.VietnameseOnly | CharTable.VietnameseShared)).Should().Be(0);
        words.Skip(1).Should().OnlyContain(w => w.Flags == 0);
    }

    [Test]
    public void Scan_SameText_SameFeatures()
    {
        var first = new Recorder();
        var second = new Recorder();
        FeatureScanner.Scan("Bui Cong Tuan's goal", 4, 16, 14, ref first);
        FeatureScanner.Scan("Bui Cong Tuan's goal", 4, 16, 14, ref second);

        first.Buckets.Should().Equal(second.Buckets);
        first.Buckets.Should().OnlyContain(b => b >= 0 && b < (1 << 16));
    }

    private static List<WordShape> Words(string text)
    {
        var recorder = new Recorder();
        FeatureScanner.Scan(text, 4, 16, 14, ref recorder);
        return recorder.Shapes;
    }

    private struct Recorder() : IFeatureVisitor
    {
        public List<WordShape> Shapes { get; } = [];

        public List<int> Buckets { get; } = [];

        public readonly void Ngram(int bucket) => Buckets.Add(bucket);

        public readonly void Word(int bucket, in WordShape shape) => Shapes.Add(shape);

        public readonly void ForeignLetter()
        {
        }
    }
}
