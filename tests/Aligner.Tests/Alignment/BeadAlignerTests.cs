using Aligner.Alignment;
using Aligner.Detection;
using Aligner.Preparation;
using Aligner.Scoring;
using Aligner.Tests.Support;
using FluentAssertions;

namespace Aligner.Tests.Alignment;

[TestFixture]
public sealed class BeadAlignerTests
{
    private static readonly BeadAligner Aligner = new(PairScorer.Default);

    [TestCase(0, 0)] // nothing on either side
    [TestCase(3, 0)] // English only: every sentence is 1-0
    [TestCase(0, 2)] // Vietnamese only: every sentence is 0-1
    public void Align_EmptySide_EverySentenceUnmatched(int english, int vietnamese)
    {
        var random = new Random(1);
        var en = Synthetic.Features(Enumerable.Range(0, english).Select(i => Synthetic.Sentence(random, i)));
        var vi = Synthetic.Features(Enumerable.Range(0, vietnamese).Select(i => Synthetic.Sentence(random, i)));

        var beads = Aligner.Align(en, vi);

        beads.Should().HaveCount(english + vietnamese);
        beads.Select(b => b.Kind).Should().Equal(
            Enumerable.Repeat(BeadKind.OneToZero, english).Concat(Enumerable.Repeat(BeadKind.ZeroToOne, vietnamese)));
        CheckBeads(beads, english, vietnamese);
    }

    [TestCase(1, 11)] // a single pair
    [TestCase(7, 12)] // a short document
    [TestCase(150, 13)] // longer than the first band
    public void Align_SameLengthsOnBothSides_AllOneToOne(int count, int seed)
    {
        var random = new Random(seed);
        var english = Enumerable.Range(0, count).Select(_ => Synthetic.Sentence(random, null, 2, 40)).ToList();
        var vietnamese = english.Select(s => Synthetic.SameShape(random, s)).ToList();

        var beads = Aligner.Align(Synthetic.Features(english), Synthetic.Features(vietnamese));

        beads.Should().HaveCount(count);
        beads.Select(b => (b.Kind, b.EnglishStart, b.VietnameseStart))
            .Should().Equal(Enumerable.Range(0, count).Select(i => (BeadKind.OneToOne, i, i)));
        CheckBeads(beads, count, count);
    }

    [Test]
    public void Align_RandomSequences_BeadsMonotoneCompleteAndScoresInUnitInterval()
    {
        var random = new Random(314159);
        var narrow = new BeadAligner(PairScorer.Default, AlignmentOptions.Default with { InitialBand = 2 });
        for (var round = 0; round < 200; round++)
        {
            var n = random.Next(0, 60);
            var m = random.Next(0, 60);
            var en = Synthetic.Features(Enumerable.Range(0, n).Select(_ => Synthetic.Sentence(random, random.Next(3) == 0 ? random.Next(30) : null, 0, 40)));
            var vi = Synthetic.Features(Enumerable.Range(0, m).Select(_ => Synthetic.Sentence(random, random.Next(3) == 0 ? random.Next(30) : null, 0, 40)));

            CheckBeads(Aligner.Align(en, vi), n, m);
            CheckBeads(narrow.Align(en, vi), n, m);
        }
    }

