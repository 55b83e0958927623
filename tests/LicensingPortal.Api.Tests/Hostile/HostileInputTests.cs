using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using LicensingPortal.Api.Data;
using LicensingPortal.Api.Infrastructure.Auth;
using LicensingPortal.Api.Tests.Features.Applications;
using LicensingPortal.Api.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LicensingPortal.Api.Tests.Hostile;

/// <summary>Each class of input found by the hostile run, fixed at its root: a clear 400-class problem+json, never a 500, nothing stored.</summary>
public abstract class HostileInputTests(Portal portal)
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    [Fact]
    public async Task NumbersSentAsJsonStrings_AreRefusedAsMalformed()
    {
        using var applicant = await portal.ApplicantAsync();
        var body = JsonSerializer.Serialize(await applicant.Client.RestaurantAsync(), TestJson.Options).Replace("\"employees\":5", "\"employees\":\"5\"", StringComparison.Ordinal);

        var response = await applicant.Client.PostAsync("/api/applications/precheck", new StringContent(body, Encoding.UTF8, "application/json"));

        await SubmitApplicationTests.AssertProblemAsync(response, HttpStatusCode.BadRequest, "malformed_request");
    }

    [Fact]
    public async Task APatternCheck_DoesNotAcceptATrailingNewline()
    {
        using var applicant = await portal.ApplicantAsync();
        var request = await applicant.Client.RestaurantAsync() with { Kbli = ["56101\n"] };

        var response = await applicant.Client.PostAsJsonAsync("/api/applications/precheck", request, TestJson.Options);

        await SubmitApplicationTests.AssertProblemAsync(response, HttpStatusCode.BadRequest, "validation_failed");
    }

    [Theory]
    [InlineData("body")]
    [InlineData("query")]
    public async Task TheNulCharacter_IsRefusedWherever_ItComes(string where)
    {
        using var applicant = await portal.ApplicantAsync();
        HttpResponseMessage response = where switch
        {
            "body" => await applicant.Client.PostAsJsonAsync("/api/businesses", Builders.SoleProprietor("Warung\u0000Oma"), TestJson.Options),
            _ => await applicant.Client.GetAsync("/api/public/activities?q=resto%00ran"),
        };

        await SubmitApplicationTests.AssertProblemAsync(response, HttpStatusCode.BadRequest, "malformed_request");
    }

    [Fact]
    public async Task AnAddressLongerThan8192Characters_Is414ProblemJson()
    {
        var response = await portal.Client.GetAsync("/api/public/activities?q=" + new string('a', 9000));

        await SubmitApplicationTests.AssertProblemAsync(response, HttpStatusCode.RequestUriTooLong, "uri_too_long");
    }

    [Theory]
    [InlineData("https://localhost./hook")]
    [InlineData("https://LOCALHOST/hook")]
    [InlineData("https://api.localhost/hook")]
    [InlineData("https://127.1/hook")]
    [InlineData("https://2130706433/hook")]
    [InlineData("https://0x7f.0.0.1/hook")]
    [InlineData("https://[::1]/hook")]
    [InlineData("https://[::ffff:127.0.0.1]/hook")]
    [InlineData("https://0.0.0.0/hook")]
    [InlineData("https://10.1.2.3/hook")]
    [InlineData("https://169.254.169.254/latest/meta-data")]
    public async Task AWebhookToALoopbackOrPrivateHost_IsRefused_HoweverItIsSpelled(string url)
    {
        using var applicant = await portal.ApplicantAsync();

        var response = await applicant.Client.PutAsJsonAsync("/api/me/preferences", new { language = "id", emailNotifications = true, webhookUrl = url });

        await SubmitApplicationTests.AssertProblemAsync(response, HttpStatusCode.BadRequest, "validation_failed");
    }

    [Fact]
    public async Task AnInclusionProofForATreeSizeTheLogDoesNotHave_AnswersAsTheConsistencyProofDoes()
    {
        var inclusion = await portal.Client.GetAsync("/api/transparency/inclusion/0?treeSize=999999999");
        var consistency = await portal.Client.GetAsync("/api/transparency/consistency?first=1&second=999999999");

        await SubmitApplicationTests.AssertProblemAsync(inclusion, HttpStatusCode.NotFound, "not_found");
        await SubmitApplicationTests.AssertProblemAsync(consistency, HttpStatusCode.NotFound, "not_found");
        var title = (JsonElement body) => body.GetProperty("title").GetString();
        Assert.Equal(title(await consistency.Content.ReadFromJsonAsync<JsonElement>()), title(await inclusion.Content.ReadFromJsonAsync<JsonElement>()));
    }

    [Fact]
    public async Task ALockedAccountAndAnUnknownOne_AnswerAlike()
    {
        using var locked = await portal.ApplicantAsync();
        for (var i = 0; i < 6; i++)
        {
            await portal.Client.PostAsJsonAsync("/api/auth/login", new { email = locked.Email, password = "salah-sekali-123" });
        }

        var lockedAnswer = await portal.Client.PostAsJsonAsync("/api/auth/login", new { email = locked.Email, password = "salah-sekali-123" });
        var unknownAnswer = await portal.Client.PostAsJsonAsync("/api/auth/login", new { email = $"tidak-ada-{Guid.NewGuid():N}@example.com", password = "salah-sekali-123" });

        Assert.Equal(HttpStatusCode.Unauthorized, lockedAnswer.StatusCode);
        Assert.Equal(lockedAnswer.StatusCode, unknownAnswer.StatusCode);
        static string WithoutTrace(string body) => System.Text.RegularExpressions.Regex.Replace(body, "\"traceId\":\"[^\"]*\"", string.Empty);
        Assert.Equal(WithoutTrace(await lockedAnswer.Content.ReadAsStringAsync()), WithoutTrace(await unknownAnswer.Content.ReadAsStringAsync()));
    }

    [Theory]
    [InlineData("../appsettings.json")]
    [InlineData("/etc/passwd")]
    [InlineData("../../data/keys/permit-signing.key")]
    [InlineData("..\\..\\appsettings.json")]
    [InlineData("examples/business.json")]
    public async Task AWhatIfDraft_ReadsNoFileOutsideTheSeeds_AndNamesNoServerPath(string table)
    {
        using var officer = await portal.StaffAsync(Roles.Officer);
        var draft = DraftRuleSets.Without("kupang-2026", "PERNYATAAN-KEBENARAN-DATA").Replace("kbli: kbli-2020.yaml", $"kbli: '{table}'", StringComparison.Ordinal);
        var today = DateOnly.FromDateTime(DateTime.UtcNow);

        var response = await officer.Client.PostAsJsonAsync("/api/audit/what-if", new Api.Features.Audit.StartWhatIf.Request(draft, null, today, today), TestJson.Options);

        await SubmitApplicationTests.AssertProblemAsync(response, HttpStatusCode.BadRequest, "validation_failed");
        var body = await response.Content.ReadAsStringAsync();
        Assert.Contains("seeds folder", body, StringComparison.Ordinal);
        Assert.DoesNotContain(TestPaths.RepositoryRoot, body, StringComparison.Ordinal);
        Assert.DoesNotContain(Path.GetTempPath(), body, StringComparison.Ordinal);
        Assert.DoesNotContain("root:", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RevokingARevokedPermit_Is409()
    {
        using var applicant = await portal.ApplicantAsync();
        using var admin = await portal.StaffAsync(Roles.Admin);
        var number = (await applicant.Client.SubmitAsync(await applicant.Client.RestaurantAsync())).Permits[0].Number;

        var first = await admin.Client.PostAsJsonAsync($"/api/admin/permits/{number}/revocation", new { reason = "Tidak beroperasi." });
        var second = await admin.Client.PostAsJsonAsync($"/api/admin/permits/{number}/revocation", new { reason = "Tidak beroperasi." });

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        await SubmitApplicationTests.AssertProblemAsync(second, HttpStatusCode.Conflict, "permit_already_revoked");
    }

    [Fact]
    public async Task AnUpload_WithoutAForm_IsRefusedAsUnsupported_NeverAFailure()
    {
        using var applicant = await portal.ApplicantAsync();

        await Problems.AssertAsync(await applicant.Client.PostAsync("/api/documents", null), HttpStatusCode.UnsupportedMediaType, "unsupported_media_type");
        await Problems.AssertAsync(await applicant.Client.PostAsJsonAsync("/api/documents", new { kind = "ktp" }), HttpStatusCode.UnsupportedMediaType, "unsupported_media_type");
        // Who may not call it at all hears that first.
        await Problems.AssertAsync(await portal.Client.PostAsync("/api/documents", null), HttpStatusCode.Unauthorized, "unauthorized");
    }

    [Fact]
    public async Task ADownload_IsAnAttachment_UnderASafeFileName()
    {
        using var applicant = await portal.ApplicantAsync();
        var file = new ByteArrayContent(Builders.Pdf);
        file.Headers.TryAddWithoutValidation("Content-Disposition", "form-data; name=\"file\"; filename=\"..\\..\\etc/pa;ss<wd>|.pdf\"");
        file.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/pdf");
        using var form = new MultipartFormDataContent { { new StringContent("ktp"), "kind" } };
        form.Add(file);
        var uploaded = await applicant.Client.PostAsync("/api/documents", form);
        Assert.Equal(HttpStatusCode.Created, uploaded.StatusCode);
        var id = (await uploaded.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();

        var response = await applicant.Client.GetAsync($"/api/documents/{id}/content");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var disposition = response.Content.Headers.ContentDisposition!;
        Assert.Equal("attachment", disposition.DispositionType);
        Assert.Equal("passwd.pdf", disposition.FileNameStar ?? disposition.FileName?.Trim('"'));
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
    }

    [Fact]
    public async Task AnUploadRetried_WithANewMultipartBoundary_GetsTheFirstAnswer()
    {
        using var applicant = await portal.ApplicantAsync();
        var key = Guid.NewGuid().ToString();

        async Task<(HttpStatusCode, string)> UploadAsync()
        {
            using var message = new HttpRequestMessage(HttpMethod.Post, "/api/documents") { Content = Builders.Form("ktp", Builders.Pdf, "ktp.pdf", "application/pdf") };
            message.Headers.Add("Idempotency-Key", key);
            var response = await applicant.Client.SendAsync(message);
            return (response.StatusCode, await response.Content.ReadAsStringAsync());
        }

        var first = await UploadAsync();
        var retry = await UploadAsync();

        Assert.Equal(HttpStatusCode.Created, first.Item1);
        Assert.Equal(first, retry);
        await using var scope = portal.Factory.Services.CreateAsyncScope();
        Assert.Equal(1, await scope.ServiceProvider.GetRequiredService<LicensingDbContext>().Documents.CountAsync(d => d.OwnerId == applicant.Id));
    }

    [Fact]
    public async Task AJsonRetry_DifferingOnlyInWhitespaceAndKeyOrder_IsTheSameRequest()
    {
        using var applicant = await portal.ApplicantAsync();
        var key = Guid.NewGuid().ToString();
        var compact = JsonSerializer.Serialize(Builders.SoleProprietor(), TestJson.Options);
        var reordered = JsonSerializer.Serialize(
            JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(compact)!.OrderByDescending(p => p.Key, StringComparer.Ordinal).ToDictionary(),
            Indented);

        async Task<(HttpStatusCode, string)> PostAsync(string body)
        {
            using var message = new HttpRequestMessage(HttpMethod.Post, "/api/businesses") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
            message.Headers.Add("Idempotency-Key", key);
            var response = await applicant.Client.SendAsync(message);
            return (response.StatusCode, await response.Content.ReadAsStringAsync());
        }

        var first = await PostAsync(compact);
        var retry = await PostAsync(reordered);

        Assert.Equal(HttpStatusCode.Created, first.Item1);
        Assert.Equal(first, retry);
    }

    [Theory]
    [InlineData("\"employees\":5,\"employees\":6", true)]
    [InlineData("\"employees\":5,\"employees\":6", false)]
    [InlineData("\"employees\":5,\"Employees\":6", true)]
    public async Task APropertyGivenTwice_IsRefusedAsMalformed_KeyedOrNot_AndNothingIsStored(string twice, bool keyed)
    {
        using var applicant = await portal.ApplicantAsync();
        var request = await applicant.Client.RestaurantAsync();
        var body = JsonSerializer.Serialize(request, TestJson.Options).Replace("\"employees\":5", twice, StringComparison.Ordinal);
        Assert.Contains(twice, body, StringComparison.Ordinal);
        using var message = new HttpRequestMessage(HttpMethod.Post, "/api/applications") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        if (keyed)
        {
            message.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());
        }

        var response = await applicant.Client.SendAsync(message);

        // Which of the two counts is a guess the service does not make: the sender is told, and nothing is decided.
        await SubmitApplicationTests.AssertProblemAsync(response, HttpStatusCode.BadRequest, "malformed_request");
        await using var scope = portal.Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LicensingDbContext>();
        Assert.Equal(0, await db.Applications.CountAsync(a => a.BusinessId == request.BusinessId));
    }

    [Fact]
    public async Task ANullItemInAList_IsRefused_NamingTheItem()
    {
        using var applicant = await portal.ApplicantAsync();
        var body = JsonSerializer.Serialize(await applicant.Client.RestaurantAsync(), TestJson.Options).Replace("\"kbli\":[\"56101\"]", "\"kbli\":[null]", StringComparison.Ordinal);
        Assert.Contains("[null]", body, StringComparison.Ordinal);

        foreach (var path in new[] { "/api/applications", "/api/applications/precheck" })
        {
            var response = await applicant.Client.PostAsync(path, new StringContent(body, Encoding.UTF8, "application/json"));

            var problem = await SubmitApplicationTests.AssertProblemAsync(response, HttpStatusCode.BadRequest, "validation_failed");
            Assert.NotNull(problem["errors"]?["kbli[0]"]);
        }
    }

    [Theory]
    [InlineData("\"declarations\":[\"kebenaran-data\",\"kebenaran-data\"]", "declarations[1]")]
    [InlineData("\"declarations\":[\"  \"]", "declarations[0]")]
    [InlineData("\"investment\":null", "investment")]
    public async Task AnEmptyOrRepeatedItem_OrAMissingNestedObject_IsRefused_NamingIt(string replacement, string field)
    {
        using var applicant = await portal.ApplicantAsync();
        var node = System.Text.Json.Nodes.JsonNode.Parse(JsonSerializer.Serialize(await applicant.Client.RestaurantAsync(), TestJson.Options))!.AsObject();
        var (name, value) = (replacement[1..replacement.IndexOf('"', 1)], replacement[(replacement.IndexOf(':') + 1)..]);
        node[name] = System.Text.Json.Nodes.JsonNode.Parse(value);

        var response = await applicant.Client.PostAsync("/api/applications", new StringContent(node.ToJsonString(), Encoding.UTF8, "application/json"));

        var problem = await SubmitApplicationTests.AssertProblemAsync(response, HttpStatusCode.BadRequest, "validation_failed");
        Assert.NotNull(problem["errors"]?[field]);
    }
}

public sealed class HostileInputTestsOnSqlite(SqlitePortal portal) : HostileInputTests(portal), IClassFixture<SqlitePortal>;

public sealed class HostileInputTestsOnPostgres(PostgresPortal portal) : HostileInputTests(portal), IClassFixture<PostgresPortal>;
