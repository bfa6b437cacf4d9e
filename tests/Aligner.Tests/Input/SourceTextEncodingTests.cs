using System.Text;
using Aligner.Input;
using Aligner.Tests.Support;
using FluentAssertions;

namespace Aligner.Tests.Input;

[TestFixture]
public sealed class SourceTextEncodingTests
{
    private const string Vietnamese = "Việt Nam là một quốc gia ở Đông Nam Á, thủ đô là Hà Nội.";

    private static SourceText Read(byte[] bytes, SourceEncoding? encoding = null) => SourceText.Read(new MemoryStream(bytes), "in.txt", encoding);

    [Test]
    public void Read_Utf16LittleEndianWithBom_DecodesAndRemovesTheMark()
    {
        var source = Read([.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes(Vietnamese)]);

        source.Text.Should().Be(Vietnamese);
        source.Encoding.Should().Be(SourceEncoding.Utf16LittleEndian);
    }

    [Test]
    public void Read_Utf16BigEndianWithBom_DecodesAndRemovesTheMark()
    {
        var source = Read([.. Encoding.BigEndianUnicode.GetPreamble(), .. Encoding.BigEndianUnicode.GetBytes(Vietnamese)]);

        source.Text.Should().Be(Vietnamese);
        source.Encoding.Should().Be(SourceEncoding.Utf16BigEndian);
    }

    [Test]
    public void Read_Utf16WithoutBom_ThrowsWithTheOptionToUse()
    {
        var act = () => Read(Encoding.Unicode.GetBytes("The Prime Minister said on Monday."));

        act.Should().Throw<InvalidDataException>().Which.Message.Should().Contain("in.txt").And.Contain("--encoding utf-16le");
    }

    [Test]
    public void Read_Utf16WithoutBomNamed_Decodes()
    {
        Read(Encoding.Unicode.GetBytes(Vietnamese), SourceEncoding.Utf16LittleEndian).Text.Should().Be(Vietnamese);
    }

    [Test]
    public void Read_Utf16OddLength_ThrowsNamingTheFile()
    {
        var act = () => Read([0xFF, 0xFE, 0x41, 0x00, 0x42]);

        act.Should().Throw<InvalidDataException>().Which.Message.Should().Contain("in.txt").And.Contain("UTF-16");
    }

    [Test]
    public void Read_Windows1258_IsDetectedAndDecoded()
    {
        var source = Read(ToWindows1258(Vietnamese));

        source.Encoding.Should().Be(SourceEncoding.Windows1258);
        source.Text.Normalize(NormalizationForm.FormC).Should().Be(Vietnamese);
    }

    [TestCase("Tæng BÝ th­ T« L©m ®· tiÕp ®oµn ®¹i biÓu.", "Tổng Bí thư Tô Lâm đã tiếp đoàn đại biểu.")] // TCVN3 (ABC) as its fonts show it
    public void Read_Tcvn3_IsDetectedAndConverted(string shown, string expected)
    {
        var source = Read(Encoding.Latin1.GetBytes(shown));

        source.Encoding.Should().Be(SourceEncoding.Tcvn3);
        source.Text.Should().Be(expected);
    }

    [Test]
    public void Read_Vni_IsDetectedAndConverted()
    {
        var source = Read(Encoding.Latin1.GetBytes("Vieät Nam vaø Hoa Kyø kyù hieäp ñònh."));

        source.Encoding.Should().Be(SourceEncoding.Vni);
        source.Text.Should().Be("Việt Nam và Hoa Kỳ ký hiệp định.");
    }

    [Test]
    public void Read_EncodingNamed_WinsOverDetection()
    {
        // Valid UTF-8 read as Windows-1258 on request: the bytes of "ệ" become three Windows-1258 characters.
        var source = Read(Encoding.UTF8.GetBytes("ệ"), SourceEncoding.Windows1258);

        source.Encoding.Should().Be(SourceEncoding.Windows1258);
        source.Text.Should().HaveLength(3);
    }

