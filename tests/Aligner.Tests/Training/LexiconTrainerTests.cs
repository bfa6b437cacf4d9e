using Aligner.Alignment;
using Aligner.Input;
using Aligner.Scoring;
using Aligner.Tokenization;
using Aligner.Training;
using FluentAssertions;

namespace Aligner.Tests.Training;

[TestFixture]
public sealed class LexiconTrainerTests
{
    // Each word meets its translation in several pairs and other words in few: Model 1 must pull them together.
    private static readonly (string English, string Vietnamese)[] Corpus =
    [
        ("the cat sleeps", "con mèo ngủ"),
        ("the dog sleeps", "con chó ngủ"),
        ("the cat eats", "con mèo ăn"),
        ("the dog eats", "con chó ăn"),
        ("a cat runs", "một con mèo chạy"),
        ("a dog runs", "một con chó chạy"),
        ("the bird sings", "con chim hót"),
        ("a bird eats", "một con chim ăn"),
        ("cat", "mèo"),
        ("dog", "chó"),
    ];

    private static Lexicon lexicon = null!;

    [OneTimeSetUp]
    public void TrainOnce() => lexicon = LexiconTrainer.Train(Corpus, LexiconTrainingOptions.Default with { MinimumMass = 0 });

    [TestCase("cat", "mèo")]
    [TestCase("dog", "chó")]
    [TestCase("bird", "chim")]
    public void Train_SmallCorpus_BestTranslationIsTheRightSyllable(string english, string vietnamese)
    {
        var id = lexicon.EnglishId(LexicalTokenizer.EnglishWords(english)[0]);
        id.Should().BeGreaterThanOrEqualTo(0);

        var best = lexicon.TranslationsOfEnglish(id)[0];

        lexicon.VietnameseUnit(best.Target).Should().Be(vietnamese);
    }

    [Test]
    public void Train_SmallCorpus_ReverseDirectionToo()
    {
        var id = lexicon.VietnameseId("mèo");

        var targets = lexicon.TranslationsOfVietnamese(id).ToArray().Select(t => lexicon.EnglishWord(t.Target));

        targets.First().Should().Be(LexicalTokenizer.EnglishWords("cat")[0]);
    }

    [Test]
    public void Train_Translations_AreSortedAndProbabilities()
    {
        for (var e = 0; e < lexicon.EnglishCount; e++)
        {
            var list = lexicon.TranslationsOfEnglish(e).ToArray();
            list.Should().BeInDescendingOrder(t => t.Probability);
            list.Should().OnlyContain(t => t.Probability > 0 && t.Probability <= 1);
            list.Length.Should().BeLessThanOrEqualTo(LexiconTrainingOptions.Default.MaximumTranslations);
        }
    }

    [Test]
    public void Train_MinimumMass_DropsWordsItDoesNotKnowWell()
    {
        var strict = LexiconTrainer.Train(Corpus, LexiconTrainingOptions.Default with { MinimumMass = 1.01 });

        strict.EnglishCount.Should().Be(0, "no word can have translations adding up to more than 1");
    }

    [Test]
    public void Train_NoPairs_GivesAnEmptyLexicon()
    {
        var empty = LexiconTrainer.Train([]);

        empty.EnglishCount.Should().Be(0);
        empty.VietnameseCount.Should().Be(0);
    }

    [Test]
    public void SaveThenLoad_RoundTripsEveryEntry()
    {
        using var stream = new MemoryStream();
        lexicon.Save(stream);
        stream.Position = 0;

        var loaded = Lexicon.Load(stream);

        loaded.EnglishCount.Should().Be(lexicon.EnglishCount);
        loaded.VietnameseCount.Should().Be(lexicon.VietnameseCount);
        for (var e = 0; e < lexicon.EnglishCount; e++)
        {
            loaded.EnglishWord(e).Should().Be(lexicon.EnglishWord(e));
            var before = lexicon.TranslationsOfEnglish(e).ToArray();
            var after = loaded.TranslationsOfEnglish(e).ToArray();
            after.Select(t => t.Target).Should().Equal(before.Select(t => t.Target));
            after.Select(t => (double)t.Probability).Should().Equal(before.Select(t => (double)t.Probability), (a, b) => Math.Abs(a - b) <= 1.0 / 255, "probabilities are stored in 8 bits");
        }
    }

    [Test]
    public void Train_ChanceRates_FunctionWordsAboveContentWords()
    {
        lexicon.HasChanceRates.Should().BeTrue();

        // "con" is in nearly every Vietnamese line; "hót" in one.
        lexicon.VietnameseChance(lexicon.VietnameseId("con")).Should().BeGreaterThan(lexicon.VietnameseChance(lexicon.VietnameseId("hót")));
        for (var e = 0; e < lexicon.EnglishCount; e++)
        {
            lexicon.EnglishChance(e).Should().BeInRange(1e-9, 1);
        }
    }

