using Aligner.Normalization;
using Aligner.Segmentation;
using Aligner.Tests.Support;
using Aligner.Text;
using FluentAssertions;

namespace Aligner.Tests.Segmentation;

[TestFixture]
public sealed class SentenceSplitterTests
{
    // Abbreviations and initials.
    [TestCase("He landed at J.F. Kennedy International Airport. He left.",
        "He landed at J.F. Kennedy International Airport.", "He left.")] // run-together initials do not end a sentence
    [TestCase("Các đại biểu tại Sân bay quốc tế J.F Kennedy có Đại sứ.",
        "Các đại biểu tại Sân bay quốc tế J.F Kennedy có Đại sứ.")] // "J.F" without its last dot, as in seed 004
    [TestCase("Sân bay J. F. Kennedy. Ông đến.", "Sân bay J. F. Kennedy.", "Ông đến.")] // spaced initials
    [TestCase("George W. Bush spoke. He left.", "George W. Bush spoke.", "He left.")] // a middle initial
    [TestCase("Dr. A. Smith spoke. He left.", "Dr. A. Smith spoke.", "He left.")] // a title then an initial
    [TestCase("The U.S. President spoke. He left.", "The U.S. President spoke.", "He left.")] // "U.S." before a name
    [TestCase("Trade with the U.S. The talks began.", "Trade with the U.S.", "The talks began.")] // "U.S." ending a sentence
    [TestCase("He went to the U.S. In 2020 he returned.", "He went to the U.S.", "In 2020 he returned.")] // "U.S." then "In"
    [TestCase("Mr. Smith arrived. Mrs. Smith left.", "Mr. Smith arrived.", "Mrs. Smith left.")] // titles
    [TestCase("Ông ở TP. Hồ Chí Minh. Ông đi.", "Ông ở TP. Hồ Chí Minh.", "Ông đi.")] // Vietnamese "TP." (city)
    [TestCase("ThS. Nguyễn Văn A phát biểu. Sau đó ông rời đi.",
        "ThS. Nguyễn Văn A phát biểu.", "Sau đó ông rời đi.")] // Vietnamese "ThS." (master's degree)
    [TestCase("PGS. TS. Lê Văn B dự họp. Ông phát biểu.", "PGS. TS. Lê Văn B dự họp.", "Ông phát biểu.")] // stacked academic titles
    [TestCase("It was 5 p.m. The talks began.", "It was 5 p.m.", "The talks began.")] // "p.m." ending a sentence
    [TestCase("He works for Apple Inc. The company grew.", "He works for Apple Inc.", "The company grew.")] // a company suffix ending a sentence
    [TestCase("It is Hanoi Trading Co. The firm said so.", "It is Hanoi Trading Co.", "The firm said so.")] // "Co." ending a sentence
    [TestCase("He met Martin Luther King Jr. He spoke.", "He met Martin Luther King Jr.", "He spoke.")] // "Jr." ending a sentence
    [TestCase("He came with his spouse.The ceremony began.", "He came with his spouse.", "The ceremony began.")] // a page that lost the space after a stop
    [TestCase("Ông đến Tp.Hồ Chí Minh.", "Ông đến Tp.Hồ Chí Minh.")] // an abbreviation glued to a name stays whole
    [TestCase("See vietnamplus.vn for more.", "See vietnamplus.vn for more.")] // a domain name stays whole
    [TestCase("Visit www.example.Com today.", "Visit www.example.Com today.")] // a glued stop inside a longer token stays whole
    [TestCase("The file is report.PDF now.", "The file is report.PDF now.")] // a capital not followed by lower case stays whole
    [TestCase("Apple Inc. Chairman Tim Cook spoke.", "Apple Inc. Chairman Tim Cook spoke.")] // a company suffix inside a sentence
    // Numbers and dates.
    [TestCase("Ngày 22.10.2022 ông đến. Ông đi.", "Ngày 22.10.2022 ông đến.", "Ông đi.")] // a dotted date
    [TestCase("Sáng 21.9, Tổng Bí thư lên đường. Ông đi.", "Sáng 21.9, Tổng Bí thư lên đường.", "Ông đi.")] // day.month
    [TestCase("Tăng 1.5 lần. Giảm 2 lần.", "Tăng 1.5 lần.", "Giảm 2 lần.")] // a decimal point
    [TestCase("Giá 1.000.000 đồng. Tiếp theo.", "Giá 1.000.000 đồng.", "Tiếp theo.")] // thousands separators
    [TestCase("Trade rose to nearly US$88 billion. It fell.", "Trade rose to nearly US$88 billion.", "It fell.")] // a currency amount
    [TestCase("SpaceX plans to invest US$1.5 Billion in Vietnam", "SpaceX plans to invest US$1.5 Billion in Vietnam")] // a headline with a decimal
    [TestCase("Diễn ra từ ngày 21-27.9.2024. Ông đi.", "Diễn ra từ ngày 21-27.9.2024.", "Ông đi.")] // a date range ending a sentence
    [TestCase("Tăng 22%. 88 tỷ USD đã đạt.", "Tăng 22%.", "88 tỷ USD đã đạt.")] // a sentence may open with a digit
    [TestCase("Vào lúc 17h05 chiều 21/9 ông đến.", "Vào lúc 17h05 chiều 21/9 ông đến.")] // times and slashed dates
    // Quotes and brackets.
    [TestCase("\"Hello.\" She left.", "\"Hello.\"", "She left.")] // the closing quote stays with its sentence
    [TestCase("“Xin chào.” Bà ấy rời đi.", "“Xin chào.”", "Bà ấy rời đi.")] // curly quotes
    [TestCase("He said \"Go.\" Then he left.", "He said \"Go.\"", "Then he left.")] // a quote ending a sentence
    [TestCase("\"Hello!\" she said.", "\"Hello!\" she said.")] // lower case after the quote: same sentence
    [TestCase("He left. \"Why?\" she asked.", "He left.", "\"Why?\" she asked.")] // an opening quote starts a sentence
    [TestCase("Các đại biểu tại Sân bay quốc tế J.F Kennedy. (Ảnh: Lâm Khánh/TTXVN)",
        "Các đại biểu tại Sân bay quốc tế J.F Kennedy.", "(Ảnh: Lâm Khánh/TTXVN)")] // a caption's photo credit is its own sentence
    [TestCase("He arrived at the J.F. Kennedy International Airport, New York. Photo: Vietnam News Agency",
        "He arrived at the J.F. Kennedy International Airport, New York.", "Photo: Vietnam News Agency")] // an English photo credit
    [TestCase("Hello (world). Next one.", "Hello (world).", "Next one.")] // a bracket before the full stop
    [TestCase("(He left.) She stayed.", "(He left.)", "She stayed.")] // a bracketed sentence
    [TestCase("Biden reaffirmed support for a \"strong, independent\" Vietnam.",
        "Biden reaffirmed support for a \"strong, independent\" Vietnam.")] // quotes inside a sentence
    // Other terminators.
    [TestCase("Wait... What happened? Nothing!", "Wait...", "What happened?", "Nothing!")] // three dots, ? and !
    [TestCase("Wait… What happened?", "Wait…", "What happened?")] // the ellipsis character
    [TestCase("Cooperation is strengthened...", "Cooperation is strengthened...")] // a trailing ellipsis
    [TestCase("Họ đi... rồi về.", "Họ đi... rồi về.")] // an ellipsis before lower case does not end a sentence
    [TestCase("Hello!!! World?? Yes?!", "Hello!!!", "World??", "Yes?!")] // repeated terminators
    [TestCase("Is it? yes it is.", "Is it? yes it is.")] // lower case after "?" does not start a sentence
    [TestCase("phát triển ở khu vực và trên thế giới./.", "phát triển ở khu vực và trên thế giới./.")] // the Vietnamese end mark "./."
    [TestCase("vietnamplus.vn", "vietnamplus.vn")] // a domain name
    // Line ends and blank input.
    [TestCase("Line one.\r\nLine two.\r\n", "Line one.", "Line two.")] // CRLF
    [TestCase("Headline without punctuation\nBody one. Body two.",
        "Headline without punctuation", "Body one.", "Body two.")] // a headline on its own line
    [TestCase("One.\u00A0Two.", "One.", "Two.")] // a no-break space after the full stop
    [TestCase("")] // empty text
    [TestCase(" \r\n\t\n ")] // only whitespace
    public void Split_Text_ReturnsSentences(string text, params string[] expected)
    {
        SentenceSplitter.Split(text).Select(s => s.Range.Substring(text)).Should().Equal(expected);
    }

