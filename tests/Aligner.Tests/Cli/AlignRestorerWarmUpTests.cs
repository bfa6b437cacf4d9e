using Aligner.Cli;
using Aligner.Cli.Commands;
using Aligner.Input;
using Aligner.Normalization;
using Aligner.Tests.Support;
using FluentAssertions;

namespace Aligner.Tests.Cli;

/// <summary>
/// <c>align</c> loads the restorer on another core ahead of time only for a Vietnamese file with a line that
/// reads as Vietnamese without its diacritics: the restorer is loaded for such a line anyway, and never otherwise.
/// </summary>
[TestFixture]
public sealed class AlignRestorerWarmUpTests
{
    private static readonly CliIO Io = new(TextWriter.Null, TextWriter.Null, null);

    private static readonly ModelPaths Embedded = new(null, null, null, null);

    // The Vietnamese report (no bare line) and the same with one long line stripped of its diacritics.
    private static SourceText Accented => new(Seeds.Read(Seeds.VietnameseReport), "vi.txt");

    private static SourceText OneLineBare
    {
        get
        {
            var lines = Seeds.Read(Seeds.VietnameseReport).Split('\n');
            var k = Array.FindLastIndex(lines, l => l.Length > 60);
            lines[k] = VietnameseFolding.Fold(lines[k]);
            return new SourceText(string.Join('\n', lines), "vi-bare.txt");
        }
    }

    [Test]
    public void CheckLanguages_VietnameseFileWithABareLine_IsBare()
    {
        var english = new SourceText(Seeds.Read(Seeds.RelatedEnglishReport), "en.txt");

        AlignCommand.CheckLanguages(english, OneLineBare, strict: false, Io).Bare.Should().BeTrue();
        AlignCommand.CheckLanguages(english, Accented, strict: false, Io).Bare.Should().BeFalse();
    }

    [Test]
    public void CheckLanguages_FilesSwapped_BareIsTheVietnameseFiles()
    {
        // The English report's byline ("Huy Anh 18:38") reads as bare Vietnamese, but the English side is not restored.
        var english = new SourceText(Seeds.Read(Seeds.EnglishReport), "en.txt");

        var (en, vi, bare) = AlignCommand.CheckLanguages(Accented, english, strict: false, Io);
        var swappedBare = AlignCommand.CheckLanguages(OneLineBare, english, strict: false, Io);

        (en.Name, vi.Name).Should().Be(("en.txt", "vi.txt"));
        bare.Should().BeFalse();
        swappedBare.Vietnamese.Name.Should().Be("vi-bare.txt");
        swappedBare.Bare.Should().BeTrue();
    }

    [Test]
    public void WarmsRestorer_OnlyAFileWithABareLineAndTheEmbeddedRestorer()
    {
        AlignCommand.WarmsRestorer(Embedded, bare: true).Should().BeTrue();
        AlignCommand.WarmsRestorer(Embedded, bare: false).Should().BeFalse("no line will be restored");
        AlignCommand.WarmsRestorer(Embedded with { Restorer = "restorer.bin" }, bare: true).Should().BeFalse("another restorer is used");
    }
}
