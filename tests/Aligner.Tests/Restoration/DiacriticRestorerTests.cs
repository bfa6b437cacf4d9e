using System.Text;
using Aligner.Normalization;
using Aligner.Restoration;
using Aligner.Tests.Support;
using Aligner.Text;
using FluentAssertions;

namespace Aligner.Tests.Restoration;

[TestFixture]
public sealed class DiacriticRestorerTests
{
    private static DiacriticRestorer Restorer => DiacriticRestorer.Default;

    [TestCase("Tong Bi thu, Chu tich nuoc khang dinh", "Tổng Bí thư, Chủ tịch nước khẳng định")] // the example
    [TestCase("Thu tuong Chinh phu Pham Minh Chinh", "Thủ tướng Chính phủ Phạm Minh Chính")] // title and names
    [TestCase("Viet Nam va Hoa Ky", "Việt Nam và Hoa Kỳ")] // country names
    [TestCase("nguoi dan Ha Noi", "người dân Hà Nội")] // lower case and a city
    [TestCase("hoc sinh di hoc", "học sinh đi học")] // đ restored
    [TestCase("Bo Ngoai giao Viet Nam", "Bộ Ngoại giao Việt Nam")] // a ministry
    [TestCase("ong ay noi", "ông ấy nói")] // a short sentence
    [TestCase("Ngay 22.10.2022, Thu tuong tiep Dai su Hoa Ky.", "Ngày 22.10.2022, Thủ tướng tiếp Đại sứ Hoa Kỳ.")] // dates kept
    [TestCase("Kinh te Viet Nam tang truong 6,5% trong nam 2024", "Kinh tế Việt Nam tăng trưởng 6,5% trong năm 2024")] // numbers kept
    [TestCase("Thu tuong (VGP) phat bieu tai Hoi nghi COP26 o Glasgow.", "Thủ tướng (VGP) phát biểu tại Hội nghị COP26 ở Glasgow.")] // codes and a foreign city kept
    [TestCase("Nguoi dan. Anh: TTXVN", "Người dân. Ảnh: TTXVN")] // a photo credit
    [TestCase("Anh: Getty Nguoi dan di bo tren pho.", "Ảnh: Getty Người dân đi bộ trên phố.")] // a credit glued to the text after it
    [TestCase("Gia vang tang manh (Anh minh hoa)", "Giá vàng tăng mạnh (Ảnh minh họa)")] // an illustration's label
    [TestCase("Anh minh hoa Nguoi dan xem phao hoa.", "Ảnh minh họa Người dân xem pháo hoa.")] // the same glued to the text
    [TestCase("Anh Minh hoa nhap voi moi nguoi.", "Anh Minh hòa nhập với mọi người.")] // Minh in capitals: a name, not the label
    [TestCase("Nguoi dan xem phao hoa. Nguon anh: Reuters", "Người dân xem pháo hoa. Nguồn ảnh: Reuters")] // the photo's source
    [TestCase("Nguoi dan xem phao hoa - Anh: Reuters", "Người dân xem pháo hoa - Ảnh: Reuters")] // a credit after a dash
    [TestCase("Cua hang ban cac nhan hieu Gucci, Prada, Chanel va Dior.", "Cửa hàng bán các nhãn hiệu Gucci, Prada, Chanel và Dior.")] // foreign names are not English
    [TestCase("Cac hang Toyota, Honda, Hyundai va Ford deu tang gia.", "Các hãng Toyota, Honda, Hyundai và Ford đều tăng giá.")] // names opening the window
    [TestCase("Mot cuoc tham do moi do YouGov to chuc cho thay", "Một cuộc thăm dò mới do YouGov tổ chức cho thấy")] // a name in mixed case is not English ("to")
    public void Restore_BareVietnamese_RestoresDiacritics(string text, string expected)
    {
        Restorer.Restore(text).Should().Be(expected);
    }

    [TestCase("Xem them tai https://baochinhphu.vn/thu-tuong.htm", "Xem thêm tại https://baochinhphu.vn/thu-tuong.htm")] // URL kept
    [TestCase("lien he toa.soan@vnp.vn hoac vietnamplus.vn/thu-tuong", "liên hệ toa.soan@vnp.vn hoặc vietnamplus.vn/thu-tuong")] // e-mail and domain kept
    [TestCase("  Nguoi   dan  Ha Noi  ", "  Người   dân  Hà Nội  ")] // spacing kept
    [TestCase("Nguoi\u00A0dan\tHa\u00A0Noi", "Người\u00A0dân\tHà\u00A0Nội")] // odd spaces kept
    [TestCase("TTXVN, VGP, TP.HCM", "TTXVN, VGP, TP.HCM")] // codes in capitals
    [TestCase("Canh sat truong Brian O'Hagan cho biet.", "Cảnh sát trưởng Brian O'Hagan cho biết.")] // an initial before an apostrophe
    public void Restore_KeepsWhatIsNotBareVietnamese(string text, string expected)
    {
        Restorer.Restore(text).Should().Be(expected);
    }

