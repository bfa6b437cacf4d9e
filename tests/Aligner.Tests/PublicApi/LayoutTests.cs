using System.Text.RegularExpressions;
using Aligner.Tests.Support;
using FluentAssertions;

namespace Aligner.Tests.PublicApi;

/// <summary>
/// The library's folders are its stages and data flows one way between them: a namespace may use only the namespaces
/// listed before it here (ARCHITECTURE.md draws the same order). Read from the source files beside the tests.
/// </summary>
[TestFixture]
public sealed partial class LayoutTests
{
    // Bottom to top.
    private static readonly string[] Order =
    [
        "Text", "Normalization", "Input", "Segmentation", "Tokenization", "Detection", "Restoration", "Scoring", "Training",
        "Preparation", "Alignment", "Matching", "Output", "",
    ];

    [Test]
    public void Namespaces_UseOnlyTheStagesBelowThem()
    {
        var source = Path.Combine(Repository.Root(), "src", "Aligner");
        var wrong = new List<string>();
        foreach (var file in Directory.EnumerateFiles(source, "*.cs", SearchOption.AllDirectories).Where(f => !f.Contains("/obj/", StringComparison.Ordinal) && !f.Contains("/bin/", StringComparison.Ordinal)))
        {
            var text = File.ReadAllText(file);
            var own = NamespaceLine().Match(text).Groups[1].Value;
            var level = Array.IndexOf(Order, own);
            level.Should().BeGreaterThanOrEqualTo(0, $"{file}: namespace Aligner.{own} has a place in the order");
            var code = CommentLine().Replace(text, "");
            var used = UsingLine().Matches(code).Select(m => m.Groups[1].Value)
                .Concat(Order.Where(n => n.Length > 0 && Regex.IsMatch(UsingLine().Replace(code, ""), $@"(?<![\w.]){n}\.[A-Z]\w*")));
            foreach (var other in used.Distinct())
            {
                if (Array.IndexOf(Order, other) >= level && other != own)
                {
                    wrong.Add($"{Path.GetRelativePath(source, file)}: Aligner.{own} uses Aligner.{other}");
                }
            }
        }

        wrong.Should().BeEmpty("a stage uses only the stages below it");
    }

    [GeneratedRegex(@"^namespace Aligner\.?(\w*);", RegexOptions.Multiline)]
    private static partial Regex NamespaceLine();

    [GeneratedRegex(@"^using Aligner\.(\w+);", RegexOptions.Multiline)]
    private static partial Regex UsingLine();

    [GeneratedRegex(@"//.*$", RegexOptions.Multiline)]
    private static partial Regex CommentLine();
}
