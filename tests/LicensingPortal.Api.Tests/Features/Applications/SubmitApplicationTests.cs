using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using LicensingPortal.Api.Data;
using LicensingPortal.Api.Features.Applications;
using LicensingPortal.Api.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LicensingPortal.Api.Tests.Features.Applications;

public abstract class SubmitApplicationTests(Portal portal)
{
    private async Task<HttpClient> ApplicantAsync() => (await portal.ApplicantAsync()).Client;

    [Fact]
    public async Task Post_CompliantRestaurant_Returns201Approved()
    {
        var client = await ApplicantAsync();
        var (businessId, ktp) = await client.PrepareRestaurantAsync();

        var response = await client.PostAsJsonAsync("/api/applications", Builders.Restaurant(businessId, ktp), TestJson.Options);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = (await response.Content.ReadFromJsonAsync<ApplicationResponse>(TestJson.Options))!;
        Assert.Equal($"/api/applications/{body.Id}", response.Headers.Location!.OriginalString);
        Assert.Equal("approved", body.Decision!.Outcome);
        Assert.Equal("kupang-pb-2026", body.Decision.RuleSet.Id);
        Assert.Matches("^[0-9a-f]{64}$", body.Decision.RuleSet.Hash);
        Assert.Equal(["NIB"], body.Decision.RequiredPermits.Select(p => p.Type));
        Assert.Empty(body.Decision.FailedRequirements);
        Assert.Equal("5371041001", body.Kelurahan);
        Assert.Equal("537104", body.Kecamatan);
    }

    /// <summary>PP 7/2021 Pasal 35: a business that already operates is scaled by its annual sales, a new one by its planned capital.</summary>
    [Fact]
    public async Task Post_OperatingBusiness_IsScaledByItsAnnualSales_ANewOneByItsCapital()
    {
        var client = await ApplicantAsync();
        var (businessId, ktp) = await client.PrepareRestaurantAsync();
        var restaurant = Builders.Restaurant(businessId, ktp);

        var operating = await client.SubmitAsync(restaurant with { ExistingBusiness = true, AnnualSales = 3_000_000_000 });
        var withoutSales = await client.SubmitAsync(restaurant with { ExistingBusiness = true, AnnualSales = null });
        var newBusiness = await client.SubmitAsync(restaurant with { AnnualSales = 3_000_000_000 });

        Assert.Equal("kecil", operating.Decision!.Scale);
        Assert.Equal("mikro", newBusiness.Decision!.Scale);
        Assert.Equal(["PENJUALAN-TAHUNAN-DIISI"], withoutSales.Decision!.FailedRequirements.Select(f => f.Id));
    }

    [Fact]
    public async Task Get_SubmittedApplication_ReturnsStatusAndTheSameDecision()
    {
        var client = await ApplicantAsync();
        var (businessId, ktp) = await client.PrepareRestaurantAsync();
        var submitted = await client.SubmitAsync(Builders.Restaurant(businessId, ktp) with { Declarations = [] });

        var read = await client.GetFromJsonAsync<ApplicationResponse>($"/api/applications/{submitted.Id}", TestJson.Options);

        Assert.Equal(LicensingPortal.Api.Domain.ApplicationStatus.Rejected, read!.Status);
        Assert.Equal(submitted.Decision!.RuleSet.Hash, read.Decision!.RuleSet.Hash);
        Assert.Equal(["PERNYATAAN-KEBENARAN-DATA"], read.Decision.FailedRequirements.Select(f => f.Id));
        Assert.Equal(submitted.Decision.Requirements.Count, read.Decision.Requirements.Count);
    }

