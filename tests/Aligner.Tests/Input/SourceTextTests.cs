using System.Text;
using Aligner.Input;
using Aligner.Tests.Support;
using FluentAssertions;

namespace Aligner.Tests.Input;

[TestFixture]
public sealed class SourceTextTests
{
    [TestCase(new byte[] { 0xEF, 0xBB, 0xBF, 0x61, 0x62 }, "ab")] // a byte order mark is removed
    [TestCase(new byte[] { 0x61, 0x62 }, "ab")] // no byte order mark: bytes as they are
    [TestCase(new byte[] { 0xEF, 0xBB, 0xBF }, "")] // only a byte order mark: empty text
    [TestCase(new byte[0], "")] // no bytes: empty text
    [TestCase(new byte[] { 0xEF, 0xBB, 0xBF, 0xEF, 0xBB, 0xBF, 0x61 }, "\uFEFFa")] // only the first mark is the BOM; a second one is text
    [TestCase(new byte[] { 0x61, 0x0D, 0x0A, 0x62, 0x0A }, "a\r\nb\n")] // newlines are kept as they are
    [TestCase(new byte[] { 0xC4, 0x90, 0xC3, 0xA0 }, "Đà")] // two-byte sequences
    [TestCase(new byte[] { 0xE1, 0xBB, 0x87 }, "ệ")] // a three-byte precomposed Vietnamese letter
    [TestCase(new byte[] { 0x65, 0xCC, 0xA3, 0xCC, 0x82 }, "e\u0323\u0302")] // decomposed text is not normalised on load
    [TestCase(new byte[] { 0xF0, 0x9F, 0x98, 0x80 }, "😀")] // a four-byte sequence becomes a surrogate pair
    [TestCase(new byte[] { 0xC2, 0xA0 }, "\u00A0")] // a no-break space is kept
    public void Decode_ValidUtf8_ReturnsText(byte[] bytes, string expected)
    {
        SourceText.Decode(bytes, "x.txt").Should().Be(expected);
    }

    [TestCase(new byte[] { 0x61, 0x62, 0xC3, 0x28 }, 2)] // a lead byte followed by a non-continuation byte
    [TestCase(new byte[] { 0xFF, 0x61 }, 0)] // 0xFF never occurs in UTF-8
    [TestCase(new byte[] { 0x61, 0x80 }, 1)] // a lone continuation byte
    [TestCase(new byte[] { 0x61, 0x62, 0x63, 0xE1, 0xBB }, 3)] // a sequence cut short at the end of the file
    [TestCase(new byte[] { 0xC0, 0xAF }, 0)] // an overlong encoding of '/'
    [TestCase(new byte[] { 0xED, 0xA0, 0x80 }, 0)] // an encoded surrogate (CESU-8)
    [TestCase(new byte[] { 0xEF, 0xBB, 0xBF, 0x61, 0xFE }, 4)] // the offset counts the byte order mark
    [TestCase(new byte[] { 0xE9, 0x74, 0xE9 }, 0)] // Latin-1 text ("été") is not UTF-8
    public void Decode_InvalidUtf8_ThrowsNamingFileAndByte(byte[] bytes, int offset)
    {
        var act = () => SourceText.Decode(bytes, "news.txt");

        act.Should().Throw<InvalidDataException>()
            .Which.Message.Should().Contain("news.txt").And.Contain("UTF-8").And.Contain($"byte {offset}");
    }

