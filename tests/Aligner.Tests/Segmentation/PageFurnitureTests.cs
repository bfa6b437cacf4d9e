using Aligner.Segmentation;
using FluentAssertions;

namespace Aligner.Tests.Segmentation;

[TestFixture]
public sealed class PageFurnitureTests
{
    [TestCase("Home / News / World")]
    [TestCase("Trang chủ > Tin tức > Thế giới")]
    [TestCase("Share this article")]
    [TestCase("Advertisement")]
    [TestCase("Quảng cáo")]
    [TestCase("Chia sẻ bài viết")]
    [TestCase("Follow us on social media")]
    [TestCase("Theo dõi chúng tôi trên mạng xã hội")]
    [TestCase("Copyright 2024. All rights reserved.")]
    [TestCase("Bản quyền thuộc về tòa soạn.")]
    [TestCase("TAG: General Secretary and State President To Lam")]
    [TestCase("Từ khóa: Tô Lâm, Liên hợp quốc")]
    [TestCase("TIN LIÊN QUAN")]
    [TestCase("RELATED NEWS")]
    [TestCase("Tin lien quan")] // folded: no diacritics needed
    [TestCase("Home › World › Europe")]
    [TestCase("Updated: Oct 18, 2018 14:02 GMT")]
    [TestCase("Published 3 March 2019")]
    [TestCase("Thứ Hai, 21/9/2024 10:15 (GMT+7)")]
    [TestCase("Cập nhật: 05/02/2019 18:50")]
    [TestCase("15:18, 2024/09/27")]
    [TestCase("Sign up for our newsletter")]
    [TestCase("vietnam-welcomes-japan-emperor-empress-in-first-visit-2")]
    [TestCase("https://www.vietnamplus.vn/chinh-tri")]
    [TestCase("www.vietnamplus.vn")]
    public void IsFurniture_CommonPageLabels_True(string paragraph) =>
        PageFurniture.IsFurniture(paragraph).Should().BeTrue();

    [TestCase("General Secretary and President To Lam arrives in the US for UNGA 79")]
    [TestCase("Tổng Bí thư, Chủ tịch nước đến New York dự tuần lễ cấp cao Đại hội đồng LHQ")]
    [TestCase("Home prices rose 5% in the year to March, the agency said.")]
    [TestCase("Follow us on social media, the minister told young people at the opening ceremony of the festival in Hanoi on Sunday.")]
    [TestCase("He shared the article with his friends.")]
    [TestCase("1/2/3")]
    [TestCase("Năm 2024, kinh tế tăng trưởng 7%.")]
    [TestCase("On Monday, 21 people were hurt.")]
    [TestCase("Hai người bị thương ngày 21/9.")]
    [TestCase("Vietnam-Japan")]
    [TestCase("Quan hệ Việt-Nhật")]
    [TestCase("Long-term")]
    [TestCase("")]
    public void IsFurniture_ArticleText_False(string paragraph) =>
        PageFurniture.IsFurniture(paragraph).Should().BeFalse();

    [Test]
    public void Classify_RelatedHeadingInSecondHalf_MarksTheRestOfThePage()
    {
        var text = "A headline\n\nFirst sentence of the story. Second sentence of the story.\n\nThird sentence here.\n\nRELATED NEWS\n\nAnother story about something else\n\nYet another story";
        var sentences = SentenceSplitter.Split(text);

        var furniture = PageFurniture.Classify(text, sentences);

        var marked = sentences.Where((_, k) => furniture[k]).Select(s => s.Range.Substring(text)).ToList();
        marked.Should().Equal("RELATED NEWS", "Another story about something else", "Yet another story");
    }

    [Test]
    public void Classify_RelatedHeadingNearTheTop_MarksOnlyItself()
    {
        var text = "Read more\n\nThe story begins here and goes on for a while with many words in it.\n\nIt ends here after a second paragraph of the same story, which is long enough.";
        var sentences = SentenceSplitter.Split(text);

        var furniture = PageFurniture.Classify(text, sentences);

        furniture.Should().Equal(true, false, false);
    }

    [Test]
    public void Classify_RelatedHeadingFollowedByALongDocument_MarksOnlyItself()
    {
        // A "Read more" in the second half of a long text (articles run together) does not make the rest a list.
        var story = string.Join("\n\n", Enumerable.Range(1, 150).Select(k => $"Sentence number {k} of the story."));
        var text = story + "\n\nRead more\n\n" + story;
        var sentences = SentenceSplitter.Split(text);

        var furniture = PageFurniture.Classify(text, sentences);

        furniture.Count(f => f).Should().Be(1);
        sentences[Array.IndexOf(furniture, true)].Range.Substring(text).Should().Be("Read more");
    }

    [Test]
    public void Classify_NoSentences_Empty() =>
        PageFurniture.Classify("", []).Should().BeEmpty();
}
