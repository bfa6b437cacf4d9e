using System.Collections.Immutable;
using System.Collections;
using System.Reflection;
using Aligner.Detection;
using Aligner.Input;
using Aligner.Matching;
using Aligner.Restoration;
using Aligner.Scoring;
using Aligner.Tests.Support;
using FluentAssertions;
using PublicApiGenerator;

namespace Aligner.Tests.PublicApi;

/// <summary>
/// The library's public surface is deliberate: it is compared with the approved text (PublicApi/Aligner.approved.txt),
/// so every change to it shows in review. To approve a change: ALIGNER_APPROVE_API=1 dotnet test --filter PublicApiTests.
/// </summary>
[TestFixture]
public sealed class PublicApiTests
{
    private static readonly Assembly Library = typeof(Bitext).Assembly;

    [Test]
    public void PublicApi_IsTheApprovedOne()
    {
        var api = Library.GeneratePublicApi(new ApiGeneratorOptions { ExcludeAttributes = ["System.Runtime.Versioning.TargetFrameworkAttribute", "System.Reflection.AssemblyMetadataAttribute"] })
            .ReplaceLineEndings("\n");
        var approvedPath = Path.Combine(TestContext.CurrentContext.TestDirectory, "PublicApi", "Aligner.approved.txt");
        if (Environment.GetEnvironmentVariable("ALIGNER_APPROVE_API") == "1")
        {
            File.WriteAllText(Path.Combine(Repository.Root(), "tests", "Aligner.Tests", "PublicApi", "Aligner.approved.txt"), api);
            Assert.Inconclusive("The public API was written to PublicApi/Aligner.approved.txt: review and commit it.");
        }

        var approved = File.Exists(approvedPath) ? File.ReadAllText(approvedPath).ReplaceLineEndings("\n") : "";
        if (api != approved)
        {
            var received = Path.Combine(TestContext.CurrentContext.TestDirectory, "PublicApi", "Aligner.received.txt");
            File.WriteAllText(received, api);
            api.Should().Be(approved, $"the public API changed: compare {received} with the approved file, and approve it with ALIGNER_APPROVE_API=1 if the change is deliberate");
        }
    }

    [Test]
    public void PublicTypes_AreFewAndDocumented()
    {
        var types = Library.GetExportedTypes();

        // Entry points, results, options, models, training and the writer: see ARCHITECTURE.md "Public surface". The
        // nested types the compiler emits for C# 14 extension blocks (TrainingExtensions+<G>$…, +<M>$…) are not types a
        // user can name.
        types.Where(t => !t.Name.Contains('<', StringComparison.Ordinal)).Should().HaveCountLessThanOrEqualTo(35);
    }

    [Test]
    public void PublicMembers_HandOutNoMutableCollection()
    {
        var offenders = new List<string>();
        foreach (var type in Library.GetExportedTypes())
        {
            const BindingFlags Public = BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;
            foreach (var property in type.GetProperties(Public))
            {
                if (IsMutableCollection(property.PropertyType))
                {
                    offenders.Add($"{type.Name}.{property.Name}: {property.PropertyType.Name}");
                }
            }

            foreach (var method in type.GetMethods(Public).Where(m => !m.IsSpecialName))
            {
                if (IsMutableCollection(method.ReturnType))
                {
                    offenders.Add($"{type.Name}.{method.Name}(): {method.ReturnType.Name}");
                }
            }

            foreach (var field in type.GetFields(Public).Where(f => !f.IsLiteral && !type.IsEnum))
            {
                if (IsMutableCollection(field.FieldType) || !field.IsInitOnly)
                {
                    offenders.Add($"{type.Name}.{field.Name} (field)");
                }
            }
        }

        offenders.Should().BeEmpty("a public member that hands out an array, list or dictionary lets a caller change shared state");
    }

    [Test]
    public void Results_AreReadOnlyAtRunTime()
    {
        // An IReadOnlyList backed by an array could be cast back and changed: every list a result hands out must not be.
        var alignment = Bitext.AlignFiles(Seeds.PathOf(Seeds.EnglishReport), Seeds.PathOf(Seeds.VietnameseReport));
        var passages = PassageMatcher.Default.Match([SourceText.Load(Seeds.PathOf(Seeds.EnglishReport)), SourceText.Load(Seeds.PathOf(Seeds.VietnameseReport))]);
        var restored = DiacriticRestorer.Default.Analyze("Thu tuong Chinh phu");
        var prepared = Preparation.DocumentPreparer.Default.Prepare(SourceText.Load(Seeds.PathOf(Seeds.EnglishReport)), DetectedLanguage.English);
        var page = File.ReadAllText(Seeds.PathOf(Seeds.MixedPage));
        var lines = LanguageDetector.Default.DetectLines(page);
        var paragraphs = LanguageDetector.Default.DetectParagraphs(page);

        passages.Should().NotBeEmpty();
        foreach (var value in new object[] { alignment, passages, passages[0], restored, prepared, ScorerModel.Default, lines, paragraphs })
        {
            ReadOnlyAtRunTime(value).Should().BeEmpty($"{value.GetType().Name} hands out only read-only lists");
        }
    }

    [Test]
    public void ScorerModel_WeightsAreImmutable()
    {
        // Negating the weights of the shared default model once changed every later alignment in the process.
        typeof(ScorerModel).GetProperty(nameof(ScorerModel.Weights))!.PropertyType.Should().Be<ImmutableArray<double>>();
        typeof(ScorerModel).GetProperty(nameof(ScorerModel.ComparableWeights))!.PropertyType.Should().Be<ImmutableArray<double>>();
        ScorerModel.Default.Weights.Should().NotBeEmpty();
    }

    private static bool IsMutableCollection(Type type)
    {
        if (type.IsArray)
        {
            return true;
        }

        if (!type.IsGenericType)
        {
            return false;
        }

        var definition = type.GetGenericTypeDefinition();
        return definition == typeof(List<>) || definition == typeof(Dictionary<,>) || definition == typeof(HashSet<>)
            || definition == typeof(IList<>) || definition == typeof(ICollection<>) || definition == typeof(IDictionary<,>) || definition == typeof(ISet<>);
    }

    // The public properties of value (and of the items of its lists) whose run-time value is an array or a List.
    private static List<string> ReadOnlyAtRunTime(object value, int depth = 0)
    {
        var found = new List<string>();
        if (depth > 3)
        {
            return found;
        }

        if (value is IEnumerable items and not string)
        {
            if (value is Array || value.GetType().IsGenericType && value.GetType().GetGenericTypeDefinition() == typeof(List<>))
            {
                found.Add(value.GetType().Name);
                return found;
            }

            foreach (var item in items.Cast<object?>().Take(3))
            {
                if (item is not null && item.GetType().Assembly == Library)
                {
                    found.AddRange(ReadOnlyAtRunTime(item, depth + 1));
                }
            }

            return found;
        }

        foreach (var property in value.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.GetIndexParameters().Length > 0 || !typeof(IEnumerable).IsAssignableFrom(property.PropertyType) || property.PropertyType == typeof(string))
            {
                continue;
            }

            if (property.GetValue(value) is { } inner)
            {
                found.AddRange(ReadOnlyAtRunTime(inner, depth + 1).Select(f => $"{value.GetType().Name}.{property.Name}: {f}"));
            }
        }

        return found;
    }

}
