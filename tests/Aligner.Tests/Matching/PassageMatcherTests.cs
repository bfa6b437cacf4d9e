using Aligner.Input;
using Aligner.Matching;
using FluentAssertions;

namespace Aligner.Tests.Matching;

[TestFixture]
public sealed class PassageMatcherTests
{
    // Two short stories, each in English and in Vietnamese, sentence by sentence.
    private static readonly string[] FloodEnglish =
    [
        "Heavy rain caused floods in Thanh Hoa province on Monday, killing 12 people.",
        "More than 3,000 houses were flooded and 500 hectares of rice were destroyed.",
        "The provincial government sent 200 soldiers to help evacuate residents.",
        "The national weather agency warned that the rain would continue until Friday.",
    ];

    private static readonly string[] FloodVietnamese =
    [
        "Mưa lớn gây lũ lụt tại tỉnh Thanh Hóa hôm thứ Hai, làm 12 người chết.",
        "Hơn 3.000 ngôi nhà bị ngập và 500 héc-ta lúa bị phá hủy.",
        "Chính quyền tỉnh đã điều 200 binh sĩ giúp sơ tán người dân.",
        "Cơ quan khí tượng quốc gia cảnh báo mưa sẽ tiếp tục đến thứ Sáu.",
    ];

    private static readonly string[] TradeEnglish =
    [
        "Vietnam's exports to the United States rose 22% in the first eight months of 2024.",
        "Bilateral trade reached nearly 88 billion US dollars, the Ministry of Industry and Trade said.",
        "Electronics, textiles and wooden furniture were the main export products.",
    ];

    private static readonly string[] TradeVietnamese =
    [
        "Xuất khẩu của Việt Nam sang Hoa Kỳ tăng 22% trong tám tháng đầu năm 2024.",
        "Kim ngạch thương mại song phương đạt gần 88 tỷ USD, Bộ Công Thương cho biết.",
        "Điện tử, dệt may và đồ gỗ là các mặt hàng xuất khẩu chính.",
    ];

    private static readonly string[] UnrelatedEnglish =
    [
        "The city library will open a new reading room for children next spring.",
        "Volunteers planted 1,500 trees along the river bank in Hue last weekend.",
    ];

    [Test]
    public void Match_TranslationInAnotherFile_FindsEveryPairAndNothingInTheUnrelatedFile()
    {
        var english = File("en.txt", FloodEnglish);
        var vietnamese = File("vi.txt", FloodVietnamese);
        var unrelated = File("other.txt", UnrelatedEnglish);

        var passages = PassageMatcher.Default.Match([english, unrelated, vietnamese]);

        passages.Should().ContainSingle();
        var passage = passages[0];
        passage.Id.Should().Be(1);
        passage.English.Should().BeSameAs(english);
        passage.Vietnamese.Should().BeSameAs(vietnamese);
        Texts(passage).Should().Equal(FloodEnglish.Zip(FloodVietnamese));
    }

    [Test]
    public void Match_PassagesInADifferentOrder_FindsBoth()
    {
        var english = File("en.txt", [.. FloodEnglish, .. TradeEnglish]);
        var vietnamese = File("vi.txt", [.. TradeVietnamese, .. FloodVietnamese]);

        var passages = PassageMatcher.Default.Match([english, vietnamese]);

        passages.Should().HaveCount(2);
        passages.SelectMany(Texts).Should().BeEquivalentTo(FloodEnglish.Zip(FloodVietnamese).Concat(TradeEnglish.Zip(TradeVietnamese)));
    }

    [Test]
    public void Match_BilingualFile_PairsItsTwoLanguages()
    {
        var page = File("page.txt", [.. TradeVietnamese, .. UnrelatedEnglish, .. TradeEnglish]);

        var passages = PassageMatcher.Default.Match([page]);

        passages.Should().ContainSingle();
        passages[0].English.Should().BeSameAs(page);
        passages[0].Vietnamese.Should().BeSameAs(page);
        Texts(passages[0]).Should().Equal(TradeEnglish.Zip(TradeVietnamese));
    }

    [Test]
    public void Match_NothingTranslated_FindsNothing()
    {
        var passages = PassageMatcher.Default.Match([File("a.txt", FloodEnglish), File("b.txt", TradeVietnamese), File("c.txt", UnrelatedEnglish)]);

        passages.Should().BeEmpty();
    }

    [Test]
    public void Match_NoFilesOrEmptyFiles_FindsNothing()
    {
        PassageMatcher.Default.Match([]).Should().BeEmpty();
        PassageMatcher.Default.Match([new SourceText("", "empty.txt"), new SourceText("\n\n  \n", "blank.txt")]).Should().BeEmpty();
    }

    [Test]
    public void Match_ReportsEveryStage()
    {
        var stages = new List<MatchProgress>();
        var progress = new Collector(stages);

        PassageMatcher.Default.Match([File("en.txt", FloodEnglish), File("vi.txt", FloodVietnamese)], progress);

        lock (stages)
        {
            stages.Select(s => s.Stage).Distinct().Should().BeEquivalentTo("reading", "searching", "aligning");
            stages.Where(s => s.Stage == "reading").Max(s => s.Done).Should().Be(2);
            stages.Should().OnlyContain(s => s.Done <= s.Total);
        }
    }

