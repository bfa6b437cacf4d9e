using Aligner.Restoration;
using Aligner.Training;
using FluentAssertions;

namespace Aligner.Tests.Training;

[TestFixture]
public sealed class RestorerTrainerTests
{
    private static readonly string[] Corpus =
    [
        "Tổng Bí thư, Chủ tịch nước Tô Lâm khẳng định quan hệ hai nước.",
        "Thủ tướng Chính phủ tiếp Đại sứ Hoa Kỳ tại Hà Nội.",
        "Học sinh đi học, người dân đi làm.",
        "Hôm nay trời đẹp, chúng tôi đi chơi.",
    ];

    private static SyllableLanguageModel Train() =>
        RestorerTrainer.TrainModel(Enumerable.Repeat(Corpus, 10).SelectMany(c => c), RestorerTrainerOptions.Default with { MinTrigramCount = 1 });

    [Test]
    public void Train_SmallCorpus_LearnsCandidatesAndContext()
    {
        var model = Train();

        model.Candidates("hoc").Should().Equal("học");
        model.Candidates("DI").Should().Equal("đi");
        model.Candidates("xyz").Should().BeEmpty();
        model.TrigramCount.Should().BePositive();
        model.LogProbability("tổng", "bí", "thư").Should().BeGreaterThan(model.LogProbability("tổng", "bí", "học"));
    }

    [Test]
    public void Train_ModelRestoresItsCorpus()
    {
        var restorer = new DiacriticRestorer(Train());

        restorer.Restore("Thu tuong Chinh phu tiep Dai su Hoa Ky tai Ha Noi.").Should().Be("Thủ tướng Chính phủ tiếp Đại sứ Hoa Kỳ tại Hà Nội.");
    }

    [Test]
    public void SaveLoad_RoundTrip_GivesSameModel()
    {
        var model = Train();
        using var stream = new MemoryStream();
        model.Save(stream);
        stream.Position = 0;

        var loaded = SyllableLanguageModel.Load(stream);

        loaded.VocabularySize.Should().Be(model.VocabularySize);
        loaded.BigramCount.Should().Be(model.BigramCount);
        loaded.TrigramCount.Should().Be(model.TrigramCount);
        loaded.LogProbability("học", "sinh", "đi").Should().Be(model.LogProbability("học", "sinh", "đi"));
        foreach (var line in Corpus)
        {
            var words = line.ToLowerInvariant().Split(' ').Select(w => w.Trim(',', '.')).ToArray();
            for (var i = 2; i < words.Length; i++)
            {
                loaded.LogProbability(words[i - 2], words[i - 1], words[i]).Should().Be(model.LogProbability(words[i - 2], words[i - 1], words[i]), line);
                loaded.LogProbability(words[i], words[i - 1], words[i - 2]).Should().Be(model.LogProbability(words[i], words[i - 1], words[i - 2]), "unseen trigrams back off alike");
            }
        }

        using var again = new MemoryStream();
        loaded.Save(again);
        again.ToArray().Should().Equal(stream.ToArray(), "a loaded model saves the same bytes");
    }

    [Test]
    public void Train_AbbreviationsWithMarks_WrittenWithThemInBareText()
    {
        // HĐND is written with its Đ three times and bare once: learnt. CD (a disc) is mostly bare: not. TỔNG is a
        // syllable in capitals (left to the model).
        string[] lines =
        [
            "Chủ tịch HĐND tỉnh tiếp người dân.", "Phó chủ tịch HĐND huyện đi làm.", "HĐND xã họp.", "HDND xã họp.",
            "Đĩa CD mới.", "Đĩa CD cũ.", "Đĩa CĐ hỏng.", "TỔNG BÍ THƯ", "TỔNG BÍ THƯ", "TỔNG BÍ THƯ",
        ];
        var model = RestorerTrainer.TrainModel(Enumerable.Repeat(Corpus, 10).SelectMany(c => c).Concat(lines));

        model.CodeCount.Should().Be(1);
        model.CodeForm("HDND").Should().Be("HĐND");
        model.CodeForm("CD").Should().BeNull();
        model.CodeForm("TONG").Should().BeNull();

        using var stream = new MemoryStream();
        model.Save(stream);
        stream.Position = 0;
        var restorer = new DiacriticRestorer(SyllableLanguageModel.Load(stream));
        restorer.Restore("Chu tich HDND di lam.").Should().Be("Chủ tịch HĐND đi làm.");
        restorer.Restore("Chủ tịch HDND đi làm.").Should().Be("Chủ tịch HDND đi làm.", "accented text keeps its abbreviations as typed");
        restorer.Restore("The HDND met.").Should().Be("The HDND met.");
    }

