using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using LicensingPortal.Api.Features.Objections;
using LicensingPortal.Api.Infrastructure.Auth;
using LicensingPortal.Api.Infrastructure.Transparency;
using LicensingPortal.Api.Tests.Infrastructure;
using Microsoft.Extensions.Time.Testing;

namespace LicensingPortal.Api.Tests.Features.Objections;

/// <summary>
/// An owner objects in writing to a refusal (keberatan), once and in time; a licensing officer answers, once; the
/// owner reads the answer on the API, in the inbox and by e-mail; the log records both, and no decision changes.
/// </summary>
public abstract class ObjectionTests(Portal portal)
{
    private const string Declaration = "PERNYATAAN-KEBENARAN-DATA";

    [Fact]
    public async Task AnOwnerObjects_AnOfficerAnswersOnce_AndTheOwnerReadsTheAnswer_InTheInboxAndByEmail()
    {
        using var applicant = await portal.ApplicantAsync();
        using var officer = await portal.StaffAsync(Roles.Officer);
        using var admin = await portal.StaffAsync(Roles.Admin);
        var email = $"objection-{Accounts.Unique()}@example.com";
        var business = await applicant.Client.RegisterBusinessAsync(Builders.SoleProprietor($"Kios Objection {Accounts.Unique()[..6]}") with { Email = email });
        var refused = await applicant.Client.SubmitAsync(Builders.Restaurant(business, await applicant.Client.UploadAsync()) with { Declarations = [] });
        var decidedOn = refused.Decision!.DecidedAt;

        var before = (await applicant.Client.GetFromJsonAsync<GetObjection.Response>($"/api/applications/{refused.Id}/objection", TestJson.Options))!;
        Assert.Null(before.Objection);
        Assert.True(before.CanObject);
        Assert.Equal(global::LicensingPortal.Api.Domain.Objection.LastDayToFile(decidedOn), before.LastDayToObject);
        Assert.Contains(before.FailedRequirements, r => r.Id == Declaration && r.Title.Length > 0 && r.Title != Declaration);

        var filed = await applicant.Client.PostAsJsonAsync($"/api/applications/{refused.Id}/objection", new FileObjection.Request("Saya sudah mencentang pernyataan itu di HP, tetapi sistem tidak menyimpannya.", [Declaration]), TestJson.Options);
        Assert.Equal(HttpStatusCode.Created, filed.StatusCode);
        var sent = (await filed.Content.ReadFromJsonAsync<GetObjection.Response>(TestJson.Options))!;
        var objection = sent.Objection!;
        Assert.False(sent.CanObject);
        Assert.Equal([Declaration], objection.Requirements.Select(r => r.Id));
        var today = global::LicensingPortal.Api.Domain.Wita.DateOf(objection.FiledAt);
        Assert.Equal(global::LicensingPortal.Api.Domain.Wita.AddWorkingDays(today, 10), objection.AnswerDueOn);
        Assert.Null(objection.Outcome);
        Assert.False(objection.Late);

        // One objection an application, even sent again.
        await Problems.AssertAsync(await applicant.Client.PostAsJsonAsync($"/api/applications/{refused.Id}/objection", new FileObjection.Request("Sekali lagi: pernyataan itu sudah saya centang."), TestJson.Options), HttpStatusCode.Conflict, "objection_exists");

        var waiting = (await officer.Client.GetFromJsonAsync<ListObjections.Response>("/api/audit/objections", TestJson.Options))!;
        var item = Assert.Single(waiting.Items, i => i.Id == objection.Id);
        Assert.Equal((refused.Id, null), (item.ApplicationId, item.Outcome));
        Assert.StartsWith("Kios Objection", item.BusinessName, StringComparison.Ordinal);
        Assert.True(waiting.Waiting >= 1);
        var opened = (await officer.Client.GetFromJsonAsync<OpenObjection.Response>($"/api/audit/objections/{objection.Id}", TestJson.Options))!;
        Assert.Equal("Saya sudah mencentang pernyataan itu di HP, tetapi sistem tidak menyimpannya.", opened.Objection.Reason);
        Assert.Equal(refused.Decision.FailedRequirements.Count, opened.FailedRequirements.Count);

        await Problems.AssertAsync(await officer.Client.PostAsJsonAsync($"/api/audit/objections/{objection.Id}/answer", new { answer = "Pendek." }, TestJson.Options), HttpStatusCode.BadRequest, "validation_failed");
        const string Answer = "Pernyataan tidak tercentang pada permohonan yang Anda kirim. Centang pernyataan, lalu kirim lagi.";
        var answered = await officer.Client.PostAsJsonAsync($"/api/audit/objections/{objection.Id}/answer", new AnswerObjection.Request(global::LicensingPortal.Api.Domain.ObjectionOutcome.Stands, Answer), TestJson.Options);
        Assert.Equal(HttpStatusCode.OK, answered.StatusCode);
        var read = (await answered.Content.ReadFromJsonAsync<OpenObjection.Response>(TestJson.Options))!;
        Assert.Equal((global::LicensingPortal.Api.Domain.ObjectionOutcome.Stands, Answer, officer.Email), (read.Objection.Outcome, read.Objection.Answer, read.AnsweredBy));
        await Problems.AssertAsync(await officer.Client.PostAsJsonAsync($"/api/audit/objections/{objection.Id}/answer", new AnswerObjection.Request(global::LicensingPortal.Api.Domain.ObjectionOutcome.Upheld, "Maaf, jawaban kedua ini tidak boleh tersimpan."), TestJson.Options), HttpStatusCode.Conflict, "objection_answered");

        var after = (await applicant.Client.GetFromJsonAsync<GetObjection.Response>($"/api/applications/{refused.Id}/objection", TestJson.Options))!;
        Assert.Equal((global::LicensingPortal.Api.Domain.ObjectionOutcome.Stands, Answer), (after.Objection!.Outcome, after.Objection.Answer));
        var answeredList = (await officer.Client.GetFromJsonAsync<ListObjections.Response>("/api/audit/objections?answered=true", TestJson.Options))!;
        Assert.Contains(answeredList.Items, i => i.Id == objection.Id && i.Outcome == global::LicensingPortal.Api.Domain.ObjectionOutcome.Stands);
        Assert.DoesNotContain((await officer.Client.GetFromJsonAsync<ListObjections.Response>("/api/audit/objections", TestJson.Options))!.Items, i => i.Id == objection.Id);

        // The answer changes no decision.
        var still = await applicant.Client.GetFromJsonAsync<JsonElement>($"/api/applications/{refused.Id}");
        Assert.Equal("rejected", still.GetProperty("decision").GetProperty("outcome").GetString());

        await portal.DeliveriesSettledAsync();
        var inbox = await applicant.Client.GetFromJsonAsync<JsonElement>("/api/me/notifications");
        var notice = inbox.EnumerateArray().Single(n => n.GetProperty("type").GetString() == "objection-answered");
        Assert.Contains(Answer, notice.GetProperty("body").GetString(), StringComparison.Ordinal);
        var mail = Assert.Single(await Mailbox.MessagesToAsync(portal.DataDirectory, email), m => m.Subject!.Contains("keberatan", StringComparison.OrdinalIgnoreCase));
        Assert.Contains(Answer, mail.TextBody!, StringComparison.Ordinal);
        Assert.Contains($"/pemohon/permohonan/{refused.Id}/keberatan", mail.TextBody, StringComparison.Ordinal);

        // Both steps are on the record the officers read, and the log still verifies against the stored objection.
        var trace = await officer.Client.GetFromJsonAsync<JsonElement>($"/api/audit/decisions/{refused.Id}");
        Assert.Equal(objection.Id, trace.GetProperty("objectionId").GetGuid());
        var types = trace.GetProperty("log").EnumerateArray().Select(e => e.GetProperty("type").GetString()).ToList();
        Assert.Contains("objection-filed", types);
        Assert.Contains("objection-answered", types);
        var report = await (await admin.Client.PostAsync("/api/admin/audit/verify", null)).Content.ReadFromJsonAsync<LogVerifier.Report>(TestJson.Options);
        Assert.True(report!.Valid, report.Problem);
    }

