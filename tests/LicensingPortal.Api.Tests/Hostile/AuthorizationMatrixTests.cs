using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using LicensingPortal.Api.Features.Applications;
using LicensingPortal.Api.Features.Businesses;
using LicensingPortal.Api.Features.Integrity;
using LicensingPortal.Api.Features.Objections;
using LicensingPortal.Api.Features.Questions;
using LicensingPortal.Api.Infrastructure.Auth;
using LicensingPortal.Api.Tests.Infrastructure;

namespace LicensingPortal.Api.Tests.Hostile;

/// <summary>
/// Every operation of the API's own OpenAPI document × anonymous, two applicants, an officer, the mayor's office, an
/// admin and the inspectorate gets the status its policy calls for; and every object one applicant creates (business, document,
/// applications, permit, draft, notification, report of a demand for money, question) is tried by the other, in the address and in bodies: 404 each time.
/// </summary>
public sealed class AuthorizationMatrixTests(SqlitePortal portal) : IClassFixture<SqlitePortal>
{
    private static readonly string[] Identities = ["anonymous", "applicant", "other applicant", Roles.Officer, Roles.Mayor, Roles.Admin, Roles.Inspector];

    [Fact]
    public async Task EveryOperation_ForEveryIdentity_AnswersAsItsPolicySays()
    {
        var (operations, _) = await ApiSurface.ReadAsync(portal.Factory);
        var clients = await ClientsAsync();
        var failures = new List<string>();

        // Signing out ends each identity's session on the server: it goes last, or every later request would be 401.
        foreach (var operation in operations.OrderBy(o => o.ToString().EndsWith("/api/auth/logout", StringComparison.Ordinal)))
        {
            foreach (var identity in Identities)
            {
                using var request = new HttpRequestMessage(new HttpMethod(operation.Method), Address(operation, name => name == "year" ? "2040" : Guid.NewGuid().ToString()));
                if (operation.Multipart)
                {
                    request.Content = Builders.Form("ktp", Builders.Pdf, "ktp.pdf", "application/pdf");
                }
                else if (operation.BodySchema is not null)
                {
                    request.Content = new StringContent("{}", Encoding.UTF8, "application/json");
                }

                var response = await clients[identity].SendAsync(request);
                var status = (int)response.StatusCode;
                var role = identity switch { "applicant" or "other applicant" => Roles.Applicant, _ => identity };
                var allowed = !operation.NeedsToken || (identity != "anonymous" && ApiSurface.RolesOf(operation.Policy).Contains(role));
                var expected = allowed ? "neither 401 nor 403, below 500" : identity == "anonymous" ? "401" : "403";
                var ok = allowed ? status is not (401 or 403) and < 500 : status == (identity == "anonymous" ? 401 : 403);
                if (!ok)
                {
                    failures.Add($"{operation} as {identity}: {status}, expected {expected}");
                }
                else if (status >= 400 && await ApiSurface.ProblemDefectAsync(response) is { } defect)
                {
                    failures.Add($"{operation} as {identity}: {defect}");
                }
            }
        }

        Assert.True(operations.Count >= 60, $"{operations.Count} operations read from the document");
        Assert.True(failures.Count == 0, string.Join('\n', failures));
    }

