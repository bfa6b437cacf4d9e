using Aligner.Normalization;
using Aligner.Restoration;
using Aligner.Tests.Support;
using FluentAssertions;

namespace Aligner.Tests.Restoration;

[TestFixture]
public sealed class DocumentCacheTests
{
    private const string Caption = "anh Thanh noi voi co ay";

    private static DiacriticRestorer Restorer => DiacriticRestorer.Default;

    [Test]
    public void Restore_WithoutContext_TakesTheModelsForm()
    {
        // The reference for the tests below: on its own the model reads the name "Thanh" as "Thạnh".
        Restorer.Restore(Caption, cache: null).Should().Be("anh Thạnh nói với cô ấy");
    }

    [Test]
    public void Restore_ContextWritesTheForm_TakesTheContextsForm()
    {
        var cache = Restorer.CreateCache("Anh Thành nói với cô ấy rằng cô sẽ đến.");

        Restorer.Restore(Caption, cache).Should().Be("anh Thành nói với cô ấy");
    }

    [Test]
    public void Restore_AccentedLinesOfTheSameText_AreItsCache()
    {
        const string text = Caption + "\nAnh Thành nói với cô ấy rằng cô sẽ đến.";

        Restorer.Restore(text).Should().Be("anh Thành nói với cô ấy\nAnh Thành nói với cô ấy rằng cô sẽ đến.");
    }

    [Test]
    public void With_KeyTheAccentedTextNeverWrites_OwnChoicesWeighMore()
    {
        // A key the accented text never writes has only the second pass's choices: they weigh 1.5γ there, γ for a key it writes.
        var model = Restorer.Model;
        var options = Restorer.Options;
        var form = model.IdOf("thành");
        var k = model.CandidatesOf("thanh")!.Length;
        var choices = new Dictionary<int, int> { [form] = 2 };
        var expected = options.CacheWeight * Math.Log(k * ((2 * options.SelfCacheWeight) + options.CacheSmoothing) / ((2 * options.SelfCacheWeight) + (options.CacheSmoothing * k)));

        var alone = DocumentCache.Empty(model).With(choices, options.SelfCacheWeight, options);
        var elsewhere = Restorer.CreateCache("Tôi đi học.").With(choices, options.SelfCacheWeight, options);
        var beside = Restorer.CreateCache("Tôi đi học.").With(new Dictionary<int, int> { [form] = 2, [model.IdOf("học")] = 2 }, options.SelfCacheWeight, options);
        var written = 1 + (2 * options.SelfCacheWeight);
        var k2 = model.CandidatesOf("hoc")!.Length;
        var learnt = options.CacheWeight * Math.Log(k2 * (written + options.CacheSmoothing) / (written + (options.CacheSmoothing * k2)));

        alone.Bonus(form).Should().BeApproximately((float)(1.5 * expected), 1e-4f);
        elsewhere.Bonus(form).Should().BeApproximately((float)(1.5 * expected), 1e-4f, "the accented text writes no form of thanh");
        beside.Bonus(model.IdOf("học")).Should().BeApproximately((float)learnt, 1e-4f, "học is written there: γ");
    }

    [Test]
    public void CreateCache_CollectionOfTexts_CountsThemAll()
    {
        var cache = Restorer.CreateCache(["The report.", "Anh Thành nói.", "Ông Thành đến."]);

        cache.SyllableCount.Should().Be(6);
        Restorer.Restore(Caption, cache).Should().Be("anh Thành nói với cô ấy");
    }

    [Test]
    public void CreateCache_PairsOfSyllables_FavourTheFormAfterItsNeighbour()
    {
        // "lớn" is the page's usual form of "lon", but after "con" the page writes "lợn" (a pig).
        var cache = Restorer.CreateCache("Ngôi trường lớn có một sân rất lớn, các em lớn lên ở đây.\nCon lợn nặng một tạ.");
        var model = Restorer.Model;
        int con = model.IdOf("con".AsSpan()), pig = model.IdOf("lợn".AsSpan()), big = model.IdOf("lớn".AsSpan());
        pig.Should().NotBe(SyllableLanguageModel.Unknown);

        cache.HasPairs.Should().BeTrue();
        cache.Bonus(big).Should().BeGreaterThan(cache.Bonus(pig));
        cache.PairBonus(con, pig).Should().BeGreaterThan(0);
        cache.PairBonus(con, big).Should().BeLessThan(0);
        cache.PairBonus(big, pig).Should().Be(0, "the page never writes a form of lon after lớn");
    }