    [Test]
    public void Train_FormsBeforeNames_LearnTheCapitalThatFollows()
    {
        // "bà" is followed by a name, "ba" (three) by a lower-case word: a capital after "ba" favours "bà".
        string[] lines = ["Bà Mai đi chợ.", "Hôm nay bà Lan đi làm.", "Ba người đi chợ.", "Hôm nay ba người đi làm.", "Có ba con mèo."];
        var model = RestorerTrainer.TrainModel(Enumerable.Repeat(lines, 5).SelectMany(c => c));
        var grandmother = model.IdOf("bà");
        var three = model.IdOf("ba");

        model.NextBonus(grandmother, 1).Should().BePositive();
        model.NextBonus(three, 1).Should().BeNegative();
        model.NextBonus(grandmother, -1).Should().BeNegative();
        model.NextBonus(three, -1).Should().BePositive();
        model.NextBonus(three, 0).Should().Be(0);

        var classifier = new LineClassifier(model, DiacriticRestorerOptions.Default, null, null);
        classifier.SetText("hom nay ba Lan di lam, ba nguoi di cho");
        classifier.Classify("hom nay ba Lan di lam, ba nguoi di cho").Should().BeTrue();
        classifier.Next.Take(6).Should().Equal(new sbyte[] { -1, -1, 1, -1, -1, 0 }, "a name after the first ba, a comma after lam");
    }

    [Test]
    public void Train_WordsThatAreNoSyllable_WrittenWithTheirMarks()
    {
        // ôtô (one word for ô tô) and the place name Đắk are no syllables; México is written so by an encyclopedia,
        // but its acute is no Vietnamese mark of its own: not learnt.
        string[] lines = ["Xe ôtô đi chợ.", "Tỉnh Đắk Nông.", "Người dân ở México đi làm."];
        var model = RestorerTrainer.TrainModel(Enumerable.Repeat(Corpus, 10).SelectMany(c => c).Concat(Enumerable.Repeat(lines, 5).SelectMany(c => c)));

        model.WordForm("oto").Should().Be("ôtô");
        model.WordForm("Dak").Should().Be("Đắk");
        model.WordForm("Mexico").Should().BeNull();
        new DiacriticRestorer(model).Restore("Nguoi dan di lam, xe oto di cho.").Should().Be("Người dân đi làm, xe ôtô đi chợ.");
    }

    [TestCase("HDND", "HĐND", true)]
    [TestCase("oto", "ôtô", true)]
    [TestCase("dak", "đắk", true)]
    [TestCase("mexico", "méxico", false)] // no Vietnamese mark of its own
    [TestCase("oto", "ÔTÔ", false)] // another case
    [TestCase("verylongwordhere", "verylongwordhêre", false)] // longer than 12
    [TestCase("DH", "ĐH", true)]
    [TestCase("CD", "CD", false)] // no mark
    [TestCase("D", "Đ", false)] // one letter
    [TestCase("ABC", "ÀBC", true)]
    [TestCase("NA", "ÑA", false)] // not a Vietnamese letter
    [TestCase("HDND", "HĐN", false)] // another length
    [TestCase("hdnd", "hđnd", true)] // lower case: a word
    [TestCase("HDND", "hđnd", false)] // the case changed
    public void IsCode_ChecksTheSpelling(string bare, string form, bool expected)
    {
        SyllableLanguageModel.IsCode(bare, form).Should().Be(expected);
    }

