using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using LicensingPortal.Api.Features.Applications;
using LicensingPortal.Api.Tests.Infrastructure;

namespace LicensingPortal.Api.Tests.Features.Me;

/// <summary>
/// An applicant's copy of everything the service holds about them (GET /api/me/data): every part there, as the
/// service shows it elsewhere, identifiers masked, and nothing of another applicant.
/// </summary>
public abstract class MyDataTests(Portal portal)
{
    [Fact]
    public async Task MyData_HoldsTheAccountBusinessesApplicationsDraftsPermitsDocumentsAndSignIns_OfThisApplicantOnly()
    {
        using var applicant = await portal.ApplicantAsync();
        var request = await applicant.Client.RestaurantAsync();
        var approved = await applicant.Client.SubmitAsync(request);
        var refused = await applicant.Client.SubmitAsync(request with { Declarations = [] });
        var draft = await applicant.Client.PostAsJsonAsync("/api/applications/drafts", new StartApplicationDraft.Request(null, refused.Id), TestJson.Options);
        Assert.True(draft.IsSuccessStatusCode, await draft.Content.ReadAsStringAsync());
        var webhook = await applicant.Client.PutAsJsonAsync("/api/me/preferences", new { language = "id", emailNotifications = true, webhookUrl = "https://hooks.warung-oma-maria.example/izin" });
        var secret = (string)(await webhook.Content.ReadFromJsonAsync<JsonObject>())!["webhookSecret"]!;
        var levy = await applicant.Client.PostAsJsonAsync("/api/me/levy-reports", new { whatHappened = "Seseorang meminta Rp200.000 untuk mengurus izin saya.", applicationId = approved.Id });
        Assert.True(levy.IsSuccessStatusCode, await levy.Content.ReadAsStringAsync());
        var objection = await applicant.Client.PostAsJsonAsync($"/api/applications/{refused.Id}/objection", new { reason = "Pernyataan itu sudah saya centang di HP saya." });
        Assert.True(objection.IsSuccessStatusCode, await objection.Content.ReadAsStringAsync());
        using var other = await portal.ApplicantAsync();
        var theirs = await other.Client.SubmitAsync(Builders.Restaurant(await other.Client.RegisterBusinessAsync(Builders.SoleProprietor("Toko Orang Lain Sejahtera"))) with { Declarations = [] });
        Assert.True((await other.Client.PostAsJsonAsync($"/api/applications/{theirs.Id}/objection", new { reason = "Keberatan orang lain atas penolakannya." })).IsSuccessStatusCode);
        Assert.True((await other.Client.PostAsJsonAsync("/api/me/levy-reports", new { whatHappened = "Laporan orang lain tentang permintaan uang." })).IsSuccessStatusCode);

        var response = await applicant.Client.GetAsync("/api/me/data");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(response.Headers.CacheControl is { NoStore: true, Private: true }, $"{response.Headers.CacheControl}");
        var text = await response.Content.ReadAsStringAsync();
        var data = JsonNode.Parse(text)!.AsObject();
        Assert.Equal(applicant.Email, (string)data["account"]!["email"]!);
        Assert.Equal("id", (string)data["preferences"]!["language"]!);
        var business = Assert.Single(data["businesses"]!.AsArray());
        Assert.Equal(Builders.SoleProprietor().Name, (string)business!["name"]!);
        Assert.Equal([refused.Id, approved.Id], data["applications"]!.AsArray().Select(a => Guid.Parse((string)a!["id"]!)));
        Assert.All(data["applications"]!.AsArray(), a => Assert.NotNull(a!["decision"]!["outcome"]));
        Assert.All(data["applications"]!.AsArray(), a => Assert.Equal(request.Location.Address, (string)a!["answers"]!["location"]!["address"]!));
        Assert.Equal(refused.Id, Guid.Parse((string)Assert.Single(data["drafts"]!.AsArray())!["correctsApplicationId"]!));
        Assert.Equal(approved.Permits.Select(p => p.Number).Order(), data["permits"]!.AsArray().Select(p => (string)p!["number"]!).Order());
        Assert.Contains(data["documents"]!.AsArray(), d => (string)d!["kind"]! == "ktp");
        Assert.Equal("https://hooks.warung-oma-maria.example/izin", (string)data["preferences"]!["webhookUrl"]!);
        Assert.Single(data["signIns"]!.AsArray());
        Assert.Equal(approved.Id, Guid.Parse((string)Assert.Single(data["levyReports"]!.AsArray())!["applicationId"]!));
        var mine = Assert.Single(data["objections"]!.AsArray());
        Assert.Equal((refused.Id, "Pernyataan itu sudah saya centang di HP saya."), (Guid.Parse((string)mine!["applicationId"]!), (string)mine["reason"]!));

        // Identifiers masked, as in every answer; no secret; nothing of the other applicant.
        Assert.DoesNotContain("5371044107850003", text, StringComparison.Ordinal);
        Assert.DoesNotContain(secret, text, StringComparison.Ordinal);
        Assert.DoesNotContain("Toko Orang Lain Sejahtera", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Laporan orang lain", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Keberatan orang lain", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MyData_IsTheApplicantsOnly_StaffAndStrangersAreRefused()
    {
        using var officer = await portal.StaffAsync(Api.Infrastructure.Auth.Roles.Officer);

        await Problems.AssertAsync(await officer.Client.GetAsync("/api/me/data"), HttpStatusCode.Forbidden, "forbidden");
        await Problems.AssertAsync(await portal.Client.GetAsync("/api/me/data"), HttpStatusCode.Unauthorized, "unauthorized");
    }
}

public sealed class MyDataTestsOnSqlite(SqlitePortal portal) : MyDataTests(portal), IClassFixture<SqlitePortal>;

public sealed class MyDataTestsOnPostgres(PostgresPortal portal) : MyDataTests(portal), IClassFixture<PostgresPortal>;
