using Aligner.Detection;
using Aligner.Tests.Support;
using Aligner.Text;
using FluentAssertions;

namespace Aligner.Tests.Detection;

[TestFixture]
public sealed class LanguageDetectorTests
{
    private static readonly LanguageDetector Detector = LanguageDetector.Default;

    [TestCase("The government announced a new plan to cut taxes for small businesses next year.")] // news sentence
    [TestCase("Vietnam is committed to being a reliable partner of the international community.")] // seed 000
    [TestCase("RELATED NEWS")] // a capitalised heading
    [TestCase("Other news")] // two words
    [TestCase("She said she would come back tomorrow morning.")] // everyday English
    [TestCase("Prime Minister Pham Minh Chinh received United Nations Secretary-General Antonio Guterres in Hanoi.")] // seed 001 caption, full of Vietnamese names
    [TestCase("General Secretary and President Tô Lâm met Nguyễn Quốc Dũng, the ambassador, in New York on Sunday.")] // names written with their diacritics
    [TestCase("Residents of Thanh Hoa and Quang Binh were moved to safety before the storm, Nguyen Van Hung said.")] // places and a person
    public void Detect_English_IsEnglishWithHighConfidence(string text)
    {
        var detection = Detector.Detect(text);

        detection.Language.Should().Be(DetectedLanguage.English, detection.ToString());
        detection.HasDiacritics.Should().BeFalse();
        detection.Confidence.Should().BeGreaterThan(0.9, detection.ToString());
        detection.Range.Should().Be(new TextRange(0, text.Length));
        detection.IsMixed.Should().BeFalse();
    }

    [TestCase("Hôm nay trời đẹp quá, chúng ta đi chơi nhé.")] // everyday Vietnamese
    [TestCase("Tổng Bí thư, Chủ tịch nước Tô Lâm đã tới New York, bắt đầu chương trình tham dự Hội nghị Thượng đỉnh Tương lai.")] // seed 004
    [TestCase("TIN LIÊN QUAN")] // capitalised heading
    [TestCase("Đọc thêm")] // two syllables
    [TestCase("Người dân Thanh Hóa đổ xô ra cầu Hàm Rồng xem nước lũ")] // headline, new tone placement
    [TestCase("Chính phủ cam kết bảo đảm hoà bình và ổn định")] // old tone placement (hoà)
    [TestCase("Tổng Bí thư, Chủ tịch nước Tô Lâm\u00A0đã tới\u00A0New York")] // no-break spaces as in the seeds
    [TestCase("Vie\u0302\u0323t Nam tie\u0302\u0301p tu\u0323c pha\u0301t trie\u0302\u0309n")] // decomposed (NFD) diacritics
    public void Detect_VietnameseWithDiacritics_IsVietnameseWithDiacritics(string text)
    {
        var detection = Detector.Detect(text);

        detection.Language.Should().Be(DetectedLanguage.Vietnamese, detection.ToString());
        detection.HasDiacritics.Should().BeTrue(detection.ToString());
        detection.Confidence.Should().BeGreaterThan(0.8, detection.ToString());
    }

    [TestCase("Thu tuong Chinh phu Pham Minh Chinh tiep Tong Thu ky Lien Hop Quoc Antonio Guterres nhan chuyen tham Viet Nam")] // seed 001 caption
    [TestCase("Tong Bi thu, Chu tich nuoc khang dinh, Viet Nam da san sang buoc vao khoi diem lich su moi")] // seed 003 caption
    [TestCase("Hom nay troi dep qua, chung ta di choi nhe.")] // everyday Vietnamese typed without diacritics
    [TestCase("Nguoi dan Thanh Hoa do xo ra cau Ham Rong xem nuoc lu")] // headline without diacritics
    public void Detect_VietnameseWithoutDiacritics_IsVietnameseWithoutDiacritics(string text)
    {
        var detection = Detector.Detect(text);

        detection.Language.Should().Be(DetectedLanguage.Vietnamese, detection.ToString());
        detection.HasDiacritics.Should().BeFalse(detection.ToString());
        detection.Confidence.Should().BeGreaterThan(0.7, detection.ToString());
    }