    [Fact]
    public async Task Post_SeveralProblems_RejectsWithEveryFailedRequirementCitedAndRemedied()
    {
        var client = await ApplicantAsync();
        var (businessId, ktp) = await client.PrepareRestaurantAsync();
        var request = Builders.Restaurant(businessId, ktp) with
        {
            Kbli = ["56301", "52101"],
            Location = new LocationRequest("Liliba", "Jl. Kampung Baru", null, null),
            PlannedStartDate = new DateOnly(2025, 1, 15),
            Declarations = [],
            BuildingApprovalNumber = null,
        };

        var body = await client.SubmitAsync(request);

        Assert.Equal("rejected", body.Decision!.Outcome);
        Assert.Equal(
            ["BANGUNAN-PBG", "DOKUMEN-UKL-UPL", "KEGIATAN-TANGGAL-MULAI", "LINGKUNGAN-DOKUMEN", "LOKASI-KESESUAIAN-RUANG", "LOKASI-KOORDINAT-WAJIB", "PERNYATAAN-KEBENARAN-DATA", "PERNYATAAN-VERIFIKASI-STANDAR"],
            body.Decision.FailedRequirements.Select(f => f.Id).Order(StringComparer.Ordinal));
        Assert.All(body.Decision.FailedRequirements, f =>
        {
            Assert.NotEmpty(f.Message);
            Assert.NotEmpty(f.Remedy);
            Assert.NotEmpty(f.LegalBasis.Regulation);
            Assert.NotEmpty(f.LegalBasis.Article);
        });
        var zoning = body.Decision.FailedRequirements.Single(f => f.Id == "LOKASI-KESESUAIAN-RUANG");
        Assert.Equal("KBLI 52101, 56301 tidak diizinkan di zona perumahan (kelurahan 5371041003).", zoning.RuleMessage);
        Assert.Contains("Liliba", zoning.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("5371041003", zoning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_AcceptLanguageEnglish_ExplainsTheRejectionInEnglish()
    {
        var client = await ApplicantAsync();
        var (businessId, ktp) = await client.PrepareRestaurantAsync();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/applications")
        {
            Content = JsonContent.Create(Builders.Restaurant(businessId, ktp) with { Declarations = [] }, options: TestJson.Options),
        };
        request.Headers.AcceptLanguage.ParseAdd("en-US,en;q=0.9,id;q=0.5");

        var response = await client.SendAsync(request);
        var body = (await response.Content.ReadFromJsonAsync<ApplicationResponse>(TestJson.Options))!;

        var failed = Assert.Single(body.Decision!.FailedRequirements);
        Assert.Equal("The applicant declares the data given is true", failed.Title);
        Assert.StartsWith("The declaration that the data is true has not been given", failed.RuleMessage, StringComparison.Ordinal);
        Assert.DoesNotContain("kebenaran-data", failed.Message + failed.Remedy, StringComparison.Ordinal);
        Assert.Contains("I declare all the details I have given are true", failed.Remedy, StringComparison.Ordinal);
        Assert.Equal("en", response.Content.Headers.ContentLanguage.Single());
    }

    [Fact]
    public async Task Post_MalformedJson_Returns400ProblemWithErrorCode()
    {
        var client = await ApplicantAsync();
        using var content = new StringContent("{\"businessId\": ", Encoding.UTF8, "application/json");

        var response = await client.PostAsync("/api/applications", content);

        await AssertProblemAsync(response, HttpStatusCode.BadRequest, "malformed_request");
    }

    [Fact]
    public async Task Post_UnknownProperty_Returns400AndIsNotApplied()
    {
        var client = await ApplicantAsync();
        var (businessId, ktp) = await client.PrepareRestaurantAsync();
        var json = JsonNode.Parse(System.Text.Json.JsonSerializer.Serialize(Builders.Restaurant(businessId, ktp), TestJson.Options))!.AsObject();
        json["status"] = "approved";
        using var content = new StringContent(json.ToJsonString(), Encoding.UTF8, "application/json");

        var response = await client.PostAsync("/api/applications", content);

        var problem = await AssertProblemAsync(response, HttpStatusCode.BadRequest, "malformed_request");
        Assert.Contains("status", problem["detail"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_BodyLargerThanOneMegabyte_Returns413AndStoresNothing()
    {
        var client = await ApplicantAsync();
        var (businessId, ktp) = await client.PrepareRestaurantAsync();
        var huge = Builders.Restaurant(businessId, ktp) with { Location = new LocationRequest("Fatululi", new string('x', 1_100_000), null, null) };

        var response = await client.PostAsJsonAsync("/api/applications", huge, TestJson.Options);

        await AssertProblemAsync(response, HttpStatusCode.RequestEntityTooLarge, "payload_too_large");
        Assert.Empty((await client.GetFromJsonAsync<List<object>>("/api/applications"))!);
    }

    [Fact]
    public async Task Post_MissingFields_Returns400ValidationFailedNamingEachField()
    {
        var client = await ApplicantAsync();
        using var content = new StringContent("{\"businessId\":\"" + Guid.NewGuid() + "\"}", Encoding.UTF8, "application/json");

        var response = await client.PostAsync("/api/applications", content);

        var problem = await AssertProblemAsync(response, HttpStatusCode.BadRequest, "validation_failed");
        var errors = problem["errors"]!.AsObject();
        Assert.Contains("permitType", errors.Select(e => e.Key));
        Assert.Contains("kbli", errors.Select(e => e.Key));
        Assert.Contains("location", errors.Select(e => e.Key));
    }

    [Fact]
    public async Task Post_UnknownBusiness_Returns404BusinessNotFound()
    {
        var client = await ApplicantAsync();
        var response = await client.PostAsJsonAsync("/api/applications", Builders.Restaurant(Guid.NewGuid(), await client.UploadAsync()), TestJson.Options);

        await AssertProblemAsync(response, HttpStatusCode.NotFound, "business_not_found");
    }

    [Fact]
    public async Task Get_UnknownApplication_Returns404ApplicationNotFound()
    {
        var client = await ApplicantAsync();
        var response = await client.GetAsync($"/api/applications/{Guid.NewGuid()}");

        await AssertProblemAsync(response, HttpStatusCode.NotFound, "application_not_found");
    }

    [Fact]
    public async Task Post_Application_StoresApplicationDecisionAndOneOutboxRowTogether()
    {
        var client = await ApplicantAsync();
        var (businessId, ktp) = await client.PrepareRestaurantAsync();

        var body = await client.SubmitAsync(Builders.Restaurant(businessId, ktp));

        await using var scope = portal.Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LicensingDbContext>();
        var decision = await db.Decisions.SingleAsync(d => d.ApplicationId == body.Id);
        Assert.True(decision.Approved);
        Assert.Equal(body.Decision!.RuleSet.Hash, decision.RuleSetHash);
        Assert.Contains("\"kelurahanCode\":\"5371041001\"", decision.FactsJson, StringComparison.Ordinal);
        Assert.Equal(1, await db.OutboxMessages.CountAsync(m => m.SubjectId == body.Id));
        Assert.True(await db.RuleSetVersions.AnyAsync(v => v.Hash == decision.RuleSetHash));
    }

    [Fact]
    public async Task ReadmeWalkthrough_ExampleBodies_AreApprovedAndRejected()
    {
        var client = await ApplicantAsync();
        var examples = Path.Combine(TestPaths.RepositoryRoot, "seeds", "examples");
        using var business = new StringContent(await File.ReadAllTextAsync(Path.Combine(examples, "business.json")), Encoding.UTF8, "application/json");
        var registered = await client.PostAsync("/api/businesses", business);
        Assert.Equal(HttpStatusCode.Created, registered.StatusCode);
        var businessId = JsonNode.Parse(await registered.Content.ReadAsStringAsync())!["id"]!.GetValue<string>();

        var ktp = await client.UploadAsync(content: await File.ReadAllBytesAsync(Path.Combine(examples, "ktp-contoh.pdf")));
        var approved = await SubmitExampleAsync(client, Path.Combine(examples, "application-approved.json"), businessId, ktp);
        var rejected = await SubmitExampleAsync(client, Path.Combine(examples, "application-rejected.json"), businessId, ktp);

        Assert.Equal("approved", approved["decision"]!["outcome"]!.GetValue<string>());
        Assert.Equal("rejected", rejected["decision"]!["outcome"]!.GetValue<string>());
        Assert.True(rejected["decision"]!["failedRequirements"]!.AsArray().Count >= 3);
    }

    private static async Task<JsonNode> SubmitExampleAsync(HttpClient client, string path, string businessId, Guid ktp)
    {
        var text = (await File.ReadAllTextAsync(path))
            .Replace("REPLACE-WITH-BUSINESS-ID", businessId, StringComparison.Ordinal)
            .Replace("REPLACE-WITH-KTP-DOCUMENT-ID", ktp.ToString(), StringComparison.Ordinal);
        using var content = new StringContent(text, Encoding.UTF8, "application/json");
        var response = await client.PostAsync("/api/applications", content);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
    }

    internal static async Task<JsonObject> AssertProblemAsync(HttpResponseMessage response, HttpStatusCode status, string errorCode)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        var problem = JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
        Assert.Equal(errorCode, problem["errorCode"]!.GetValue<string>());
        Assert.Equal((int)status, problem["status"]!.GetValue<int>());
        return problem;
    }

    [Fact]
    public async Task ADecisionsExplanation_IsKeptPerLanguage_AndIsWhatAFreshRenderingSays()
    {
        var client = await ApplicantAsync();
        var (businessId, ktp) = await client.PrepareRestaurantAsync();
        var submitted = await client.SubmitAsync(Builders.Restaurant(businessId, ktp) with { Declarations = [] });

        await using var scope = portal.Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LicensingDbContext>();
        var rules = scope.ServiceProvider.GetRequiredService<LicensingPortal.Api.Infrastructure.Rules.RuleSetCatalog>();
        var decision = await db.Decisions.AsNoTracking().SingleAsync(d => d.ApplicationId == submitted.Id);
        var ruleSet = (await rules.FindByHashAsync(decision.RuleSetHash, db, CancellationToken.None))!;
        var indonesian = LicensingPortal.Api.Domain.DecisionExplanation.Of(decision, ruleSet, LicensingPortal.Rules.Model.Language.Indonesian);
        var english = LicensingPortal.Api.Domain.DecisionExplanation.Of(decision, ruleSet, LicensingPortal.Rules.Model.Language.English);

        // Asked again, the same decision answers with what it rendered; each language keeps its own.
        Assert.Same(indonesian, LicensingPortal.Api.Domain.DecisionExplanation.Of(decision, ruleSet, LicensingPortal.Rules.Model.Language.Indonesian));
        Assert.Same(english, LicensingPortal.Api.Domain.DecisionExplanation.Of(decision, ruleSet, LicensingPortal.Rules.Model.Language.English));
        Assert.NotEqual(indonesian.FailedRequirements[0].Remedy, english.FailedRequirements[0].Remedy);
        var fresh = await db.Decisions.AsNoTracking().SingleAsync(d => d.ApplicationId == submitted.Id);
        Assert.Equal(
            System.Text.Json.JsonSerializer.Serialize(LicensingPortal.Api.Domain.DecisionExplanation.Of(fresh, ruleSet, LicensingPortal.Rules.Model.Language.English), TestJson.Options),
            System.Text.Json.JsonSerializer.Serialize(english, TestJson.Options));
    }
}

public sealed class SubmitApplicationTestsOnSqlite(SqlitePortal portal) : SubmitApplicationTests(portal), IClassFixture<SqlitePortal>;

public sealed class SubmitApplicationTestsOnPostgres(PostgresPortal portal) : SubmitApplicationTests(portal), IClassFixture<PostgresPortal>
{
    /// <summary>The trace (about 9 KB of JSON) is lz4-compressed in the decision's own row, not moved to the TOAST table.</summary>
    [Fact]
    public async Task ADecisionsTrace_IsStoredLz4CompressedInItsRow_AndReadsBack()
    {
        using var applicant = await portal.ApplicantAsync();
        var request = await applicant.Client.RestaurantAsync();
        await using var connection = new Npgsql.NpgsqlConnection(portal.PostgresConnection);
        await connection.OpenAsync();
        string toastTable;
        await using (var toast = new Npgsql.NpgsqlCommand("SELECT reltoastrelid::regclass::text FROM pg_class WHERE relname = 'decisions'", connection))
        {
            toastTable = (string)(await toast.ExecuteScalarAsync())!;
        }

        await using var chunks = new Npgsql.NpgsqlCommand($"SELECT count(*) FROM {toastTable}", connection);
        var chunksBefore = (long)(await chunks.ExecuteScalarAsync())!;

        using var response = await applicant.Client.PostAsJsonAsync("/api/applications", request with { Declarations = [] }, TestJson.Options);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var submitted = (await response.Content.ReadFromJsonAsync<ApplicationResponse>(TestJson.Options))!;

        await using (var stored = new Npgsql.NpgsqlCommand("SELECT pg_column_compression(trace_json), octet_length(trace_json), pg_column_size(trace_json) FROM decisions WHERE application_id = $1", connection))
        {
            stored.Parameters.Add(new Npgsql.NpgsqlParameter { Value = submitted.Id });
            await using var reader = await stored.ExecuteReaderAsync();
            Assert.True(await reader.ReadAsync());
            Assert.False(reader.IsDBNull(0), $"a trace of {reader.GetInt32(1)} bytes stored uncompressed");
            Assert.Equal("lz4", reader.GetString(0));
            Assert.True(reader.GetInt32(2) * 2 < reader.GetInt32(1), $"{reader.GetInt32(2)} bytes stored for a trace of {reader.GetInt32(1)}");
        }

        Assert.Equal(chunksBefore, (long)(await chunks.ExecuteScalarAsync())!);
        var explained = await applicant.Client.GetFromJsonAsync<ApplicationResponse>($"/api/applications/{submitted.Id}", TestJson.Options);
        Assert.Equal(submitted.Decision!.FailedRequirements.Select(f => f.Id), explained!.Decision!.FailedRequirements.Select(f => f.Id));
        Assert.NotEmpty(explained.Decision.FailedRequirements);
    }
}
