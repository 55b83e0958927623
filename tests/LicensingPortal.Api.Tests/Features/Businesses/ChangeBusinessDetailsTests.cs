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
        var oldEmail = $"oma-maria-{Guid.NewGuid():N}@example.id";
        var business = await RegisterAsync(owner.Client, Builders.SoleProprietor() with { Email = oldEmail });

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

        // The address the notices went to is told they go elsewhere now (the new one masked), with what to do if it was
        // not the owner; the inbox has it too. A change that keeps the address tells nobody.
        await portal.DeliveriesSettledAsync();
        var title = Web.Say.Id("Notice.BusinessEmailChanged.Title", "Warung Se'i Oma Maria II");
        var told = Assert.Single(await Mailbox.MessagesToAsync(portal.DataDirectory, oldEmail), m => m.Subject == title);
        Assert.Contains("ma•••@example.id", told.TextBody, StringComparison.Ordinal);
        Assert.Contains("om•••@example.id", told.TextBody, StringComparison.Ordinal);
        Assert.Contains("http://localhost/akun/pulihkan", told.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain("maria.baru@example.id", told.TextBody, StringComparison.Ordinal);
        Assert.Contains($"{Web.Say.Id("Notice.BusinessClosed.NewPassword")}:", told.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain(await Mailbox.MessagesToAsync(portal.DataDirectory, "maria.baru@example.id"), m => m.Subject == title);
        var inbox = (await owner.Client.GetFromJsonAsync<List<Api.Features.Me.ListNotifications.Item>>("/api/me/notifications", TestJson.Options))!;
        Assert.Equal(business.Id, Assert.Single(inbox, n => n.Type == NoticeKind.BusinessEmailChanged.Type).SubjectId);

        var kept = await owner.Client.PutAsJsonAsync($"/api/businesses/{business.Id}/details", new ChangeBusinessDetails.Request("Warung Se'i Oma Maria III", business.Address, "Maria.Baru@example.id", null, null), TestJson.Options);
        Assert.Equal(HttpStatusCode.OK, kept.StatusCode);
        inbox = (await owner.Client.GetFromJsonAsync<List<Api.Features.Me.ListNotifications.Item>>("/api/me/notifications", TestJson.Options))!;
        Assert.Single(inbox, n => n.Type == NoticeKind.BusinessEmailChanged.Type);
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

    /// <summary>
    /// A NIK mistyped at registration (a province code that does not exist) is corrected on the business, not by
    /// registering it again: the next application is decided on the corrected NIK; the history keeps both masked.
    /// Once the NIB is issued, the owner's name and NIK are fixed.
    /// </summary>
    [Fact]
    public async Task Put_Details_CorrectsTheOwnersNikAndName_UntilTheNib_ThenTheyAreFixed()
    {
        using var owner = await portal.ApplicantAsync();
        var business = await RegisterAsync(owner.Client, Builders.SoleProprietor() with { Owner = new RegisterBusiness.OwnerRequest("Maria Ndolu", "5471044107850003", null) });
        var ktp = await owner.Client.UploadAsync();
        var refused = await owner.Client.SubmitAsync(Builders.Restaurant(business.Id, ktp));
        Assert.Equal(["IDENTITAS-NIK-WILAYAH"], refused.Decision!.FailedRequirements.Select(f => f.Id));

        // A NIK that is not a NIK is said at its field; nothing is changed.
        var wrong = await owner.Client.PutAsJsonAsync($"/api/businesses/{business.Id}/details", Keep(business) with { OwnerNik = "53710441078500" }, TestJson.Options);
        var problem = await SubmitApplicationTests.AssertProblemAsync(wrong, HttpStatusCode.BadRequest, "validation_failed");
        Assert.NotNull(problem["errors"]?["ownerNik"]);

        // An owner's name emptied is refused, not kept silently.
        var unnamed = await owner.Client.PutAsJsonAsync($"/api/businesses/{business.Id}/details", Keep(business) with { OwnerName = " " }, TestJson.Options);
        Assert.NotNull((await SubmitApplicationTests.AssertProblemAsync(unnamed, HttpStatusCode.BadRequest, "validation_failed"))["errors"]?["ownerName"]);

        // Copied with the spaces people put in it, the NIK is its sixteen digits.
        var corrected = await owner.Client.PutAsJsonAsync($"/api/businesses/{business.Id}/details", Keep(business) with { OwnerName = "Maria Magdalena Ndolu", OwnerNik = " 5371 0441 0785 0003 " }, TestJson.Options);
        Assert.Equal(HttpStatusCode.OK, corrected.StatusCode);
        var read = (await corrected.Content.ReadFromJsonAsync<BusinessResponse>(TestJson.Options))!;
        Assert.Equal(("Maria Magdalena Ndolu", "5371********0003"), (read.Owner.Name, read.Owner.Nik));
        var history = (await owner.Client.GetFromJsonAsync<List<ListBusinessChanges.Change>>($"/api/businesses/{business.Id}/changes", TestJson.Options))!;
        Assert.Equal(("5471********0003", "5371********0003"), history.Where(c => c.Field == "ownerNik").Select(c => (c.Before, c.After)).Single());
        Assert.Equal(("Maria Ndolu", "Maria Magdalena Ndolu"), history.Where(c => c.Field == "ownerName").Select(c => (c.Before, c.After)).Single());

        var approved = await owner.Client.SubmitAsync(Builders.Restaurant(business.Id, ktp));
        Assert.Equal("approved", approved.Decision!.Outcome);
        var withNib = (await owner.Client.GetFromJsonAsync<BusinessResponse>($"/api/businesses/{business.Id}", TestJson.Options))!;
        Assert.NotNull(withNib.Nib);

        // The NIB is the owner's: neither name nor NIK changes after it; the other details still do.
        var renamed = await owner.Client.PutAsJsonAsync($"/api/businesses/{business.Id}/details", Keep(withNib) with { OwnerName = "Yohana Ndolu" }, TestJson.Options);
        var renumbered = await owner.Client.PutAsJsonAsync($"/api/businesses/{business.Id}/details", Keep(withNib) with { OwnerNik = "5371044107850011" }, TestJson.Options);
        var same = await owner.Client.PutAsJsonAsync($"/api/businesses/{business.Id}/details", Keep(withNib) with { Name = "Warung Se'i Oma Maria Baru", OwnerName = withNib.Owner.Name }, TestJson.Options);
        await SubmitApplicationTests.AssertProblemAsync(renamed, HttpStatusCode.Conflict, "owner_fixed");
        await SubmitApplicationTests.AssertProblemAsync(renumbered, HttpStatusCode.Conflict, "owner_fixed");
        Assert.Equal(HttpStatusCode.OK, same.StatusCode);
        var after = (await owner.Client.GetFromJsonAsync<BusinessResponse>($"/api/businesses/{business.Id}", TestJson.Options))!;
        Assert.Equal(("Warung Se'i Oma Maria Baru", "Maria Magdalena Ndolu", "5371********0003"), (after.Name, after.Owner.Name, after.Owner.Nik));
    }

    [Fact]
    public async Task Put_Details_AnEntityHasNoOwnersNik()
    {
        using var owner = await portal.ApplicantAsync();
        var business = await RegisterAsync(owner.Client, Builders.SoleProprietor("CV Sasando") with { LegalForm = LegalForm.Cv, Owner = new RegisterBusiness.OwnerRequest("Yohanes", null, "012345678901234") });

        var response = await owner.Client.PutAsJsonAsync($"/api/businesses/{business.Id}/details", Keep(business) with { OwnerNik = "5371044107850003" }, TestJson.Options);

        var problem = await SubmitApplicationTests.AssertProblemAsync(response, HttpStatusCode.BadRequest, "validation_failed");
        Assert.NotNull(problem["errors"]?["ownerNik"]);
        Assert.Null((await owner.Client.GetFromJsonAsync<BusinessResponse>($"/api/businesses/{business.Id}", TestJson.Options))!.Owner.Nik);
    }

    private static ChangeBusinessDetails.Request Keep(BusinessResponse business) => new(business.Name, business.Address, business.Email, business.Phone, null);

    private static async Task<BusinessResponse> RegisterAsync(HttpClient client, RegisterBusiness.Request request)
    {
        var response = await client.PostAsJsonAsync("/api/businesses", request, TestJson.Options);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<BusinessResponse>(TestJson.Options))!;
    }
}

public sealed class ChangeBusinessDetailsTestsOnSqlite(SqlitePortal portal) : ChangeBusinessDetailsTests(portal), IClassFixture<SqlitePortal>;

public sealed class ChangeBusinessDetailsTestsOnPostgres(PostgresPortal portal) : ChangeBusinessDetailsTests(portal), IClassFixture<PostgresPortal>;
