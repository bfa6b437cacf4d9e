using Aligner.Detection;
using FluentAssertions;

namespace Aligner.Tests.Detection;

/// <summary>Language identification leftovers of issue 16 (held-out sentences that were labelled wrongly).</summary>
[TestFixture]
public sealed class LanguageDetectorLeftoverTests
{
    [TestCase("\"No, no, no, no , no.")] // a repeated word counts once: "no" (nó, nợ…) is not evidence five times over
    [TestCase("No, no, no, no, no.")]
    [TestCase("Oh no, no, no.")]
    public void Detect_RepeatedEnglishWord_IsEnglish(string text)
    {
        LanguageDetector.Default.Detect(text).Language.Should().Be(DetectedLanguage.English);
    }

    [TestCase("Từ từ rồi dần dần sẽ quen.")] // reduplication stays Vietnamese
    [TestCase("Ngày ngày anh ấy đi làm sớm.")]
    public void Detect_VietnameseReduplication_IsStillVietnamese(string text)
    {
        LanguageDetector.Default.Detect(text).Language.Should().Be(DetectedLanguage.Vietnamese);
    }

    [Test]
    public void Detect_UnknownSpanWithVietnameseDiacritics_FlagsThem()
    {
        var detection = LanguageDetector.Default.Detect("Lakkha Singh cũng trình bày chhappan bhog bhajan");

        detection.HasDiacritics.Should().BeTrue("cũng, trình and bày carry Vietnamese diacritics, whatever the label");
    }

    [Test]
    public void Detect_UnknownSpanWithoutDiacritics_DoesNotFlagThem()
    {
        var detection = LanguageDetector.Default.Detect("Lakkha Singh chhappan bhog bhajan kirtan");

        detection.HasDiacritics.Should().BeFalse();
    }

    [TestCase("The minister said the line would open next year.\nIt has twelve stations.", DetectedLanguage.English)]
    [TestCase("Hà Nội khai trương tuyến metro mới.\nTuyến dài 12,5 km có 12 nhà ga.", DetectedLanguage.Vietnamese)]
    [TestCase("12 345 678\n---", DetectedLanguage.Unknown)] // nothing to go by
    [TestCase("", DetectedLanguage.Unknown)]
    public void Dominant_Text_IsTheLanguageOfMostOfIt(string text, DetectedLanguage expected)
    {
        LanguageDetector.Default.Dominant(text).Should().Be(expected);
        LanguageDetector.Default.Survey(text).Dominant.Should().Be(expected);
    }

    [TestCase("Hà Nội khai trương tuyến metro mới.\nTuyến dài 12,5 km có 12 nhà ga.\nThe line opens next year.", false)] // accented, an English line
    [TestCase("Hà Nội khai trương tuyến metro mới.\nThu tuong Chinh phu Pham Minh Chinh tiep Tong Thu ky\nTuyến dài 12,5 km.", true)] // one bare line
    [TestCase("The minister said the line would open next year.\nIt has twelve stations.", false)] // English
    [TestCase("", false)]
    public void Survey_Text_TellsWhetherALineIsVietnameseWithoutDiacritics(string text, bool bare)
    {
        LanguageDetector.Default.Survey(text).BareVietnamese.Should().Be(bare);
    }
}