    [Test]
    public void Split_HeadlinesAndBylines_EachLineIsAParagraph()
    {
        const string text = "General Secretary and President To Lam arrives in the US for UNGA 79\n" +
                            "Huy Anh 18:38, 2024/09/22\n" +
                            "The trip is expected to tighten the bonds. It is the first.\n\n" +
                            "RELATED NEWS";

        var sentences = SentenceSplitter.Split(text);

        sentences.Select(s => (s.Range.Substring(text), s.Paragraph)).Should().Equal(
            ("General Secretary and President To Lam arrives in the US for UNGA 79", 0),
            ("Huy Anh 18:38, 2024/09/22", 1),
            ("The trip is expected to tighten the bonds.", 2),
            ("It is the first.", 2),
            ("RELATED NEWS", 3));
    }

    [Test]
    public void Split_EnglishSeed_KeepsTheArrivalSentenceWhole()
    {
        var text = Seeds.Read(Seeds.EnglishReport);

        var sentences = SentenceSplitter.Split(text).Select(s => s.Range.Substring(text)).ToList();

        sentences.Should().Contain("General Secretary of the Communist Party of Vietnam’s Central Committee and State President To Lam, " +
            "with his spouse and Vietnamese top-tier delegates, landed at New York’s J.F. Kennedy International Airport on September 21 " +
            "afternoon (local time).");
        sentences.Should().Contain("In January-August 2024, the Vietnam-US bilateral trade rose 22% on-year to nearly US$88 billion.");
        sentences.Should().Contain("Photo: Vietnam News Agency");
        sentences.Should().Contain("Cuba holds grand welcome ceremony for General Secretary and President To Lam");
    }

