using Aligner.Normalization;
using FluentAssertions;

namespace Aligner.Tests.Normalization;

[TestFixture]
public sealed class VietnameseFoldingTests
{
    [TestCase("Nguyễn Quốc Dũng, Đà Nẵng", "Nguyen Quoc Dung, Da Nang")] // the documented example
    [TestCase("Tổng Bí thư, Chủ tịch nước Tô Lâm", "Tong Bi thu, Chu tich nuoc To Lam")] // every tone and vowel mark
    [TestCase("đường ĐẶNG", "duong DANG")] // đ/Đ fold although NFD leaves them alone
    [TestCase("ơ ư Ơ Ư ă â ê ô", "o u O U a a e o")] // horn, breve and circumflex vowels
    [TestCase("hoà hòa", "hoa hoa")] // old and new tone placement fold alike
    [TestCase("Vie\u0323\u0302t", "Viet")] // combining marks are dropped
    [TestCase("A\u0300\u0301\u0303", "A")] // any run of combining marks is dropped
    [TestCase("Café Zürich façade", "Cafe Zurich facade")] // other Latin diacritics fold too
    [TestCase("US$88 22% 21/9", "US$88 22% 21/9")] // ASCII is unchanged
    [TestCase("中文 😀", "中文 😀")] // characters outside Latin are unchanged
    [TestCase("", "")] // empty text
    public void Fold_Text_RemovesDiacritics(string text, string expected)
    {
        VietnameseFolding.Fold(text).Should().Be(expected);
    }

    [TestCase('ệ', 'e')] // tone and vowel mark
    [TestCase('Đ', 'D')] // đ is a separate letter in Unicode
    [TestCase('a', 'a')] // ASCII is unchanged
    [TestCase('\u0301', '\0')] // a combining mark folds to "drop"
    [TestCase('\u0323', '\0')] // dot below too
    public void Fold_Char_FoldsOrDrops(char c, char expected)
    {
        VietnameseFolding.Fold(c).Should().Be(expected);
    }

    [TestCase('ệ', true)] // a letter with marks
    [TestCase('đ', true)] // đ counts as a diacritic letter
    [TestCase('e', false)] // a bare letter
    [TestCase('\u0301', false)] // a combining mark is not a letter with a diacritic
    [TestCase('×', false)] // a symbol in the Latin-1 range
    public void HasDiacritic_Char_ReportsMarkedLetters(char c, bool expected)
    {
        VietnameseFolding.HasDiacritic(c).Should().Be(expected);
    }

    [Test]
    public void Fold_AllVietnameseLetters_GiveAsciiLetters()
    {
        const string letters = "àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ";
        foreach (var lower in letters)
        {
            foreach (var c in new[] { lower, char.ToUpperInvariant(lower) })
            {
                var folded = VietnameseFolding.Fold(c);
                char.IsAsciiLetter(folded).Should().BeTrue($"{c} folds to {folded}");
                char.IsUpper(folded).Should().Be(char.IsUpper(c), $"{c} keeps its case");
            }
        }
    }

    [Test]
    public void Fold_Null_ThrowsArgumentNullException()
    {
        var act = () => VietnameseFolding.Fold(null!);

        act.Should().Throw<ArgumentNullException>();
    }
}
