using System.Net;
using System.Net.Http.Json;
using LicensingPortal.Api.Domain;
using LicensingPortal.Api.Features.Businesses;
using LicensingPortal.Api.Tests.Features.Applications;
using LicensingPortal.Api.Tests.Infrastructure;

namespace LicensingPortal.Api.Tests.Features.Businesses;

public abstract class ChangeBusinessDetailsTests(Portal portal)
{
    [Fact]
    public async Task Put_Details_ChangesThem_AndKeepsEachChangeWithItsTime()
    {
        using var owner = await portal.ApplicantAsync();
        var business = await RegisterAsync(owner.Client, Builders.SoleProprietor());

        var response = await owner.Client.PutAsJsonAsync(
            $"/api/businesses/{business.Id}/details",
            new ChangeBusinessDetails.Request("Warung Se'i Oma Maria II", business.Address, "maria.baru@example.id", "0812 3456 7890", null),
            TestJson.Options);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var changed = (await response.Content.ReadFromJsonAsync<BusinessResponse>(TestJson.Options))!;
        Assert.Equal("Warung Se'i Oma Maria II", changed.Name);
        Assert.Equal("maria.baru@example.id", changed.Email);
        var history = (await owner.Client.GetFromJsonAsync<List<ListBusinessChanges.Change>>($"/api/businesses/{business.Id}/changes", TestJson.Options))!;
        Assert.Equal(["email", "name", "phone"], history.Select(c => c.Field).Order(StringComparer.Ordinal));
        Assert.Equal("Warung Se'i Oma Maria", history.Single(c => c.Field == "name").Before);
        Assert.All(history, c => Assert.True(DateTimeOffset.UtcNow - c.ChangedAt < TimeSpan.FromMinutes(5)));
    }

    [Fact]
    public async Task Put_Details_OfAnotherApplicantsBusiness_Returns404_AndChangesNothing()
    {
        using var owner = await portal.ApplicantAsync();
        using var stranger = await portal.ApplicantAsync();
        var business = await RegisterAsync(owner.Client, Builders.SoleProprietor());

        var response = await stranger.Client.PutAsJsonAsync($"/api/businesses/{business.Id}/details", new ChangeBusinessDetails.Request("Diambil alih", "x", "x@example.id", null, null), TestJson.Options);
        var history = await stranger.Client.GetAsync($"/api/businesses/{business.Id}/changes");

        await SubmitApplicationTests.AssertProblemAsync(response, HttpStatusCode.NotFound, "business_not_found");
        await SubmitApplicationTests.AssertProblemAsync(history, HttpStatusCode.NotFound, "business_not_found");
        Assert.Equal(business.Name, (await owner.Client.GetFromJsonAsync<BusinessResponse>($"/api/businesses/{business.Id}", TestJson.Options))!.Name);
    }

    [Fact]
    public async Task Put_Details_AnEntityCannotRemoveItsNpwp_AndNpwpChangesAreKeptMasked()
    {
        using var owner = await portal.ApplicantAsync();
        var business = await RegisterAsync(owner.Client, Builders.SoleProprietor("CV Flobamora") with { LegalForm = LegalForm.Cv, Owner = new RegisterBusiness.OwnerRequest("Yohanes", null, "012345678901234") });

        var removed = await owner.Client.PutAsJsonAsync($"/api/businesses/{business.Id}/details", new ChangeBusinessDetails.Request(business.Name, business.Address, business.Email, business.Phone, string.Empty), TestJson.Options);
        var changed = await owner.Client.PutAsJsonAsync($"/api/businesses/{business.Id}/details", new ChangeBusinessDetails.Request(business.Name, business.Address, business.Email, business.Phone, "987654321098765"), TestJson.Options);

        var problem = await SubmitApplicationTests.AssertProblemAsync(removed, HttpStatusCode.BadRequest, "validation_failed");
        Assert.NotNull(problem["errors"]?["npwp"]);
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        var npwp = Assert.Single((await owner.Client.GetFromJsonAsync<List<ListBusinessChanges.Change>>($"/api/businesses/{business.Id}/changes", TestJson.Options))!);
        Assert.Equal("0123*******1234", npwp.Before);
        Assert.Equal("9876*******8765", npwp.After);
    }

    private static async Task<BusinessResponse> RegisterAsync(HttpClient client, RegisterBusiness.Request request)
    {
        var response = await client.PostAsJsonAsync("/api/businesses", request, TestJson.Options);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<BusinessResponse>(TestJson.Options))!;
    }
}

public sealed class ChangeBusinessDetailsTestsOnSqlite(SqlitePortal portal) : ChangeBusinessDetailsTests(portal), IClassFixture<SqlitePortal>;

public sealed class ChangeBusinessDetailsTestsOnPostgres(PostgresPortal portal) : ChangeBusinessDetailsTests(portal), IClassFixture<PostgresPortal>;
