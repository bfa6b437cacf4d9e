namespace Aligner.Tests.Support;

/// <summary>The repository the tests were built from (tests that read the source or the README, never ../shared).</summary>
internal static class Repository
{
    /// <summary>The folder holding README.md and src/, found above the test directory.</summary>
    public static string Root()
    {
        for (var dir = new DirectoryInfo(TestContext.CurrentContext.TestDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "README.md")) && Directory.Exists(Path.Combine(dir.FullName, "src", "Aligner")))
            {
                return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException("The repository (README.md and src/Aligner) is not above the test directory.");
    }
}