    [Test]
    public void Match_Cancelled_Throws()
    {
        using var cancellation = new CancellationTokenSource();
        cancellation.Cancel();

        var match = () => PassageMatcher.Default.Match([File("en.txt", FloodEnglish), File("vi.txt", FloodVietnamese)], cancellationToken: cancellation.Token);

        match.Should().Throw<OperationCanceledException>();
    }

    [Test]
    public void Create_InvalidOptions_Throws()
    {
        var noCandidates = () => new PassageMatcher(options: MatchOptions.Default with { CandidatesPerSentence = 0 });
        var badProbability = () => new PassageMatcher(options: MatchOptions.Default with { MinimumEndProbability = 1.5 });

        noCandidates.Should().Throw<ArgumentOutOfRangeException>();
        badProbability.Should().Throw<ArgumentOutOfRangeException>();
    }

    [Test]
    public void Match_NullFile_Throws()
    {
        var match = () => PassageMatcher.Default.Match([null!]);

        match.Should().Throw<ArgumentNullException>();
    }

    [Test]
    public void Match_OneSentenceAloneLinksTwoFiles_AtMostEvenOdds()
    {
        // Reports of two events can share one formulaic sentence and nothing else: one link alone does not show that
        // the two tell one event.
        var english = File("en.txt", [FloodEnglish[0], .. UnrelatedEnglish]);
        var vietnamese = File("vi.txt", [FloodVietnamese[0], TradeVietnamese[2]]);

        var pairs = PassageMatcher.Default.Match([english, vietnamese]).SelectMany(p => p.Pairs).ToList();

        pairs.Should().ContainSingle();
        pairs[0].Score.Should().BeGreaterThan(0.25).And.BeLessThanOrEqualTo(0.5);
    }

    [Test]
    public void Match_TwoReportsLinkedByMoreThanOnePair_KeepTheirProbabilities()
    {
        var passages = PassageMatcher.Default.Match([File("en.txt", TradeEnglish), File("vi.txt", TradeVietnamese)]);

        passages.SelectMany(p => p.Pairs).Should().HaveCountGreaterThan(1).And.Contain(p => p.Score > 0.5);
    }

    [Test]
    public void Match_ReportsRetellOneEventInAnotherOrder_RetoldStatementsLinkedAndNotWithAnotherEvent()
    {
        // Two outlets report one storm in their own words and order; a third file reports a state visit. With seeds
        // out of reach (no translation passage can start), only the links between reports of one event remain.
        string[] english =
        [
            "Storm Noru made landfall in central Vietnam early on Wednesday, with winds of up to 117 km per hour.",
            "Danang authorities said the storm toppled 400 trees and tore the roofs off 200 houses.",
            "More than 800,000 people had been evacuated from coastal areas of Quang Nam before the storm arrived.",
        ];
        string[] vietnamese =
        [
            "Trước khi bão vào, hơn 800.000 người dân ven biển Quảng Nam đã được sơ tán đến nơi an toàn.",
            "Theo chính quyền Đà Nẵng, 400 cây xanh bị quật ngã và 200 ngôi nhà bị tốc mái sau khi bão đi qua.",
            "Rạng sáng thứ Tư, bão Noru đổ bộ vào miền Trung với sức gió mạnh nhất 117 km/h.",
        ];
        string[] otherEvent =
        [
            "Sáng 20/6, Tổng thống Nga Vladimir Putin đã tới Hà Nội, bắt đầu chuyến thăm cấp Nhà nước tới Việt Nam.",
            "Đón Tổng thống Putin tại sân bay Nội Bài có Phó Thủ tướng Trần Hồng Hà.",
        ];
        var matcher = new PassageMatcher(options: MatchOptions.Default with { MinimumSeedScore = 1000 });

        var passages = matcher.Match([File("storm-en.txt", english), File("storm-vi.txt", vietnamese), File("visit-vi.txt", otherEvent)]);

        passages.Should().OnlyContain(p => p.Vietnamese.Name == "storm-vi.txt");
        var texts = passages.SelectMany(Texts).ToList();
        texts.Should().Contain((english[0], vietnamese[2])).And.Contain((english[1], vietnamese[1])).And.Contain((english[2], vietnamese[0]));
        passages.SelectMany(p => p.Pairs).Should().OnlyContain(p => p.Score >= 0.5);
    }

    private static SourceText File(string name, string[] sentences) => new(string.Join("\n\n", sentences) + "\n", name);

    private static IEnumerable<(string, string)> Texts(MatchedPassage passage) =>
        passage.Pairs.Select(p => (p.English.Substring(passage.English.Text), p.Vietnamese.Substring(passage.Vietnamese.Text)));

    private sealed class Collector(List<MatchProgress> stages) : IProgress<MatchProgress>
    {
        public void Report(MatchProgress value)
        {
            lock (stages)
            {
                stages.Add(value);
            }
        }
    }
}