    [Fact]
    public async Task AnObjection_NamesOnlyTheRefusalsFailures_NeedsAReason_AndIsOnlyForTheOwnersRefusals()
    {
        using var applicant = await portal.ApplicantAsync();
        using var other = await portal.ApplicantAsync();
        var (business, ktp) = await applicant.Client.PrepareRestaurantAsync();
        var refused = await applicant.Client.SubmitAsync(Builders.Restaurant(business, ktp) with { Declarations = [] });
        var approved = await applicant.Client.SubmitAsync(Builders.Restaurant(business, ktp));
        var path = $"/api/applications/{refused.Id}/objection";

        var shortReason = await Problems.AssertAsync(await applicant.Client.PostAsJsonAsync(path, new FileObjection.Request("Salah."), TestJson.Options), HttpStatusCode.BadRequest, "validation_failed");
        Assert.True(shortReason.Extensions.ContainsKey("errors"));
        await Problems.AssertAsync(await applicant.Client.PostAsJsonAsync(path, new FileObjection.Request("Persyaratan ini tidak pernah ada di permohonan saya.", ["LOKASI-SESUAI-ZONA-TIDAK-ADA"]), TestJson.Options), HttpStatusCode.BadRequest, "validation_failed");
        await Problems.AssertAsync(await applicant.Client.PostAsJsonAsync($"/api/applications/{approved.Id}/objection", new FileObjection.Request("Saya keberatan walaupun sudah disetujui."), TestJson.Options), HttpStatusCode.Conflict, "objection_not_refused");
        var approvedState = (await applicant.Client.GetFromJsonAsync<GetObjection.Response>($"/api/applications/{approved.Id}/objection", TestJson.Options))!;
        Assert.Equal((false, (DateOnly?)null), (approvedState.CanObject, approvedState.LastDayToObject));

        // Another applicant's refusal is not found, to read or to object to.
        await Problems.AssertAsync(await other.Client.GetAsync(path), HttpStatusCode.NotFound, "application_not_found");
        await Problems.AssertAsync(await other.Client.PostAsJsonAsync(path, new FileObjection.Request("Saya pemilik lain yang mencoba keberatan."), TestJson.Options), HttpStatusCode.NotFound, "application_not_found");
        Assert.Null((await applicant.Client.GetFromJsonAsync<GetObjection.Response>(path, TestJson.Options))!.Objection);

        // An officer finds no objection by a wrong id; an applicant cannot reach the officers' list.
        using var officer = await portal.StaffAsync(Roles.Officer);
        await Problems.AssertAsync(await officer.Client.GetAsync($"/api/audit/objections/{Guid.NewGuid()}"), HttpStatusCode.NotFound, "objection_not_found");
        Assert.Equal(HttpStatusCode.Forbidden, (await applicant.Client.GetAsync("/api/audit/objections")).StatusCode);
    }

