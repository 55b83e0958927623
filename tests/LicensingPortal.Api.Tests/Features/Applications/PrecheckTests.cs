using System.Net;
using System.Net.Http.Json;
using LicensingPortal.Api.Data;
using LicensingPortal.Api.Domain;
using LicensingPortal.Api.Features.Applications;
using LicensingPortal.Api.Infrastructure.Idempotency;
using LicensingPortal.Api.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LicensingPortal.Api.Tests.Features.Applications;

/// <summary>The pre-check answers with the would-be decision and stores nothing; the submission that follows decides the same.</summary>
public abstract class PrecheckTests(Portal portal)
{
    [Fact]
    public async Task Precheck_StoresNothing_NotEvenWithAnIdempotencyKey()
    {
        using var applicant = await portal.ApplicantAsync();
        var request = await applicant.Client.RestaurantAsync();
        // The background work of the account's creation and of earlier tests settles first: deliveries, the counters'
        // roll-up (which moves contributions into counters) and the log's integration all change row counts.
        await portal.DeliveriesSettledAsync();
        await portal.CountersRolledUpAsync();
        await portal.LogIntegratedAsync();
        var before = await RowCountsAsync();

        using var rejected = new HttpRequestMessage(HttpMethod.Post, "/api/applications/precheck") { Content = JsonContent.Create(request with { Declarations = [] }, options: TestJson.Options) };
        rejected.Headers.Add(IdempotencyFilter.Header, Guid.NewGuid().ToString());
        var answers = new[]
        {
            await applicant.Client.SendAsync(rejected),
            await applicant.Client.PostAsJsonAsync("/api/applications/precheck", request, TestJson.Options),
        };

        Assert.All(answers, answer => Assert.Equal(HttpStatusCode.OK, answer.StatusCode));
        var after = await RowCountsAsync();
        Assert.Empty(after.Where(t => before[t.Key] != t.Value).Select(t => $"{t.Key}: {before[t.Key]} -> {t.Value}"));
    }

    [Fact]
    public async Task Precheck_ShowsEveryFailingRequirement_AndTheSubmissionThatFollowsDecidesTheSame()
    {
        using var applicant = await portal.ApplicantAsync();
        var request = await applicant.Client.RestaurantAsync() with { Declarations = [], Employees = 0, PlannedStartDate = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-10) };

        var precheck = await PrecheckAsync(applicant.Client, request);
        var submitted = (await applicant.Client.SubmitAsync(request)).Decision!;

