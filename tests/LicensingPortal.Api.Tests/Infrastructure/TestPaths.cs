namespace LicensingPortal.Api.Tests.Infrastructure;

internal static class TestPaths
{
    public static string RepositoryRoot { get; } = FindRoot();

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