    [Test]
    public void Split_VietnameseSeed_SplitsCaptionCreditsAndKeepsDates()
    {
        var text = NormalizedText.Create(Seeds.Read(Seeds.VietnameseReport)).Text;

        var sentences = SentenceSplitter.Split(text).Select(s => s.Range.Substring(text)).ToList();

        sentences.Where(s => s == "(Ảnh: Lâm Khánh/TTXVN)").Should().HaveCount(2);
        sentences.Should().Contain(s => s.StartsWith("Vào lúc 17h05 chiều 21/9", StringComparison.Ordinal) && s.EndsWith("làm việc tại Hoa Kỳ.", StringComparison.Ordinal));
        sentences.Should().Contain("Trong 8 tháng đầu năm 2024, kim ngạch thương mại song phương đạt gần 88 tỷ USD, tăng 22%.");
    }

    [Test]
    public void Split_MixedSeed_KeepsDottedDatesInsideSentences()
    {
        var text = Seeds.Read(Seeds.MixedPage);

        var sentences = SentenceSplitter.Split(text).Select(s => s.Range.Substring(text)).ToList();

        sentences.Should().Contain(s => s.EndsWith("ngay 22.10.2022.", StringComparison.Ordinal));
        sentences.Should().Contain(s => s.StartsWith("Sáng 21.9, Tổng Bí thư", StringComparison.Ordinal));
        sentences.Should().Contain(s => s.EndsWith("diễn ra từ ngày 21-27.9.2024.", StringComparison.Ordinal));
    }

    [Test]
    public void SplitParagraph_NullOutput_ThrowsArgumentNullException()
    {
        var act = () => SentenceSplitter.SplitParagraph("a", new TextRange(0, 1), 0, null!);

        act.Should().Throw<ArgumentNullException>();
    }

