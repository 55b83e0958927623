namespace LicensingPortal.Api.Hosting;

/// <summary>
/// Where the host reads appsettings.json from. `dotnet run --project src/LicensingPortal.Api` keeps the caller's
/// working directory (so data/ lands where the command was typed), which holds no appsettings.json: the settings
/// are then read from beside the program, whatever the working directory. A content root given on the command
/// line (or by a test host) wins.
/// </summary>
public static class ContentRoot
{
    public static string? For(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        if (args.Any(a => a.Contains("contentRoot", StringComparison.OrdinalIgnoreCase)))
        {
            return null;
        }

        return File.Exists(Path.Combine(Directory.GetCurrentDirectory(), "appsettings.json")) ? null : AppContext.BaseDirectory;
    }
}
