using System.Diagnostics;
using System.Text.RegularExpressions;
using System.Text;
using Aligner.Alignment;
using Aligner.Output;
using FluentAssertions;

namespace Aligner.Tests.Output;

[TestFixture]
public sealed class HtmlWriterTests
{
    [Test]
    public void Write_Alignment_OneRowPerBeadWithBothTextsAndUnalignedMarked()
    {
        var alignment = WriterFixture.Sample;

        var html = Write(alignment);

        html.Should().StartWith("<!DOCTYPE html>").And.EndWith("</html>\n");
        Regex.Count(html, "<tr data-b=").Should().Be(alignment.Beads.Count);
        html.Should().Contain("The UN met on 21/9.").And.Contain("LHQ đã họp ngày 21/9.");
        html.Should().Contain("class=\"un\"").And.Contain("<td class=\"gap\">unaligned</td>");
        html.Should().Contain("dir=\"auto\"");
        html.Should().NotContain("http://").And.NotContain("https://").And.NotContain("src=", "the page is self-contained");
    }

    [Test]
    public void Write_UnsurePairs_ListedLeastSureFirstAsLinksToTheirRows()
    {
        var aligned = Bitext.Align("The UN met on 21/9. It agreed on 88 items. Trade rose 22%.", "LHQ đã họp ngày 21/9. LHQ đã đồng ý 88 mục. Thương mại tăng 22%.");
        var scores = new Queue<double>([0.95, 0.41, 0.62]);
        var alignment = WriterFixture.WithBeads(aligned, aligned.Beads.Select(b => WriterFixture.IsPair(b) && scores.Count > 0 ? b with { Score = scores.Dequeue() } : b));
        var rows = alignment.Beads.Select((b, k) => (b, k)).Where(x => WriterFixture.IsPair(x.b)).Select(x => x.k).ToList();

        var html = Write(alignment);

        rows.Should().HaveCount(3);
        html.Should().Contain($"2 pairs score below 0.8; check first: <a href=\"#b{rows[1]}\">0.41</a> <a href=\"#b{rows[2]}\">0.62</a></p>");
        html.Should().Contain("addEventListener('hashchange'", "a link to a row pins it");
    }

    [Test]
    public void Write_AllPairsSure_SaysSo()
    {
        var aligned = Bitext.Align("The UN met on 21/9.", "LHQ đã họp ngày 21/9.");
        var alignment = WriterFixture.WithBeads(aligned, aligned.Beads.Select(b => b with { Score = 0.99 }));

        var html = Write(alignment);

        html.Should().Contain("No pair scores below 0.8.");
    }

    [Test]
    public void Write_ScriptAndMarkupInText_IsEscaped()
    {
        var alignment = WriterFixture.Align("He wrote <script>alert('x')</script> & left. Then \"quotes\" came.", "Anh viết <script>alert('x')</script> & đi. Rồi \"ngoặc\" đến.", englishName: "<b>en&amp;.txt");

        var html = Write(alignment);

        Regex.Count(html, "<script>").Should().Be(1, "only the page's own script");
        html.Should().Contain("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; left.");
        html.Should().Contain("&lt;b&gt;en&amp;amp;.txt").And.NotContain("<b>en");
    }

    [Test]
    public void Write_RightToLeftEmojiAndControls_WrittenAsIsOrReplaced()
    {
        var alignment = WriterFixture.Align("The sign said مرحبا بالعالم today 🎉. Ends\u0000 here.", "Biển ghi שלום עולם hôm nay 🎉. Kết\u0000 thúc.");

        var html = Write(alignment);

        html.Should().Contain("مرحبا بالعالم").And.Contain("שלום עולם").And.Contain("🎉");
        html.Should().NotContain("\u0000").And.Contain("Kết\uFFFD thúc.");
    }

    [Test]
    public void Write_ThousandSentences_IsProportionate()
    {
        var english = new StringBuilder();
        var vietnamese = new StringBuilder();
        for (var i = 0; i < 1000; i++)
        {
            english.Append(System.Globalization.CultureInfo.InvariantCulture, $"The ministry reported {i} new projects in Hanoi on day {i % 28 + 1}. ");
            vietnamese.Append(System.Globalization.CultureInfo.InvariantCulture, $"Bộ đã báo cáo {i} dự án mới tại Hà Nội vào ngày {i % 28 + 1}. ");
        }

        var alignment = WriterFixture.Align(english.ToString(), vietnamese.ToString(), "en", "vi");
        var clock = Stopwatch.StartNew();

        var html = Write(alignment);

        var textSize = english.Length + vietnamese.Length;
        (html.Length / (double)textSize).Should().BeLessThan(3, "markup stays proportionate to the text");
        Regex.Count(html, @"addEventListener\('click'").Should().Be(1, "one delegated click listener, not one per row");
        TestContext.Out.WriteLine($"1,000 + 1,000 sentences: {Encoding.UTF8.GetByteCount(html):N0} bytes of HTML in {clock.ElapsedMilliseconds} ms");
    }

    internal static string Write(DocumentAlignment alignment) => WriterFixture.Text(HtmlWriter.Write, alignment);
}
