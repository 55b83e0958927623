using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using LicensingPortal.Api.Features.Reports;
using LicensingPortal.Api.Infrastructure.Auth;
using LicensingPortal.Api.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LicensingPortal.Api.Tests.Features.Integrity;

/// <summary>
/// Reports of demands for money (pungli): anyone reports, signed in or not; only the inspectorate reads and answers
/// them, naming the reporter only when they chose so; a signed-in reporter reads the answers in their inbox and list.
/// </summary>
public abstract class LevyReportTests(Portal portal)
{
    private const string WhatHappened = "Seorang pria di depan kantor kelurahan meminta Rp500.000 supaya izin saya cepat keluar.";

    [Fact]
    public async Task AnAnonymousReport_IsReadByTheInspectorate_WithItsContact_AndNobodyElse()
    {
        var sent = await portal.Client.PostAsJsonAsync("/api/public/levy-reports", new { whatHappened = WhatHappened, place = "Kantor Kelurahan Oebobo", happenedOn = "2026-11-27", amountAsked = 500_000, paid = false, contact = "0812 3456 7890" });

        Assert.Equal(HttpStatusCode.Created, sent.StatusCode);
        Assert.Null(sent.Headers.Location);
        var id = (string)(await sent.Content.ReadFromJsonAsync<JsonObject>())!["id"]!;
        using var inspector = await portal.StaffAsync(Roles.Inspector);
        var list = await inspector.Client.GetFromJsonAsync<JsonObject>("/api/inspectorate/levy-reports?status=received");
        var item = Assert.Single(list!["items"]!.AsArray(), i => (string)i!["id"]! == id);
        Assert.Equal("received", (string)item!["status"]!);
        Assert.Equal(500_000, (long)item["amountAsked"]!);
        var report = await inspector.Client.GetFromJsonAsync<JsonObject>($"/api/inspectorate/levy-reports/{id}");
        Assert.Equal(WhatHappened, (string)report!["report"]!["whatHappened"]!);
        Assert.Equal("0812 3456 7890", (string)report["report"]!["contact"]!);
        Assert.Equal("2026-11-27", (string)report["report"]!["happenedOn"]!);
        Assert.False((bool)report["signedIn"]!);
        Assert.Null(report["reporterEmail"]);

        // Every opening is kept: who, when, the newest first.
        var again = await inspector.Client.GetFromJsonAsync<JsonObject>($"/api/inspectorate/levy-reports/{id}");
        Assert.Equal([inspector.Email, inspector.Email], again!["openings"]!.AsArray().Select(o => (string)o!["inspector"]!));

        // Officers (whom a report may be about), administrators, the mayor's office and applicants never read reports.
        foreach (var role in new[] { Roles.Officer, Roles.Admin, Roles.Mayor })
        {
            using var staff = await portal.StaffAsync(role);
            await Problems.AssertAsync(await staff.Client.GetAsync("/api/inspectorate/levy-reports"), HttpStatusCode.Forbidden, "forbidden");
            await Problems.AssertAsync(await staff.Client.GetAsync($"/api/inspectorate/levy-reports/{id}"), HttpStatusCode.Forbidden, "forbidden");
        }

        using var applicant = await portal.ApplicantAsync();
        await Problems.AssertAsync(await applicant.Client.GetAsync("/api/inspectorate/levy-reports"), HttpStatusCode.Forbidden, "forbidden");
        await Problems.AssertAsync(await portal.Client.GetAsync("/api/inspectorate/levy-reports"), HttpStatusCode.Unauthorized, "unauthorized");
    }

