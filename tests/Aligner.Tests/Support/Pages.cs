namespace Aligner.Tests.Support;

/// <summary>Hand-written HTML test pages shaped like news pages (tests/Aligner.Tests/Input/Pages; not copies of real pages).</summary>
internal static class Pages
{
    /// <summary>An English article with a site menu, breadcrumb, share bar, figure caption, related list and footer.</summary>
    public const string English = "news-en.html";

    /// <summary>Its Vietnamese translation, laid out differently (div menu, sapo in h2, caption in a table).</summary>
    public const string Vietnamese = "news-vi.html";

    public static string PathOf(string name) => Path.Combine(TestContext.CurrentContext.TestDirectory, "Input", "Pages", name);

    public static string Read(string name) => File.ReadAllText(PathOf(name));
}