    [TestCase(new byte[] { 0x61, 0x00, 0x62 }, 1)] // a NUL byte in the middle
    [TestCase(new byte[] { 0x00 }, 0)] // only a NUL byte
    [TestCase(new byte[] { 0xEF, 0xBB, 0xBF, 0x00 }, 3)] // the offset counts the byte order mark
    [TestCase(new byte[] { 0x61, 0x00, 0x62, 0x00 }, 1)] // UTF-16LE text: binary for a UTF-8 reader
    [TestCase(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00 }, 8)] // a PNG header: NUL wins over invalid UTF-8
    public void Decode_NulByte_ThrowsBinary(byte[] bytes, int offset)
    {
        var act = () => SourceText.Decode(bytes, "image.png");

        act.Should().Throw<InvalidDataException>()
            .Which.Message.Should().Contain("image.png").And.Contain("binary").And.Contain($"byte {offset}");
    }

    [Test]
    public void Load_FileWithBom_RemovesBomAndKeepsName()
    {
        using var temp = new TempDirectory();
        var path = temp.Write("bom.txt", [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes("Tô Lâm\n")]);

        var source = SourceText.Load(path);

        source.Text.Should().Be("Tô Lâm\n");
        source.Name.Should().Be(path);
    }

    [Test]
    public void Load_FileWithoutBom_ReturnsTextUnchanged()
    {
        using var temp = new TempDirectory();
        var path = temp.Write("plain.txt", "Hà Nội\r\nTP.\u00A0Hồ Chí Minh");

        SourceText.Load(path).Text.Should().Be("Hà Nội\r\nTP.\u00A0Hồ Chí Minh");
    }

    [Test]
    public void Load_Seed_EqualsFileDecodedAsUtf8()
    {
        var path = Seeds.PathOf(Seeds.VietnameseReport);

        SourceText.Load(path).Text.Should().Be(File.ReadAllText(path, new UTF8Encoding(false, true)));
    }

    [Test]
    public void Load_EmptyFile_GivesEmptyText()
    {
        using var temp = new TempDirectory();
        var path = temp.Write("empty.txt", []);

        SourceText.Load(path).Text.Should().BeEmpty();
    }

    [Test]
    public void Load_InvalidUtf8_ThrowsNamingFileAndByte()
    {
        using var temp = new TempDirectory();
        var path = temp.Write("latin1.txt", [0x48, 0xE0, 0x20, 0x4E, 0xF4, 0x69]); // "Hà Nôi" in Latin-1

        var act = () => SourceText.Load(path);

        act.Should().Throw<InvalidDataException>()
            .Which.Message.Should().Contain(path).And.Contain("byte 1");
    }

    [Test]
    public void Load_BinaryFile_ThrowsNamingFile()
    {
        using var temp = new TempDirectory();
        var path = temp.Write("data.bin", [0x50, 0x4B, 0x03, 0x04, 0x14, 0x00, 0x00, 0x00]); // a zip header

        var act = () => SourceText.Load(path);

        act.Should().Throw<InvalidDataException>()
            .Which.Message.Should().Contain(path).And.Contain("binary").And.Contain("byte 5");
    }

    [Test]
    public void Load_Directory_ThrowsNamingDirectory()
    {
        using var temp = new TempDirectory();

        var act = () => SourceText.Load(temp.Path);

        act.Should().Throw<InvalidDataException>()
            .Which.Message.Should().Contain(temp.Path).And.Contain("directory");
    }

    [Test]
    public void Load_MissingFile_ThrowsNamingFile()
    {
        using var temp = new TempDirectory();
        var path = temp.File("missing.txt");

        var act = () => SourceText.Load(path);

        act.Should().Throw<InvalidDataException>()
            .Which.Message.Should().Contain(path).And.Contain("no such file");
    }

    [TestCase(null)] // no path
    [TestCase("")] // an empty path
    public void Load_NullOrEmptyPath_ThrowsArgumentException(string? path)
    {
        var act = () => SourceText.Load(path!);

        act.Should().Throw<ArgumentException>();
    }

    [Test]
    public void Constructor_NullText_ThrowsArgumentNullException()
    {
        var act = () => new SourceText(null!, "x");

        act.Should().Throw<ArgumentNullException>();
    }

    [Test]
    public void Constructor_Text_IsKeptAsGiven()
    {
        var source = new SourceText("a\r\n\uFEFFb", "name");

        source.Text.Should().Be("a\r\n\uFEFFb");
        source.Name.Should().Be("name");
    }
}