    [Test]
    public void CreateCache_PairAcrossPunctuation_IsNotAPair()
    {
        var cache = Restorer.CreateCache("Ngôi trường, lợn chạy ra.");
        var model = Restorer.Model;

        cache.PairBonus(model.IdOf("trường".AsSpan()), model.IdOf("lợn".AsSpan())).Should().Be(0);
        cache.PairBonus(model.IdOf("lợn".AsSpan()), model.IdOf("chạy".AsSpan())).Should().BeGreaterThan(0);
    }

    [TestCase("anh Thanh noi voi co ay rang co se den")] // a bare line says nothing about its marks
    [TestCase("The Prime Minister met the Ambassador.")] // English
    [TestCase("")] // empty
    public void CreateCache_NoAccentedVietnamese_IsEmpty(string context)
    {
        var cache = Restorer.CreateCache(context);

        cache.IsEmpty.Should().BeTrue();
        Restorer.Restore(Caption, cache).Should().Be(Restorer.Restore(Caption, cache: null));
    }

    [Test]
    public void CreateCache_DecomposedMarks_CountAsComposed()
    {
        var cache = Restorer.CreateCache("Anh Thành nói với cô ấy.".Normalize(System.Text.NormalizationForm.FormD));

        cache.SyllableCount.Should().Be(6);
        Restorer.Restore(Caption, cache).Should().Be("anh Thành nói với cô ấy");
    }

    [Test]
    public void Restore_WeightZero_IgnoresTheCache()
    {
        var restorer = new DiacriticRestorer(Restorer.Model, DiacriticRestorerOptions.Default with { CacheWeight = 0 });

        var cache = restorer.CreateCache("Anh Thành nói với cô ấy rằng cô sẽ đến.");

        cache.IsEmpty.Should().BeTrue();
        restorer.Restore(Caption, cache).Should().Be("anh Thạnh nói với cô ấy");
    }

    [Test]
    public void Restore_CacheOfAnotherModel_Throws()
    {
        var other = new DiacriticRestorer(Aligner.Training.RestorerTrainer.TrainModel(["Anh Thành nói với cô ấy."]));

        var act = () => Restorer.Restore(Caption, other.CreateCache("Anh Thành nói."));

        act.Should().Throw<ArgumentException>().WithParameterName("cache");
    }

    [Test]
    public void Analyze_WithCache_ReportsTheContextsForm()
    {
        var cache = Restorer.CreateCache("Anh Thành nói với cô ấy rằng cô sẽ đến.");

        var result = Restorer.Analyze(Caption, cache);

        result.Text.Should().Be("anh Thành nói với cô ấy");
        result.Syllables.Should().Contain(s => s.Restored == "Thành" && s.Confidence > 0 && s.Confidence <= 1);
    }

    [Test]
    public void Restore_RandomStringsWithRandomContext_OnlyAddMarksToLetters()
    {
        var random = new Random(45);
        for (var i = 0; i < 200; i++)
        {
            var text = i % 2 == 0 ? RandomText.Next(random, 30) : RandomText.Words(random, 20);
            var cache = Restorer.CreateCache(RandomText.Words(random, 40) + "\nHôm nay trời đẹp, chúng tôi đi qua cầu.");

            var restored = Restorer.Restore(text, cache);

            RandomText.ShouldOnlyAddMarks(text, restored);
        }
    }

    [Test]
    public void Restore_ContextWritesAnotherForm_FollowsTheContext()
    {
        var cache = Restorer.CreateCache("Ông Thánh đến.\nAnh Thánh nói.");

        Restorer.Restore(Caption, cache).Should().Be("anh Thánh nói với cô ấy");
    }

    [Test]
    public void Restore_SecondPass_ReadsAKeyAsTheRestOfTheTextDoes()
    {
        // A bare text about rain: alone, the last line reads "mua" as "mùa" (season); the second pass counts the
        // first pass's "mưa" (rain) of the lines before and reads it the same way.
        const string text = "Mua lon keo dai o Ha Noi\nTroi mua to suot dem qua, nuoc ngap nhieu tuyen pho.\nCon mua lon nhat trong nam.\nTre em choi trong mua.";
        var onePass = new DiacriticRestorer(Restorer.Model, DiacriticRestorerOptions.Default with { SelfCacheWeight = 0 }, Restorer.Detector);

        onePass.Restore(text).Split('\n')[3].Should().Be("Trẻ em chơi trong mùa.");
        Restorer.Restore(text).Split('\n')[3].Should().Be("Trẻ em chơi trong mưa.");
        Restorer.Analyze(text).Syllables.Should().HaveCount(onePass.Analyze(text).Syllables.Count, "the second pass reports every syllable");
    }

