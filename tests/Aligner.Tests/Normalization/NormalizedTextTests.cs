using System.Text;
using Aligner.Normalization;
using Aligner.Tests.Support;
using Aligner.Text;
using FluentAssertions;

namespace Aligner.Tests.Normalization;

[TestFixture]
public sealed class NormalizedTextTests
{
    [TestCase("Vie\u0323\u0302t", "Việt")] // decomposed ệ (dot below, then circumflex) composes
    [TestCase("Vie\u0302\u0323t", "Việt")] // marks in the other order compose to the same letter
    [TestCase("Nguye\u0302\u0303n Quo\u0302\u0301c Du\u0303ng", "Nguyễn Quốc Dũng")] // a whole decomposed name
    [TestCase("D\u0110a\u0300 Na\u0306\u0303ng", "DĐà Nẵng")] // đ has no decomposition and stays; ẵ composes
    [TestCase("Tô\u00A0Lâm", "Tô Lâm")] // a no-break space becomes a space
    [TestCase("a\u202Fb\u2009c\u3000d", "a b c d")] // narrow, thin and ideographic spaces become spaces
    [TestCase("Hà\u200BNội", "HàNội")] // a zero-width space is removed
    [TestCase("\uFEFFTô\u200D Lâm\u00AD", "Tô Lâm")] // a stray BOM, a zero-width joiner and a soft hyphen are removed
    [TestCase("a\r\nb\nc", "a\r\nb\nc")] // newlines are kept for the paragraph splitter
    [TestCase("hoà hòa", "hoà hòa")] // NFC does not unify old and new tone placement
    [TestCase("\u212B", "\u00C5")] // a singleton (Ångström sign) becomes its canonical letter
    [TestCase("", "")] // empty text
    public void Create_Text_IsNormalised(string original, string expected)
    {
        NormalizedText.Create(original).Text.Should().Be(expected);
    }

    [TestCase("Tổng Bí thư, Chủ tịch nước Tô Lâm.")] // precomposed Vietnamese
    [TestCase("General Secretary To Lam\r\narrives.")] // ASCII with CRLF
    [TestCase("")] // empty text
    [TestCase("emoji 😀 and 𝐀")] // surrogate pairs
    public void Create_AlreadyNormalText_IsIdentity(string original)
    {
        var view = NormalizedText.Create(original);

        view.IsIdentity.Should().BeTrue();
        view.Text.Should().BeSameAs(original);
        view.ToOriginal(new TextRange(0, original.Length)).Should().Be(new TextRange(0, original.Length));
        view.ToOriginal(original.Length).Should().Be(original.Length);
    }

    [TestCase("Vie\u0323\u0302t Nam", 0, 4, 0, 6)] // "Việt" covers the decomposed letter and its two marks
    [TestCase("Vie\u0323\u0302t Nam", 2, 3, 2, 5)] // "ệ" alone maps to e + two marks
    [TestCase("Vie\u0323\u0302t Nam", 5, 8, 7, 10)] // "Nam" after the cluster is shifted by the two marks
    [TestCase("Tô\u00A0Lâm\u200B", 3, 6, 3, 6)] // the doc example: NBSP kept in place, trailing ZWSP dropped
    [TestCase("a\u200B\u200Bb", 0, 2, 0, 4)] // a range over a removed run covers it
    [TestCase("a\u200B\u200Bb", 1, 2, 3, 4)] // "b" starts after the removed run
    [TestCase("a\u200Bb", 1, 1, 2, 2)] // an empty range maps to the position of its character
    [TestCase("ab\u200B", 2, 2, 3, 3)] // an empty range at the end maps to the end of the original
    public void ToOriginal_Range_MapsBack(string original, int start, int end, int originalStart, int originalEnd)
    {
        var view = NormalizedText.Create(original);

        view.ToOriginal(new TextRange(start, end)).Should().Be(new TextRange(originalStart, originalEnd));
    }

    [TestCase(-1, 0)] // starts before the text
    [TestCase(0, 5)] // ends after the text ("Việt" is 4 long)
    [TestCase(3, 2)] // ends before it starts
    public void ToOriginal_RangeOutside_Throws(int start, int end)
    {
        var view = NormalizedText.Create("Vie\u0323\u0302t");

        var act = () => view.ToOriginal(new TextRange(start, end));

        act.Should().Throw<ArgumentOutOfRangeException>();
    }