    [TestCase("The quick brown fox jumps over the lazy dog.")] // English
    [TestCase("Deputy Prime Minister Bui Thanh Son said on Tuesday that the two sides will continue.")] // a Vietnamese name in English
    [TestCase("Le président Emmanuel Macron est arrivé à Paris.")] // French
    [TestCase("Le president Emmanuel Macron est arrive a Paris")] // French without accents
    [TestCase("Der Bundeskanzler sprach in Berlin über die Wirtschaft.")] // German
    [TestCase("Москва, Россия 中文 😀")] // other scripts
    [TestCase("Tổng Bí thư Tô Lâm và Phu nhân")] // already accented
    [TestCase("Hôm nay chúng ta đi qua cầu, con mèo theo sau.")] // accented text with bare words that are words
    [TestCase("123 456 7.5% US$88 21/9")] // numbers only
    [TestCase("!!! ... ,,, ---")] // punctuation only
    [TestCase("")] // empty
    [TestCase("\n\n\r\n")] // newlines only
    public void Restore_NotBareVietnamese_Unchanged(string text)
    {
        Restorer.Restore(text).Should().Be(text);
    }

    [TestCase("The Prime Minister met Mr. Pham Minh Chinh in Hanoi")] // the example: names and "met" stay
    [TestCase("The Prime Minister met Mr. Pham Minh Chinh in Hanoi on Monday")] // the same with more English
    [TestCase("Prime Minister Pham Minh Chinh met Thai Prime Minister Srettha Thavisin.")] // a name opening the line
    public void Restore_LineTheDetectorCallsEnglish_Unchanged(string text)
    {
        Restorer.Restore(text).Should().Be(text);
    }

    [Test]
    public void Restore_WithoutDetector_RestoresNamesInEnglish()
    {
        // The reference for the test above: without a detector the names of the English line are read as Vietnamese.
        var restorer = new DiacriticRestorer(Restorer.Model);

        restorer.Restore("The Prime Minister met Mr. Pham Minh Chinh in Hanoi").Should().Contain("Phạm Minh Chính");
        restorer.Detector.Should().BeNull();
        Restorer.Detector.Should().NotBeNull();
    }

    [Test]
    public void Restore_EnglishSentenceWithNameAfterVietnamese_KeepsTheName()
    {
        const string text = "Thu tuong tiep Dai su Hoa Ky tai Ha Noi. The Prime Minister met Mr. Pham Minh Chinh in Hanoi.";

        Restorer.Restore(text).Should().Be("Thủ tướng tiếp Đại sứ Hoa Kỳ tại Hà Nội. The Prime Minister met Mr. Pham Minh Chinh in Hanoi.");
    }

    [Test]
    public void Restore_EnglishSentenceInVietnameseLine_OnlyVietnameseRestored()
    {
        const string text = "Thu tuong Pham Minh Chinh tiep Dai su Hoa Ky tai Ha Noi. The Prime Minister met the Ambassador of the United States.";

        Restorer.Restore(text).Should().Be("Thủ tướng Phạm Minh Chính tiếp Đại sứ Hoa Kỳ tại Hà Nội. The Prime Minister met the Ambassador of the United States.");
    }

    [Test]
    public void Restore_AccentedNeighbours_ConstrainBareSyllables()
    {
        // "troi" and "dep" are not words without marks: in accented text they are restored, and "qua", a word, stays.
        Restorer.Restore("Hôm nay troi dep, chúng tôi đi qua cầu.").Should().Be("Hôm nay trời đẹp, chúng tôi đi qua cầu.");
    }

    [Test]
    public void Restore_MixedLine_RestoresOnlyTheVietnamesePart()
    {
        const string text = "Tong Bi thu, Chu tich nuoc khang dinh. The General Secretary and State President said.";

        Restorer.Restore(text).Should().Be("Tổng Bí thư, Chủ tịch nước khẳng định. The General Secretary and State President said.");
    }

    [Test]
    public void Restore_AllCapsHeadline_RestoresInCapitals()
    {
        Restorer.Restore("THU TUONG CHINH PHU PHAM MINH CHINH PHAT BIEU").Should().Be("THỦ TƯỚNG CHÍNH PHỦ PHẠM MINH CHÍNH PHÁT BIỂU");
    }

    [Test]
    public void Restore_AllCapsEnglishHeadline_Unchanged()
    {
        const string text = "PRIME MINISTER MEETS US AMBASSADOR IN HANOI";

        Restorer.Restore(text).Should().Be(text);
    }