    [Fact]
    public async Task EveryObjectOfOneApplicant_TriedByAnother_IsNotFound()
    {
        var (operations, document) = await ApiSurface.ReadAsync(portal.Factory);
        using var owner = await portal.ApplicantAsync();
        using var other = await portal.ApplicantAsync();
        var (business, document1) = await owner.Client.PrepareRestaurantAsync();
        var refused = await owner.Client.SubmitAsync(Builders.Restaurant(business, document1) with { Declarations = [] });
        var approved = await owner.Client.SubmitAsync(Builders.Restaurant(business, document1));
        var draft = (await (await owner.Client.PostAsJsonAsync("/api/applications/drafts", new { }, TestJson.Options)).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        await portal.DeliveriesSettledAsync();
        var notification = (await owner.Client.GetFromJsonAsync<JsonElement>("/api/me/notifications")).EnumerateArray().First().GetProperty("id").GetGuid();
        var levyReport = (await (await owner.Client.PostAsJsonAsync("/api/me/levy-reports", new { whatHappened = "Orang di loket meminta uang lima ratus ribu rupiah." })).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var question = (await (await owner.Client.PostAsJsonAsync("/api/me/questions", new { topic = "documents", text = "Dokumen apa yang harus saya unggah untuk warung makan?" })).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var ownersObjects = new Dictionary<string, string>
        {
            ["/api/businesses/{id}"] = business.ToString(),
            ["/api/documents/{id}"] = document1.ToString(),
            ["/api/applications/drafts/{id}"] = draft.ToString(),
            ["/api/applications/{id}"] = refused.Id.ToString(),
            ["/api/permits/{number}"] = approved.Permits[0].Number,
            ["/api/me/notifications/{id}"] = notification.ToString(),
            ["/api/me/levy-reports/{reportId}"] = levyReport.ToString(),
            ["/api/me/questions/{questionId}"] = question.ToString(),
        };
        var theirOwn = await other.Client.RegisterBusinessAsync();
        var failures = new List<string>();
        var tried = 0;

        foreach (var operation in operations.Where(o => o.Policy == Policies.Applicant))
        {
            var inAddress = operation.Parameters.Any(p => p.In == "path");
            var references = operation.BodySchema is nameof(ApplicationRequest) or nameof(ReportLevy) + nameof(ReportLevy.Request) or nameof(AskQuestion) + nameof(AskQuestion.Request);
            if (!inAddress && !references)
            {
                continue;
            }

            var address = Address(operation, name => name == "step" ? ApplicationSteps.Location : ownersObjects.First(o => operation.Path.StartsWith(o.Key.Split('{')[0], StringComparison.Ordinal) && o.Key.EndsWith("{" + name + "}", StringComparison.Ordinal)).Value);
            ApplicationRequest?[] bodies = operation.BodySchema switch
            {
                nameof(ApplicationRequest) when inAddress => [Builders.Restaurant(theirOwn)],
                nameof(ApplicationRequest) => [Builders.Restaurant(business), Builders.Restaurant(theirOwn, document1)],
                _ => [null],
            };
            foreach (var body in bodies)
            {
                using var request = new HttpRequestMessage(new HttpMethod(operation.Method), address);
                if (body is not null)
                {
                    request.Content = JsonContent.Create(body, options: TestJson.Options);
                }
                else if (operation.BodySchema == nameof(ChangeBusinessDetails) + nameof(ChangeBusinessDetails.Request))
                {
                    request.Content = JsonContent.Create(new ChangeBusinessDetails.Request("Diambil alih", "Jl. Lain", "lain@example.id", null, null), options: TestJson.Options);
                }
                else if (operation.BodySchema == nameof(AddToLevyReport) + nameof(AddToLevyReport.Request))
                {
                    request.Content = JsonContent.Create(new AddToLevyReport.Request("Saya ingat sekarang: orang itu memakai seragam."), options: TestJson.Options);
                }
                else if (operation.BodySchema == nameof(ReportLevy) + nameof(ReportLevy.Request))
                {
                    request.Content = JsonContent.Create(new ReportLevy.Request("Orang di loket meminta lima ratus ribu rupiah.", null, null, 500_000, null, null, refused.Id), options: TestJson.Options);
                }
                else if (operation.Path.EndsWith("/evidence", StringComparison.Ordinal))
                {
                    request.Content = new MultipartFormDataContent { { new ByteArrayContent(Builders.Png), "evidence", "bukti.png" } };
                }
                else if (operation.BodySchema == nameof(FileObjection) + nameof(FileObjection.Request))
                {
                    request.Content = JsonContent.Create(new FileObjection.Request("Saya pemilik lain yang mencoba keberatan."), options: TestJson.Options);
                }
                else if (operation.BodySchema == nameof(AppealObjection) + nameof(AppealObjection.Request))
                {
                    request.Content = JsonContent.Create(new AppealObjection.Request("Saya pemilik lain yang mencoba banding."), options: TestJson.Options);
                }
                else if (operation.BodySchema == nameof(AskQuestion) + nameof(AskQuestion.Request))
                {
                    request.Content = JsonContent.Create(new AskQuestion.Request(Api.Domain.QuestionTopic.Decision, "Mengapa permohonan orang lain ini ditolak?", refused.Id), options: TestJson.Options);
                }
                else if (operation.BodySchema == nameof(CloseBusiness) + nameof(CloseBusiness.Request))
                {
                    request.Content = JsonContent.Create(new CloseBusiness.Request(true), options: TestJson.Options);
                }
                else if (operation.BodySchema is { } schema)
                {
                    request.Content = JsonContent.Create(ApiSurface.BaseBody(document, schema));
                }

                var response = await other.Client.SendAsync(request);
                tried++;
                if (response.StatusCode != HttpStatusCode.NotFound)
                {
                    failures.Add($"{operation} ({address}): {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
                }
            }
        }

        Assert.True(tried >= 16, $"{tried} attempts");
        Assert.True(failures.Count == 0, string.Join('\n', failures));
    }

    private async Task<Dictionary<string, HttpClient>> ClientsAsync()
    {
        var clients = new Dictionary<string, HttpClient> { ["anonymous"] = portal.Factory.CreateClient() };
        clients["applicant"] = (await portal.ApplicantAsync()).Client;
        clients["other applicant"] = (await portal.ApplicantAsync()).Client;
        foreach (var role in new[] { Roles.Officer, Roles.Mayor, Roles.Admin, Roles.Inspector })
        {
            clients[role] = (await portal.StaffAsync(role)).Client;
        }

        return clients;
    }

    /// <summary>The operation's address with each path parameter filled in.</summary>
    public static string Address(Operation operation, Func<string, string> value)
    {
        ArgumentNullException.ThrowIfNull(operation);
        ArgumentNullException.ThrowIfNull(value);
        return operation.Parameters.Where(p => p.In == "path").Aggregate(operation.Path, (path, p) => path.Replace("{" + p.Name + "}", Uri.EscapeDataString(value(p.Name)), StringComparison.Ordinal));
    }
}