    [TestCase(30, 12, 5, 40)] // a short insertion in the middle
    [TestCase(30, 0, 4, 40)] // at the start
    [TestCase(30, 30, 6, 40)] // at the end
    [TestCase(40, 20, 60, 2)] // a block longer than the document, with the narrowest first band: the band must widen
    public void Align_UnrelatedBlockInsertedInVietnamese_BecomesZeroToOneBeads(int count, int at, int inserted, int band)
    {
        var random = new Random(count + at + inserted);
        var english = Enumerable.Range(0, count).Select(i => Synthetic.Sentence(random, 1000 + i)).ToList();
        var vietnamese = english.Select(s => Synthetic.SameShape(random, s)).ToList();
        vietnamese.InsertRange(at, Enumerable.Range(0, inserted).Select(i => Synthetic.Sentence(random, 5000 + i)));
        var aligner = new BeadAligner(PairScorer.Default, AlignmentOptions.Default with { InitialBand = band });

        var beads = aligner.Align(Synthetic.Features(english), Synthetic.Features(vietnamese), out var searches);

        CheckBeads(beads, count, count + inserted);
        if (inserted > band)
        {
            searches.Should().BeGreaterThan(1, "the translations beyond the block lie outside the first band");
        }

        var expected = Enumerable.Range(0, at).Select(i => (BeadKind.OneToOne, i, i))
            .Concat(Enumerable.Range(at, inserted).Select(j => (BeadKind.ZeroToOne, at, j)))
            .Concat(Enumerable.Range(at, count - at).Select(i => (BeadKind.OneToOne, i, i + inserted)));
        beads.Select(b => (b.Kind, b.EnglishStart, b.VietnameseStart)).Should().Equal(expected);
    }

    [TestCase(300, 2)]
    [TestCase(400, 40)]
    public void Align_UnrelatedTexts_OneSearchWithoutWideningTheBand(int count, int band)
    {
        var random = new Random(count + band);
        var english = Synthetic.Features(Enumerable.Range(0, count).Select(i => Synthetic.Sentence(random, 1000 + i)));
        var vietnamese = Synthetic.Features(Enumerable.Range(0, count + (count / 3)).Select(i => Synthetic.Sentence(random, 50_000 + i)));
        // The parallel-stretch rule applies to long texts only; these are short, so the test lowers the size it starts at.
        var aligner = new BeadAligner(PairScorer.Default, AlignmentOptions.Default with { InitialBand = band }) { AlwaysWidenCells = 0 };

        var beads = aligner.Align(english, vietnamese, out var searches);

        CheckBeads(beads, count, count + (count / 3));
        beads.Should().OnlyContain(b => b.Kind == BeadKind.OneToZero || b.Kind == BeadKind.ZeroToOne);
        searches.Should().Be(1, "text without translations nearby gives the band no reason to grow");
    }

    [Test]
    public void Align_ShortUnrelatedTexts_WidenAsBeforeTheParallelStretchRule()
    {
        var random = new Random(7);
        var english = Synthetic.Features(Enumerable.Range(0, 300).Select(i => Synthetic.Sentence(random, 1000 + i)));
        var vietnamese = Synthetic.Features(Enumerable.Range(0, 400).Select(i => Synthetic.Sentence(random, 50_000 + i)));
        var aligner = new BeadAligner(PairScorer.Default, AlignmentOptions.Default with { InitialBand = 2 });

        aligner.Align(english, vietnamese, out var searches);

        searches.Should().BeGreaterThan(1, "a search of fewer cells than AlwaysWidenCells widens whenever it meets the edge");
    }

    [TestCase(1)]
    [TestCase(2)]
    [TestCase(3)]
    public void Align_GuidedByOneToOneBeads_SameBeadsAsTheFullSearch(int seed)
    {
        // Deletions, insertions, a long one-sided block far off the diagonal, and sentences split in two: the guided search
        // (lowered to start on these short texts) must find the beads of the full search.
        var random = new Random(seed);
        var english = new List<string>();
        var vietnamese = new List<string>();
        for (var i = 0; i < 400; i++)
        {
            var sentence = Synthetic.Sentence(random, random.Next(4) == 0 ? 1000 + i : null);
            var draw = random.Next(100);
            if (i == 150)
            {
                vietnamese.AddRange(Enumerable.Range(0, 70).Select(k => Synthetic.Sentence(random, 9000 + k)));
            }

            if (draw < 4)
            {
                english.Add(sentence);
            }
            else if (draw < 8)
            {
                vietnamese.Add(Synthetic.Sentence(random, 5000 + i));
            }
            else if (draw < 14)
            {
                var second = Synthetic.Sentence(random, null, 4, 12);
                english.Add(sentence[..^1] + ", " + second[..^1] + ".");
                vietnamese.Add(Synthetic.SameShape(random, sentence));
                vietnamese.Add(Synthetic.SameShape(random, second));
            }
            else
            {
                english.Add(sentence);
                vietnamese.Add(Synthetic.SameShape(random, sentence));
            }
        }

        var (en, vi) = (Synthetic.Features(english), Synthetic.Features(vietnamese));
        var full = new BeadAligner(PairScorer.Default) { GuidedCells = long.MaxValue };
        var guided = new BeadAligner(PairScorer.Default) { GuidedCells = 0 };

        var expected = full.Align(en, vi);
        var beads = guided.Align(en, vi, out var searches);

        CheckBeads(beads, english.Count, vietnamese.Count);
        beads.Should().Equal(expected);
        searches.Should().BeGreaterThan(1, "the 1-1 beads place the path before every bead is searched");
    }