    [TestCase(-1)] // negative
    [TestCase(double.NaN)] // not a number
    public void Constructor_BadSelfCacheWeight_Throws(double weight)
    {
        var act = () => new DiacriticRestorer(Restorer.Model, DiacriticRestorerOptions.Default with { SelfCacheWeight = weight });

        act.Should().Throw<ArgumentOutOfRangeException>();
    }

    [TestCase(49)] // blocks too small to learn from
    [TestCase(100_001)] // blocks too large to stay local
    public void Constructor_BadSelfCacheBlock_Throws(int block)
    {
        var act = () => new DiacriticRestorer(Restorer.Model, DiacriticRestorerOptions.Default with { SelfCacheBlock = block });

        act.Should().Throw<ArgumentOutOfRangeException>();
    }

    [TestCase(-0.1)] // negative weight
    [TestCase(double.NaN)] // not a number
    [TestCase(11)] // too heavy
    public void Constructor_BadCacheWeight_Throws(double weight)
    {
        var act = () => new DiacriticRestorer(Restorer.Model, DiacriticRestorerOptions.Default with { CacheWeight = weight });

        act.Should().Throw<ArgumentOutOfRangeException>();
    }

    [Test]
    public void Constructor_BadCacheSmoothing_Throws()
    {
        var act = () => new DiacriticRestorer(Restorer.Model, DiacriticRestorerOptions.Default with { CacheSmoothing = 0 });

        act.Should().Throw<ArgumentOutOfRangeException>();
    }

    [Test]
    public void CreateCache_NullCollection_Throws()
    {
        var act = () => Restorer.CreateCache((IEnumerable<string>)null!);

        act.Should().Throw<ArgumentNullException>();
    }

    [Test]
    public void CreateCache_ForTheRestoredTextAlone_RestoresAsTheWholeCache()
    {
        // Each line of the Vietnamese seed, stripped of its marks (as typed, in capitals, title case), restored with the
        // cache of the page counted for that line's keys only and with the whole cache: the same text every time.
        var page = Seeds.Read(Seeds.VietnameseReport) + "\n" + Seeds.Read(Seeds.MixedPageWithCaptions);
        var lines = Seeds.Read(Seeds.VietnameseReport).Split('\n').Where(l => l.Any(VietnameseFolding.HasDiacritic)).ToArray();
        lines.Length.Should().BeGreaterThan(10);
        var whole = Restorer.CreateCache(page);
        var compared = 0;
        foreach (var line in lines.Take(40))
        {
            foreach (var bare in new[] { VietnameseFolding.Fold(line), VietnameseFolding.Fold(line).ToUpperInvariant(), System.Globalization.CultureInfo.InvariantCulture.TextInfo.ToTitleCase(VietnameseFolding.Fold(line)) })
            {
                var text = page + "\n" + bare;
                var restricted = Restorer.CreateCache(text, bare);
                restricted.SyllableCount.Should().BeLessThan(whole.SyllableCount);
                Restorer.Restore(bare, restricted).Should().Be(Restorer.Restore(bare, Restorer.CreateCache(text)));
                compared++;
            }
        }

        compared.Should().Be(3 * Math.Min(40, lines.Length));
    }

    [Test]
    public void CreateCache_ForTheRestoredTextAlone_ReadsDecomposedMarks()
    {
        // The page in NFD: its marks are combining characters, which the key search drops.
        var page = "Con lợn nặng một tạ. Anh Thành nói với cô ấy.\nNgôi trường lớn.".Normalize(System.Text.NormalizationForm.FormD);
        const string bare = "con lon cua anh Thanh";
        var restricted = Restorer.CreateCache(page, bare);

        restricted.SyllableCount.Should().BeGreaterThan(0);
        Restorer.Restore(bare, restricted).Should().Be(Restorer.Restore(bare, Restorer.CreateCache(page)));
    }

    [Test]
    public void CreateCache_ForALongRestoredText_IsTheWholeCache()
    {
        var page = Seeds.Read(Seeds.VietnameseReport);
        var bare = VietnameseFolding.Fold(page);
        bare.Length.Should().BeGreaterThan(DocumentCache.MaximumRestrictedChars);

        Restorer.CreateCache(page, bare).SyllableCount.Should().Be(Restorer.CreateCache(page).SyllableCount);
    }
}