        Assert.Equal("rejected", precheck.Outcome);
        Assert.Equal(["KEGIATAN-TANGGAL-MULAI", "PERNYATAAN-KEBENARAN-DATA", "TENAGA-KERJA-DIISI"], precheck.FailedRequirements.Select(f => f.Id).Order(StringComparer.Ordinal));
        Assert.All(precheck.FailedRequirements, f =>
        {
            Assert.NotEmpty(f.Message);
            Assert.NotEmpty(f.Remedy);
            Assert.NotEmpty(f.LegalBasis.Regulation);
        });
        Assert.Equal(submitted.Outcome, precheck.Outcome);
        Assert.Equal(submitted.RuleSet, precheck.RuleSet);
        Assert.Equal(submitted.Scale, precheck.Scale);
        Assert.Equal(submitted.RiskLevel, precheck.RiskLevel);
        // The risk level by its rule set's title in the reader's language, beside its id.
        Assert.Equal(("rendah", "Rendah"), (precheck.RiskLevel, precheck.RiskTitle));
        Assert.Equal(submitted.RiskTitle, precheck.RiskTitle);
        Assert.Equal(submitted.RequiredPermits, precheck.RequiredPermits);
        Assert.Equal(submitted.FailedRequirements, precheck.FailedRequirements);
        Assert.Equal(submitted.Requirements.Select(r => (r.Id, r.Status)), precheck.Requirements.Select(r => (r.Id, r.Status)));
    }

    [Fact]
    public async Task Precheck_OfAnotherApplicantsBusiness_Returns404()
    {
        using var owner = await portal.ApplicantAsync();
        using var stranger = await portal.ApplicantAsync();
        var request = await owner.Client.RestaurantAsync();

        var response = await stranger.Client.PostAsJsonAsync("/api/applications/precheck", request with { DocumentIds = [] }, TestJson.Options);

        await SubmitApplicationTests.AssertProblemAsync(response, HttpStatusCode.NotFound, "business_not_found");
    }

    [Fact]
    public async Task ActivitiesAreNamedByTheirWordsThenTheirNumber_AndAnUnknownOneByItsNumberOnce()
    {
        using var applicant = await portal.ApplicantAsync();
        var request = await applicant.Client.RestaurantAsync() with { Kbli = ["56101", "99999"] };

        var precheck = await PrecheckAsync(applicant.Client, request);

        var unknown = Assert.Single(precheck.FailedRequirements, f => f.Id == "KBLI-TERDAFTAR");
        Assert.Equal("Kota Kupang tidak mengenal atau tidak melayani kegiatan KBLI 99999.", unknown.Message);
    }

    [Fact]
    public async Task Precheck_InEnglish_ExplainsInEnglish()
    {
        using var applicant = await portal.ApplicantAsync();
        var request = await applicant.Client.RestaurantAsync() with { Declarations = [] };
        using var english = new HttpRequestMessage(HttpMethod.Post, "/api/applications/precheck") { Content = JsonContent.Create(request, options: TestJson.Options) };
        english.Headers.AcceptLanguage.ParseAdd("en");

        var response = await applicant.Client.SendAsync(english);

        var decision = (await response.Content.ReadFromJsonAsync<DecisionExplanation>(TestJson.Options))!;
        Assert.Equal("en", response.Content.Headers.ContentLanguage.Single());
        Assert.Equal("Check all your answers again. If they are right, tick \u201cI declare all the details I have given are true\u201d on the \u201cDeclarations\u201d page.", Assert.Single(decision.FailedRequirements).Remedy);
    }

    [Theory]
    [InlineData("id", "SPPL adalah pernyataan Anda sendiri")]
    [InlineData("en", "An SPPL is your own statement")]
    public async Task AMissingSppl_IsExplainedAsAStatementMadeOnTheSpot_NotADocumentToFetch(string language, string remedyStart)
    {
        using var applicant = await portal.ApplicantAsync();
        var request = await applicant.Client.RestaurantAsync() with { EnvironmentalDocument = null };
        using var message = new HttpRequestMessage(HttpMethod.Post, "/api/applications/precheck") { Content = JsonContent.Create(request, options: TestJson.Options) };
        message.Headers.AcceptLanguage.ParseAdd(language);

        var decision = (await (await applicant.Client.SendAsync(message)).Content.ReadFromJsonAsync<DecisionExplanation>(TestJson.Options))!;

        // A low-risk restaurant needs an SPPL: the remedy says what it is and that it costs no visit, not "get the document".
        var failed = Assert.Single(decision.FailedRequirements);
        Assert.Equal("LINGKUNGAN-DOKUMEN", failed.Id);
        Assert.StartsWith(remedyStart, failed.Remedy, StringComparison.Ordinal);
        Assert.DoesNotContain("{", failed.Remedy, StringComparison.Ordinal);
    }

    /// <summary>
    /// A building's number written as its letter writes it, spaces and all ("503 / IMB / 2010"), is the same number: the
    /// application keeps it without the spaces around its marks and the requirement holds; words are still refused.
    /// </summary>
    [Fact]
    public async Task ABuildingNumber_WrittenWithSpacesAsOnItsLetter_IsTheSameNumber()
    {
        using var applicant = await portal.ApplicantAsync();
        var request = await applicant.Client.RestaurantAsync() with { BuildingApprovalNumber = " 503 / IMB / 2010 " };

        Assert.Equal("approved", (await PrecheckAsync(applicant.Client, request)).Outcome);
        var submitted = await applicant.Client.SubmitAsync(request);
        Assert.Equal("approved", submitted.Decision!.Outcome);
        await using (var scope = portal.Factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<LicensingDbContext>();
            Assert.Equal("503/IMB/2010", await db.Applications.Where(a => a.Id == submitted.Id).Select(a => a.BuildingApprovalNumber).SingleAsync());
        }

        // Words are no number, spaces or not: "no PBG yet" is still refused.
        foreach (var written in new[] { "belum ada", "masih proses", "5 0 3" })
        {
            var refused = await PrecheckAsync(applicant.Client, request with { BuildingApprovalNumber = written });
            Assert.Equal("BANGUNAN-PBG", Assert.Single(refused.FailedRequirements).Id);
        }
    }

    /// <summary>
    /// The explanation says when the least investment for foreign capital applies (the investment page explains PMDN and
    /// PMA then, and only then): for a PMA company, not for a sole owner's warung.
    /// </summary>
    [Fact]
    public async Task TheForeignInvestmentMinimum_AppliesToAForeignCompany_NotToASoleOwner()
    {
        using var applicant = await portal.ApplicantAsync();
        var warung = await applicant.Client.RestaurantAsync();
        var company = await applicant.Client.RegisterBusinessAsync(Builders.SoleProprietor("PT Flobamora Sejahtera") with
        {
            LegalForm = LegalForm.Pt,
            InvestmentType = InvestmentType.Pma,
            Owner = new Api.Features.Businesses.RegisterBusiness.OwnerRequest("PT Flobamora Sejahtera", null, "0123456789012345"),
        });

        Assert.False((await PrecheckAsync(applicant.Client, warung)).AsksForeignInvestmentMinimum());
        Assert.True((await PrecheckAsync(applicant.Client, warung with { BusinessId = company })).AsksForeignInvestmentMinimum());
    }

    /// <summary>A reason naming the business's scale reads as a sentence: "as a medium business", not "a medium business business".</summary>
    [Theory]
    [InlineData("id", "Sebagai usaha menengah, usaha Anda wajib", "usaha menengah usaha")]
    [InlineData("en", "As a medium business, you must", "business business")]
    public async Task AReasonNamingTheScale_SaysItOnce(string language, string start, string doubled)
    {
        using var applicant = await portal.ApplicantAsync();
        var request = await applicant.Client.RestaurantAsync() with { Investment = new InvestmentRequest(0, 0, 6_000_000_000, 0) };
        using var message = new HttpRequestMessage(HttpMethod.Post, "/api/applications/precheck") { Content = JsonContent.Create(request, options: TestJson.Options) };
        message.Headers.AcceptLanguage.ParseAdd(language);

        var decision = (await (await applicant.Client.SendAsync(message)).Content.ReadFromJsonAsync<DecisionExplanation>(TestJson.Options))!;

        var boundary = Assert.Single(decision.FailedRequirements, f => f.Id == "LOKASI-POLIGON");
        Assert.StartsWith(start, boundary.Message, StringComparison.Ordinal);
        Assert.All(decision.FailedRequirements, f => Assert.DoesNotContain(doubled, f.Message + " " + f.Remedy, StringComparison.Ordinal));
    }

    private static async Task<DecisionExplanation> PrecheckAsync(HttpClient client, ApplicationRequest request)
    {
        var response = await client.PostAsJsonAsync("/api/applications/precheck", request, TestJson.Options);
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<DecisionExplanation>(TestJson.Options))!;
    }

    /// <summary>The number of rows in every table of the model, by table name.</summary>
    private async Task<Dictionary<string, long>> RowCountsAsync()
    {
        await using var scope = portal.Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LicensingDbContext>();
        var tables = db.Model.GetEntityTypes().Select(t => t.GetTableName()).OfType<string>().Distinct().Order(StringComparer.Ordinal).ToList();
        var counts = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var table in tables)
        {
            // The table names come from the model, not from input.
            var sql = "SELECT COUNT(*) AS \"Value\" FROM \"" + table + "\"";
            counts[table] = await db.Database.SqlQueryRaw<long>(sql).SingleAsync();
        }

        return counts;
    }
}

public sealed class PrecheckTestsOnSqlite(SqlitePortal portal) : PrecheckTests(portal), IClassFixture<SqlitePortal>;

public sealed class PrecheckTestsOnPostgres(PostgresPortal portal) : PrecheckTests(portal), IClassFixture<PostgresPortal>;
