using Aligner.Detection;
using Aligner.Preparation;
using Aligner.Scoring;
using Aligner.Tests.Support;
using FluentAssertions;

namespace Aligner.Tests.EndToEnd;

[TestFixture]
public sealed class LongDocumentPreparationTests
{
    [Test]
    public void Prepare_LongDocument_ReadsEverySentenceAsOnItsOwn()
    {
        // A document long enough to be read on all cores: each sentence's features are those of the sentence read alone
        // (compared through the scores they give against English sentences), in document order.
        var vietnamese = string.Join("\n\n", Enumerable.Repeat(Seeds.Read(Seeds.VietnameseReport), 30));
        var english = DocumentPreparer.Default.Prepare(Seeds.Read(Seeds.EnglishReport), DetectedLanguage.English).Features;
        var prepared = DocumentPreparer.Default.Prepare(vietnamese, DetectedLanguage.Vietnamese);
        prepared.Features.Length.Should().BeGreaterThan(1024);

        var scorer = PairScorer.Default;
        for (var k = 0; k < prepared.Features.Length; k++)
        {
            var actual = prepared.Features[k];
            var alone = DocumentPreparer.Features(prepared.PartText(k), DetectedLanguage.Vietnamese, Lexicon.Default, actual.IsFurniture, actual.IsOtherLanguage, times: null);
            actual.Length.Should().Be(alone.Length);
            foreach (var e in new[] { english[k % english.Length], english[(7 * k) % english.Length] })
            {
                scorer.Score(e, actual).Should().Be(scorer.Score(e, alone));
            }
        }
    }
}