    /// <summary>
    /// The public statistics count a month's reports once the month is over (never the month under way: whoever a report
    /// is about could tell from the day a count went up who made it), and how the inspectorate answered them (a first
    /// answer the reporter reads; its own note is not one); nothing of what a report says.
    /// </summary>
    [Fact]
    public async Task PublicStatistics_CountAMonthsReportsOnceItIsOver_AndWhetherTheyWereAnswered_NothingOfWhatTheySay()
    {
        var today = global::LicensingPortal.Api.Domain.Wita.Today(TimeProvider.System);
        string MonthOf(DateOnly day) => day.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture);
        var lastMonth = today.AddDays(1 - today.Day).AddMonths(-1);
        // The statistics are cached for five minutes by language: each read names its language differently, so each is fresh.
        async Task<(ShowPublicStatistics.LevyReportCounts? Counts, string Json)> ReadAsync(DateOnly month, string language)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/public/statistics?month={MonthOf(month)}") { Headers = { { "Accept-Language", language } } };
            var json = await (await portal.Client.SendAsync(request)).Content.ReadAsStringAsync();
            return (System.Text.Json.JsonSerializer.Deserialize<ShowPublicStatistics.Response>(json, TestJson.Options)!.LevyReports, json);
        }

        var (before, _) = await ReadAsync(lastMonth, "id-ID, id;q=0.9");
        using var reporter = await portal.ApplicantAsync();
        using var inspector = await portal.StaffAsync(Roles.Inspector);
        const string Secret = "Petugas loket meminta Rp250.000 untuk tanda tangan.";
        var ids = new List<Guid>();
        for (var i = 0; i < 3; i++)
        {
            var sent = await reporter.Client.PostAsJsonAsync("/api/me/levy-reports", new { whatHappened = Secret, amountAsked = 250_000 });
            Assert.Equal(HttpStatusCode.Created, sent.StatusCode);
            ids.Add(Guid.Parse((string)(await sent.Content.ReadFromJsonAsync<JsonObject>())!["id"]!));
        }

        // One answered and closed, one only noted by the inspectorate (the reporter reads nothing yet), one not touched.
        var answered = await inspector.Client.PostAsJsonAsync($"/api/inspectorate/levy-reports/{ids[0]}/answers", new { status = "closed", message = "Sudah kami tindak lanjuti." });
        Assert.True(answered.IsSuccessStatusCode, await answered.Content.ReadAsStringAsync());
        var noted = await inspector.Client.PostAsJsonAsync($"/api/inspectorate/levy-reports/{ids[1]}/answers", new { message = "Cek jadwal petugas.", @internal = true });
        Assert.True(noted.IsSuccessStatusCode, await noted.Content.ReadAsStringAsync());
        var (thisMonth, _) = await ReadAsync(today, "id-ID, id;q=0.7");
        Assert.Null(thisMonth);

        // Received last month: on its 15th at 10.00 WITA, the answer two hours later.
        var received = new DateTimeOffset(lastMonth.AddDays(14).ToDateTime(new TimeOnly(10, 0)), TimeSpan.FromHours(8)).ToUniversalTime();
        await using (var scope = portal.Factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<Api.Data.LicensingDbContext>();
            await db.LevyReports.Where(r => ids.Contains(r.Id)).ExecuteUpdateAsync(r => r.SetProperty(x => x.ReceivedAt, received).SetProperty(x => x.WaitingSince, received));
            await db.LevyReportAnswers.Where(a => ids.Contains(a.ReportId)).ExecuteUpdateAsync(a => a.SetProperty(x => x.At, received.AddHours(2)));
        }

        var (after, json) = await ReadAsync(lastMonth, "id-ID, id;q=0.8");

        Assert.Equal(before!.Received + 3, after!.Received);
        Assert.Equal(before.Answered + 1, after.Answered);
        Assert.Equal(before.Waiting + 2, after.Waiting);
        Assert.Equal(before.Closed + 1, after.Closed);
        if (before.Answered == 0)
        {
            Assert.Equal(0.1, after.MedianDaysToFirstAnswer);
        }

        Assert.DoesNotContain("250000", json, StringComparison.Ordinal);
        Assert.DoesNotContain("loket", json, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AReporterWithoutAnAccount_ReadsTheAnswer_WithTheNumberAndTheCodeShownOnce()
    {
        var sent = await portal.Client.PostAsJsonAsync("/api/public/levy-reports", new { whatHappened = WhatHappened, contact = "0812 1111 2222" });
        var receipt = (await sent.Content.ReadFromJsonAsync<JsonObject>())!;
        var number = (string)receipt["number"]!;
        var code = (string)receipt["followUpCode"]!;
        Assert.Matches("^PL-[0-9A-Z]{4}-[0-9A-Z]{4}$", number);
        Assert.Matches("^[0-9A-Z]{5}-[0-9A-Z]{5}$", code);
        using var inspector = await portal.StaffAsync(Roles.Inspector);
        var id = (string)receipt["id"]!;
        var inspected = (await inspector.Client.GetFromJsonAsync<JsonObject>($"/api/inspectorate/levy-reports/{id}"))!.ToJsonString();
        Assert.DoesNotContain(code, inspected, StringComparison.Ordinal);
        await inspector.Client.PostAsJsonAsync($"/api/inspectorate/levy-reports/{id}/answers", new { status = "closed", message = "Sudah kami tindak lanjuti." });

        // Typed as people type: lower case, without dashes, with spaces.
        var check = await portal.Client.PostAsJsonAsync("/api/public/levy-reports/check", new { number = number.ToLowerInvariant().Replace("-", " ", StringComparison.Ordinal), code = code.ToLowerInvariant().Replace("-", string.Empty, StringComparison.Ordinal) });

        Assert.Equal(HttpStatusCode.OK, check.StatusCode);
        var report = (await check.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal("closed", (string)report["status"]!);
        Assert.Equal("Sudah kami tindak lanjuti.", (string)report["answers"]![0]!["message"]!);
        Assert.Null(report["contact"]);
        var wrongCode = code[..^1] + (code[^1] == 'A' ? 'B' : 'A');
        await Problems.AssertAsync(await portal.Client.PostAsJsonAsync("/api/public/levy-reports/check", new { number, code = wrongCode }), HttpStatusCode.NotFound, "levy_report_not_found");
        await Problems.AssertAsync(await portal.Client.PostAsJsonAsync("/api/public/levy-reports/check", new { number = "PL-0000-0000", code }), HttpStatusCode.NotFound, "levy_report_not_found");
        await Problems.AssertAsync(await portal.Client.PostAsJsonAsync("/api/public/levy-reports/check", new { number = "12", code = "x" }), HttpStatusCode.BadRequest, "validation_failed");

        // A signed-in reporter reads the answers in their account: no code is made, and none opens their report.
        using var applicant = await portal.ApplicantAsync();
        var mine = (await (await applicant.Client.PostAsJsonAsync("/api/me/levy-reports", new { whatHappened = WhatHappened })).Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Null(mine["followUpCode"]);
        await Problems.AssertAsync(await portal.Client.PostAsJsonAsync("/api/public/levy-reports/check", new { number = (string)mine["number"]!, code }), HttpStatusCode.NotFound, "levy_report_not_found");
    }

    [Fact]
    public async Task ASignedInReport_NamesTheReporterOnlyWhenTheyChose_AndTheAnswerReachesTheirInboxAndList()
    {
        using var applicant = await portal.ApplicantAsync();
        var application = await applicant.Client.SubmitAsync(await applicant.Client.RestaurantAsync());
        using var inspector = await portal.StaffAsync(Roles.Inspector);

        var unnamed = await applicant.Client.PostAsJsonAsync("/api/me/levy-reports", new { whatHappened = WhatHappened, applicationId = application.Id });
        var named = await applicant.Client.PostAsJsonAsync("/api/me/levy-reports", new { whatHappened = WhatHappened + " Lagi.", shareIdentity = true });

        Assert.Equal(HttpStatusCode.Created, unnamed.StatusCode);
        Assert.Equal(HttpStatusCode.Created, named.StatusCode);
        var unnamedId = (string)(await unnamed.Content.ReadFromJsonAsync<JsonObject>())!["id"]!;
        var namedId = (string)(await named.Content.ReadFromJsonAsync<JsonObject>())!["id"]!;
        var unnamedCase = await inspector.Client.GetFromJsonAsync<JsonObject>($"/api/inspectorate/levy-reports/{unnamedId}");
        Assert.True((bool)unnamedCase!["signedIn"]!);
        Assert.Null(unnamedCase["reporterEmail"]);
        Assert.DoesNotContain(applicant.Email, unnamedCase.ToJsonString(), StringComparison.OrdinalIgnoreCase);
        Assert.StartsWith("LP-", (string)unnamedCase["report"]!["applicationReference"]!, StringComparison.Ordinal);
        Assert.Equal(Builders.SoleProprietor().Name, (string)unnamedCase["businessName"]!);
        var namedCase = await inspector.Client.GetFromJsonAsync<JsonObject>($"/api/inspectorate/levy-reports/{namedId}");
        Assert.Equal(applicant.Email, (string)namedCase!["reporterEmail"]!);

        var answered = await inspector.Client.PostAsJsonAsync($"/api/inspectorate/levy-reports/{unnamedId}/answers", new { status = "inProgress", message = "Terima kasih. Kami sedang memeriksa laporan ini." });
        Assert.Equal(HttpStatusCode.OK, answered.StatusCode);
        var closed = await inspector.Client.PostAsJsonAsync($"/api/inspectorate/levy-reports/{unnamedId}/answers", new { status = "closed", message = "Petugas itu sudah diperiksa dan diberi sanksi." });
        var closedCase = await closed.Content.ReadFromJsonAsync<JsonObject>();
        Assert.Equal("closed", (string)closedCase!["report"]!["status"]!);
        Assert.Equal(["inProgress", "closed"], closedCase["report"]!["answers"]!.AsArray().Select(a => (string)a!["status"]!));

        var mine = (await applicant.Client.GetFromJsonAsync<JsonArray>("/api/me/levy-reports"))!;
        Assert.Equal([namedId, unnamedId], mine.Select(r => (string)r!["id"]!));
        var answeredReport = mine.Single(r => (string)r!["id"]! == unnamedId)!;
        Assert.Equal("closed", (string)answeredReport["status"]!);
        Assert.Equal("Petugas itu sudah diperiksa dan diberi sanksi.", (string)answeredReport["answers"]![1]!["message"]!);
        var notices = (await applicant.Client.GetFromJsonAsync<JsonArray>("/api/me/notifications"))!.Where(n => (string)n!["type"]! == "levy-report-answered").ToList();
        Assert.Equal(2, notices.Count);
        Assert.All(notices, n => Assert.Equal(unnamedId, (string)n!["subjectId"]!));
        Assert.Contains("diberi sanksi", (string)notices[0]!["body"]!, StringComparison.Ordinal);

        // Another applicant sees none of it.
        using var other = await portal.ApplicantAsync();
        Assert.Empty((await other.Client.GetFromJsonAsync<JsonArray>("/api/me/levy-reports"))!);
    }

    [Fact]
    public async Task TheInspectoratesNotes_AreItsOwn_NeitherShownToTheReporterNorMovingTheReport()
    {
        using var applicant = await portal.ApplicantAsync();
        using var inspector = await portal.StaffAsync(Roles.Inspector);
        var id = (string)(await (await applicant.Client.PostAsJsonAsync("/api/me/levy-reports", new { whatHappened = WhatHappened })).Content.ReadFromJsonAsync<JsonObject>())!["id"]!;
        var guest = (await (await portal.Client.PostAsJsonAsync("/api/public/levy-reports", new { whatHappened = WhatHappened })).Content.ReadFromJsonAsync<JsonObject>())!;

        var noted = await inspector.Client.PostAsJsonAsync($"/api/inspectorate/levy-reports/{id}/answers", new { message = "Diduga Pak X di loket 3; sudah ditanyai.", @internal = true });
        await inspector.Client.PostAsJsonAsync($"/api/inspectorate/levy-reports/{(string)guest["id"]!}/answers", new { message = "Diduga Pak X di loket 3.", @internal = true });

        Assert.Equal(HttpStatusCode.OK, noted.StatusCode);
        var inspected = (await noted.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal("received", (string)inspected["report"]!["status"]!);
        Assert.True((bool)Assert.Single(inspected["report"]!["answers"]!.AsArray())!["internal"]!);
        var mine = Assert.Single((await applicant.Client.GetFromJsonAsync<JsonArray>("/api/me/levy-reports"))!)!;
        Assert.Empty(mine["answers"]!.AsArray());
        Assert.DoesNotContain((await applicant.Client.GetFromJsonAsync<JsonArray>("/api/me/notifications"))!, n => (string)n!["type"]! == "levy-report-answered");
        Assert.DoesNotContain("Pak X", await (await applicant.Client.GetAsync("/api/me/data")).Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var checkedByGuest = await portal.Client.PostAsJsonAsync("/api/public/levy-reports/check", new { number = (string)guest["number"]!, code = (string)guest["followUpCode"]! });
        Assert.DoesNotContain("Pak X", await checkedByGuest.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // A note moves nothing: one that names a status is refused.
        await Problems.AssertAsync(await inspector.Client.PostAsJsonAsync($"/api/inspectorate/levy-reports/{id}/answers", new { status = "closed", message = "Selesai.", @internal = true }), HttpStatusCode.BadRequest, "validation_failed");
    }

    [Fact]
    public async Task AReporter_AddsToTheirReport_WhichWaitsForAnAnswerAgain_AndNobodyElseCan()
    {
        using var applicant = await portal.ApplicantAsync();
        using var other = await portal.ApplicantAsync();
        using var inspector = await portal.StaffAsync(Roles.Inspector);
        var id = (string)(await (await applicant.Client.PostAsJsonAsync("/api/me/levy-reports", new { whatHappened = WhatHappened })).Content.ReadFromJsonAsync<JsonObject>())!["id"]!;
        await inspector.Client.PostAsJsonAsync($"/api/inspectorate/levy-reports/{id}/answers", new { status = "inProgress", message = "Apakah Anda ingat seragamnya?" });
        // A newer report, so the one answered is no longer first.
        await portal.Client.PostAsJsonAsync("/api/public/levy-reports", new { whatHappened = WhatHappened });

        var added = await applicant.Client.PostAsJsonAsync($"/api/me/levy-reports/{id}/additions", new { text = "Ya, ia memakai seragam dinas cokelat." });

        Assert.Equal(HttpStatusCode.OK, added.StatusCode);
        var view = (await added.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal("received", (string)view["status"]!);
        Assert.Equal([false, true], view["answers"]!.AsArray().Select(a => (bool)a!["fromReporter"]!));
        var inspected = (await inspector.Client.GetFromJsonAsync<JsonObject>($"/api/inspectorate/levy-reports/{id}"))!;
        Assert.Equal("Ya, ia memakai seragam dinas cokelat.", (string)inspected["report"]!["answers"]![1]!["message"]!);
        // Back at the top of the inspectorate's list: it waits since the addition.
        Assert.Equal(id, (string)(await inspector.Client.GetFromJsonAsync<JsonObject>("/api/inspectorate/levy-reports"))!["items"]![0]!["id"]!);

        // An answer written before the addition was read is refused; read, it goes.
        await Problems.AssertAsync(await inspector.Client.PostAsJsonAsync($"/api/inspectorate/levy-reports/{id}/answers", new { status = "closed", message = "Selesai.", seen = 1 }), HttpStatusCode.Conflict, "levy_report_changed");
        Assert.Equal(HttpStatusCode.OK, (await inspector.Client.PostAsJsonAsync($"/api/inspectorate/levy-reports/{id}/answers", new { status = "closed", message = "Terima kasih, sudah kami catat.", seen = 2 })).StatusCode);
        await Problems.AssertAsync(await other.Client.PostAsJsonAsync($"/api/me/levy-reports/{id}/additions", new { text = "Bukan laporan saya." }), HttpStatusCode.NotFound, "levy_report_not_found");
        await Problems.AssertAsync(await applicant.Client.PostAsJsonAsync($"/api/me/levy-reports/{id}/additions", new { text = " " }), HttpStatusCode.BadRequest, "validation_failed");

        // Without an account: with the number and the code, and not with a wrong code.
        var guest = (await (await portal.Client.PostAsJsonAsync("/api/public/levy-reports", new { whatHappened = WhatHappened })).Content.ReadFromJsonAsync<JsonObject>())!;
        var number = (string)guest["number"]!;
        var code = (string)guest["followUpCode"]!;
        var byGuest = await portal.Client.PostAsJsonAsync("/api/public/levy-reports/additions", new { number, code, text = "Nomor HP orang itu 0813 0000 1111." });
        Assert.Equal(HttpStatusCode.OK, byGuest.StatusCode);
        Assert.True((bool)(await byGuest.Content.ReadFromJsonAsync<JsonObject>())!["answers"]![0]!["fromReporter"]!);
        await Problems.AssertAsync(await portal.Client.PostAsJsonAsync("/api/public/levy-reports/additions", new { number, code = "00000-00000", text = "Tebakan." }), HttpStatusCode.NotFound, "levy_report_not_found");
    }

    [Fact]
    public async Task Evidence_SentWithTheNumberAndCode_IsOpenedAsSent_ByTheInspectorateAlone_AndEachOpeningIsKept()
    {
        var guest = (await (await portal.Client.PostAsJsonAsync("/api/public/levy-reports", new { whatHappened = WhatHappened })).Content.ReadFromJsonAsync<JsonObject>())!;
        var id = (string)guest["id"]!;
        using var form = Evidence(("tangkapan-layar.png", Builders.Png), ("kuitansi.pdf", Builders.Pdf));
        form.Add(new StringContent((string)guest["number"]!), "number");
        form.Add(new StringContent((string)guest["followUpCode"]!), "code");

        var sent = await portal.Client.PostAsync("/api/public/levy-reports/evidence", form);

        Assert.Equal(HttpStatusCode.OK, sent.StatusCode);
        var view = (await sent.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal("received", (string)view["status"]!);
        // Files alone make an addition of their own, without words; the reporter reads their names and sizes.
        var entry = Assert.Single(view["answers"]!.AsArray())!;
        Assert.True((bool)entry["fromReporter"]!);
        Assert.Equal(string.Empty, (string)entry["message"]!);
        // Kept under their numbers in the report, not the names a phone gave them (which say when they were taken).
        Assert.Equal(["bukti-1.png", "bukti-2.pdf"], entry["evidence"]!.AsArray().Select(e => (string)e!["fileName"]!));
        Assert.Equal(Builders.Png.Length, (long)entry["evidence"]![0]!["size"]!);
        Assert.Null(view["contact"]);

        using var inspector = await portal.StaffAsync(Roles.Inspector);
        // The list says which reports came with evidence, for the inspectorate to see what it can act on.
        var listed = (await inspector.Client.GetFromJsonAsync<JsonObject>($"/api/inspectorate/levy-reports?number={(string)guest["number"]!}"))!;
        Assert.Equal(2, (int)Assert.Single(listed["items"]!.AsArray())!["files"]!);
        var inspected = (await inspector.Client.GetFromJsonAsync<JsonObject>($"/api/inspectorate/levy-reports/{id}"))!;
        var files = inspected["report"]!["answers"]![0]!["evidence"]!.AsArray();
        var png = (string)files[0]!["id"]!;
        var opened = await inspector.Client.GetAsync($"/api/inspectorate/levy-reports/{id}/evidence/{png}");
        Assert.Equal(HttpStatusCode.OK, opened.StatusCode);
        Assert.Equal("image/png", opened.Content.Headers.ContentType!.MediaType);
        Assert.Equal(Builders.Png, await opened.Content.ReadAsByteArrayAsync());
        var pdf = await inspector.Client.GetAsync($"/api/inspectorate/levy-reports/{id}/evidence/{(string)files[1]!["id"]!}");
        Assert.Equal(Builders.Pdf, await pdf.Content.ReadAsByteArrayAsync());
        Assert.True(opened.Headers.CacheControl is { NoStore: true, Private: true });
        // Each opening kept, newest first: the report again, the two files by name, the report.
        var again = (await inspector.Client.GetFromJsonAsync<JsonObject>($"/api/inspectorate/levy-reports/{id}"))!;
        var openings = again["openings"]!.AsArray().Where(o => (string)o!["inspector"]! == inspector.Email).ToList();
        Assert.Equal([null, "bukti-2.pdf", "bukti-1.png", null], openings.Select(o => (string?)o!["file"]));

        // A file is opened through its own report only; officers, whom a report may be about, never open one.
        var other = (string)(await (await portal.Client.PostAsJsonAsync("/api/public/levy-reports", new { whatHappened = WhatHappened })).Content.ReadFromJsonAsync<JsonObject>())!["id"]!;
        await Problems.AssertAsync(await inspector.Client.GetAsync($"/api/inspectorate/levy-reports/{other}/evidence/{png}"), HttpStatusCode.NotFound, "levy_evidence_not_found");
        using var officer = await portal.StaffAsync(Roles.Officer);
        await Problems.AssertAsync(await officer.Client.GetAsync($"/api/inspectorate/levy-reports/{id}/evidence/{png}"), HttpStatusCode.Forbidden, "forbidden");

        // A wrong code sends nothing.
        using var guessed = Evidence(("foto.png", Builders.Png));
        guessed.Add(new StringContent((string)guest["number"]!), "number");
        guessed.Add(new StringContent("00000-00000"), "code");
        await Problems.AssertAsync(await portal.Client.PostAsync("/api/public/levy-reports/evidence", guessed), HttpStatusCode.NotFound, "levy_report_not_found");
    }

    [Fact]
    public async Task Evidence_ThatIsNoPhotoOrPdf_OrTooMuch_IsRefused_AtItsField_AndNothingOfTheSendingIsKept()
    {
        using var applicant = await portal.ApplicantAsync();
        var id = (string)(await (await applicant.Client.PostAsJsonAsync("/api/me/levy-reports", new { whatHappened = WhatHappened })).Content.ReadFromJsonAsync<JsonObject>())!["id"]!;
        var address = $"/api/me/levy-reports/{id}/evidence";

        // A text file named as a photo: its first bytes decide, and the words sent with it are not kept either.
        using (var renamed = Evidence(("foto.png", Builders.Png), ("foto-wa.jpg", "bukan foto"u8.ToArray())))
        {
            renamed.Add(new StringContent("Ini fotonya."), "text");
            var refused = await Problems.AssertAsync(await applicant.Client.PostAsync(address, renamed), HttpStatusCode.UnsupportedMediaType, "document_type_not_allowed");
            Assert.Contains("foto-wa.jpg", Errors(refused)["evidence"].Single(), StringComparison.Ordinal);
        }

        Assert.Empty((await applicant.Client.GetFromJsonAsync<JsonArray>("/api/me/levy-reports"))![0]!["answers"]!.AsArray());

        using (var four = Evidence(("1.png", Builders.Png), ("2.png", Builders.Png), ("3.png", Builders.Png), ("4.png", Builders.Png)))
        {
            Assert.Contains("evidence", Errors(await Problems.AssertAsync(await applicant.Client.PostAsync(address, four), HttpStatusCode.BadRequest, "validation_failed")).Keys);
        }

        using (var nothing = new MultipartFormDataContent { { new StringContent(" "), "text" } })
        {
            Assert.Contains("text", Errors(await Problems.AssertAsync(await applicant.Client.PostAsync(address, nothing), HttpStatusCode.BadRequest, "validation_failed")).Keys);
        }

        // A sending retried with its key is one addition.
        var key = Guid.NewGuid().ToString();
        HttpRequestMessage Keyed() => new(HttpMethod.Post, address) { Content = Evidence(("a.png", Builders.Png), ("b.png", Builders.Png), ("c.pdf", Builders.Pdf)), Headers = { { "Idempotency-Key", key } } };
        var first = await applicant.Client.SendAsync(Keyed());
        var retried = await applicant.Client.SendAsync(Keyed());
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(await first.Content.ReadAsStringAsync(), await retried.Content.ReadAsStringAsync());
        Assert.Single((await applicant.Client.GetFromJsonAsync<JsonArray>("/api/me/levy-reports"))![0]!["answers"]!.AsArray());

        // Twelve files a report: three more sendings of three fill it, and a thirteenth is refused.
        for (var i = 0; i < 3; i++)
        {
            using var three = Evidence(("a.png", Builders.Png), ("b.png", Builders.Png), ("c.pdf", Builders.Pdf));
            Assert.Equal(HttpStatusCode.OK, (await applicant.Client.PostAsync(address, three)).StatusCode);
        }

        using (var thirteenth = Evidence(("d.png", Builders.Png)))
        {
            Assert.Contains("evidence", Errors(await Problems.AssertAsync(await applicant.Client.PostAsync(address, thirteenth), HttpStatusCode.BadRequest, "validation_failed")).Keys);
        }

        var mine = (await applicant.Client.GetFromJsonAsync<JsonArray>("/api/me/levy-reports"))![0]!;
        Assert.Equal(12, mine["answers"]!.AsArray().Sum(a => a!["evidence"]!.AsArray().Count));

        // A file in another field than 'evidence' is refused, not dropped unsaid.
        using (var misplaced = new MultipartFormDataContent { { new ByteArrayContent(Builders.Png), "file", "foto.png" } })
        {
            Assert.Contains("file", Errors(await Problems.AssertAsync(await applicant.Client.PostAsync(address, misplaced), HttpStatusCode.BadRequest, "validation_failed")).Keys);
        }

        // Words alone in JSON, or nothing at all, to an address that reads a form: said, never a failure of the service.
        await Problems.AssertAsync(await applicant.Client.PostAsJsonAsync(address, new { text = "Ini buktinya." }), HttpStatusCode.UnsupportedMediaType, "unsupported_media_type");
        await Problems.AssertAsync(await portal.Client.PostAsync("/api/public/levy-reports/evidence", null), HttpStatusCode.UnsupportedMediaType, "unsupported_media_type");

        // Another applicant's report is not found.
        using var other = await portal.ApplicantAsync();
        using var theirs = Evidence(("foto.png", Builders.Png));
        await Problems.AssertAsync(await other.Client.PostAsync(address, theirs), HttpStatusCode.NotFound, "levy_report_not_found");
    }

    /// <summary>
    /// Sendings to one report at once (a reporter tapping twice, or on two phones) take their turn: every file keeps a
    /// number of its own, and the report never holds more than twelve, however many arrive together.
    /// </summary>
    [Fact]
    public async Task Evidence_SentToOneReportAtOnce_IsNumberedOnce_AndNeverMoreThanTwelve()
    {
        using var applicant = await portal.ApplicantAsync();
        var id = (string)(await (await applicant.Client.PostAsJsonAsync("/api/me/levy-reports", new { whatHappened = WhatHappened })).Content.ReadFromJsonAsync<JsonObject>())!["id"]!;

        async Task<HttpStatusCode> SendThreeAsync()
        {
            using var three = Evidence(("a.png", Builders.Png), ("b.png", Builders.Png), ("c.pdf", Builders.Pdf));
            return (await applicant.Client.PostAsync($"/api/me/levy-reports/{id}/evidence", three)).StatusCode;
        }

        var statuses = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => SendThreeAsync()));

        // Four sendings of three fill the report; the other two are told it is full.
        Assert.Equal(4, statuses.Count(s => s == HttpStatusCode.OK));
        Assert.Equal(2, statuses.Count(s => s == HttpStatusCode.BadRequest));
        var names = (await applicant.Client.GetFromJsonAsync<JsonArray>("/api/me/levy-reports"))![0]!["answers"]!.AsArray()
            .SelectMany(a => a!["evidence"]!.AsArray()).Select(e => Path.GetFileNameWithoutExtension((string)e!["fileName"]!)).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(Enumerable.Range(1, 12).Select(n => $"bukti-{n}").Order(StringComparer.Ordinal), names);
    }

    /// <summary>
    /// A phone's photo sent as evidence is kept without where it was taken (its Exif GPS, XMP, IPTC, comment and second
    /// picture): the inspectorate opens the same picture, turned the same way, that no longer names the reporter's place.
    /// </summary>
    [Fact]
    public async Task Evidence_APhonesPhoto_IsKeptWithoutWhereItWasTaken()
    {
        var guest = (await (await portal.Client.PostAsJsonAsync("/api/public/levy-reports", new { whatHappened = WhatHappened })).Content.ReadFromJsonAsync<JsonObject>())!;
        var id = (string)guest["id"]!;
        var photo = Photos.JpegFromAPhone();
        using var form = Evidence(("kuitansi.jpg", photo));
        form.Add(new StringContent((string)guest["number"]!), "number");
        form.Add(new StringContent((string)guest["followUpCode"]!), "code");
        var sent = await portal.Client.PostAsync("/api/public/levy-reports/evidence", form);
        Assert.Equal(HttpStatusCode.OK, sent.StatusCode);
        var size = (long)(await sent.Content.ReadFromJsonAsync<JsonObject>())!["answers"]![0]!["evidence"]![0]!["size"]!;

        using var inspector = await portal.StaffAsync(Roles.Inspector);
        var inspected = (await inspector.Client.GetFromJsonAsync<JsonObject>($"/api/inspectorate/levy-reports/{id}"))!;
        var file = (string)inspected["report"]!["answers"]![0]!["evidence"]![0]!["id"]!;
        var opened = await inspector.Client.GetAsync($"/api/inspectorate/levy-reports/{id}/evidence/{file}");
        Assert.Equal("image/jpeg", opened.Content.Headers.ContentType!.MediaType);
        var kept = await opened.Content.ReadAsByteArrayAsync();

        Assert.Equal(-1, kept.AsSpan().IndexOf(System.Text.Encoding.ASCII.GetBytes(Photos.Where)));
        Assert.Equal(Photos.Pixels(photo), Photos.Pixels(kept));
        Assert.Equal(SkiaSharp.SKEncodedOrigin.RightTop, Photos.Origin(kept));
        Assert.Equal(kept.Length, size);
        Assert.True(kept.Length < photo.Length);

        // A photo cut short in what it says about itself is read by no decoder: refused at its field, not kept with the place.
        using var broken = Evidence(("rusak.jpg", photo[..60]));
        broken.Add(new StringContent((string)guest["number"]!), "number");
        broken.Add(new StringContent((string)guest["followUpCode"]!), "code");
        var refused = await Problems.AssertAsync(await portal.Client.PostAsync("/api/public/levy-reports/evidence", broken), HttpStatusCode.UnprocessableEntity, "levy_evidence_unreadable");
        Assert.Contains("rusak.jpg", Errors(refused)["evidence"].Single(), StringComparison.Ordinal);
        var check = await portal.Client.PostAsJsonAsync("/api/public/levy-reports/check", new { number = (string)guest["number"]!, code = (string)guest["followUpCode"]! });
        Assert.Single((await check.Content.ReadFromJsonAsync<JsonObject>())!["answers"]!.AsArray());
    }

    private static MultipartFormDataContent Evidence(params (string Name, byte[] Content)[] files)
    {
        var form = new MultipartFormDataContent();
        foreach (var (name, content) in files)
        {
            form.Add(new ByteArrayContent(content), "evidence", name);
        }

        return form;
    }

    private static Dictionary<string, string[]> Errors(Microsoft.AspNetCore.Mvc.ProblemDetails problem) =>
        problem.Extensions["errors"] is System.Text.Json.JsonElement errors
            ? errors.EnumerateObject().ToDictionary(e => e.Name, e => e.Value.EnumerateArray().Select(m => m.GetString()!).ToArray())
            : [];

    [Fact]
    public async Task AReport_NamingAnotherApplicantsApplication_IsNotFound_AndStoresNothing()
    {
        using var owner = await portal.ApplicantAsync();
        var application = await owner.Client.SubmitAsync(await owner.Client.RestaurantAsync());
        using var other = await portal.ApplicantAsync();

        await Problems.AssertAsync(await other.Client.PostAsJsonAsync("/api/me/levy-reports", new { whatHappened = WhatHappened, applicationId = application.Id }), HttpStatusCode.NotFound, "application_not_found");

        Assert.Empty((await other.Client.GetFromJsonAsync<JsonArray>("/api/me/levy-reports"))!);
    }

    [Fact]
    public async Task BadReportsAndAnswers_AreRefused_WithTheirFields()
    {
        var tooShort = await Problems.AssertAsync(await portal.Client.PostAsJsonAsync("/api/public/levy-reports", new { whatHappened = "uang", happenedOn = "2999-01-01", amountAsked = -5 }), HttpStatusCode.BadRequest, "validation_failed");
        Assert.Equal(["amountAsked", "happenedOn", "whatHappened"], tooShort.Extensions["errors"] is System.Text.Json.JsonElement errors ? errors.EnumerateObject().Select(e => e.Name).Order().ToList() : []);
        await Problems.AssertAsync(await portal.Client.PostAsJsonAsync("/api/public/levy-reports", new { whatHappened = WhatHappened, applicationId = Guid.NewGuid() }), HttpStatusCode.BadRequest, "malformed_request");

        using var inspector = await portal.StaffAsync(Roles.Inspector);
        await Problems.AssertAsync(await inspector.Client.PostAsJsonAsync($"/api/inspectorate/levy-reports/{Guid.NewGuid()}/answers", new { status = "closed", message = "Selesai." }), HttpStatusCode.NotFound, "levy_report_not_found");
        var sent = await portal.Client.PostAsJsonAsync("/api/public/levy-reports", new { whatHappened = WhatHappened });
        var id = (string)(await sent.Content.ReadFromJsonAsync<JsonObject>())!["id"]!;
        await Problems.AssertAsync(await inspector.Client.PostAsJsonAsync($"/api/inspectorate/levy-reports/{id}/answers", new { status = "received", message = " " }), HttpStatusCode.BadRequest, "validation_failed");
        var report = await inspector.Client.GetFromJsonAsync<JsonObject>($"/api/inspectorate/levy-reports/{id}");
        Assert.Equal("received", (string)report!["report"]!["status"]!);
        Assert.Empty(report["report"]!["answers"]!.AsArray());
    }

    [Fact]
    public async Task TheInspectorateList_IsNumbered_AndFilteredByStatus_AndAWrongStatusIsSaid()
    {
        using var inspector = await portal.StaffAsync(Roles.Inspector);
        var sent = await portal.Client.PostAsJsonAsync("/api/public/levy-reports", new { whatHappened = WhatHappened });
        var id = (string)(await sent.Content.ReadFromJsonAsync<JsonObject>())!["id"]!;
        await inspector.Client.PostAsJsonAsync($"/api/inspectorate/levy-reports/{id}/answers", new { status = "inProgress", message = "Sedang kami periksa." });

        var inProgress = await inspector.Client.GetFromJsonAsync<JsonObject>("/api/inspectorate/levy-reports?status=INPROGRESS");
        var received = await inspector.Client.GetFromJsonAsync<JsonObject>("/api/inspectorate/levy-reports?status=received");

        var item = Assert.Single(inProgress!["items"]!.AsArray(), i => (string)i!["id"]! == id)!;
        Assert.Matches("^PL-[0-9A-Z]{4}-[0-9A-Z]{4}$", (string)item["number"]!);
        Assert.Equal((string)item["number"]!, (string)(await inspector.Client.GetFromJsonAsync<JsonObject>($"/api/inspectorate/levy-reports/{id}"))!["report"]!["number"]!);
        Assert.DoesNotContain(received!["items"]!.AsArray(), i => (string)i!["id"]! == id);
        Assert.True((int)inProgress["inProgress"]! >= 1);
        var byNumber = (await inspector.Client.GetFromJsonAsync<JsonObject>($"/api/inspectorate/levy-reports?number={Uri.EscapeDataString(((string)item["number"]!).ToLowerInvariant().Replace("-", " ", StringComparison.Ordinal))}"))!;
        Assert.Equal(id, (string)Assert.Single(byNumber["items"]!.AsArray())!["id"]!);
        await Problems.AssertAsync(await inspector.Client.GetAsync("/api/inspectorate/levy-reports?number=PL-12"), HttpStatusCode.BadRequest, "validation_failed");
        foreach (var wrong in new[] { "1", "received,closed", "semua" })
        {
            await Problems.AssertAsync(await inspector.Client.GetAsync($"/api/inspectorate/levy-reports?status={wrong}"), HttpStatusCode.BadRequest, "validation_failed");
        }
    }

    [Fact]
    public async Task TheInspectorateList_ComesAPageAtATime_EveryReportOnOnePage()
    {
        using var inspector = await portal.StaffAsync(Roles.Inspector);
        for (var i = 0; i <= Api.Features.Integrity.ListLevyReports.PageSize; i++)
        {
            Assert.Equal(HttpStatusCode.Created, (await portal.Client.PostAsJsonAsync("/api/public/levy-reports", new { whatHappened = $"{WhatHappened} Laporan ke-{i}." })).StatusCode);
        }

        var first = (await inspector.Client.GetFromJsonAsync<JsonObject>("/api/inspectorate/levy-reports?status=received"))!;
        var pages = (int)first["pages"]!;
        var seen = new List<string>();
        for (var page = 1; page <= pages; page++)
        {
            var list = (await inspector.Client.GetFromJsonAsync<JsonObject>($"/api/inspectorate/levy-reports?status=received&page={page}"))!;
            Assert.Equal(page, (int)list["page"]!);
            seen.AddRange(list["items"]!.AsArray().Select(i => (string)i!["id"]!));
        }

        Assert.True(pages >= 2, $"{pages} pages");
        Assert.Equal(Api.Features.Integrity.ListLevyReports.PageSize, first["items"]!.AsArray().Count);
        Assert.Equal((int)first["received"]!, seen.Count);
        Assert.Equal(seen.Count, seen.Distinct().Count());
        Assert.Empty((await inspector.Client.GetFromJsonAsync<JsonObject>($"/api/inspectorate/levy-reports?status=received&page={pages + 1}"))!["items"]!.AsArray());
        await Problems.AssertAsync(await inspector.Client.GetAsync("/api/inspectorate/levy-reports?page=0"), HttpStatusCode.BadRequest, "validation_failed");
    }

    [Fact]
    public async Task TheInspectorateRole_IsHeldAlone_AndNoAdministratorGivesItToThemselves()
    {
        using var admin = await portal.StaffAsync(Roles.Admin);
        using var officer = await portal.StaffAsync(Roles.Officer);

        await Problems.AssertAsync(await admin.Client.PostAsJsonAsync("/api/admin/staff", new { email = $"inspektur-{Guid.NewGuid():N}@example.com", roles = new[] { Roles.Inspector, Roles.Officer } }), HttpStatusCode.BadRequest, "validation_failed");
        await Problems.AssertAsync(await admin.Client.PutAsJsonAsync($"/api/admin/staff/{officer.Id}/roles", new { roles = new[] { Roles.Officer, Roles.Inspector } }), HttpStatusCode.BadRequest, "validation_failed");
        await Problems.AssertAsync(await admin.Client.PutAsJsonAsync($"/api/admin/staff/{admin.Id}/roles", new { roles = new[] { Roles.Inspector } }), HttpStatusCode.BadRequest, "validation_failed");

        Assert.Equal(HttpStatusCode.OK, (await admin.Client.PutAsJsonAsync($"/api/admin/staff/{officer.Id}/roles", new { roles = new[] { Roles.Inspector } })).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await admin.Client.PostAsJsonAsync("/api/admin/staff", new { email = $"inspektur-{Guid.NewGuid():N}@example.com", roles = new[] { Roles.Inspector } })).StatusCode);
    }

    [Fact]
    public async Task Reports_HaveARateLimitOfTheirOwn_PerAddress()
    {
        await using var limited = portal.Create(new Dictionary<string, string?>(Portal.DefaultSettings()) { ["RateLimits:ReportPermitLimit"] = "2", ["Jobs:RunServer"] = "false" });
        using var client = limited.CreateClient();

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            statuses.Add((await client.PostAsJsonAsync("/api/public/levy-reports", new { whatHappened = WhatHappened })).StatusCode);
        }

        Assert.Equal([HttpStatusCode.Created, HttpStatusCode.Created, HttpStatusCode.TooManyRequests], statuses);

        // Reading an answer counts apart: the reports used up do not stop it.
        var check = await client.PostAsJsonAsync("/api/public/levy-reports/check", new { number = "PL-0000-0000", code = "00000-00000" });
        await Problems.AssertAsync(check, HttpStatusCode.NotFound, "levy_report_not_found");
    }

    [Fact]
    public async Task FilesFromReportersWithoutAnAccount_HaveADailyAllowanceForAllOfThem_AndTheReportStillGoes()
    {
        await using var limited = portal.Create(new Dictionary<string, string?>(Portal.DefaultSettings()) { ["RateLimits:AnonymousEvidenceMegabytesPerDay"] = "1", ["Jobs:RunServer"] = "false" });
        using var client = limited.CreateClient();
        var photo = Photos.LargePng(600 * 1024);
        async Task<HttpResponseMessage> SendAsync(JsonObject receipt)
        {
            using var form = Evidence(("foto.png", photo));
            form.Add(new StringContent((string)receipt["number"]!), "number");
            form.Add(new StringContent((string)receipt["followUpCode"]!), "code");
            return await client.PostAsync("/api/public/levy-reports/evidence", form);
        }

        var first = (await (await client.PostAsJsonAsync("/api/public/levy-reports", new { whatHappened = WhatHappened })).Content.ReadFromJsonAsync<JsonObject>())!;
        var second = (await (await client.PostAsJsonAsync("/api/public/levy-reports", new { whatHappened = WhatHappened })).Content.ReadFromJsonAsync<JsonObject>())!;

        Assert.Equal(HttpStatusCode.OK, (await SendAsync(first)).StatusCode);
        var refused = await Problems.AssertAsync(await SendAsync(second), HttpStatusCode.TooManyRequests, "levy_evidence_day_full");

        Assert.Contains("evidence", Errors(refused).Keys);
        var check = await client.PostAsJsonAsync("/api/public/levy-reports/check", new { number = (string)second["number"]!, code = (string)second["followUpCode"]! });
        Assert.Empty((await check.Content.ReadFromJsonAsync<JsonObject>())!["answers"]!.AsArray());
        // A signed-in reporter is not counted with them.
        using var applicant = await Accounts.CreateAsync(limited, Roles.Applicant);
        var mine = (await (await applicant.Client.PostAsJsonAsync("/api/me/levy-reports", new { whatHappened = WhatHappened })).Content.ReadFromJsonAsync<JsonObject>())!;
        using var signedIn = Evidence(("foto.png", photo));
        Assert.Equal(HttpStatusCode.OK, (await applicant.Client.PostAsync($"/api/me/levy-reports/{(string)mine["id"]!}/evidence", signedIn)).StatusCode);
    }

    [Fact]
    public async Task FilesSentAtOnce_WithoutAnAccount_TakeTurnsForTheAllowance_AndTogetherNeverPassIt()
    {
        // A database of its own: the day's allowance counts every anonymous file of the day, the other tests' too.
        var folder = Directory.CreateTempSubdirectory("lp-levy-").FullName;
        var postgres = await SchemaTemplates.DatabaseForAsync(portal.Provider, folder, "lp_levy");
        var limited = new PortalFactory(folder, postgres, new Dictionary<string, string?>(Portal.DefaultSettings()) { ["RateLimits:AnonymousEvidenceMegabytesPerDay"] = "1", ["Jobs:RunServer"] = "false" });
        try
        {
            using var client = limited.CreateClient();
            var photo = Photos.LargePng(600 * 1024);
            var receipts = new List<JsonObject>();
            for (var i = 0; i < 4; i++)
            {
                receipts.Add((await (await client.PostAsJsonAsync("/api/public/levy-reports", new { whatHappened = WhatHappened })).Content.ReadFromJsonAsync<JsonObject>())!);
            }

            // Four sendings of 600 KB at once, against an allowance of 1 MB for the day: one fits, and only one.
            var statuses = await Task.WhenAll(receipts.Select(async receipt =>
            {
                using var form = Evidence(("foto.png", photo));
                form.Add(new StringContent((string)receipt["number"]!), "number");
                form.Add(new StringContent((string)receipt["followUpCode"]!), "code");
                using var sent = await client.PostAsync("/api/public/levy-reports/evidence", form);
                return sent.StatusCode;
            }));

            Assert.Single(statuses, HttpStatusCode.OK);
            Assert.Equal(3, statuses.Count(status => status == HttpStatusCode.TooManyRequests));
            await using var scope = limited.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<Api.Data.LicensingDbContext>();
            Assert.Equal(1, await db.LevyReportEvidence.CountAsync());
        }
        finally
        {
            await limited.DisposeAsync();
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task AKeyedReport_RetriedWithItsKey_IsOneReport()
    {
        using var applicant = await portal.ApplicantAsync();
        var key = Guid.NewGuid().ToString();
        HttpRequestMessage Request() => new(HttpMethod.Post, "/api/me/levy-reports") { Content = JsonContent.Create(new { whatHappened = WhatHappened }), Headers = { { "Idempotency-Key", key } } };

        var first = await applicant.Client.SendAsync(Request());
        var again = await applicant.Client.SendAsync(Request());

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(await first.Content.ReadAsStringAsync(), await again.Content.ReadAsStringAsync());
        Assert.Single((await applicant.Client.GetFromJsonAsync<JsonArray>("/api/me/levy-reports"))!);
    }
}

public sealed class LevyReportTestsOnSqlite(SqlitePortal portal) : LevyReportTests(portal), IClassFixture<SqlitePortal>;

public sealed class LevyReportTestsOnPostgres(PostgresPortal portal) : LevyReportTests(portal), IClassFixture<PostgresPortal>;
