using Aligner.Detection;
using Aligner.Input;
using Aligner.Normalization;
using Aligner.Preparation;
using Aligner.Tests.Support;
using FluentAssertions;

namespace Aligner.Tests.Detection;

/// <summary>
/// <c>align</c> loads the restorer ahead of time only for a Vietnamese file that <see cref="LanguageDetector.Survey"/>
/// finds a bare line in: the survey must agree with the lines the preparer restores.
/// </summary>
[TestFixture]
public sealed class BareLineSurveyTests
{
    public static IEnumerable<TestCaseData> Texts()
    {
        var vietnamese = Seeds.Read(Seeds.VietnameseReport);
        var lines = vietnamese.Split('\n');
        var long1 = lines.Select((l, k) => l.Length > 60 && k > lines.Length / 2 ? k : -1).First(k => k >= 0);
        yield return new TestCaseData(vietnamese, false).SetArgDisplayNames("Vietnamese report");
        yield return new TestCaseData(string.Join('\n', lines.Select((l, k) => k == long1 ? VietnameseFolding.Fold(l) : l)), true).SetArgDisplayNames("one line stripped");
        yield return new TestCaseData(VietnameseFolding.Fold(vietnamese), true).SetArgDisplayNames("all stripped");
        yield return new TestCaseData(Seeds.Read(Seeds.MixedPageWithCaptions), true).SetArgDisplayNames("unaccented captions");
        yield return new TestCaseData(Seeds.Read(Seeds.EnglishReport), true).SetArgDisplayNames("English report"); // its byline, "Huy Anh 18:38, 2024/09/22"
        yield return new TestCaseData(Seeds.Read(Seeds.RelatedEnglishReport), false).SetArgDisplayNames("related English report");
        yield return new TestCaseData(Seeds.Read(Seeds.MixedPage), true).SetArgDisplayNames("mixed page");
    }

    [TestCaseSource(nameof(Texts))]
    public void Survey_BareVietnamese_IsWhetherThePreparerRestores(string text, bool bare)
    {
        var times = new StageTimes();

        DocumentPreparer.Default.Prepare(new SourceText(text, "vi.txt"), DetectedLanguage.Vietnamese, times, default);
        var restored = times.Totals().Any(t => t.Stage == "diacritic restoration");

        LanguageDetector.Default.Survey(text).BareVietnamese.Should().Be(bare);
        restored.Should().Be(bare);
    }
}
