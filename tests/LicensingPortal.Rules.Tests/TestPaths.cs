namespace LicensingPortal.Rules.Tests;

/// <summary>The repository's rules/ and seeds/ folders, found upwards from the test binaries.</summary>
internal static class TestPaths
{
    public static string RepositoryRoot { get; } = FindRoot();

    public static string Rules => Path.Combine(RepositoryRoot, "rules");

    public static string Seeds => Path.Combine(RepositoryRoot, "seeds");

    public static string KupangRuleSet => Path.Combine(Rules, "kupang-2025");

    /// <summary>The revision in force from 2026-11-30: operating businesses are scaled by annual sales.</summary>
    public static string KupangRuleSet2026 => Path.Combine(Rules, "kupang-2026");

    public static string Fixtures => Path.Combine(RepositoryRoot, "tests", "LicensingPortal.Rules.Tests", "Fixtures");

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "LicensingPortal.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("LicensingPortal.sln not found above " + AppContext.BaseDirectory);
    }
}
