using Aligner.Normalization;
using Aligner.Tests.Support;
using Aligner.Text;
using FluentAssertions;

namespace Aligner.Tests.Normalization;

[TestFixture]
public sealed class VietnameseNormalizerTests
{
    private static readonly VietnameseNormalizer Old = new(VietnameseNormalizerOptions.Default with { ToneStyle = ToneMarkStyle.Old });
    private static readonly VietnameseNormalizer New = new(VietnameseNormalizerOptions.Default with { ToneStyle = ToneMarkStyle.New });

    [TestCase("hoà bình", "hòa bình")] // oa: the mark moves to the first vowel
    [TestCase("khoẻ mạnh", "khỏe mạnh")] // oe
    [TestCase("thuỷ điện", "thủy điện")] // uy
    [TestCase("HOÀ THUỶ KHOẺ", "HÒA THỦY KHỎE")] // upper case
    [TestCase("Hoà Thuỷ", "Hòa Thủy")] // title case
    [TestCase("quý quà quỳ", "quý quà quỳ")] // after qu the u is the onset: one spelling only
    [TestCase("QUÝ GIÀ", "QUÝ GIÀ")] // qu and gi in capitals
    [TestCase("già giữa", "già giữa")] // after gi the i is the onset
    [TestCase("hoàng khuých hoài", "hoàng khuých hoài")] // a final consonant or a third vowel: one spelling only
    [TestCase("hòa thủy", "hòa thủy")] // already old style
    [TestCase("Hoà\u00A0bình", "Hòa bình")] // no-break space too
    [TestCase("", "")] // empty text
    public void Normalize_OldStyle_PlacesToneOnFirstVowel(string text, string expected)
    {
        Old.Normalize(text).Text.Should().Be(expected);
    }

    [TestCase("hòa bình", "hoà bình")] // oa
    [TestCase("khỏe", "khoẻ")] // oe
    [TestCase("thủy", "thuỷ")] // uy
    [TestCase("HÒA THỦY", "HOÀ THUỶ")] // upper case
    [TestCase("quý gìa", "quý gìa")] // qu keeps its spelling; a misspelt gi syllable is not moved
    [TestCase("hoàng", "hoàng")] // final consonant: unchanged
    public void Normalize_NewStyle_PlacesToneOnSecondVowel(string text, string expected)
    {
        New.Normalize(text).Text.Should().Be(expected);
    }

    [TestCase("hoà hòa")] // both styles in one text
    [TestCase("Tổng Bí thư, Chủ tịch nước Tô Lâm")] // nothing to move
    public void Normalize_NoToneStyle_KeepsPlacement(string text)
    {
        VietnameseNormalizer.Default.Normalize(text).Text.Should().Be(text);
    }

    [TestCase("Vie\u0323\u0302t Nam", "Việt Nam")] // decomposed marks compose (NFC)
    [TestCase("Hà\u200BNội\u00A0mới", "HàNội mới")] // zero-width space removed, no-break space becomes a space
    [TestCase("a\u2009b\u3000c", "a b c")] // thin and ideographic spaces
    [TestCase("Dòng 1\r\nDòng 2\n", "Dòng 1\r\nDòng 2\n")] // newlines kept
    [TestCase("THE PRESIDENT said \"hello\" 22.10.2022", "THE PRESIDENT said \"hello\" 22.10.2022")] // English, case, numbers kept
    public void Normalize_OddCharacters_AreCleaned(string text, string expected)
    {
        VietnameseNormalizer.Default.Normalize(text).Text.Should().Be(expected);
    }

    [Test]
    public void Normalize_RangesMapBackToOriginal()
    {
        const string original = "Hoa\u0300\u00A0bi\u0300nh\u200B va\u0300";
        var view = Old.Normalize(original);

        view.Text.Should().Be("Hòa bình và");
        var word = view.Text.IndexOf("bình", StringComparison.Ordinal);
        var range = view.ToOriginal(new TextRange(word, word + 4));
        original[range.Start..range.End].Should().Be("bi\u0300nh");
    }

    [Test]
    public void Normalize_Tcvn3Text_IsConvertedWithOffsets()
    {
        const string original = "Th\u00F1 t\u00AD\u00EDng Ch\u00DDnh ph\u00F1 ph\u00B8t bi\u00D3u t\u00B9i H\u00B5 N\u00E9i";
        var view = VietnameseNormalizer.Default.Normalize(original);

        view.Text.Should().Be("Thủ tướng Chính phủ phát biểu tại Hà Nội");
        var at = view.Text.IndexOf("Hà", StringComparison.Ordinal);
        var range = view.ToOriginal(new TextRange(at, at + 2));
        original[range.Start..range.End].Should().Be("H\u00B5");
    }

    [Test]
    public void Normalize_LegacyConversionOff_KeepsLegacyText()
    {
        const string original = "Vi\u00D6t Nam v\u00B5 Hoa K\u00FA";
        var normalizer = new VietnameseNormalizer(VietnameseNormalizerOptions.Default with { ConvertLegacyEncodings = false });

        normalizer.Normalize(original).Text.Should().Be(original);
    }

    [Test]
    public void Normalize_Null_Throws()
    {
        var act = () => VietnameseNormalizer.Default.Normalize(null!);

        act.Should().Throw<ArgumentNullException>();
    }

    [Test]
    public void Constructor_UnknownStyle_Throws()
    {
        var act = () => new VietnameseNormalizer(VietnameseNormalizerOptions.Default with { ToneStyle = (ToneMarkStyle)7 });

        act.Should().Throw<ArgumentOutOfRangeException>();
    }

    [Test]
    public void PlaceToneMarks_RoundTrip_RestoresEachStyle()
    {
        const string old = "Hòa bình, THỦY điện, khỏe, quý, già, hoàng";
        var moved = VietnameseNormalizer.PlaceToneMarks(old, ToneMarkStyle.New);

        moved.Should().Be("Hoà bình, THUỶ điện, khoẻ, quý, già, hoàng");
        moved.Length.Should().Be(old.Length);
        VietnameseNormalizer.PlaceToneMarks(moved, ToneMarkStyle.Old).Should().Be(old);
    }

    [Test]
    public void PlaceToneMarks_NothingToMove_ReturnsSameInstance()
    {
        const string text = "Tổng Bí thư Tô Lâm and the President";

        VietnameseNormalizer.PlaceToneMarks(text, ToneMarkStyle.New).Should().BeSameAs(text);
    }

    [Test]
    public void Normalize_Seed004_UnifiesBothToneStyles()
    {
        var text = Seeds.Read(Seeds.VietnameseReport);
        text.Should().Contain("hoà bình").And.Contain("hòa bình");

        var normalised = Old.Normalize(text).Text;

        normalised.Should().NotContain("hoà bình").And.Contain("hòa bình");
        VietnameseFolding.Fold(normalised).Should().Be(VietnameseFolding.Fold(NormalizedText.Create(text).Text));
    }

    [Test]
    public void Normalize_RandomStrings_KeepInvariants()
    {
        var random = new Random(41);
        for (var i = 0; i < 300; i++)
        {
            var text = RandomText.Next(random, 12);
            var view = Old.Normalize(text);

            VietnameseNormalizer.PlaceToneMarks(view.Text, ToneMarkStyle.Old).Should().Be(view.Text, "old style is a fixed point");
            view.ToOriginal(new TextRange(0, view.Text.Length)).End.Should().BeLessThanOrEqualTo(text.Length);
        }
    }
}
