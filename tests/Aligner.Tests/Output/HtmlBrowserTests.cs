using System.Diagnostics;
using System.Text.RegularExpressions;
using Aligner.Alignment;
using Aligner.Input;
using Aligner.Matching;
using Aligner.Output;
using Aligner.Tests.Support;
using FluentAssertions;

namespace Aligner.Tests.Output;

/// <summary>
/// Loads the HTML view of the seed alignment in a real headless Chromium (Debian's <c>chromium</c>, which
/// <c>.ci/run</c> installs when missing) and checks the DOM after the page's script ran. Ignored when no Chromium
/// is installed, except in CI (<c>CI=true</c>), where a missing Chromium fails.
/// </summary>
[TestFixture]
[Category("Browser")]
[NonParallelizable]
public sealed class HtmlBrowserTests : IDisposable
{
    // Not a speed check: only a browser that hangs (no output for this long) is stopped, so a run cannot block forever.
    private static readonly TimeSpan HangGuard = TimeSpan.FromMinutes(10);

    private readonly TempDirectory temp = new();

    public void Dispose() => temp.Dispose();

    [Test]
    public void Chromium_SeedAlignment_ScriptRunsAndBothTextsShow()
    {
        var chromium = FindChromium();
        var alignment = Bitext.AlignFiles(Seeds.PathOf(Seeds.EnglishReport), Seeds.PathOf(Seeds.VietnameseReport));
        var page = WritePage(alignment);

        var dom = Chromium(chromium, "--dump-dom", new Uri(page).AbsoluteUri);

        dom.Should().Contain("data-ready=\"true\"", "the page's script ran without error");
        Regex.Count(dom, "<tr data-b=").Should().Be(alignment.Beads.Count);
        dom.Should().Contain("88 tỷ USD, tăng 22%").And.Contain("New York");
        dom.Should().Contain("unaligned");
    }

    [Test]
    public void Chromium_SeedMatch_ScriptRunsAndEveryPassageShows()
    {
        var chromium = FindChromium();
        var passages = PassageMatcher.Default.Match([.. Seeds.All.Select(name => SourceText.Load(Seeds.PathOf(name)))]);
        var page = temp.File("seed match.html");
        using (var stream = File.Create(page))
        {
            HtmlWriter.Write(passages, stream);
        }

        var dom = Chromium(chromium, "--dump-dom", new Uri(page).AbsoluteUri);

        dom.Should().Contain("data-ready=\"true\"", "the page's script ran without error");
        Regex.Count(dom, "<tr data-b=").Should().Be(passages.Sum(p => p.Pairs.Count));
        Regex.Count(dom, "<tr class=\"ph\">").Should().Be(passages.Count);
        dom.Should().Contain("Thu tuong Chinh phu Pham Minh Chinh");
    }

    [Test]
    public void Chromium_BeadInTheAddress_OpensWithThatBeadPinned()
    {
        var chromium = FindChromium();
        var alignment = Bitext.AlignFiles(Seeds.PathOf(Seeds.EnglishReport), Seeds.PathOf(Seeds.VietnameseReport));
        var page = WritePage(alignment);
        var bead = alignment.Beads.Count / 2;

        var dom = Chromium(chromium, "--dump-dom", new Uri(page).AbsoluteUri + "#b" + bead);

        dom.Should().Contain("data-ready=\"true\"").And.Contain($"data-pinned=\"{bead}\"");
        Regex.IsMatch(dom, $"<tr data-b=\"{bead}\" class=\"[a-z]+ pin\"").Should().BeTrue("the row is highlighted");
    }

    [Test]
    public void Chromium_Screenshot_IsAnImage()
    {
        var chromium = FindChromium();
        var page = WritePage(Bitext.AlignFiles(Seeds.PathOf(Seeds.EnglishReport), Seeds.PathOf(Seeds.VietnameseReport)));
        var png = temp.File("page.png");

        Chromium(chromium, "--screenshot=" + png, "--window-size=1280,900", new Uri(page).AbsoluteUri);

        var bytes = File.ReadAllBytes(png);
        bytes.Length.Should().BeGreaterThan(10_000);
        bytes[..8].Should().Equal(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A });
    }

    private string WritePage(DocumentAlignment alignment)
    {
        var page = temp.File("seed alignment.html");
        using (var stream = File.Create(page))
        {
            HtmlWriter.Write(alignment, stream);
        }

        return page;
    }

    private static string FindChromium()
    {
        foreach (var name in new[] { "chromium", "chromium-browser" })
        {
            foreach (var dir in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
            {
                var path = Path.Combine(dir, name);
                if (File.Exists(path))
                {
                    return path;
                }
            }
        }

        // In CI (.ci/run sets CI=true and installs chromium) a missing browser is a failure, never a silent skip.
        const string Missing = "chromium is not installed (.ci/run installs Debian's chromium package); the HTML view was not checked in a browser";
        if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
        {
            Assert.Fail(Missing);
        }

        Assert.Ignore(Missing);
        return "";
    }

    private string Chromium(string chromium, params string[] args)
    {
        var start = new ProcessStartInfo(chromium)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in (string[])["--headless", "--disable-gpu", "--no-sandbox", "--no-first-run", "--disable-extensions",
            "--disable-dev-shm-usage", "--user-data-dir=" + temp.File("profile"), .. args])
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(HangGuard))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"chromium hung (no exit after {HangGuard.TotalMinutes} minutes)");
        }

        process.ExitCode.Should().Be(0, error.Result);
        error.Result.Should().NotContain("Uncaught", "no script error");
        return output.Result;
    }
}