    [Test]
    public void Align_GuidedUnrelatedTexts_EverySentenceInOneBead()
    {
        var random = new Random(5);
        var english = Synthetic.Features(Enumerable.Range(0, 500).Select(i => Synthetic.Sentence(random, 1000 + i)));
        var vietnamese = Synthetic.Features(Enumerable.Range(0, 650).Select(i => Synthetic.Sentence(random, 50_000 + i)));
        var guided = new BeadAligner(PairScorer.Default) { GuidedCells = 0 };

        var beads = guided.Align(english, vietnamese);

        CheckBeads(beads, 500, 650);
        beads.Should().OnlyContain(b => b.Kind == BeadKind.OneToZero || b.Kind == BeadKind.ZeroToOne);
    }

    [TestCase(30, 12, 5)] // a short insertion in the middle
    [TestCase(30, 0, 8)] // at the start
    [TestCase(20, 20, 25)] // a long block at the end, like a page's related-news list
    public void Align_UnrelatedBlockInsertedInEnglish_BecomesOneToZeroBeads(int count, int at, int inserted)
    {
        var random = new Random(count * at + inserted);
        var vietnamese = Enumerable.Range(0, count).Select(i => Synthetic.Sentence(random, 1000 + i)).ToList();
        var english = vietnamese.Select(s => Synthetic.SameShape(random, s)).ToList();
        english.InsertRange(at, Enumerable.Range(0, inserted).Select(i => Synthetic.Sentence(random, 5000 + i)));

        var beads = Aligner.Align(Synthetic.Features(english), Synthetic.Features(vietnamese));

        CheckBeads(beads, count + inserted, count);
        beads.Where(b => b.Kind == BeadKind.OneToZero).Select(b => b.EnglishStart)
            .Should().Equal(Enumerable.Range(at, inserted));
        beads.Where(b => b.Kind != BeadKind.OneToZero).Should().OnlyContain(b => b.Kind == BeadKind.OneToOne);
        beads.Where(b => b.Kind == BeadKind.OneToOne).Should().OnlyContain(b => b.Score > 0.5);
    }

    [Test]
    public void Align_SentenceSplitInTranslation_BecomesOneToTwoBead()
    {
        // The fourth English sentence is translated by two Vietnamese sentences that share its numbers.
        var random = new Random(3);
        var english = Enumerable.Range(0, 8).Select(i => Synthetic.Sentence(random, 100 + i, 8, 20)).ToList();
        english[3] = RandomText.Words(random, 12) + " 77 " + RandomText.Words(random, 12) + " 88.";
        var vietnamese = english.Select(s => Synthetic.SameShape(random, s)).ToList();
        var split = vietnamese[3].Split(" 77 ");
        vietnamese[3] = split[0] + " 77.";
        vietnamese.Insert(4, split[1]);

        var beads = Aligner.Align(Synthetic.Features(english), Synthetic.Features(vietnamese));

        CheckBeads(beads, 8, 9);
        beads.Should().ContainSingle(b => b.Kind != BeadKind.OneToOne)
            .Which.Should().Match<Bead>(b => b.Kind == BeadKind.OneToTwo && b.EnglishStart == 3 && b.VietnameseStart == 3);
    }