    [TestCase("the two leaders", DetectedLanguage.English)] // short English excerpt
    [TestCase("State visit to Cuba", DetectedLanguage.English)] // short headline
    [TestCase("hợp tác kinh tế", DetectedLanguage.Vietnamese)] // short, with diacritics
    [TestCase("hop tac kinh te", DetectedLanguage.Vietnamese)] // the same, without diacritics
    [TestCase("mua lu do bao so 3", DetectedLanguage.Vietnamese)] // short caption without diacritics
    [TestCase("Phu nhan va doan dai bieu", DetectedLanguage.Vietnamese)] // short caption without diacritics
    [TestCase("DOC THEM", DetectedLanguage.Vietnamese)] // a heading without diacritics; "them" is also English, so confidence is about 0.7
    public void Detect_ShortCaption_IsRight(string text, DetectedLanguage expected)
    {
        Detector.Detect(text).Language.Should().Be(expected, Detector.Detect(text).ToString());
    }

    [TestCase("")] // empty
    [TestCase("   \t\u00A0 ")] // whitespace only
    [TestCase("\n\r\n")] // newlines only
    [TestCase("12345 678 90")] // digits only
    [TestCase("15:18, 2024/09/27")] // a date line from seed 000
    [TestCase("😀😀🎉🎉 👍")] // emoji
    [TestCase("我们今天去北京看看长城吧。")] // Chinese
    [TestCase("Привет, как дела? Сегодня хорошая погода в Москве.")] // Russian
    [TestCase("Bonjour, je m'appelle Marie et j'habite à Paris depuis trois ans.")] // French
    [TestCase("Le gouvernement a annoncé une nouvelle réforme des retraites hier soir.")] // French news
    [TestCase("Saya sedang belajar bahasa Indonesia di sekolah setiap hari.")] // Indonesian
    [TestCase("Pemerintah akan membangun jalan baru di kota ini tahun depan.")] // Indonesian news
    [TestCase("Magandang umaga po sa inyong lahat, kumain na ba kayo?")] // Tagalog
    [TestCase("Ang mga bata ay naglalaro sa parke tuwing hapon.")] // Tagalog
    [TestCase("Der Hund läuft schnell über die Straße.")] // German
    [TestCase("El presidente habló con los periodistas ayer por la tarde.")] // Spanish
    public void Detect_NeitherLanguage_IsUnknownOrLowConfidence(string text)
    {
        var detection = Detector.Detect(text);

        (detection.Language == DetectedLanguage.Unknown || detection.Confidence < 0.5).Should().BeTrue(detection.ToString());
    }

    [Test]
    public void Detect_Empty_IsUnknownWithEmptyRange()
    {
        var detection = Detector.Detect("");

        detection.Language.Should().Be(DetectedLanguage.Unknown);
        detection.Range.Should().Be(new TextRange(0, 0));
        detection.Parts.Should().BeEmpty();
    }

    [Test]
    public void Detect_NullString_Throws()
    {
        var act = () => Detector.Detect((string)null!);

        act.Should().Throw<ArgumentNullException>();
    }

    [Test]
    public void Detect_RangeOutsideText_Throws()
    {
        var act = () => Detector.Detect("short", new TextRange(2, 9));

        act.Should().Throw<ArgumentOutOfRangeException>();
    }

    [Test]
    public void Detect_Range_ScoresOnlyThatSlice()
    {
        const string text = "Hôm nay trời đẹp quá. The weather is lovely today.";
        var english = new TextRange(text.IndexOf("The", StringComparison.Ordinal), text.Length);

        var detection = Detector.Detect(text, english);

        detection.Language.Should().Be(DetectedLanguage.English);
        detection.Range.Should().Be(english);
    }

