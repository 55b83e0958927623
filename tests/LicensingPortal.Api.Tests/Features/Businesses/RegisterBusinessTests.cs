using System.Net;
using System.Net.Http.Json;
using LicensingPortal.Api.Domain;
using LicensingPortal.Api.Features.Businesses;
using LicensingPortal.Api.Tests.Features.Applications;
using LicensingPortal.Api.Tests.Infrastructure;

namespace LicensingPortal.Api.Tests.Features.Businesses;

public abstract class RegisterBusinessTests(Portal portal)
{
    private async Task<HttpClient> ApplicantAsync() => (await portal.ApplicantAsync()).Client;

    [Fact]
    public async Task Post_SoleProprietor_Returns201WithMaskedNikAndNoNibYet()
    {
        var client = await ApplicantAsync();
        var response = await client.PostAsJsonAsync("/api/businesses", Builders.SoleProprietor(), TestJson.Options);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = (await response.Content.ReadFromJsonAsync<BusinessResponse>(TestJson.Options))!;
        Assert.NotEqual(Guid.Empty, body.Id);
        Assert.Equal("5371********0003", body.Owner.Nik);
        Assert.Null(body.Nib);
        Assert.DoesNotContain("5371044107850003", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("537104410785000")]
    [InlineData("5371043213850003")]
    [InlineData("5371044107850000")]
    [InlineData("53710441078500AB")]
    public async Task Post_StructurallyInvalidNik_Returns400NamingTheField(string nik)
    {
        var request = Builders.SoleProprietor() with { Owner = new RegisterBusiness.OwnerRequest("Maria", nik, null) };

        var client = await ApplicantAsync();
        var response = await client.PostAsJsonAsync("/api/businesses", request, TestJson.Options);

        var problem = await SubmitApplicationTests.AssertProblemAsync(response, HttpStatusCode.BadRequest, "validation_failed");
        Assert.Contains("owner.nik", problem["errors"]!.AsObject().Select(e => e.Key));
    }

    [Theory]
    [InlineData("id", "Tulis paling banyak 254 huruf; Anda menulis 263.")]
    [InlineData("en", "Write at most 254 characters; you wrote 263.")]
    public async Task A_RuleWithoutItsOwnMessage_SpeaksInTheServicesVoice_InTheReadersLanguage(string language, string expected)
    {
        var request = Builders.SoleProprietor() with { Email = new string('a', 251) + "@example.com" };
        var client = await ApplicantAsync();
        using var message = new HttpRequestMessage(HttpMethod.Post, "/api/businesses") { Content = JsonContent.Create(request, options: TestJson.Options) };
        message.Headers.AcceptLanguage.ParseAdd(language);

        var response = await client.SendAsync(message);

        var problem = await SubmitApplicationTests.AssertProblemAsync(response, HttpStatusCode.BadRequest, "validation_failed");
        Assert.Equal(expected, problem["errors"]!["email"]![0]!.GetValue<string>());
    }

    [Fact]
    public async Task Check_AnswersAsRegistrationWould_WithoutRegistering()
    {
        var client = await ApplicantAsync();
        var before = await client.GetStringAsync("/api/businesses");

        var valid = await client.PostAsJsonAsync("/api/businesses/check", Builders.SoleProprietor(), TestJson.Options);
        var invalid = await client.PostAsJsonAsync("/api/businesses/check", Builders.SoleProprietor() with { Owner = new RegisterBusiness.OwnerRequest("Maria", "1234", null) }, TestJson.Options);

        Assert.Equal(HttpStatusCode.OK, valid.StatusCode);
        Assert.True((await valid.Content.ReadFromJsonAsync<CheckBusiness.Answer>(TestJson.Options))!.Valid);
        var problem = await SubmitApplicationTests.AssertProblemAsync(invalid, HttpStatusCode.BadRequest, "validation_failed");
        Assert.Contains("owner.nik", problem["errors"]!.AsObject().Select(e => e.Key));
        Assert.Equal(before, await client.GetStringAsync("/api/businesses"));
    }

    [Fact]
    public async Task Post_EntityWithoutNpwp_Returns400()
    {
        var request = Builders.SoleProprietor() with { LegalForm = LegalForm.Cv, Owner = new RegisterBusiness.OwnerRequest("CV Flobamora", null, null) };

        var client = await ApplicantAsync();
        var response = await client.PostAsJsonAsync("/api/businesses", request, TestJson.Options);

        var problem = await SubmitApplicationTests.AssertProblemAsync(response, HttpStatusCode.BadRequest, "validation_failed");
        Assert.Contains("owner.npwp", problem["errors"]!.AsObject().Select(e => e.Key));
    }

    [Fact]
    public async Task Post_ForeignInvestmentAsCv_Returns400()
    {
        var request = Builders.SoleProprietor() with
        {
            LegalForm = LegalForm.Cv,
            InvestmentType = InvestmentType.Pma,
            Owner = new RegisterBusiness.OwnerRequest("CV Flobamora", null, "0123456789012345"),
        };

        var client = await ApplicantAsync();
        var response = await client.PostAsJsonAsync("/api/businesses", request, TestJson.Options);

        var problem = await SubmitApplicationTests.AssertProblemAsync(response, HttpStatusCode.BadRequest, "validation_failed");
        Assert.Contains("investmentType", problem["errors"]!.AsObject().Select(e => e.Key));
    }

    [Fact]
    public async Task Post_UnknownLegalForm_Returns400MalformedRequest()
    {
        using var content = JsonContent.Create(new { name = "X", legalForm = "llc", investmentType = "pmdn" });

        var client = await ApplicantAsync();
        var response = await client.PostAsync("/api/businesses", content);

        await SubmitApplicationTests.AssertProblemAsync(response, HttpStatusCode.BadRequest, "malformed_request");
    }
}

public sealed class RegisterBusinessTestsOnSqlite(SqlitePortal portal) : RegisterBusinessTests(portal), IClassFixture<SqlitePortal>;

public sealed class RegisterBusinessTestsOnPostgres(PostgresPortal portal) : RegisterBusinessTests(portal), IClassFixture<PostgresPortal>;