    [Test]
    public void Align_CancelledToken_ThrowsOperationCanceledException()
    {
        var random = new Random(5);
        var en = Synthetic.Features(Enumerable.Range(0, 50).Select(i => Synthetic.Sentence(random, i)));
        var vi = Synthetic.Features(Enumerable.Range(0, 50).Select(i => Synthetic.Sentence(random, i)));
        using var cancellation = new CancellationTokenSource();
        cancellation.Cancel();

        var act = () => Aligner.Align(en, vi, cancellation.Token);

        act.Should().Throw<OperationCanceledException>();
    }

    [Test]
    public void Align_NullSide_ThrowsArgumentNullException()
    {
        var en = () => Aligner.Align(null!, []);
        var vi = () => Aligner.Align([], null!);

        en.Should().Throw<ArgumentNullException>();
        vi.Should().Throw<ArgumentNullException>();
    }

    [Test]
    public void Constructor_NullScorer_ThrowsArgumentNullException()
    {
        var act = () => new BeadAligner(null!);

        act.Should().Throw<ArgumentNullException>();
    }

    [Test]
    public void Constructor_InvalidOptions_ThrowsArgumentOutOfRangeException()
    {
        var act = () => new BeadAligner(PairScorer.Default, AlignmentOptions.Default with { InitialBand = 1 });

        act.Should().Throw<ArgumentOutOfRangeException>();
    }

    /// <summary>Beads are in order, cover every sentence of both sides exactly once, and have scores in [0, 1].</summary>
    internal static void CheckBeads(IReadOnlyList<Bead> beads, int english, int vietnamese)
    {
        var i = 0;
        var j = 0;
        foreach (var bead in beads)
        {
            bead.EnglishStart.Should().Be(i, "beads are monotone and leave no English sentence out");
            bead.VietnameseStart.Should().Be(j, "beads are monotone and leave no Vietnamese sentence out");
            (bead.EnglishCount + bead.VietnameseCount).Should().BePositive();
            bead.Score.Should().BeInRange(0, 1);
            i += bead.EnglishCount;
            j += bead.VietnameseCount;
        }

        i.Should().Be(english, "every English sentence is in a bead");
        j.Should().Be(vietnamese, "every Vietnamese sentence is in a bead");
    }

    [Test]
    public void Align_FurnitureAndOtherLanguage_AreMaskedOutOfEveryPair()
    {
        // Exact translations, but "Share this article" is page furniture and the third English sentence is marked as
        // a paragraph in the other language: the aligner's mask keeps both out of every bead that pairs.
        var preparer = new DocumentPreparer(null, null, Lexicon.Default);
        var english = preparer.Prepare("The government will build a new school.\nShare this article\nThe children are playing in the park.", DetectedLanguage.English).Features.ToArray();
        var vietnamese = preparer.Prepare("Chính phủ sẽ xây một trường học mới.\nChia sẻ bài viết\nBọn trẻ đang chơi trong công viên.", DetectedLanguage.Vietnamese).Features;
        english[1].IsFurniture.Should().BeTrue();
        english[2] = new SentenceFeatures(english[2]) { IsOtherLanguage = true };

        var beads = new BeadAligner(PairScorer.Default, AlignmentOptions.Default).Align(english, vietnamese);

        var pairs = beads.Where(b => b.EnglishCount > 0 && b.VietnameseCount > 0).ToList();
        pairs.Should().ContainSingle().Which.Should().Match<Bead>(b => b.Kind == BeadKind.OneToOne && b.EnglishStart == 0 && b.VietnameseStart == 0);
        beads.Where(b => b.Kind == BeadKind.OneToZero).Should().HaveCount(2).And.OnlyContain(b => b.Score == 1, "a masked sentence has no partner to lose");
    }
}