    [Test]
    public void Load_Version2_ReadsSortedTrigramKeys()
    {
        // Version 2 stored the trigrams as sorted 64-bit keys: bigrams <s> <s>, <s> à ("à" is id 5), à à; trigram <s> <s> à.
        using var stream = new MemoryStream();
        using (var gzip = new System.IO.Compression.GZipStream(stream, System.IO.Compression.CompressionMode.Compress, leaveOpen: true))
        using (var writer = new BinaryWriter(gzip))
        {
            writer.Write(0x52564C41u);
            writer.Write(2);
            writer.Write(6);
            foreach (var token in new[] { "<s>", "</s>", "<unk>", "<num>", "<c>", "à" })
            {
                writer.Write(token);
                writer.Write(-2f);
                writer.Write(-0.5f);
                writer.Write((byte)(token == "à" ? 1 : 0));
                writer.Write(0f);
            }

            writer.Write(-10f); // bigram probability quantiser
            writer.Write(0f);
            writer.Write(-10f); // bigram backoff quantiser
            writer.Write(0f);
            writer.Write(3);
            writer.Write7BitEncodedInt64(0); // <s> <s>
            writer.Write7BitEncodedInt64(5); // <s> à
            writer.Write7BitEncodedInt64((5L << 16) + 5 - 5); // à à
            writer.Write(new byte[] { 255, 255, 204 }); // probabilities 0, 0 and -2
            writer.Write(new byte[] { 255, 255, 255 });
            writer.Write(-10f); // trigram quantiser
            writer.Write(0f);
            writer.Write(1);
            writer.Write7BitEncodedInt64(5); // <s> <s> à
            writer.Write(new byte[] { 255 }); // probability 0
        }

        stream.Position = 0;
        var model = SyllableLanguageModel.Load(stream);

        model.TrigramCount.Should().Be(1);
        model.LogProbability("<s>", "<s>", "à").Should().Be(0);
        model.LogProbability("à", "à", "à").Should().BeApproximately(-2, 0.01, "no trigram: backoff 0 of à à, then P(à | à)");
    }

    [Test]
    public void Train_SameInput_SameBytes()
    {
        using var first = new MemoryStream();
        using var second = new MemoryStream();
        Train().Save(first);
        Train().Save(second);

        first.ToArray().Should().Equal(second.ToArray());
    }

    [Test]
    public void Train_NoVietnamese_Throws()
    {
        var act = () => RestorerTrainer.TrainModel(["Quick brown fox jumps!", "", "123"]);

        act.Should().Throw<InvalidDataException>();
    }

    [Test]
    public void Train_BadOptions_Throw()
    {
        var act = () => RestorerTrainer.TrainModel(Corpus, RestorerTrainerOptions.Default with { MinTrigramCount = 0 });

        act.Should().Throw<ArgumentOutOfRangeException>();
    }

    [Test]
    public void TrainFiles_MissingFile_ThrowsNamingIt()
    {
        var act = () => RestorerTrainer.TrainModelFiles(["/no/such/corpus.txt"]);

        act.Should().Throw<InvalidDataException>().WithMessage("*corpus.txt*");
    }

    [TestCase(new byte[0])] // empty
    [TestCase(new byte[] { 1, 2, 3, 4 })] // not gzip
    [TestCase(new byte[] { 0x1F, 0x8B, 8, 0, 0, 0, 0, 0, 0, 3, 3, 0, 0, 0, 0, 0, 0, 0, 0, 0 })] // gzip of nothing
    public void Load_NotAModel_ThrowsInvalidData(byte[] bytes)
    {
        var act = () => SyllableLanguageModel.Load(new MemoryStream(bytes));

        act.Should().Throw<InvalidDataException>();
    }

    [Test]
    public void Load_Truncated_ThrowsInvalidData()
    {
        using var stream = new MemoryStream();
        Train().Save(stream);
        var bytes = stream.ToArray()[..(int)(stream.Length / 2)];

        var act = () => SyllableLanguageModel.Load(new MemoryStream(bytes));

        act.Should().Throw<InvalidDataException>();
    }

    [Test]
    public void LoadDefaultModel_EmbeddedModel_Loads()
    {
        var model = DiacriticRestorer.LoadDefaultModel();

        model.VocabularySize.Should().BeGreaterThan(5000);
        model.Candidates("viet").Should().Contain("việt");
    }
}
