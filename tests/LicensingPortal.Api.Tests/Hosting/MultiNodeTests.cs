using System.Net;
using System.Net.Http.Json;
using LicensingPortal.Api.Data;
using LicensingPortal.Api.Infrastructure.Auth;
using LicensingPortal.Api.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LicensingPortal.Api.Tests.Hosting;

/// <summary>
/// Two web nodes and a worker on one PostgreSQL, each with a data folder of its own (nothing shared but the
/// database), as docs/operations.md runs them.
/// </summary>
public sealed class ServiceNodes : IAsyncLifetime
{
    public const int SubmissionLimit = 8;

    private readonly List<string> folders = [];

    public string Postgres { get; private set; } = string.Empty;

    public PortalFactory WebA { get; private set; } = null!;

    public PortalFactory WebB { get; private set; } = null!;

    public PortalFactory Worker { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        Postgres = await PostgresCluster.Instance.CreateDatabaseAsync("lp");
        WebA = Start("web");
        WebB = Start("web");
        Worker = Start("worker");
    }

    /// <summary>Another node on the same database, with its own data folder; started (migrated, seeded) before it returns.</summary>
    public PortalFactory Start(string role, IReadOnlyDictionary<string, string?>? more = null)
    {
        var folder = Directory.CreateTempSubdirectory("lp-node-").FullName;
        folders.Add(folder);
        var settings = new Dictionary<string, string?>(Portal.DefaultSettings())
        {
            ["Node:Role"] = role,
            ["RateLimits:SubmissionPermitLimit"] = SubmissionLimit.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Jobs:PollIntervalSeconds"] = "1",

            // A day's window: the limit tests' few seconds never straddle two windows (see RateWindows.WithinOneDayAsync).
            ["RateLimits:WindowSeconds"] = "86400",
        };
        foreach (var (key, value) in more ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        var node = new PortalFactory(folder, Postgres, settings);
        _ = node.Services;
        return node;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var node in new[] { WebA, WebB, Worker })
        {
            if (node is not null)
            {
                await node.DisposeAsync();
            }
        }

        Npgsql.NpgsqlConnection.ClearAllPools();
        foreach (var folder in folders)
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}

/// <summary>Whichever node answers, the service is one: sign-ins, links, documents, keys and limits hold across nodes.</summary>
public sealed class MultiNodeTests(ServiceNodes nodes) : IClassFixture<ServiceNodes>
{
    [Fact]
    public async Task AWebSignIn_MadeOnOneNode_AndItsAntiForgeryToken_AreAcceptedByTheOther()
    {
        using var account = await Accounts.CreateAsync(nodes.WebA, Roles.Applicant);
        var cookies = new CookieContainer();
        using var a = Browser(nodes.WebA, cookies);
        using var b = Browser(nodes.WebB, cookies);

        var form = await a.GetStringAsync("/akun/masuk");
        var signedIn = await b.PostAsync("/akun/masuk", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Email"] = account.Email,
            ["Password"] = Accounts.Password,
            ["__RequestVerificationToken"] = Forms.AntiForgeryToken(form),
        }));
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);

        var page = await a.GetAsync("/pemohon/permohonan");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
    }

    [Fact]
    public async Task ConfirmationAndPasswordResetLinks_AskedForOnOneNode_AndEmailedByTheWorker_WorkOnTheOther()
    {
        using var a = nodes.WebA.CreateClient();
        using var b = nodes.WebB.CreateClient();
        var email = $"dua-simpul-{Guid.NewGuid():N}@example.com";
        const string newPassword = "Sandi-Baru-Dua-Simpul-2026";

        Assert.Equal(HttpStatusCode.OK, (await a.PostAsJsonAsync("/api/auth/register", new { email, password = Accounts.Password })).StatusCode);
        var confirmation = System.Web.HttpUtility.ParseQueryString(new Uri(await Mailbox.LinkAsync(nodes.Worker.DataDirectory, email, "/akun/konfirmasi?")).Query);
        var confirmed = await b.GetAsync($"/api/auth/confirmEmail?userId={confirmation["userId"]}&code={Uri.EscapeDataString(confirmation["code"]!)}");
        Assert.Equal(HttpStatusCode.OK, confirmed.StatusCode);

        Assert.Equal(HttpStatusCode.OK, (await b.PostAsJsonAsync("/api/auth/forgotPassword", new { email })).StatusCode);
        var resetCode = System.Web.HttpUtility.ParseQueryString(new Uri(await Mailbox.LinkAsync(nodes.Worker.DataDirectory, email, "/akun/atur-sandi?")).Query)["code"]!;
        Assert.Equal(HttpStatusCode.OK, (await a.PostAsJsonAsync("/api/auth/resetPassword", new { email, resetCode, newPassword })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await b.PostAsJsonAsync("/api/auth/login", new { email, password = newPassword })).StatusCode);
    }

    [Fact]
    public async Task ADocumentUploadedThroughOneNode_IsReadThroughTheOther_FromTheDatabase()
    {
        using var applicant = await Accounts.CreateAsync(nodes.WebA, Roles.Applicant);
        using var b = Bearer(nodes.WebB, applicant);
        var content = Builders.Pdf.Concat(System.Text.Encoding.ASCII.GetBytes($"% {Guid.NewGuid()}\n")).ToArray();

        var id = await applicant.Client.UploadAsync(content: content);
        var read = await b.GetAsync($"/api/documents/{id}/content");

        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        Assert.Equal(content, await read.Content.ReadAsByteArrayAsync());
        Assert.False(Directory.Exists(Path.Combine(nodes.WebA.DataDirectory, "documents")), "no node keeps documents on its own disk");
    }

    [Fact]
    public async Task AKeyedSubmission_RetriedOnTheOtherNode_AnswersTheSameBytes_MakesOneApplication_AndTheWorkerEmailsTheDecision()
    {
        using var applicant = await Accounts.CreateAsync(nodes.WebA, Roles.Applicant);
        using var b = Bearer(nodes.WebB, applicant);
        var email = $"kunci-{Guid.NewGuid():N}@example.com";
        var businessId = await applicant.Client.RegisterBusinessAsync(Builders.SoleProprietor() with { Email = email });
        var request = Builders.Restaurant(businessId, await b.UploadAsync());
        var key = Guid.NewGuid().ToString();

        var first = await applicant.Client.SubmitKeyedAsync(request, key);
        var retried = await b.SubmitKeyedAsync(request, key);

        Assert.Equal(HttpStatusCode.Created, first.Status);
        Assert.Equal(first.Status, retried.Status);
        Assert.Equal(first.Body, retried.Body);
        await using (var scope = nodes.WebB.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<LicensingDbContext>();
            Assert.Equal(1, await db.Applications.CountAsync(x => x.BusinessId == businessId));
        }

        // The web nodes run no job server: the decision's e-mail is written by the worker, into its own pickup folder.
        await Eventually.TrueAsync(async () => (await Mailbox.MessagesToAsync(nodes.Worker.DataDirectory, email)).Count == 1, "the worker e-mails the decision");
        Assert.Empty(await Mailbox.MessagesToAsync(nodes.WebA.DataDirectory, email));
        Assert.Empty(await Mailbox.MessagesToAsync(nodes.WebB.DataDirectory, email));
    }

    [Fact]
    public async Task TheSubmissionLimit_HoldsForTheWholeService_WhicheverNodeAnswers()
    {
        await RateWindows.WithinOneDayAsync(TimeSpan.FromMinutes(1));
        using var applicant = await Accounts.CreateAsync(nodes.WebA, Roles.Applicant);
        using var b = Bearer(nodes.WebB, applicant);
        var request = await applicant.Client.RestaurantAsync();

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < ServiceNodes.SubmissionLimit + 2; i++)
        {
            statuses.Add((await (i % 2 == 0 ? applicant.Client : b).SubmitKeyedAsync(request, Guid.NewGuid().ToString())).Status);
        }

        // Per node, each would have let five of ten through; counted together, the ninth is refused, on either node.
        Assert.All(statuses.Take(ServiceNodes.SubmissionLimit), status => Assert.NotEqual(HttpStatusCode.TooManyRequests, status));
        Assert.All(statuses.Skip(ServiceNodes.SubmissionLimit), status => Assert.Equal(HttpStatusCode.TooManyRequests, status));
    }

    [Fact]
    public async Task TheSignInLimitPerAddress_AndTheLockout_HoldAcrossNodes()
    {
        await RateWindows.WithinOneDayAsync(TimeSpan.FromMinutes(1));
        // Two more web nodes with a tight sign-in limit: the address's count is one, whichever of them answers.
        const int limit = 4;
        var tight = new Dictionary<string, string?> { ["RateLimits:AuthPermitLimit"] = limit.ToString(System.Globalization.CultureInfo.InvariantCulture) };
        await using var c = nodes.Start("web", tight);
        await using var d = nodes.Start("web", tight);
        using var toC = c.CreateClient();
        using var toD = d.CreateClient();
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < limit + 2; i++)
        {
            statuses.Add((await (i % 2 == 0 ? toC : toD).PostAsJsonAsync("/api/auth/login", new { email = "tidak-ada@example.com", password = "salah-salah-salah" })).StatusCode);
        }

        Assert.Contains(HttpStatusCode.TooManyRequests, statuses.Take(limit + 1));
        Assert.Equal([HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests], statuses.TakeLast(2));

        // Five wrong passwords spread over two nodes lock the account on both.
        using var account = await Accounts.CreateAsync(nodes.WebA, Roles.Applicant);
        using var a = nodes.WebA.CreateClient();
        using var b = nodes.WebB.CreateClient();
        for (var i = 0; i < 5; i++)
        {
            var wrong = await (i % 2 == 0 ? a : b).PostAsJsonAsync("/api/auth/login", new { email = account.Email, password = "Bukan-Sandinya-2026" });
            Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        }

        Assert.NotEqual(HttpStatusCode.OK, (await a.PostAsJsonAsync("/api/auth/login", new { email = account.Email, password = Accounts.Password })).StatusCode);
        Assert.NotEqual(HttpStatusCode.OK, (await b.PostAsJsonAsync("/api/auth/login", new { email = account.Email, password = Accounts.Password })).StatusCode);
    }

    [Fact]
    public async Task EachRole_IsReadyForWhatItDoes_AndOnlyTheWorkerRunsJobs()
    {
        foreach (var node in new[] { nodes.WebA, nodes.WebB, nodes.Worker })
        {
            using var client = node.CreateClient();
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/ready")).StatusCode);
        }

        using var worker = nodes.Worker.CreateClient();
        Assert.Equal(HttpStatusCode.NotFound, (await worker.GetAsync("/api/public/contacts")).StatusCode);
        var monitoring = nodes.WebA.Services.GetRequiredService<Hangfire.JobStorage>().GetMonitoringApi();
        await Eventually.TrueAsync(() => monitoring.Servers().Count > 0, "the worker's job server is up");
        Assert.Single(monitoring.Servers());
    }

    [Fact]
    public async Task AWebNode_ThatWouldKeepDocumentsOnItsOwnDisk_DoesNotStart()
    {
        var data = Directory.CreateTempSubdirectory("lp-settings-");
        try
        {
            var (exitCode, output) = await ApiProcess.RunAsync([], new Dictionary<string, string>
            {
                ["Node__Role"] = "web",
                ["ConnectionStrings__Postgres"] = nodes.Postgres,
                ["Storage__Documents"] = "Folder",
                ["Storage__DataDirectory"] = data.FullName,
                ["ASPNETCORE_URLS"] = "http://127.0.0.1:0",
            });

            Assert.Equal(2, exitCode);
            Assert.Contains("Storage:Documents Folder keeps each node's uploads on its own disk", output, StringComparison.Ordinal);
        }
        finally
        {
            data.Delete(recursive: true);
        }
    }

    private static HttpClient Browser(PortalFactory node, CookieContainer cookies)
    {
        var client = node.CreateDefaultClient(new Uri("https://localhost"), new CookieContainerHandler(cookies));
        return client;
    }

    private static HttpClient Bearer(PortalFactory node, Account account)
    {
        var client = node.CreateClient();
        client.DefaultRequestHeaders.Authorization = account.Client.DefaultRequestHeaders.Authorization;
        return client;
    }
}