    [TestCase("Un été à Paris, déjà très chaud.")] // French in Latin-1: neither UTF-8 nor Vietnamese
    [TestCase("Grüße aus München, schöne Größe.")] // German in Latin-1
    public void Read_OtherEightBitText_ThrowsWithAnIconvHint(string text)
    {
        var act = () => Read(Encoding.Latin1.GetBytes(text));

        act.Should().Throw<InvalidDataException>().Which.Message.Should()
            .Contain("in.txt").And.Contain("invalid UTF-8 at byte").And.Contain("iconv -f").And.Contain("--encoding");
    }

    [Test]
    public void Read_EndlessZeros_StopsAtTheFirstBlockAsBinary()
    {
        var act = () => SourceText.Read(new EndlessStream(0), "-");

        act.Should().Throw<InvalidDataException>().Which.Message.Should().Contain("binary");
    }

    [Test]
    public void Read_RandomBytes_StopsAsBinary()
    {
        var bytes = new byte[1 << 20];
        new Random(7).NextBytes(bytes);

        var act = () => Read(bytes);

        act.Should().Throw<InvalidDataException>().Which.Message.Should().Contain("binary");
    }

    [Test]
    public void Read_EndlessText_StopsAtTheLimit()
    {
        var stream = new EndlessStream((byte)'a');

        var act = () => SourceText.Read(stream, "-", null, maxBytes: 1 << 20);

        act.Should().Throw<InvalidDataException>().Which.Message.Should().Contain("more than").And.Contain("limit");
        stream.Served.Should().BeLessThanOrEqualTo((1 << 20) + (1 << 16), "reading stops at the limit, not at the end of the stream");
    }

    [Test]
    public void Load_Utf16File_OffsetsAreOnTheDecodedText()
    {
        using var temp = new TempDirectory();
        var path = temp.Write("notepad.txt", [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes("Xin chào.\r\nTạm biệt.")]);

        var alignment = Bitext.AlignFiles(temp.Write("en.txt", "Hello.\nGoodbye."), path);

        alignment.Vietnamese.Text.Should().Be("Xin chào.\r\nTạm biệt.");
        alignment.VietnameseSentences.Select(s => s.Range.Substring(alignment.Vietnamese.Text)).Should().Equal("Xin chào.", "Tạm biệt.");
    }

    [TestCase("utf-8", SourceEncoding.Utf8)]
    [TestCase("UTF8", SourceEncoding.Utf8)]
    [TestCase("utf-16le", SourceEncoding.Utf16LittleEndian)]
    [TestCase("utf-16be", SourceEncoding.Utf16BigEndian)]
    [TestCase("cp1258", SourceEncoding.Windows1258)]
    [TestCase("TCVN3", SourceEncoding.Tcvn3)]
    [TestCase("vni", SourceEncoding.Vni)]
    public void Parse_KnownNames_GiveTheEncoding(string name, SourceEncoding expected)
    {
        SourceEncodings.Parse(name).Should().Be(expected);
    }

    [Test]
    public void Parse_UnknownName_IsNull()
    {
        SourceEncodings.Parse("shift-jis").Should().BeNull();
    }

    // Windows-1258 writes the letters with their quality (â ê ô ơ ư ă đ) as one byte and the tone as a combining mark.
    private static byte[] ToWindows1258(string text)
    {
        var strict = CodePagesEncodingProvider.Instance.GetEncoding(1258, EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback)!;
        var bytes = new List<byte>();
        foreach (var c in text.Normalize(NormalizationForm.FormC))
        {
            try
            {
                bytes.AddRange(strict.GetBytes(c.ToString()));
            }
            catch (EncoderFallbackException)
            {
                var decomposed = c.ToString().Normalize(NormalizationForm.FormD);
                var tone = decomposed.First(d => "\u0300\u0301\u0303\u0309\u0323".Contains(d, StringComparison.Ordinal));
                var letter = decomposed.Replace(tone.ToString(), string.Empty, StringComparison.Ordinal).Normalize(NormalizationForm.FormC);
                bytes.AddRange(strict.GetBytes(letter + tone));
            }
        }

        return [.. bytes];
    }

    /// <summary>A stream that never ends, serving one byte value.</summary>
    private sealed class EndlessStream(byte value) : Stream
    {
        public long Served { get; private set; }

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            buffer.AsSpan(offset, count).Fill(value);
            Served += count;
            return count;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