    [Test]
    public void LexicalFeatures_ChanceIsPositiveExactlyAtKnownPositions_AndCombines()
    {
        var first = LexicalFeatures.Vietnamese("một con mèo chạy xyz", lexicon);
        var second = LexicalFeatures.English("the bird sings", lexicon);
        var third = LexicalFeatures.English("a dog", lexicon);

        first.Chance!.Count(c => c > 0).Should().Be(first.Known);
        second.Chance!.Count(c => c > 0).Should().Be(second.Known);
        first.Chance![4].Should().Be(0, "xyz is not in the lexicon");
        var both = LexicalFeatures.Combine(second, third);
        both.Chance.Should().Equal([.. second.Chance!, .. third.Chance!]);
    }

    [Test]
    public void SaveThenLoad_RoundTripsChanceRates()
    {
        using var stream = new MemoryStream();
        lexicon.Save(stream);
        stream.Position = 0;

        var loaded = Lexicon.Load(stream);

        loaded.HasChanceRates.Should().BeTrue();
        for (var v = 0; v < lexicon.VietnameseCount; v++)
        {
            loaded.VietnameseChance(v).Should().BeApproximately(lexicon.VietnameseChance(v), 1e-6, "the trainer stores rates already quantised");
        }
    }

    [Test]
    public void SaveThenLoad_WithoutChanceRates_StaysTheOldFormat()
    {
        var old = new Lexicon(["cat"], ["mèo"], [[new Translation(0, 0.9f)]], [[new Translation(0, 0.9f)]], "old");
        using var stream = new MemoryStream();
        old.Save(stream);
        stream.Position = 0;

        var loaded = Lexicon.Load(stream);

        loaded.HasChanceRates.Should().BeFalse();
        LexicalFeatures.English("cat", loaded).Chance.Should().BeNull();
        LexicalFeatures.English("cat", loaded).Known.Should().Be(1);
    }

    [TestCase(new byte[0])]
    [TestCase(new byte[] { 1, 2, 3, 4, 5, 6, 7, 8 })]
    public void Load_NotALexicon_ThrowsInvalidData(byte[] bytes)
    {
        var act = () => Lexicon.Load(new MemoryStream(bytes));

        act.Should().Throw<InvalidDataException>();
    }

    [Test]
    public void Load_Truncated_ThrowsInvalidData()
    {
        using var stream = new MemoryStream();
        lexicon.Save(stream);
        var half = stream.ToArray()[..(int)(stream.Length / 2)];

        var act = () => Lexicon.Load(new MemoryStream(half));

        act.Should().Throw<InvalidDataException>();
    }

    [Test]
    public void Default_IsEmbeddedAndSizeable()
    {
        Lexicon.Default.EnglishCount.Should().BeGreaterThan(5000);
        Lexicon.Default.TrainedOn.Should().Contain("Tatoeba");
    }

    [TestCase("cooperation", "hợp_tác")]
    [TestCase("government", "chính_phủ")]
    [TestCase("water", "nước")]
    public void Default_KnowsCommonWords(string english, string vietnamese)
    {
        var id = Lexicon.Default.EnglishId(LexicalTokenizer.EnglishWords(english)[0]);

        var targets = Lexicon.Default.TranslationsOfEnglish(id).ToArray().Select(t => Lexicon.Default.VietnameseUnit(t.Target));

        targets.Should().Contain(vietnamese);
    }
}

[TestFixture]
public sealed class LexiconMergeTests
{
    [Test]
    public void Merge_AddsNewWordsAndTranslations_KeepsOldOnes()
    {
        var baseLexicon = LexiconTrainer.Train([("cat", "mèo"), ("cat", "mèo"), ("dog", "chó"), ("dog", "chó")], LexiconTrainingOptions.Default with { MinimumMass = 0 });
        var extra = LexiconTrainer.Train([("bird", "chim"), ("bird", "chim")], LexiconTrainingOptions.Default with { MinimumMass = 0 });

        var merged = baseLexicon.Merge(extra);

        foreach (var (en, vi) in new[] { ("cat", "mèo"), ("bird", "chim") })
        {
            var id = merged.EnglishId(LexicalTokenizer.EnglishWords(en)[0]);
            id.Should().BeGreaterThanOrEqualTo(0);
            merged.TranslationsOfEnglish(id).ToArray().Select(t => merged.VietnameseUnit(t.Target)).Should().Contain(vi);
        }

        merged.EnglishCount.Should().Be(baseLexicon.EnglishCount + 1);
        merged.TrainedOn.Should().Contain("+");
    }

    [Test]
    public void Align_SelfTraining_KeepsEverySentenceInOneBead()
    {
        var english = string.Join("\n\n", Enumerable.Range(0, 30).Select(k => $"The report number {k} was published in Hanoi on Monday."));
        var vietnamese = string.Join("\n\n", Enumerable.Range(0, 30).Select(k => $"Báo cáo số {k} được công bố tại Hà Nội hôm thứ Hai."));
        var pipeline = AlignmentPipeline.Create(AlignmentOptions.Default with { SelfTrainingMinimumPairs = 5 });

        var alignment = pipeline.Align(new SourceText(english, "en.txt"), new SourceText(vietnamese, "vi.txt"));

        alignment.Beads.Sum(b => b.EnglishCount).Should().Be(30);
        alignment.Beads.Sum(b => b.VietnameseCount).Should().Be(30);
        alignment.Beads.Should().OnlyContain(b => b.Kind == BeadKind.OneToOne);
    }
}