    [Test]
    public void DetectMixed_VietnameseThenEnglishCaption_IsMixedWithBothParts()
    {
        const string vietnamese = "Thu tuong Chinh phu Pham Minh Chinh tiep Tong Thu ky Lien Hop Quoc Antonio Guterres nhan chuyen tham Viet Nam.";
        const string english = "Prime Minister Pham Minh Chinh received United Nations Secretary-General Antonio Guterres during his visit to Vietnam.";
        const string text = vietnamese + " " + english;

        var detection = Detector.DetectMixed(text, new TextRange(0, text.Length));

        detection.IsMixed.Should().BeTrue(detection.ToString());
        detection.Parts.Select(p => p.Language).Should().Equal(DetectedLanguage.Vietnamese, DetectedLanguage.English);
        detection.Parts[0].HasDiacritics.Should().BeFalse();
        detection.Parts[0].Range.Substring(text).Should().Be(vietnamese);
        detection.Parts[1].Range.Substring(text).Should().Be(english);
        detection.Range.Should().Be(new TextRange(0, text.Length));
    }

    [Test]
    public void DetectParagraphs_ParagraphOfTwoLines_ReportsMixedParts()
    {
        const string text = "Tổng Bí thư, Chủ tịch nước Tô Lâm đã tới New York để dự Hội nghị Thượng đỉnh Tương lai.\n"
            + "General Secretary and President To Lam arrived in New York to attend the Summit of the Future.\n\n"
            + "The visit reinforces the bonds between the two countries.\n";

        var detections = Detector.DetectParagraphs(text);

        detections.Should().HaveCount(2);
        detections[0].IsMixed.Should().BeTrue(detections[0].ToString());
        detections[0].Parts.Select(p => (p.Language, p.HasDiacritics)).Should().Equal((DetectedLanguage.Vietnamese, true), (DetectedLanguage.English, false));
        detections[1].Language.Should().Be(DetectedLanguage.English);
        detections[1].IsMixed.Should().BeFalse();
    }

    [Test]
    public void DetectParagraphs_EnglishWithOneVietnameseName_IsNotMixed()
    {
        const string text = "The Ministry of Foreign Affairs announced the visit on Thursday. Spokesperson Phạm Thu Hằng said the two countries would sign agreements.";

        var detection = Detector.DetectParagraphs(text).Should().ContainSingle().Subject;

        detection.Language.Should().Be(DetectedLanguage.English);
        detection.IsMixed.Should().BeFalse(detection.ToString());
    }

    [Test]
    public void DetectLines_OneDetectionPerNonBlankLine()
    {
        const string text = "Đọc thêm\r\nOther news\r\n\r\n  \r\n15:18, 2024/09/27\r\n";

        var detections = Detector.DetectLines(text);

        detections.Select(d => d.Range.Substring(text)).Should().Equal("Đọc thêm", "Other news", "15:18, 2024/09/27");
        detections.Select(d => d.Language).Should().Equal(DetectedLanguage.Vietnamese, DetectedLanguage.English, DetectedLanguage.Unknown);
        detections.Select(d => d.LanguageCode).Should().Equal("vi", "en", "unknown");
    }

    [Test]
    public void DetectParagraphs_BlocksBetweenBlankLines()
    {
        const string text = "a first line\nand its second\n\n\nanother block\n";

        var detections = Detector.DetectParagraphs(text);

        detections.Select(d => d.Range.Substring(text)).Should().Equal("a first line\nand its second", "another block");
    }

    [TestCase("")] // empty
    [TestCase("\n \n\t\n")] // blank lines only
    public void DetectLinesAndParagraphs_NoText_Empty(string text)
    {
        Detector.DetectLines(text).Should().BeEmpty();
        Detector.DetectParagraphs(text).Should().BeEmpty();
    }

