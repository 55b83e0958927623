using System.Net;
using System.Net.Sockets;
using LicensingPortal.Api.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace LicensingPortal.Api.Tests.Web;

/// <summary>
/// The real app on Kestrel at a free port on localhost, and one headless Debian Chromium (never a downloaded
/// browser) driven by Playwright, shared by a test class. Each test opens its own browser context, so cookies and
/// sign-ins do not leak between tests.
/// </summary>
public abstract class BrowserPortal(DatabaseProvider provider) : IAsyncLifetime
{
    public const string Chromium = "/usr/bin/chromium";

    private PortalFactory? factory;
    private IPlaywright? playwright;

    public DatabaseProvider Provider { get; } = provider;

    public string DataDirectory { get; } = Directory.CreateTempSubdirectory("lp-web-").FullName;

    public PortalFactory Factory => factory ?? throw new InvalidOperationException("Not started.");

    public IBrowser Browser { get; private set; } = null!;

    /// <summary>The app's address, e.g. http://localhost:41234 (localhost: browsers keep Secure cookies there without TLS).</summary>
    public Uri BaseAddress { get; private set; } = null!;

    public string MailPickup => Path.Combine(DataDirectory, "mail-pickup");

    public async ValueTask InitializeAsync()
    {
        var postgres = await SchemaTemplates.DatabaseForAsync(Provider, DataDirectory, "lpweb");
        var port = FreePort();
        var settings = Portal.DefaultSettings();
        settings["Permits:PublicBaseUrl"] = $"http://localhost:{port}";
        // An office address pages write to (an example one, at .example, is shown but never linked), at a test domain.
        settings["Contacts:Email"] = "layanan@dpmptsp-kupang.test";
        factory = new PortalFactory(DataDirectory, postgres, settings, Time, services => services.AddTransient<IStartupFilter, Axe.ScriptFilter>());
        factory.UseKestrel(options => options.ListenLocalhost(port));
        factory.StartServer();
        var address = factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        BaseAddress = new Uri(address.Replace("127.0.0.1", "localhost", StringComparison.Ordinal).Replace("[::1]", "localhost", StringComparison.Ordinal));

        await SeedAsync();
        // The machine is shared and CI runs everything at once: assertions wait up to 10 s for the page to settle.
        Assertions.SetDefaultExpectTimeout(10_000);
        playwright = await Playwright.CreateAsync();
        Browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Chromium,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
    }

    /// <summary>The app's clock, when a portal needs its own (the demo clock, to seed demo data).</summary>
    protected virtual TimeProvider? Time => null;

    /// <summary>Data the portal's tests share, written once before the browser starts.</summary>
    protected virtual Task SeedAsync() => Task.CompletedTask;

    /// <summary>A fresh browser context (no cookies) with one page, in a phone-sized window unless told otherwise.</summary>
    public async Task<IPage> NewPageAsync(string language = "id-ID", bool phone = true, bool javaScript = true)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            JavaScriptEnabled = javaScript,
            BaseURL = BaseAddress.ToString(),
            Locale = language,
            ViewportSize = phone ? new ViewportSize { Width = 390, Height = 844 } : new ViewportSize { Width = 1280, Height = 900 },
            AcceptDownloads = true,
        });
        context.SetDefaultTimeout(15_000);
        if (!javaScript)
        {
            WithoutScripts.AddOrUpdate(context, new object());
        }

        return await context.NewPageAsync();
    }

    /// <summary>The contexts opened with JavaScript off, whose pages' scripts never run.</summary>
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<IBrowserContext, object> WithoutScripts = [];

    /// <summary>Whether the page's scripts run (its context was not opened with JavaScript off).</summary>
    public static bool RunsScripts(IPage page) => !WithoutScripts.TryGetValue(page?.Context ?? throw new ArgumentNullException(nameof(page)), out _);

    /// <summary>
    /// Runs a test's steps; when one fails, the page's address, HTML and a screenshot are kept in TestResults/browser/
    /// (the failure names them), so a failure in CI can be read without running it again.
    /// </summary>
    public static async Task StepsAsync(IPage page, Func<Task> steps, [System.Runtime.CompilerServices.CallerMemberName] string test = "")
    {
        ArgumentNullException.ThrowIfNull(page);
        ArgumentNullException.ThrowIfNull(steps);
        try
        {
            await steps();
        }
        catch (Exception failure) when (failure is not OperationCanceledException)
        {
            var folder = Path.Combine(TestPaths.RepositoryRoot, "TestResults", "browser");
            Directory.CreateDirectory(folder);
            var name = Path.Combine(folder, $"{test}-{DateTime.UtcNow:HHmmss}");
            await File.WriteAllTextAsync(name + ".html", await page.ContentAsync());
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = name + ".png", FullPage = true });
            throw new InvalidOperationException($"{failure.Message}\nat {page.Url}; page kept as {name}.html and .png", failure);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        playwright?.Dispose();
        if (factory is not null)
        {
            await factory.DisposeAsync();
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Npgsql.NpgsqlConnection.ClearAllPools();
        if (Environment.GetEnvironmentVariable("LICENSINGPORTAL_KEEP_TEST_DATA") is null)
        {
            Directory.Delete(DataDirectory, recursive: true);
        }

        GC.SuppressFinalize(this);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

public sealed class SqliteBrowserPortal() : BrowserPortal(DatabaseProvider.Sqlite);

/// <summary>On SQLite, with a month of demo applications (`seed demo`) for the staff's and citizens' pages to show.</summary>
public sealed class DemoBrowserPortal() : BrowserPortal(DatabaseProvider.Sqlite)
{
    private readonly Api.Cli.DemoClock clock = new();

    protected override TimeProvider? Time => clock;

    protected override async Task SeedAsync()
    {
        var output = new StringWriter();
        var exit = await Api.Cli.SeedDemoCommand.RunAsync(Factory.Services, ["--applications", "150", "--days", "30", "--seed", "11"], output);
        Assert.True(exit == 0, output.ToString());
    }
}

public sealed class PostgresBrowserPortal() : BrowserPortal(DatabaseProvider.Postgres);