    [Test]
    public void SplitParagraph_ParagraphInsideText_OnlyThatParagraphIsSplit()
    {
        const string text = "Skip me. Not this.\nTake this. And this.\nNor this.";
        var output = new List<Sentence>();

        SentenceSplitter.SplitParagraph(text, new TextRange(19, 39), 7, output);

        output.Select(s => (s.Range.Substring(text), s.Paragraph)).Should().Equal(("Take this.", 7), ("And this.", 7));
    }

    [Test]
    public void Split_RandomStrings_RangesInBoundsOrderedTrimmedNonEmptyAndComplete()
    {
        var random = new Random(1975);
        for (var round = 0; round < 3000; round++)
        {
            var raw = RandomText.Next(random, 60);
            foreach (var text in new[] { raw, NormalizedText.Create(raw).Text })
            {
                CheckInvariants(text);
            }
        }
    }

    [Test]
    public void Split_Seeds_RangesInBoundsOrderedTrimmedNonEmptyAndComplete()
    {
        foreach (var name in Seeds.All)
        {
            CheckInvariants(Seeds.Read(name));
            CheckInvariants(NormalizedText.Create(Seeds.Read(name)).Text);
        }
    }

    private static void CheckInvariants(string text)
    {
        var paragraphs = ParagraphSplitter.Split(text);
        var sentences = SentenceSplitter.Split(text);
        var previous = new Sentence(new TextRange(0, 0), 0);
        var covered = new bool[text.Length];
        foreach (var s in sentences)
        {
            var r = s.Range;
            r.Start.Should().BeGreaterThanOrEqualTo(previous.Range.End, "sentences are ordered and do not overlap in {0}", text);
            r.End.Should().BeGreaterThan(r.Start, "sentences are not empty in {0}", text).And.BeLessThanOrEqualTo(text.Length);
            s.Paragraph.Should().BeInRange(previous.Paragraph, paragraphs.Count - 1, text);
            var paragraph = paragraphs[s.Paragraph];
            r.Start.Should().BeGreaterThanOrEqualTo(paragraph.Start, text);
            r.End.Should().BeLessThanOrEqualTo(paragraph.End, text);
            Blank.IsBlank(text[r.Start]).Should().BeFalse("sentences are trimmed in {0}", text);
            Blank.IsBlank(text[r.End - 1]).Should().BeFalse("sentences are trimmed in {0}", text);
            Array.Fill(covered, true, r.Start, r.Length);
            previous = s;
        }

        // No text is lost: every character outside all sentences is blank.
        for (var k = 0; k < text.Length; k++)
        {
            if (!covered[k])
            {
                Blank.IsBlank(text[k]).Should().BeTrue($"character {k} of \"{text}\" is in no sentence");
            }
        }
    }

    [TestCase("Có thể đây là một cách để đọc một quyển sách điện tử Tôi không khuyến khích cách này.",
        "Có thể đây là một cách để đọc một quyển sách điện tử", "Tôi không khuyến khích cách này.")]
    [TestCase("Vaccine teaches immune system to recognise rogue cells The method involves taking blood.",
        "Vaccine teaches immune system to recognise rogue cells", "The method involves taking blood.")]
    public void Split_FunctionWordCapitalisedAfterLowerCaseWord_StartsASentence(string text, string first, string second) =>
        SentenceSplitter.Split(text).Select(s => s.Range.Substring(text)).Should().Equal(first, second);

    [TestCase("He read it in The Times yesterday.")] // a title: the next word is capitalised too
    [TestCase("Ông gặp Tổng Bí thư Tô Lâm hôm qua.")] // names are not function words
    [TestCase("and I think so.")] // "I" is always a capital
    [TestCase("We met Mr Smith The day after.")] // the word before is capitalised (a name)
    [TestCase("the end The")] // nothing after the opener
    public void Split_CapitalsThatDoNotStartSentences_StayTogether(string text) =>
        SentenceSplitter.Split(text).Should().ContainSingle();
}