    [Test]
    public void Restore_TitleCaseHeadlineAroundForeignName_RestoredInAccentedText()
    {
        // Runs of four and three capitalised bare syllables alone would be names in a text typed with diacritics; with
        // the foreign name between them they are one title-case headline.
        const string text = "Mưa lớn kéo dài nhiều ngày ở miền Tây nước Mỹ.\nMua Lon O Phoenix Lam Ngap Nha Dan\n";

        Restorer.Restore(text).Should().Be("Mưa lớn kéo dài nhiều ngày ở miền Tây nước Mỹ.\nMưa Lớn Ở Phoenix Làm Ngập Nhà Dân\n");
    }

    [Test]
    public void Restore_NameAloneInAccentedText_KeptAsWritten()
    {
        // A byline of capitalised bare words in a text typed with diacritics is a name (seed 001: "Song Minh |").
        const string text = "Tổng Bí thư, Chủ tịch nước sẽ công tác tới Mỹ\n\nSong Minh |\n";

        Restorer.Restore(text).Should().Be(text);
    }

    [Test]
    public void Restore_KeepsLinesAndLength()
    {
        const string text = "Tong Bi thu\r\nChu tich nuoc\n\nkhang dinh\r";

        var restored = Restorer.Restore(text);

        restored.Should().Be("Tổng Bí thư\r\nChủ tịch nước\n\nkhẳng định\r");
        restored.Length.Should().Be(text.Length);
    }

    [Test]
    public void Restore_NothingToChange_ReturnsSameInstance()
    {
        const string text = "The quick brown fox.";

        Restorer.Restore(text).Should().BeSameAs(text);
    }

    [Test]
    public void Restore_VeryLongLine_RestoresWithoutCrash()
    {
        var sentence = "Thu tuong Chinh phu tiep Dai su Hoa Ky tai Ha Noi ";
        var text = string.Concat(Enumerable.Repeat(sentence, 2000)); // 24,000 syllables, no sentence end

        var restored = Restorer.Restore(text);

        restored.Length.Should().Be(text.Length);
        restored.Should().StartWith("Thủ tướng Chính phủ tiếp Đại sứ Hoa Kỳ tại Hà Nội");
        VietnameseFolding.Fold(restored).Should().Be(text);
    }

    [Test]
    public void Restore_VeryLongWord_Unchanged()
    {
        var text = "nguoi " + new string('a', 100_000) + " dan";

        var restored = Restorer.Restore(text);

        restored.Length.Should().Be(text.Length);
        restored.AsSpan(6, 100_000).ToString().Should().Be(new string('a', 100_000));
    }

    [Test]
    public void Restore_RandomStrings_OnlyAddMarksToLetters()
    {
        var random = new Random(44);
        for (var i = 0; i < 500; i++)
        {
            var text = i % 2 == 0 ? RandomText.Next(random, 30) : RandomText.Words(random, 20);

            var restored = Restorer.Restore(text);

            RandomText.ShouldOnlyAddMarks(text, restored);
        }
    }

    [Test]
    public void Restore_NewToneStyle_WritesNewStyle()
    {
        var restorer = new DiacriticRestorer(DiacriticRestorer.Default.Model, DiacriticRestorerOptions.Default with { ToneStyle = ToneMarkStyle.New });

        restorer.Restore("hoa binh va suc khoe").Should().Be("hoà bình và sức khoẻ");
        DiacriticRestorer.Default.Restore("hoa binh va suc khoe").Should().Be("hòa bình và sức khỏe");
    }

    [Test]
    public void Analyze_ReportsEachRestoredSyllableWithConfidence()
    {
        const string text = "Tong Bi thu, Chu tich nuoc (TTXVN)";

        var result = Restorer.Analyze(text);

        result.Text.Should().Be("Tổng Bí thư, Chủ tịch nước (TTXVN)");
        result.Syllables.Select(s => s.Restored).Should().Equal("Tổng", "Bí", "thư", "Chủ", "tịch", "nước");
        foreach (var syllable in result.Syllables)
        {
            syllable.Confidence.Should().BeInRange(0, 1);
            result.Text[syllable.Range.Start..syllable.Range.End].Should().Be(syllable.Restored);
            syllable.Changed.Should().Be(text[syllable.Range.Start..syllable.Range.End] != syllable.Restored);
        }

        result.Syllables.Should().OnlyContain(s => s.Confidence > 0.5, "these are unambiguous in context");
    }

    [Test]
    public void Analyze_EnglishText_ReportsNothing()
    {
        var result = Restorer.Analyze("The two sides will continue.");

        result.Syllables.Should().BeEmpty();
        result.Text.Should().Be(result.Original);
    }

