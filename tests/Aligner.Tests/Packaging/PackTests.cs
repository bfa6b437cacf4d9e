using System.Diagnostics;
using System.IO.Compression;
using System.Text.Json;
using Aligner.Tests.Support;
using FluentAssertions;

namespace Aligner.Tests.Packaging;

/// <summary>
/// Packs the library and the tool with <c>dotnet pack</c>, checks the library package's contents, installs the
/// tool from the local package into a temporary tool path and runs it on the seeds. Works offline: the install
/// reads a nuget.config that lists only the folder the packages were written to, and a private packages folder.
/// </summary>
[TestFixture]
[Category("Pack")]
[NonParallelizable]
public sealed class PackTests : IDisposable
{
    // Not a speed check: only a child process that hangs is stopped, so a run cannot block forever.
    private static readonly TimeSpan HangGuard = TimeSpan.FromMinutes(10);

    private readonly TempDirectory temp = new();

    public void Dispose() => temp.Dispose();

    [Test]
    public void Pack_LibraryAndTool_PackageContentsAndInstalledToolAlignsTheSeeds()
    {
        var root = RepositoryRoot();
        var feed = Directory.CreateDirectory(temp.File("feed")).FullName;
        var clock = Stopwatch.StartNew();

        Dotnet(root, "pack", Path.Combine(root, "src", "Aligner", "Aligner.csproj"), "-c", "Release", "-o", feed, "-p:NuGetAudit=false");
        Dotnet(root, "pack", Path.Combine(root, "src", "Aligner.Cli", "Aligner.Cli.csproj"), "-c", "Release", "-o", feed, "-p:NuGetAudit=false");

        var library = Directory.GetFiles(feed, "Aligner.*.nupkg").Where(p => !Path.GetFileName(p).StartsWith("Aligner.Tool.", StringComparison.Ordinal)).Should().ContainSingle().Subject;
        Directory.GetFiles(feed, "Aligner.*.snupkg").Should().HaveCount(2, "symbols for the library and the tool");
        using (var zip = ZipFile.OpenRead(library))
        {
            var entries = zip.Entries.Select(e => e.FullName).ToList();
            entries.Should().Contain(["README.md", "NOTICE.md", "lib/net10.0/Aligner.dll", "lib/net10.0/Aligner.xml"]);
            zip.GetEntry("lib/net10.0/Aligner.dll")!.Length.Should().BeGreaterThan(1_000_000, "the models are embedded");
            using var nuspec = new StreamReader(zip.Entries.Single(e => e.FullName.EndsWith(".nuspec", StringComparison.Ordinal)).Open());
            nuspec.ReadToEnd().Should().Contain("<readme>README.md</readme>");
        }

        var tool = Directory.GetFiles(feed, "Aligner.Tool.*.nupkg").Should().ContainSingle().Subject;
        var version = Path.GetFileNameWithoutExtension(tool)["Aligner.Tool.".Length..];
        var config = temp.Write("nuget.config", $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <clear />
                <add key="local" value="{feed}" />
              </packageSources>
            </configuration>
            """);
        var toolPath = temp.File("tools");
        Dotnet(root, privatePackages: true, "tool", "install", "--tool-path", toolPath, "--configfile", config, "Aligner.Tool", "--version", version);

        var aligner = Path.Combine(toolPath, OperatingSystem.IsWindows() ? "aligner.exe" : "aligner");
        var run = Run(aligner, root, false, "align", Path.Combine(root, "seeds", Seeds.EnglishReport), Path.Combine(root, "seeds", Seeds.VietnameseReport));

        run.ExitCode.Should().Be(0, run.Error);
        var lines = run.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        lines.Should().HaveCountGreaterThan(10);
        foreach (var line in lines)
        {
            using var json = JsonDocument.Parse(line);
            json.RootElement.GetProperty("type").GetString().Should().NotBeNullOrEmpty();
        }

        TestContext.Out.WriteLine($"pack, install and run: {clock.Elapsed.TotalSeconds:F1} s");
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(TestContext.CurrentContext.TestDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Aligner.sln")))
            {
                return dir.FullName;
            }
        }

        Assert.Ignore("the repository (Aligner.sln) is not above the test directory; the pack test needs the sources");
        return "";
    }

    private void Dotnet(string root, params string[] args) => Dotnet(root, privatePackages: false, args);

    private void Dotnet(string root, bool privatePackages, params string[] args)
    {
        var run = Run("dotnet", root, privatePackages, args);
        run.ExitCode.Should().Be(0, "dotnet {0} failed:\n{1}\n{2}", string.Join(' ', args), run.Output, run.Error);
    }

    private (int ExitCode, string Output, string Error) Run(string program, string workingDirectory, bool privatePackages, params string[] args)
    {
        var start = new ProcessStartInfo(program)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        if (privatePackages)
        {
            // The installed tool is the one just packed, never a cached one of the same version.
            start.Environment["NUGET_PACKAGES"] = temp.File("packages");
        }

        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment["DOTNET_SKIP_FIRST_TIME_EXPERIENCE"] = "1";
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(HangGuard))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"{program} {string.Join(' ', args)} hung (no exit after {HangGuard.TotalMinutes} minutes)");
        }

        return (process.ExitCode, output.Result, error.Result);
    }
}