    [Test]
    public void DetectParagraphs_Cancelled_Throws()
    {
        using var cancellation = new CancellationTokenSource();
        cancellation.Cancel();

        var act = () => Detector.DetectParagraphs("Some text.\n\nMore text.", cancellation.Token);

        act.Should().Throw<OperationCanceledException>();
    }

    [Test]
    public void DetectAll_RandomStrings_RangesInOrderAndConfidenceInRange()
    {
        var random = new Random(3);
        for (var round = 0; round < 2000; round++)
        {
            var text = RandomText.Next(random, 40);
            foreach (var unit in new[] { DetectionUnit.Line, DetectionUnit.Paragraph })
            {
                var previousEnd = 0;
                foreach (var detection in Detector.DetectAll(text, unit))
                {
                    detection.Range.Start.Should().BeGreaterThanOrEqualTo(previousEnd, text);
                    detection.Range.End.Should().BeGreaterThan(detection.Range.Start).And.BeLessThanOrEqualTo(text.Length);
                    detection.Confidence.Should().BeInRange(0, 1, text);
                    foreach (var part in detection.Parts)
                    {
                        part.Range.Start.Should().BeGreaterThanOrEqualTo(detection.Range.Start, text);
                        part.Range.End.Should().BeLessThanOrEqualTo(detection.Range.End, text);
                    }

                    previousEnd = detection.Range.End;
                }
            }
        }
    }

    [Test]
    public void Create_BadOptions_Throws()
    {
        var act = () => LanguageDetector.Create(LanguageModel.Default, new LanguageDetectorOptions { MinimumConfidence = 1.5 });

        act.Should().Throw<ArgumentOutOfRangeException>();
    }

    [Test]
    public void Create_WithoutMixedParts_NeverMixed()
    {
        var detector = LanguageDetector.Create(LanguageModel.Default, LanguageDetectorOptions.Default with { FindMixedParts = false });
        const string text = "Hôm nay trời đẹp quá, chúng ta đi chơi nhé. The weather is lovely today, let's go for a walk.";

        detector.DetectParagraphs(text).Should().ContainSingle().Which.IsMixed.Should().BeFalse();
    }

    // Every line of the seeds, labelled by reading them: e English, v Vietnamese with diacritics, u Vietnamese without,
    // n unknown (dates, a lone "|", a domain name), ? a byline of names only (no language to read).
    [TestCase(Seeds.EnglishReport, "eee?eeeeeeeeeeeeeeeeeeeneeneeneeneeneenee")]
    [TestCase(Seeds.MixedPage, "e?eeeeeeeeeueeeeeeee?v?vv?vv?vvvvvv?vvvv?ve?ee?ee?e")]
    [TestCase(Seeds.RelatedEnglishReport, "eeeeeeeeeeeeeeeeeeeeeeeee")]
    [TestCase(Seeds.MixedPageWithCaptions, "e?eeeeeueee?vv?vvnvv?vv?vv?vv?vv?vvvve?eenee?e")]
    [TestCase(Seeds.VietnameseReport, "vvvvvvvvvvvvvvvvvnvvvvvvvvvvvvvvvvvvv")]
    public void DetectLines_SeedLines_LabelledAsAReaderWould(string seed, string expected)
    {
        var text = Seeds.Read(seed);

        var detections = Detector.DetectLines(text);

        detections.Should().HaveCount(expected.Length);
        for (var i = 0; i < expected.Length; i++)
        {
            var d = detections[i];
            var line = d.Range.Substring(text);
            var actual = d.Language switch
            {
                DetectedLanguage.English => 'e',
                DetectedLanguage.Vietnamese => d.HasDiacritics ? 'v' : 'u',
                _ => 'n',
            };
            if (expected[i] != '?')
            {
                actual.Should().Be(expected[i], $"line {i} \"{line}\" ({d})");
            }
        }
    }
}
