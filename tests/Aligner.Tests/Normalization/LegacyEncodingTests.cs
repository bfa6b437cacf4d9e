using Aligner.Normalization;
using FluentAssertions;

namespace Aligner.Tests.Normalization;

[TestFixture]
public sealed class LegacyEncodingTests
{
    // TCVN3 (ABC) bytes shown as Windows-1252/Latin-1 characters.
    private const string Tcvn3Name = "T\u00E6ng B\u00DD th\u00AD T\u00AB L\u00A9m"; // Tổng Bí thư Tô Lâm
    private const string Tcvn3Country = "Vi\u00D6t Nam v\u00B5 Hoa K\u00FA"; // Việt Nam và Hoa Kỳ

    // VNI: base letters followed by mark characters.
    private const string VniCountry = "Vie\u00E4t Nam va\u00F8 Hoa Ky\u00F8"; // Việt Nam và Hoa Kỳ
    private const string VniPrimeMinister = "Thu\u00FB t\u00F6\u00F4\u00F9ng Ch\u00EDnh phu\u00FB"; // Thủ tướng Chính phủ

    [TestCase(Tcvn3Name, VietnameseLegacyEncoding.Tcvn3)] // the documented example
    [TestCase(Tcvn3Country, VietnameseLegacyEncoding.Tcvn3)] // ư, ệ, à, ỳ
    [TestCase(VniCountry, VietnameseLegacyEncoding.Vni)] // VNI marks after the vowel
    [TestCase(VniPrimeMinister, VietnameseLegacyEncoding.Vni)] // ư and ơ with a tone, ủ
    [TestCase("Tổng Bí thư Tô Lâm", VietnameseLegacyEncoding.None)] // Unicode Vietnamese
    [TestCase("Hoà bình, THUỶ", VietnameseLegacyEncoding.None)] // Unicode, new tone style
    [TestCase("Le président a été élu à Paris.", VietnameseLegacyEncoding.None)] // French
    [TestCase("Über die Straße fährt ein Bär.", VietnameseLegacyEncoding.None)] // German
    [TestCase("The quick brown fox.", VietnameseLegacyEncoding.None)] // ASCII
    [TestCase("", VietnameseLegacyEncoding.None)] // empty text
    public void Detect_Text_FindsEncoding(string text, object expected)
    {
        LegacyEncoding.Detect(text).Should().Be((VietnameseLegacyEncoding)expected);
    }

    [TestCase(Tcvn3Name, VietnameseLegacyEncoding.Tcvn3, "Tổng Bí thư Tô Lâm")]
    [TestCase(Tcvn3Country, VietnameseLegacyEncoding.Tcvn3, "Việt Nam và Hoa Kỳ")]
    [TestCase(VniCountry, VietnameseLegacyEncoding.Vni, "Việt Nam và Hoa Kỳ")]
    [TestCase(VniPrimeMinister, VietnameseLegacyEncoding.Vni, "Thủ tướng Chính phủ")]
    [TestCase("2024 - TTXVN", VietnameseLegacyEncoding.Vni, "2024 - TTXVN")] // ASCII passes through
    public void ToUnicode_LegacyText_GivesUnicode(string text, object encoding, string expected)
    {
        LegacyEncoding.ToUnicode(text, (VietnameseLegacyEncoding)encoding).Should().Be(expected);
    }

    [Test]
    public void ToUnicode_Vni_OriginsPointAtFirstByteOfEachLetter()
    {
        var converted = LegacyEncoding.ToUnicode(VniCountry, VietnameseLegacyEncoding.Vni, out var origins);

        converted.Should().Be("Việt Nam và Hoa Kỳ");
        origins.Should().HaveCount(converted.Length + 1);
        origins[^1].Should().Be(VniCountry.Length);
        origins[3].Should().Be(4, "t follows the two VNI characters of ệ");
        origins.Should().BeInAscendingOrder();
    }

    [Test]
    public void Normalize_VniText_IsConverted()
    {
        VietnameseNormalizer.Default.Normalize(VniPrimeMinister).Text.Should().Be("Thủ tướng Chính phủ");
    }

    [Test]
    public void Detect_Null_Throws()
    {
        var act = () => LegacyEncoding.Detect(null!);

        act.Should().Throw<ArgumentNullException>();
    }
}