    [Fact]
    public async Task AnObjection_AfterTheLawsTimeAndTheHolidayMargin_IsRefused_AndTheStateSaysSo()
    {
        using var applicant = await portal.ApplicantAsync();
        var refused = await applicant.Client.SubmitAsync(await applicant.Client.RestaurantAsync() with { Declarations = [] });

        // Fifty days on: more than 21 working days and the ten days' margin.
        await using var later = portal.Create(time: new FakeTimeProvider(DateTimeOffset.UtcNow.AddDays(50)));
        using var client = later.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await Accounts.LoginAsync(client, applicant.Email, applicant.Password));

        var state = (await client.GetFromJsonAsync<GetObjection.Response>($"/api/applications/{refused.Id}/objection", TestJson.Options))!;
        Assert.False(state.CanObject);
        Assert.Equal(global::LicensingPortal.Api.Domain.Objection.LastDayToFile(refused.Decision!.DecidedAt), state.LastDayToObject);
        await Problems.AssertAsync(await client.PostAsJsonAsync($"/api/applications/{refused.Id}/objection", new FileObjection.Request("Saya baru sempat menulis keberatan sekarang."), TestJson.Options), HttpStatusCode.Conflict, "objection_too_late");
        Assert.Null((await applicant.Client.GetFromJsonAsync<GetObjection.Response>($"/api/applications/{refused.Id}/objection", TestJson.Options))!.Objection);
    }
}

public sealed class ObjectionTestsOnSqlite(SqlitePortal portal) : ObjectionTests(portal), IClassFixture<SqlitePortal>;

public sealed class ObjectionTestsOnPostgres(PostgresPortal portal) : ObjectionTests(portal), IClassFixture<PostgresPortal>;
