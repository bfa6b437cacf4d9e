using System.Text;
using System.Xml.Linq;
using Aligner.Alignment;
using Aligner.Output;
using FluentAssertions;

namespace Aligner.Tests.Output;

[TestFixture]
public sealed class TmxWriterTests
{
    private static readonly XNamespace Xml = XNamespace.Xml;

    [Test]
    public void Write_Alignment_IsTmx14WithHeaderAndOneTuPerPair()
    {
        var alignment = WriterFixture.Sample;

        var document = Load(Write(alignment));

        var tmx = document.Root!;
        tmx.Name.LocalName.Should().Be("tmx");
        tmx.Attribute("version")!.Value.Should().Be("1.4");
        var header = tmx.Element("header")!;
        header.Attribute("creationtool")!.Value.Should().Be("Aligner");
        header.Attribute("creationtoolversion")!.Value.Should().NotBeNullOrEmpty();
        header.Attribute("srclang")!.Value.Should().Be("en");
        header.Attribute("segtype")!.Value.Should().Be("sentence");
        header.Attribute("datatype")!.Value.Should().Be("plaintext");
        header.Attribute("adminlang")!.Value.Should().Be("en");
        header.Attribute("o-tmf")!.Value.Should().NotBeNullOrEmpty();
        var units = tmx.Element("body")!.Elements("tu").ToList();
        units.Should().HaveCount(alignment.Beads.Count(WriterFixture.IsPair));
        foreach (var tu in units)
        {
            tu.Elements("tuv").Select(v => v.Attribute(Xml + "lang")!.Value).Should().Equal("en", "vi");
            var score = double.Parse(tu.Elements("prop").Single(p => p.Attribute("type")!.Value == "x-score").Value, System.Globalization.CultureInfo.InvariantCulture);
            score.Should().BeInRange(0, 1);
        }

        units[0].Elements("tuv").Last().Element("seg")!.Value.Should().Be("LHQ đã họp ngày 21/9.");
        document.ToString().Should().NotContain("RELATED NEWS", "unpaired sentences are left out");
    }

    [Test]
    public void Write_ControlCharactersAndMarkup_StaysValidXmlAndKeepsTheText()
    {
        // NUL, bell, vertical tab, escape, a lone surrogate and U+FFFF are not allowed in XML 1.0.
        var alignment = WriterFixture.Align("Price <&> \"quoted\" rose\u0007 by 5%.\u000B It fell\u0000 again \uD800 later\uFFFF.", "Giá <&> \"trích\" tăng\u001B 5%. Nó lại giảm\u0000 sau đó 😀.");

        var bytes = Write(alignment);
        var document = Load(bytes);

        var segs = document.Descendants("seg").Select(s => s.Value).ToList();
        segs.Should().NotBeEmpty();
        string.Concat(segs).Should().Contain("<&> \"quoted\"").And.Contain("Giá <&>").And.Contain("😀").And.Contain("\uFFFD");
        string.Concat(segs).Should().NotContain("\u0000").And.NotContain("\u0007").And.NotContain("\uFFFF");
        Encoding.UTF8.GetString(bytes).Should().Contain("&lt;&amp;&gt;");
    }

    [Test]
    public void Write_EmptyAlignment_ValidWithEmptyBody()
    {
        var document = Load(Write(WriterFixture.Empty));

        document.Root!.Element("body")!.Elements().Should().BeEmpty();
    }

    internal static XDocument Load(byte[] bytes)
    {
        using var stream = new MemoryStream(bytes);
        return XDocument.Load(stream, LoadOptions.PreserveWhitespace);
    }

    private static byte[] Write(DocumentAlignment alignment) => WriterFixture.Bytes(s => TmxWriter.Write(alignment, s));
}