    [Test]
    public void Create_Null_ThrowsArgumentNullException()
    {
        var act = () => NormalizedText.Create(null!);

        act.Should().Throw<ArgumentNullException>();
    }

    [Test]
    public void Create_Seeds_TextIsNfcWithoutOddSpaces()
    {
        foreach (var name in Seeds.All)
        {
            var view = NormalizedText.Create(Seeds.Read(name));

            view.Text.IsNormalized(NormalizationForm.FormC).Should().BeTrue(name);
            view.Text.Should().NotContainAny(["\u00A0", "\u200B", "\uFEFF"], name);
        }
    }

    [Test]
    public void ToOriginal_RandomStrings_EveryRangeInsideOriginalAndMonotone()
    {
        var random = new Random(20240921);
        for (var round = 0; round < 2000; round++)
        {
            var original = RandomText.Next(random, 40);
            var view = NormalizedText.Create(original);
            var text = view.Text;

            // Every single-character range maps inside the original, in order.
            var previous = new TextRange(0, 0);
            for (var k = 0; k < text.Length; k++)
            {
                var mapped = view.ToOriginal(new TextRange(k, k + 1));
                mapped.Start.Should().BeInRange(0, original.Length, original);
                mapped.End.Should().BeInRange(mapped.Start + 1, original.Length, original);
                mapped.Start.Should().BeGreaterThanOrEqualTo(previous.Start, original);
                mapped.End.Should().BeGreaterThanOrEqualTo(previous.End, original);
                view.ToOriginal(k).Should().Be(mapped.Start, original);
                previous = mapped;
            }

            // Random ranges: inside the original, and a larger range maps to a larger one.
            for (var r = 0; r < 10; r++)
            {
                var a = random.Next(text.Length + 1);
                var b = random.Next(a, text.Length + 1);
                var mapped = view.ToOriginal(new TextRange(a, b));
                mapped.Start.Should().BeInRange(0, original.Length, original);
                mapped.End.Should().BeInRange(mapped.Start, original.Length, original);
                if (b < text.Length)
                {
                    var wider = view.ToOriginal(new TextRange(a, b + 1));
                    wider.Start.Should().Be(mapped.Start, original);
                    wider.End.Should().BeGreaterThanOrEqualTo(mapped.End, original);
                }
            }

            view.ToOriginal(text.Length).Should().BeLessThanOrEqualTo(original.Length);
        }
    }

    [Test]
    public void ToOriginal_RandomStrings_MappedTextNormalisesToTheSameCharacters()
    {
        // Mapping a whole normalised range back and normalising the original slice gives the same text again:
        // the map never points at the wrong characters.
        var random = new Random(7);
        for (var round = 0; round < 2000; round++)
        {
            var original = RandomText.Next(random, 30);
            var view = NormalizedText.Create(original);
            var mapped = view.ToOriginal(new TextRange(0, view.Text.Length));

            NormalizedText.Create(mapped.Substring(original)).Text.Should().Be(view.Text, original);
        }
    }

    [Test]
    public void Create_RandomStrings_NoOddSpacesOrInvisiblesRemain()
    {
        var random = new Random(11);
        for (var round = 0; round < 2000; round++)
        {
            var original = RandomText.Next(random, 30);

            NormalizedText.Create(original).Text.Should()
                .NotContainAny(["\u00A0", "\u202F", "\u2009", "\u3000", "\u2028", "\u0085", "\u000C", "\u200B", "\u200D", "\uFEFF", "\u00AD", "\u200E"], original);
        }
    }

    [Test]
    public void Create_RandomStrings_TextIsNfc()
    {
        string[] cases = ["a\u200B\u0301", "\u1100\u1161"]; // mark after a removed ZWSP; Hangul L + V jamo
        foreach (var original in cases)
        {
            NormalizedText.Create(original).Text.IsNormalized(NormalizationForm.FormC).Should().BeTrue(original);
        }

        var random = new Random(5);
        for (var round = 0; round < 2000; round++)
        {
            var original = RandomText.Next(random, 30);
            NormalizedText.Create(original).Text.IsNormalized(NormalizationForm.FormC).Should().BeTrue(original);
        }
    }
}