    [Test]
    public void Restore_NormalizedView_KeepsMapToOriginal()
    {
        const string original = "Tong\u00A0Bi\u200B thu";
        var view = NormalizedText.Create(original);

        var restored = Restorer.Restore(view);

        restored.Text.Should().Be("Tổng Bí thư");
        restored.Original.Should().BeSameAs(original);
        var at = restored.Text.IndexOf("thư", StringComparison.Ordinal);
        var range = restored.ToOriginal(new TextRange(at, at + 3));
        original[range.Start..range.End].Should().Be("thu");
    }

    [Test]
    public void Restore_Span_SameAsString()
    {
        const string text = "Tong Bi thu, Chu tich nuoc";

        Restorer.Restore(text.AsSpan()).Should().Be(Restorer.Restore(text));
    }

    [Test]
    public void Restore_Null_Throws()
    {
        var act = () => Restorer.Restore((string)null!);

        act.Should().Throw<ArgumentNullException>();
    }

    [Test]
    public void Restore_Cancelled_Throws()
    {
        using var source = new CancellationTokenSource();
        source.Cancel();

        var act = () => Restorer.Restore("Tong Bi thu", source.Token);

        act.Should().Throw<OperationCanceledException>();
    }

    [TestCase(0)] // beam too narrow
    [TestCase(257)] // beam too wide
    public void Constructor_BadBeam_Throws(int beam)
    {
        var act = () => new DiacriticRestorer(DiacriticRestorer.Default.Model, DiacriticRestorerOptions.Default with { BeamWidth = beam });

        act.Should().Throw<ArgumentOutOfRangeException>();
    }

    [Test]
    public void Constructor_BadShare_Throws()
    {
        var act = () => new DiacriticRestorer(DiacriticRestorer.Default.Model, DiacriticRestorerOptions.Default with { MinVietnameseShare = double.NaN });

        act.Should().Throw<ArgumentOutOfRangeException>();
    }

    [Test]
    public void Restore_IsThreadSafe()
    {
        const string text = "Tong Bi thu, Chu tich nuoc khang dinh";
        var expected = Restorer.Restore(text);
        var results = new string[64];

        Parallel.For(0, results.Length, i => results[i] = Restorer.Restore(text));

        results.Should().OnlyContain(r => r == expected);
    }

    [TestCase(Seeds.MixedPage, "Thủ tướng Chính phủ Phạm Minh Chính tiếp Tổng Thư ký Liên Hợp Quốc Antonio Guterres nhân chuyến thăm Việt Nam, ngày 22.10.2022. Ảnh: VGP")]
    [TestCase(Seeds.MixedPageWithCaptions, "Tổng Bí thư, Chủ tịch nước khẳng định, Việt Nam đã sẵn sàng bước vào khởi điểm lịch sử mới, kỷ nguyên mới - kỷ nguyên vươn mình của dân tộc Việt Nam và mong muốn tiếp tục nhận được sự ủng hộ, đồng hành mạnh mẽ của cộng đồng quốc tế nói chung và Mỹ nói riêng trong tiến trình này. Ảnh: TTXVN")]
    public void Restore_SeedCaption_ComesBackAsWritten(string seed, string caption)
    {
        var text = Seeds.Read(seed);

        var restored = Restorer.Restore(text);

        restored.Split('\n').Should().Contain(caption);
        var changed = text.Split('\n').Zip(restored.Split('\n')).Count(p => p.First != p.Second);
        changed.Should().Be(1, "only the caption typed without diacritics changes");
    }

    [TestCase(Seeds.EnglishReport)] // English
    [TestCase(Seeds.RelatedEnglishReport)] // English
    [TestCase(Seeds.VietnameseReport)] // accented Vietnamese
    public void Restore_SeedWithoutBareVietnamese_Unchanged(string seed)
    {
        var text = Seeds.Read(seed);

        Restorer.Restore(text).Should().Be(text);
    }

    [Test]
    public void Restore_Seed004Folded_ComesBackMostlyRight()
    {
        // Fold the accented article and restore it: the words the seed writes must mostly come back.
        var original = NormalizedText.Create(Seeds.Read(Seeds.VietnameseReport)).Text;
        var folded = new StringBuilder(original.Length);
        foreach (var c in original)
        {
            var f = VietnameseFolding.Fold(c);
            folded.Append(f == '\0' ? c : f);
        }

        var restored = Restorer.Restore(folded.ToString());

        var gold = VietnameseNormalizer.PlaceToneMarks(original, ToneMarkStyle.Old).Split(' ', '\n');
        var words = restored.Split(' ', '\n');
        words.Should().HaveSameCount(gold);
        var right = gold.Zip(words).Count(p => p.First == p.Second);
        ((double)right / gold.Length).Should().BeGreaterThan(0.9);
    }
}
