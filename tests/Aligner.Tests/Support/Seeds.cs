namespace Aligner.Tests.Support;

/// <summary>The repository's seed documents, copied next to the test assembly under <c>seeds/</c>.</summary>
internal static class Seeds
{
    /// <summary>Hanoi Times, English report of To Lam's arrival in New York (with navigation and related news).</summary>
    public const string EnglishReport = "000_06a9cf74ceb7c5dd.txt";

    /// <summary>Mixed-language page (English report with Vietnamese related news).</summary>
    public const string MixedPage = "001_95c7d294790140af.txt";

    /// <summary>A related English report of the same trip.</summary>
    public const string RelatedEnglishReport = "002_5c243be0256d3d0b.txt";

    /// <summary>Mixed-language page (English report, Vietnamese and unaccented captions).</summary>
    public const string MixedPageWithCaptions = "003_a1bc06b022d74e29.txt";

    /// <summary>VietnamPlus, Vietnamese report of the same story as <see cref="EnglishReport"/>.</summary>
    public const string VietnameseReport = "004_97cab69a675f2a31.txt";

    public static IReadOnlyList<string> All { get; } =
        [EnglishReport, MixedPage, RelatedEnglishReport, MixedPageWithCaptions, VietnameseReport];

    public static string Directory => Path.Combine(TestContext.CurrentContext.TestDirectory, "seeds");

    public static string PathOf(string name) => Path.Combine(Directory, name);

    public static string Read(string name) => File.ReadAllText(PathOf(name));
}
