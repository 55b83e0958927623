using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using LicensingPortal.Api.Data;
using LicensingPortal.Api.Domain;
using LicensingPortal.Api.Features.Applications;
using LicensingPortal.Api.Features.Businesses;
using LicensingPortal.Api.Features.Inspections;
using LicensingPortal.Api.Infrastructure.Auth;
using LicensingPortal.Api.Infrastructure.Transparency;
using LicensingPortal.Api.Shared;
using LicensingPortal.Api.Tests.Infrastructure;
using LicensingPortal.Api.Tests.Web;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LicensingPortal.Api.Tests.Features.Inspections;

/// <summary>
/// An inspector's visit to a business whose permit is checked on the spot (ADR 0036): a licensing officer books it,
/// the owner is told who comes from which office and when (by e-mail even with e-mails off), booked again it replaces
/// the one waiting, its result is recorded once and told to the owner, and the log holds the result.
/// </summary>
public abstract class InspectionTests(Portal portal)
{
    private static readonly CultureInfo Indonesian = CultureInfo.GetCultureInfo("id-ID");

    private static DateOnly Today => Wita.DateOf(DateTimeOffset.UtcNow);

    [Fact]
    public async Task AnOfficerBooksAVisit_TheOwnerIsToldWhoComesAndWhen_AndReadsTheResult()
    {
        using var applicant = await portal.ApplicantAsync();
        using var officer = await portal.StaffAsync(Roles.Officer);
        using var admin = await portal.StaffAsync(Roles.Admin);
        var email = $"catering-{Accounts.Unique()}@example.com";
        var name = $"Katering Oma {Accounts.Unique()[..6]}";
        var business = await applicant.Client.RegisterBusinessAsync(Builders.SoleProprietor(name) with { Email = email });
        var approved = await CateringAsync(applicant, business);
        var hygiene = approved.Permits.Single(p => p.Type == "PB-UMKU-SLHS");
        var permitId = await PermitIdAsync(hygiene.Number);
        // The owner turned e-mails off: a visit is told by e-mail all the same (they have to be there).
        Assert.True((await applicant.Client.PutAsJsonAsync("/api/me/preferences", new { language = "id", emailNotifications = false })).IsSuccessStatusCode);

        var list = (await officer.Client.GetFromJsonAsync<ListInspections.Response>("/api/audit/inspections", TestJson.Options))!;
        var toBook = Assert.Single(list.ToBook, p => p.PermitId == permitId);
        Assert.Equal((name, hygiene.Number, null), (toBook.BusinessName, toBook.PermitNumber, toBook.Waiting));
        Assert.DoesNotContain(list.ToBook, p => p.PermitNumber == approved.Permits.Single(n => n.Type == "NIB").Number);

        // Bad input: every field said at once, nothing booked.
        var bad = await Problems.AssertAsync(await officer.Client.PostAsJsonAsync($"/api/audit/inspections/permits/{permitId}", new { agency = "", inspectorName = "Yo", inspectorNip = "1234", from = Today.AddDays(3), to = Today.AddDays(30) }, TestJson.Options), HttpStatusCode.BadRequest, "validation_failed");
        var fields = ((JsonElement)bad.Extensions["errors"]!).EnumerateObject().Select(p => p.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);
        Assert.Superset(new HashSet<string>(["agency", "inspectorName", "inspectorNip", "to"], StringComparer.OrdinalIgnoreCase), fields);
        var today = await Problems.AssertAsync(await officer.Client.PostAsJsonAsync($"/api/audit/inspections/permits/{permitId}", Booking(Today, Today), TestJson.Options), HttpStatusCode.BadRequest, "validation_failed");
        Assert.Contains("from", ((JsonElement)today.Extensions["errors"]!).EnumerateObject().Select(p => p.Name));
        Assert.Empty((await applicant.Client.GetFromJsonAsync<List<ListMyInspections.Item>>("/api/me/inspections", TestJson.Options))!);

        var first = await BookAsync(officer, permitId, Booking(Today.AddDays(2), Today.AddDays(4)));
        var waiting = first.Permit.Waiting!;
        Assert.Equal(("Dinas Kesehatan Kota Kupang", "Maria Ndolu", "19850417 201001 2 003"), (waiting.Agency, waiting.InspectorName, waiting.InspectorNip));
        Assert.True(first.MayBook);
        Assert.Contains((await officer.Client.GetFromJsonAsync<ListInspections.Response>("/api/audit/inspections", TestJson.Options))!.Booked, p => p.PermitId == permitId && p.Waiting!.Id == waiting.Id);

        // Booked again in its place: the first no longer waits, the owner is told the new days.
        var second = await BookAsync(officer, permitId, Booking(Today.AddDays(5), Today.AddDays(5)) with { InspectorName = "Yohanes Benu" });
        var visit = second.Permit.Waiting!;
        Assert.NotEqual(waiting.Id, visit.Id);
        Assert.Contains(second.Visits, v => v.Id == waiting.Id && v.Replaced);
        await Problems.AssertAsync(await officer.Client.PostAsJsonAsync($"/api/audit/inspections/{waiting.Id}/result", Result(InspectionOutcome.Met), TestJson.Options), HttpStatusCode.Conflict, "inspection_recorded");

        var mine = Assert.Single((await applicant.Client.GetFromJsonAsync<List<ListMyInspections.Item>>("/api/me/inspections", TestJson.Options))!);
        Assert.Equal((hygiene.Number, "Yohanes Benu", Today.AddDays(5), (InspectionOutcome?)null), (mine.PermitNumber, mine.Visit.InspectorName, mine.Visit.From, mine.Visit.Outcome));

        // Not met: the findings are needed, and are what the owner reads.
        await Problems.AssertAsync(await officer.Client.PostAsJsonAsync($"/api/audit/inspections/{visit.Id}/result", Result(InspectionOutcome.NotMet), TestJson.Options), HttpStatusCode.BadRequest, "validation_failed");
        await Problems.AssertAsync(await officer.Client.PostAsJsonAsync($"/api/audit/inspections/{visit.Id}/result", Result(InspectionOutcome.Met) with { VisitedOn = Today.AddDays(1) }, TestJson.Options), HttpStatusCode.BadRequest, "validation_failed");
        const string Findings = "Tempat cuci piring belum punya saluran pembuangan tertutup. Pasang saluran tertutup ke got.";
        var notMet = await officer.Client.PostAsJsonAsync($"/api/audit/inspections/{visit.Id}/result", Result(InspectionOutcome.NotMet) with { Findings = Findings }, TestJson.Options);
        Assert.Equal(HttpStatusCode.OK, notMet.StatusCode);
        var afterNotMet = (await notMet.Content.ReadFromJsonAsync<OpenPermitInspections.Response>(TestJson.Options))!;
        Assert.True(afterNotMet.MayBook);
        Assert.Null(afterNotMet.Permit.Waiting);
        await Problems.AssertAsync(await officer.Client.PostAsJsonAsync($"/api/audit/inspections/{visit.Id}/result", Result(InspectionOutcome.Met), TestJson.Options), HttpStatusCode.Conflict, "inspection_recorded");

        // The next visit finds the standard met; no more is booked.
        var third = await BookAsync(officer, permitId, Booking(Today.AddDays(7), Today.AddDays(9)));
        var met = await officer.Client.PostAsJsonAsync($"/api/audit/inspections/{third.Permit.Waiting!.Id}/result", Result(InspectionOutcome.Met), TestJson.Options);
        Assert.Equal(HttpStatusCode.OK, met.StatusCode);
        Assert.False((await met.Content.ReadFromJsonAsync<OpenPermitInspections.Response>(TestJson.Options))!.MayBook);
        await Problems.AssertAsync(await officer.Client.PostAsJsonAsync($"/api/audit/inspections/permits/{permitId}", Booking(Today.AddDays(2), Today.AddDays(2)), TestJson.Options), HttpStatusCode.Conflict, "inspection_not_needed");
        Assert.DoesNotContain((await officer.Client.GetFromJsonAsync<ListInspections.Response>("/api/audit/inspections", TestJson.Options))!.ToBook, p => p.PermitId == permitId);

        // The inbox and the e-mail (e-mails off) say who comes and when, the change of days, and each result.
        await portal.DeliveriesSettledAsync();
        var inbox = (await applicant.Client.GetFromJsonAsync<JsonElement>("/api/me/notifications")).EnumerateArray().ToList();
        var booked = inbox.Where(n => n.GetProperty("type").GetString() == "inspection-booked").Select(n => n.GetProperty("body").GetString()!).ToList();
        Assert.Equal(3, booked.Count);
        Assert.Contains(booked, b => b.Contains("Maria Ndolu, NIP (nomor pegawai) 19850417 201001 2 003", StringComparison.Ordinal) && b.Contains(Today.AddDays(2).ToString("d MMMM yyyy", Indonesian), StringComparison.Ordinal));
        Assert.Contains(booked, b => b.StartsWith(Say.Id("Notice.InspectionBooked.Replaces"), StringComparison.Ordinal) && b.Contains("Yohanes Benu", StringComparison.Ordinal));
        var results = inbox.Where(n => n.GetProperty("type").GetString() == "inspection-recorded").Select(n => n.GetProperty("body").GetString()!).ToList();
        Assert.Contains(results, b => b.Contains(Findings, StringComparison.Ordinal));
        var mails = await Mailbox.MessagesToAsync(portal.DataDirectory, email);
        var day = Notices.Days(Indonesian, Today.AddDays(5), Today.AddDays(5));
        var told = Assert.Single(mails, m => m.Subject == Say.Id("Notice.InspectionBooked.Title", name, day));
        Assert.Contains("Yohanes Benu", told.TextBody!, StringComparison.Ordinal);
        Assert.Contains("/lapor", told.TextBody, StringComparison.Ordinal);
        Assert.Contains(mails, m => m.Subject == Say.Id("Notice.InspectionRecorded.NotMet.Title", name) && m.TextBody!.Contains(Findings, StringComparison.Ordinal));
        Assert.Contains(mails, m => m.Subject == Say.Id("Notice.InspectionRecorded.Met.Title", name));

        // The results are in the log, which verifies against the stored visits, and fails when one is changed.
        await portal.LogIntegratedAsync();
        var report = await (await admin.Client.PostAsync("/api/admin/audit/verify", null)).Content.ReadFromJsonAsync<LogVerifier.Report>(TestJson.Options);
        Assert.True(report!.Valid, report.Problem);
        await using (var scope = portal.Factory.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<LicensingDbContext>().Database.ExecuteSqlRawAsync("UPDATE inspection_visits SET findings = 'Semua sudah baik.' WHERE id = {0}", visit.Id);
        }

        var tampered = await (await admin.Client.PostAsync("/api/admin/audit/verify", null)).Content.ReadFromJsonAsync<LogVerifier.Report>(TestJson.Options);
        await using (var scope = portal.Factory.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<LicensingDbContext>().Database.ExecuteSqlRawAsync("UPDATE inspection_visits SET findings = {0} WHERE id = {1}", Findings, visit.Id);
        }

        Assert.False(tampered!.Valid);
        Assert.Contains("inspection-recorded", tampered.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OnlyOfficersBookVisits_AndAnOwnerSeesOnlyTheVisitsToTheirOwnBusinesses()
    {
        using var applicant = await portal.ApplicantAsync();
        using var other = await portal.ApplicantAsync();
        using var officer = await portal.StaffAsync(Roles.Officer);
        var business = await applicant.Client.RegisterBusinessAsync(Builders.SoleProprietor($"Katering Benu {Accounts.Unique()[..6]}"));
        var approved = await CateringAsync(applicant, business);
        var permitId = await PermitIdAsync(approved.Permits.Single(p => p.Type == "PB-UMKU-SLHS").Number);

        Assert.Equal(HttpStatusCode.Forbidden, (await applicant.Client.GetAsync("/api/audit/inspections")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await applicant.Client.PostAsJsonAsync($"/api/audit/inspections/permits/{permitId}", Booking(Today.AddDays(2), Today.AddDays(3)), TestJson.Options)).StatusCode);
        // A permit whose holder is not visited (the NIB), or none at all: not found.
        var nib = await PermitIdAsync(approved.Permits.Single(p => p.Type == "NIB").Number);
        await Problems.AssertAsync(await officer.Client.GetAsync($"/api/audit/inspections/permits/{nib}"), HttpStatusCode.NotFound, "inspection_not_found");
        await Problems.AssertAsync(await officer.Client.PostAsJsonAsync($"/api/audit/inspections/permits/{nib}", Booking(Today.AddDays(2), Today.AddDays(3)), TestJson.Options), HttpStatusCode.NotFound, "inspection_not_found");
        await Problems.AssertAsync(await officer.Client.PostAsJsonAsync($"/api/audit/inspections/{Guid.NewGuid()}/result", Result(InspectionOutcome.Met), TestJson.Options), HttpStatusCode.NotFound, "inspection_not_found");

        await BookAsync(officer, permitId, Booking(Today.AddDays(2), Today.AddDays(3)));
        Assert.Single((await applicant.Client.GetFromJsonAsync<List<ListMyInspections.Item>>("/api/me/inspections", TestJson.Options))!);
        Assert.Empty((await other.Client.GetFromJsonAsync<List<ListMyInspections.Item>>("/api/me/inspections", TestJson.Options))!);
        // The owner's copy of their data holds the visit; the other's holds none.
        var data = await applicant.Client.GetFromJsonAsync<JsonElement>("/api/me/data");
        Assert.Equal("Maria Ndolu", Assert.Single(data.GetProperty("inspections").EnumerateArray()).GetProperty("visit").GetProperty("inspectorName").GetString());
        Assert.Empty((await other.Client.GetFromJsonAsync<JsonElement>("/api/me/data")).GetProperty("inspections").EnumerateArray());

        // A permit that ended (revoked here) takes no visit, and the visit waiting takes no result.
        using var admin = await portal.StaffAsync(Roles.Admin);
        var waiting = (await officer.Client.GetFromJsonAsync<OpenPermitInspections.Response>($"/api/audit/inspections/permits/{permitId}", TestJson.Options))!.Permit.Waiting!;
        var revoked = await admin.Client.PostAsJsonAsync($"/api/admin/permits/{approved.Permits.Single(p => p.Type == "PB-UMKU-SLHS").Number}/revocation", new { reason = "Dapur ditutup oleh Dinas Kesehatan karena keracunan makanan." }, TestJson.Options);
        Assert.True(revoked.IsSuccessStatusCode, await revoked.Content.ReadAsStringAsync());
        await Problems.AssertAsync(await officer.Client.PostAsJsonAsync($"/api/audit/inspections/permits/{permitId}", Booking(Today.AddDays(2), Today.AddDays(3)), TestJson.Options), HttpStatusCode.Conflict, "inspection_not_needed");
        await Problems.AssertAsync(await officer.Client.PostAsJsonAsync($"/api/audit/inspections/{waiting.Id}/result", Result(InspectionOutcome.Met), TestJson.Options), HttpStatusCode.Conflict, "inspection_not_needed");
        Assert.DoesNotContain((await officer.Client.GetFromJsonAsync<ListInspections.Response>("/api/audit/inspections", TestJson.Options))!.Booked, p => p.PermitId == permitId);
        // The visit waiting was called off with the revocation: the owner reads that nobody comes for it.
        Assert.True(Assert.Single((await applicant.Client.GetFromJsonAsync<List<ListMyInspections.Item>>("/api/me/inspections", TestJson.Options))!).Visit.CalledOff);
    }

    /// <summary>
    /// A visit waiting when its permit ends is called off, and the owner told at once that nobody comes for it: by a
    /// change that replaced the permit (the permit in its place waits for a visit of its own, and the owner reads that
    /// they are told before anyone comes for it), then by closing the business.
    /// </summary>
    [Fact]
    public async Task AVisitWaiting_IsCalledOff_WhenItsPermitEnds_AndTheOwnerIsToldNobodyComes()
    {
        using var applicant = await portal.ApplicantAsync();
        using var officer = await portal.StaffAsync(Roles.Officer);
        var email = $"katering-{Accounts.Unique()}@example.com";
        var name = $"Katering Tefa {Accounts.Unique()[..6]}";
        var business = await applicant.Client.RegisterBusinessAsync(Builders.SoleProprietor(name) with { Email = email });
        var approved = await CateringAsync(applicant, business);
        var hygiene = approved.Permits.Single(p => p.Type == "PB-UMKU-SLHS");
        var permitId = await PermitIdAsync(hygiene.Number);
        var first = (await BookAsync(officer, permitId, Booking(Today.AddDays(3), Today.AddDays(5)))).Permit.Waiting!;

        // The caterer opens a food stall at the same place: the change replaces the hygiene certificate.
        var offer = (await applicant.Client.GetFromJsonAsync<GetBusinessChange.Response>($"/api/businesses/{business}/change", TestJson.Options))!;
        var change = await applicant.Client.PostJsonAsync($"/api/businesses/{business}/change", offer.Answers with { Kbli = ["56210", "56102"] }, null);
        Assert.True(change.StatusCode == HttpStatusCode.Created, await change.Content.ReadAsStringAsync());
        var reissued = (await change.Content.ReadFromJsonAsync<ApplicationResponse>(TestJson.Options))!.Permits.Single(p => p.Type == "PB-UMKU-SLHS");
        var reissuedId = await PermitIdAsync(reissued.Number);

        var mine = (await applicant.Client.GetFromJsonAsync<List<ListMyInspections.Item>>("/api/me/inspections", TestJson.Options))!;
        var calledOff = Assert.Single(mine, i => i.Visit.Id == first.Id).Visit;
        Assert.True(calledOff.CalledOff);
        Assert.False(calledOff.Late);
        await Problems.AssertAsync(await officer.Client.PostAsJsonAsync($"/api/audit/inspections/{first.Id}/result", Result(InspectionOutcome.Met), TestJson.Options), HttpStatusCode.Conflict, "inspection_not_needed");
        var old = (await officer.Client.GetFromJsonAsync<OpenPermitInspections.Response>($"/api/audit/inspections/permits/{permitId}", TestJson.Options))!;
        Assert.True(Assert.Single(old.Visits).CalledOff);
        Assert.Null(old.Permit.Waiting);
        var lists = (await officer.Client.GetFromJsonAsync<ListInspections.Response>("/api/audit/inspections", TestJson.Options))!;
        Assert.DoesNotContain(lists.Booked, p => p.PermitId == permitId);
        Assert.Contains(lists.ToBook, p => p.PermitId == reissuedId);
        // The officers read it among the visits called off, to tell the inspector's office.
        Assert.Equal(first.Id, Assert.Single(lists.CalledOff, p => p.PermitId == permitId).Last!.Id);

        // An officer marks the inspector's office told, and the visit leaves the list; a second mark keeps the first.
        // Only a visit called off is marked so, only by an officer.
        using var other = await portal.StaffAsync(Roles.Officer);
        var mark = await officer.Client.PostAsync($"/api/audit/inspections/{first.Id}/office-told", null);
        Assert.True(mark.StatusCode == HttpStatusCode.OK, await mark.Content.ReadAsStringAsync());
        var marked = (await mark.Content.ReadFromJsonAsync<MarkOfficeTold.Response>(TestJson.Options))!;
        Assert.Equal(name, marked.BusinessName);
        var again = (await (await other.Client.PostAsync($"/api/audit/inspections/{first.Id}/office-told", null)).Content.ReadFromJsonAsync<MarkOfficeTold.Response>(TestJson.Options))!;
        Assert.DoesNotContain((await officer.Client.GetFromJsonAsync<ListInspections.Response>("/api/audit/inspections", TestJson.Options))!.CalledOff, p => p.PermitId == permitId);
        Assert.NotNull(Assert.Single((await officer.Client.GetFromJsonAsync<OpenPermitInspections.Response>($"/api/audit/inspections/permits/{permitId}", TestJson.Options))!.Visits).OfficeToldAt);
        await using (var scope = portal.Factory.Services.CreateAsyncScope())
        {
            var stored = await scope.ServiceProvider.GetRequiredService<LicensingDbContext>().InspectionVisits.AsNoTracking().SingleAsync(v => v.Id == first.Id);
            Assert.Equal(officer.Id, stored.OfficeToldBy);
            // The second mark answers the first's time, as stored (to the database's precision).
            Assert.Equal(stored.OfficeToldAt, again.OfficeToldAt);
            Assert.True((marked.OfficeToldAt - again.OfficeToldAt).Duration() < TimeSpan.FromMilliseconds(1));
        }

        await Problems.AssertAsync(await applicant.Client.PostAsync($"/api/audit/inspections/{first.Id}/office-told", null), HttpStatusCode.Forbidden, "forbidden");
        await Problems.AssertAsync(await officer.Client.PostAsync($"/api/audit/inspections/{Guid.NewGuid()}/office-told", null), HttpStatusCode.NotFound, "inspection_not_found");

        // A mark made by mistake is taken back (by any officer), and the visit is on the list again; taking back a mark
        // not there changes nothing. Then it is marked again, by the officer who told the office.
        var undo = await other.Client.DeleteAsync($"/api/audit/inspections/{first.Id}/office-told");
        Assert.True(undo.StatusCode == HttpStatusCode.OK, await undo.Content.ReadAsStringAsync());
        Assert.Equal(name, (await undo.Content.ReadFromJsonAsync<UndoOfficeTold.Response>(TestJson.Options))!.BusinessName);
        Assert.Equal(HttpStatusCode.OK, (await other.Client.DeleteAsync($"/api/audit/inspections/{first.Id}/office-told")).StatusCode);
        Assert.Equal(first.Id, Assert.Single((await officer.Client.GetFromJsonAsync<ListInspections.Response>("/api/audit/inspections", TestJson.Options))!.CalledOff, p => p.PermitId == permitId).Last!.Id);
        Assert.Null(Assert.Single((await officer.Client.GetFromJsonAsync<OpenPermitInspections.Response>($"/api/audit/inspections/permits/{permitId}", TestJson.Options))!.Visits).OfficeToldAt);
        await Problems.AssertAsync(await applicant.Client.DeleteAsync($"/api/audit/inspections/{first.Id}/office-told"), HttpStatusCode.Forbidden, "forbidden");
        await Problems.AssertAsync(await officer.Client.DeleteAsync($"/api/audit/inspections/{Guid.NewGuid()}/office-told"), HttpStatusCode.NotFound, "inspection_not_found");
        Assert.Equal(HttpStatusCode.OK, (await officer.Client.PostAsync($"/api/audit/inspections/{first.Id}/office-told", null)).StatusCode);
        await using (var scope = portal.Factory.Services.CreateAsyncScope())
        {
            Assert.Equal(officer.Id, (await scope.ServiceProvider.GetRequiredService<LicensingDbContext>().InspectionVisits.AsNoTracking().SingleAsync(v => v.Id == first.Id)).OfficeToldBy);
        }

        // The permit in its place is visited in its turn; closing the business calls that visit off too.
        var second = (await BookAsync(officer, reissuedId, Booking(Today.AddDays(4), Today.AddDays(4)))).Permit.Waiting!;
        await Problems.AssertAsync(await officer.Client.PostAsync($"/api/audit/inspections/{second.Id}/office-told", null), HttpStatusCode.Conflict, "inspection_not_called_off");
        Assert.True((await applicant.Client.PostAsJsonAsync($"/api/businesses/{business}/closure", new CloseBusiness.Request(true), TestJson.Options)).IsSuccessStatusCode);
        Assert.All((await applicant.Client.GetFromJsonAsync<List<ListMyInspections.Item>>("/api/me/inspections", TestJson.Options))!, i => Assert.True(i.Visit.CalledOff));
        Assert.DoesNotContain((await officer.Client.GetFromJsonAsync<ListInspections.Response>("/api/audit/inspections", TestJson.Options))!.Booked, p => p.PermitId == reissuedId);

        // Told in the inbox and by e-mail: nobody comes; after the change, that the permit in its place may be visited.
        await portal.DeliveriesSettledAsync();
        var told = (await applicant.Client.GetFromJsonAsync<JsonElement>("/api/me/notifications")).EnumerateArray()
            .Where(n => n.GetProperty("type").GetString() == "inspection-called-off").Select(n => n.GetProperty("body").GetString()!).ToList();
        Assert.Equal(2, told.Count);
        Assert.Single(told, b => b.Contains(hygiene.Number, StringComparison.Ordinal) && b.EndsWith(Say.Id("Notice.InspectionCalledOff.NewPermit", reissued.Number), StringComparison.Ordinal));
        Assert.Single(told, b => b.Contains(reissued.Number, StringComparison.Ordinal) && !b.Contains(Say.Id("Notice.InspectionCalledOff.NewPermit", reissued.Number), StringComparison.Ordinal));
        var mails = await Mailbox.MessagesToAsync(portal.DataDirectory, email);
        Assert.Equal(2, mails.Count(m => m.Subject == Say.Id("Notice.InspectionCalledOff.Title", name)));
        Assert.NotEqual(first.Id, second.Id);
    }

    /// <summary>A caterer's application (KBLI 56210), approved with a hygiene certificate, whose holder is visited.</summary>
    private static async Task<ApplicationResponse> CateringAsync(Account applicant, Guid business) =>
        await applicant.Client.SubmitAsync(Builders.Restaurant(business, await applicant.Client.UploadAsync()) with { Kbli = ["56210"], Declarations = ["kebenaran-data", "pemenuhan-standar", "higiene-sanitasi"] });

    private static BookInspection.Request Booking(DateOnly from, DateOnly to) => new("Dinas Kesehatan Kota Kupang", "Maria Ndolu", "19850417 201001 2 003", from, to);

    private static RecordInspection.Request Result(InspectionOutcome outcome) => new(outcome, Today, null);

    private static async Task<OpenPermitInspections.Response> BookAsync(Account officer, Guid permitId, BookInspection.Request booking)
    {
        var response = await officer.Client.PostAsJsonAsync($"/api/audit/inspections/permits/{permitId}", booking, TestJson.Options);
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<OpenPermitInspections.Response>(TestJson.Options))!;
    }

    private async Task<Guid> PermitIdAsync(string number)
    {
        await using var scope = portal.Factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<LicensingDbContext>().Permits.Where(p => p.Number == number).Select(p => p.Id).SingleAsync();
    }
}

public sealed class InspectionTestsOnSqlite(SqlitePortal portal) : InspectionTests(portal), IClassFixture<SqlitePortal>;

public sealed class InspectionTestsOnPostgres(PostgresPortal portal) : InspectionTests(portal), IClassFixture<PostgresPortal>;
