using System.Net;
using System.Net.Http.Json;
using LicensingPortal.Api.Data;
using LicensingPortal.Api.Features.Applications;
using LicensingPortal.Api.Features.Reports;
using LicensingPortal.Api.Domain;
using LicensingPortal.Api.Infrastructure.Auth;
using LicensingPortal.Api.Infrastructure.Http;
using LicensingPortal.Api.Tests.Infrastructure;
using LicensingPortal.Api.Tests.Web;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LicensingPortal.Api.Tests.Features.Reports;

public abstract class ReportTests(Portal portal)
{
    private static readonly string[] Kbli = ["56101", "56102", "47111", "55110", "56301", "10710", "96021"];
    private static readonly string[] Kelurahan = ["Fatululi", "Liliba", "Oeba", "Lasiana", "Naioni", "Kuanino"];

    [Fact]
    public async Task Counters_KeptWithEachDecision_EqualARebuildFromTheRecords()
    {
        using var applicant = await portal.ApplicantAsync();
        var random = new Random(20261127);
        var (businessId, ktp) = await applicant.Client.PrepareRestaurantAsync();
        for (var i = 0; i < 25; i++)
        {
            var request = Builders.Restaurant(businessId, ktp) with
            {
                Kbli = [Kbli[random.Next(Kbli.Length)]],
                Location = new LocationRequest(Kelurahan[random.Next(Kelurahan.Length)], "Jl. Uji", null, null),
                Declarations = random.Next(3) == 0 ? [] : ["kebenaran-data"],
                Employees = random.Next(0, 20),
            };
            await applicant.Client.SubmitAsync(request);
            if (i == 12)
            {
                // Half of them folded into the counters by the roll-up, the rest still contributions.
                await portal.CountersRolledUpAsync();
            }
        }

        await DeliveriesSettledAsync();
        await portal.CountersRolledUpAsync();
        var incremental = await SnapshotAsync();
        await using (var scope = portal.Factory.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<Mediator.ISender>().Send(new RebuildReports.Command());
        }

        var rebuilt = await SnapshotAsync();
        Assert.Equal(incremental, rebuilt);
        Assert.Contains(incremental, line => line.StartsWith("count|", StringComparison.Ordinal));
    }

    [Fact]
    public async Task MayorReports_CountEveryDecision_AsJsonAndCsv_WithoutPersonalData()
    {
        using var applicant = await portal.ApplicantAsync();
        using var mayor = await portal.StaffAsync(Roles.Mayor);
        var request = await applicant.Client.RestaurantAsync();
        var approved = await applicant.Client.SubmitAsync(request);
        await applicant.Client.SubmitAsync(request with { Declarations = [] });
        var day = approved.SubmissionDate.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

        var throughput = await mayor.Client.GetFromJsonAsync<List<LicensingPortal.Api.Features.Reports.ThroughputRow>>($"/api/reports/throughput?from={day}&to={day}", TestJson.Options);
        var csv = await mayor.Client.GetStringAsync($"/api/reports/throughput?from={day}&to={day}&granularity=month&format=csv");
        var byKecamatan = await mayor.Client.GetStringAsync($"/api/reports/breakdown?from={day}&to={day}&by=kecamatan");
        var latency = await mayor.Client.GetFromJsonAsync<LicensingPortal.Api.Features.Reports.LatencySummary>($"/api/reports/latency?from={day}&to={day}", TestJson.Options);
        var failing = await mayor.Client.GetStringAsync($"/api/reports/failing-requirements?from={day}&to={day}");
        var failingRows = await mayor.Client.GetFromJsonAsync<List<LicensingPortal.Api.Features.Reports.ReportFailingRequirements.FailingRequirement>>($"/api/reports/failing-requirements?from={day}&to={day}", TestJson.Options);

        Assert.True(Assert.Single(throughput!).Total >= 1);
        Assert.StartsWith("period,total,approved,rejected,approval_rate\n", csv, StringComparison.Ordinal);
        Assert.Contains("537104", byKecamatan, StringComparison.Ordinal);
        // Each kecamatan's refusals are counted too (this day has one approval and one refusal of the same applicant's).
        var kecamatanRows = await mayor.Client.GetFromJsonAsync<List<BreakdownRow>>($"/api/reports/breakdown?from={day}&to={day}&by=kecamatan", TestJson.Options);
        Assert.All(kecamatanRows!, r => Assert.Equal(r.Total - r.Approved, r.Rejected));
        Assert.Contains(kecamatanRows!, r => r.Rejected >= 1);
        var kecamatanCsv = await mayor.Client.GetStringAsync($"/api/reports/breakdown?from={day}&to={day}&by=kecamatan&format=csv");
        Assert.StartsWith("kecamatan,name,total,approved,approval_rate,rejected\n", kecamatanCsv, StringComparison.Ordinal);
        Assert.True(latency!.Decisions >= 1);
        Assert.Contains(failingRows!, r => r.Id == "PERNYATAAN-KEBENARAN-DATA" && r.Title == "Pemohon menyatakan data yang diisi benar" && r.Failures >= 1);
        using var failingInEnglish = new HttpRequestMessage(HttpMethod.Get, $"/api/reports/failing-requirements?from={day}&to={day}");
        failingInEnglish.Headers.AcceptLanguage.ParseAdd("en-GB");
        using var englishFailing = await mayor.Client.SendAsync(failingInEnglish);
        Assert.Equal("en", englishFailing.Content.Headers.ContentLanguage.Single());
        Assert.Contains((await englishFailing.Content.ReadFromJsonAsync<List<LicensingPortal.Api.Features.Reports.ReportFailingRequirements.FailingRequirement>>(TestJson.Options))!, r => r.Id == "PERNYATAAN-KEBENARAN-DATA" && r.Title == "The applicant declares the data given is true");
        foreach (var text in new[] { csv, byKecamatan, failing })
        {
            Assert.DoesNotContain("5371044107850003", text, StringComparison.Ordinal);
            Assert.DoesNotContain("Maria", text, StringComparison.Ordinal);
            Assert.DoesNotContain("@example.com", text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task PublicStatistics_NeedNoLogin_AndHoldNothingPersonal()
    {
        var month = await MonthOfANewSubmissionAsync();
        using var anonymous = portal.Factory.CreateClient();

        var response = await anonymous.GetAsync($"/api/public/statistics?month={month}");
        var text = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var statistics = System.Text.Json.JsonSerializer.Deserialize<ShowPublicStatistics.Response>(text, TestJson.Options)!;
        Assert.True(statistics.Applications >= 1);
        var oebobo = Assert.Single(statistics.ByKecamatan, r => r.Key == "537104");
        Assert.Equal("Oebobo", oebobo.Name);
        Assert.True(oebobo.MedianDecisionMs > 0 && oebobo.Applications >= 1);
        Assert.Contains(statistics.BySector, r => r.Key == "makanan-minuman" && r.MedianDecisionMs > 0);
        Assert.DoesNotContain("5371044107850003", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Maria", text, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, (await anonymous.GetAsync("/api/public/statistics?month=2026-13")).StatusCode);
        // On the page (an old or edited link), the month is asked for again in the reader's language, not in the API's words.
        foreach (var (language, asked) in new[] { ("id-ID", Say.Id("Validation.Statistics.Month")), ("en-GB", Say.En("Validation.Statistics.Month")) })
        {
            using var wrongMonth = new HttpRequestMessage(HttpMethod.Get, "/statistik?bulan=2026-13");
            wrongMonth.Headers.AcceptLanguage.ParseAdd(language);
            using var page = await anonymous.SendAsync(wrongMonth);
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
            var html = System.Net.WebUtility.HtmlDecode(await page.Content.ReadAsStringAsync());
            Assert.Contains(asked, html, StringComparison.Ordinal);
            Assert.DoesNotContain("yyyy-MM", html, StringComparison.Ordinal);
        }


        // The same figures as one table a spreadsheet opens: the city, each kecamatan and each sector by name.
        var csv = await anonymous.GetStringAsync($"/api/public/statistics?month={month}&format=csv");
        var lines = csv.Trim().Split('\n');
        Assert.Equal("month,dimension,key,name,applications,approval_rate,median_decision_ms", lines[0]);
        Assert.StartsWith($"{month},city,,Kota Kupang,{statistics.Applications},", lines[1], StringComparison.Ordinal);
        Assert.Contains(lines, l => l.StartsWith($"{month},kecamatan,537104,Oebobo,{oebobo.Applications},", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith($"{month},sector,makanan-minuman,Makanan dan minuman,", StringComparison.Ordinal));
        Assert.DoesNotContain("Maria", csv, StringComparison.Ordinal);

        // The statistics page's own download names the sectors in the page's language.
        using var english = new HttpRequestMessage(HttpMethod.Get, $"/statistik?handler=Csv&bulan={month}");
        english.Headers.AcceptLanguage.ParseAdd("en-GB");
        using var pageCsv = await anonymous.SendAsync(english);
        Assert.Equal("text/csv", pageCsv.Content.Headers.ContentType!.MediaType);
        Assert.Contains($"{month},sector,makanan-minuman,Food and drink,", await pageCsv.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // For people, the page offers the same tables as an Excel workbook, in the page's language, figures as numbers.
        foreach (var (language, sheetNames, header, sector) in new[]
        {
            ("id-ID", new[] { "Kota Kupang", "Menurut kecamatan", "Menurut sektor usaha", "Usaha aktif" }, "Kecamatan", "Makanan dan minuman"),
            ("en-GB", new[] { "Kota Kupang", "By kecamatan", "By business sector", "Active businesses" }, "Kecamatan", "Food and drink"),
        })
        {
            using var excel = new HttpRequestMessage(HttpMethod.Get, $"/statistik?handler=Excel&bulan={month}");
            excel.Headers.AcceptLanguage.ParseAdd(language);
            using var workbook = await anonymous.SendAsync(excel);
            Assert.Equal(HttpStatusCode.OK, workbook.StatusCode);
            Assert.Equal(Spreadsheet.ContentType, workbook.Content.Headers.ContentType!.MediaType);
            Assert.EndsWith($" {month}.xlsx", workbook.Content.Headers.ContentDisposition!.FileNameStar, StringComparison.Ordinal);
            var sheets = Workbooks.Read(await workbook.Content.ReadAsByteArrayAsync());
            Assert.Equal(sheetNames, sheets.Select(s => s.Name));
            Assert.Equal(statistics.Applications, sheets[0].Rows[1][1].Number);
            Assert.Equal(header, sheets[1].Header[0]);
            var oebobos = sheets[1].Rows.Single(r => r[0].Text == "Oebobo");
            Assert.Equal((oebobo.Applications, oebobo.ApprovalRate, "0.0%"), ((long)oebobos[1].Number!, oebobos[2].Number, oebobos[2].Format));
            Assert.Contains(sheets[2].Rows, r => r[0].Text == sector);
        }
    }

    [Fact]
    public async Task OperationsReports_ShowExpiringPermitsAndDeliveryHealth()
    {
        using var applicant = await portal.ApplicantAsync();
        using var mayor = await portal.StaffAsync(Roles.Mayor);
        var request = await applicant.Client.RestaurantAsync() with { Kbli = ["56210"], Declarations = ["kebenaran-data", "pemenuhan-standar", "higiene-sanitasi"] };
        var hygiene = (await applicant.Client.SubmitAsync(request)).Permits.Single(p => p.Type == "PB-UMKU-SLHS");

        var now = await mayor.Client.GetFromJsonAsync<List<LicensingPortal.Api.Features.Reports.ReportExpiringPermits.ExpiringPermit>>("/api/reports/expiring-permits", TestJson.Options);
        var tenDaysBefore = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(new DateTimeOffset(hygiene.ValidUntil!.Value.AddDays(-10).ToDateTime(new TimeOnly(4, 0)), TimeSpan.Zero));
        await using var later = portal.Create(time: tenDaysBefore);
        using var mayorLater = await Accounts.CreateAsync(later, Roles.Mayor);
        var soon = await mayorLater.Client.GetFromJsonAsync<List<LicensingPortal.Api.Features.Reports.ReportExpiringPermits.ExpiringPermit>>("/api/reports/expiring-permits?days=30", TestJson.Options);
        var health = await mayor.Client.GetFromJsonAsync<List<LicensingPortal.Api.Features.Reports.ReportNotificationHealth.DeliveryHealth>>("/api/reports/notification-health", TestJson.Options);

        Assert.DoesNotContain(now!, p => p.ValidUntil == hygiene.ValidUntil && p.Type == "PB-UMKU-SLHS");
        Assert.Contains(soon!, p => p.Type == "PB-UMKU-SLHS" && p.ValidUntil == hygiene.ValidUntil && p.DaysLeft == 10 && p.Kecamatan == "537104");

        // Named as people read them, in the asker's language: the permit by its title, the kecamatan by its name.
        Assert.Contains(soon!, p => p.Type == "PB-UMKU-SLHS" && p.TypeTitle == "Sertifikat Laik Higiene Sanitasi" && p.KecamatanName == "Oebobo");
        using var inEnglish = new HttpRequestMessage(HttpMethod.Get, "/api/reports/expiring-permits?days=30");
        inEnglish.Headers.AcceptLanguage.ParseAdd("en-GB");
        var english = await (await mayorLater.Client.SendAsync(inEnglish)).Content.ReadFromJsonAsync<List<LicensingPortal.Api.Features.Reports.ReportExpiringPermits.ExpiringPermit>>(TestJson.Options);
        Assert.Contains(english!, p => p.Type == "PB-UMKU-SLHS" && p.TypeTitle == "Hygiene and Sanitation Certificate" && p.KecamatanName == "Oebobo");
        Assert.Contains(health!, h => h.Channel == "email" && h.Delivered + h.Pending + h.Retrying >= 1);
    }

    [Fact]
    public async Task APublicChart_ForAPhone_IsDrawnNarrow_AndTheWideOneNamesTheMonth()
    {
        var month = await MonthOfANewSubmissionAsync();
        using var anonymous = portal.Factory.CreateClient();

        using var wide = await anonymous.GetAsync($"/api/public/statistics/chart?month={month}&format=png");
        using var narrow = await anonymous.GetAsync($"/api/public/statistics/chart?month={month}&format=png&narrow=true");
        var svg = System.Xml.Linq.XDocument.Parse(await anonymous.GetStringAsync($"/api/public/statistics/chart?month={month}"));

        (int Width, int Height) Size(byte[] png) => (System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(16, 4)), System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(20, 4)));
        Assert.Equal((ReportCharts.Width, ReportCharts.Height), Size(await wide.Content.ReadAsByteArrayAsync()));
        // As tall as its bars need, each with two lines for its name.
        var (narrowWidth, narrowHeight) = Size(await narrow.Content.ReadAsByteArrayAsync());
        Assert.Equal(ReportCharts.NarrowWidth, narrowWidth);
        // The figures read in English: the public statistics are cached for five minutes by address and language, and
        // another test compares the Indonesian figures with their table.
        using var english = new HttpRequestMessage(HttpMethod.Get, $"/api/public/statistics?month={month}") { Headers = { { "Accept-Language", "en-GB" } } };
        var statistics = await (await anonymous.SendAsync(english)).Content.ReadFromJsonAsync<ShowPublicStatistics.Response>(TestJson.Options);
        Assert.Equal(ReportCharts.NarrowHeightOf(statistics!.ByKecamatan.Count), narrowHeight);
        // The title names the month as people do ("Desember 2026"), not "2026-12".
        var monthName = DateOnly.ParseExact(month, "yyyy-MM", System.Globalization.CultureInfo.InvariantCulture).ToString("MMMM yyyy", System.Globalization.CultureInfo.GetCultureInfo("id-ID"));
        Assert.Contains(monthName, svg.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(month, svg.ToString(), StringComparison.Ordinal);
    }

    /// <summary>Submits a restaurant's application and gives the month (yyyy-MM) it was submitted in.</summary>
    private async Task<string> MonthOfANewSubmissionAsync()
    {
        using var applicant = await portal.ApplicantAsync();
        var application = await applicant.Client.SubmitAsync(await applicant.Client.RestaurantAsync());
        return application.SubmissionDate.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture);
    }

    [Fact]
    public async Task Charts_AreValidImages_InTheCallersLanguage()
    {
        using var applicant = await portal.ApplicantAsync();
        using var mayor = await portal.StaffAsync(Roles.Mayor);
        var application = await applicant.Client.SubmitAsync(await applicant.Client.RestaurantAsync());
        var from = application.SubmissionDate.AddDays(-60).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var to = application.SubmissionDate.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

        using var png = await mayor.Client.GetAsync($"/api/reports/charts/throughput?from={from}&to={to}&granularity=week");
        var bytes = await png.Content.ReadAsByteArrayAsync();
        using var svgRequest = new HttpRequestMessage(HttpMethod.Get, $"/api/reports/charts/kecamatan?from={from}&to={to}&format=svg");
        svgRequest.Headers.AcceptLanguage.ParseAdd("en");
        using var svg = await mayor.Client.SendAsync(svgRequest);
        var document = System.Xml.Linq.XDocument.Parse(await svg.Content.ReadAsStringAsync());
        var kecamatanPng = await mayor.Client.GetAsync($"/api/reports/charts/kecamatan?from={from}&to={to}");
        using var indonesian = await mayor.Client.GetAsync($"/api/reports/charts/throughput?from={from}&to={to}&granularity=week&format=svg");
        var phone = await (await mayor.Client.GetAsync($"/api/reports/charts/breakdown?by=sector&from={from}&to={to}&narrow=true")).Content.ReadAsByteArrayAsync();

        Assert.Equal("image/png", png.Content.Headers.ContentType!.MediaType);
        Assert.Equal(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }, bytes[..8]);
        Assert.Equal(LicensingPortal.Api.Features.Reports.ReportCharts.Width, System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(16, 4)));
        Assert.Equal(LicensingPortal.Api.Features.Reports.ReportCharts.Height, System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(20, 4)));
        Assert.Equal(ReportCharts.NarrowWidth, System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(phone.AsSpan(16, 4)));
        // A phone's bars lie down, one line each: the picture is as tall as the sectors need.
        var sectors = await mayor.Client.GetFromJsonAsync<List<BreakdownRow>>($"/api/reports/breakdown?by=sector&from={from}&to={to}", TestJson.Options);
        Assert.Equal(ReportCharts.NarrowHeightOf(sectors!.Count), System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(phone.AsSpan(20, 4)));
        Assert.Equal("image/svg+xml", svg.Content.Headers.ContentType!.MediaType);
        Assert.Equal("svg", document.Root!.Name.LocalName);
        Assert.Contains("Decisions per kecamatan", document.ToString(), StringComparison.Ordinal);
        Assert.Contains("Oebobo", document.ToString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, kecamatanPng.StatusCode);
        Assert.Contains("Keputusan per minggu", await indonesian.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var invalid = await mayor.Client.GetAsync($"/api/reports/charts/throughput?from={to}&to={from}");
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        Assert.Contains("\"errorCode\"", await invalid.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, (await applicant.Client.GetAsync($"/api/reports/charts/kecamatan?from={from}&to={to}")).StatusCode);
    }

    [Fact]
    public async Task SeedDemo_SubmitsVariedApplicationsThroughTheEngine_SpreadOverAYear()
    {
        var settings = Portal.DefaultSettings();
        settings["Permits:PublicBaseUrl"] = "https://izin.kupangkota.go.id";
        await using var demo = portal.Create(settings, new LicensingPortal.Api.Cli.DemoClock());
        var output = new StringWriter();

        var exit = await LicensingPortal.Api.Cli.SeedDemoCommand.RunAsync(demo.Services, ["--applications", "60", "--seed", "7"], output);

        Assert.Equal(0, exit);
        Assert.Contains("seed demo done: 60 applications", output.ToString(), StringComparison.Ordinal);
        await using var scope = demo.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LicensingDbContext>();
        var demoBusinesses = db.Businesses.Where(b => b.Email.EndsWith("@demo.kupang.invalid")).Select(b => b.Id);
        var applications = await db.Applications.AsNoTracking().Include(a => a.Decision).Where(a => demoBusinesses.Contains(a.BusinessId)).ToListAsync();
        Assert.Equal(60, applications.Count);
        Assert.All(applications, a => Assert.Matches("^[0-9a-f]{64}$", a.Decision!.RuleSetHash));
        Assert.Contains(applications, a => a.Status == LicensingPortal.Api.Domain.ApplicationStatus.Approved);
        Assert.Contains(applications, a => a.Status == LicensingPortal.Api.Domain.ApplicationStatus.Rejected && a.Decision!.FailedRequirementIds.Count > 0);
        Assert.Contains(applications, a => a.PreviousApplicationId != null);
        Assert.True(applications.Select(a => a.KecamatanCode).Distinct().Count() >= 4, "applications come from several kecamatan");
        Assert.True(applications.Select(a => a.KbliCodes[0]).Distinct().Count() >= 10, "applications cover many activities");
        var today = Wita.Today(TimeProvider.System);
        Assert.True(applications.Min(a => a.SubmissionDate) < today.AddDays(-180) && applications.Min(a => a.SubmissionDate) >= today.AddDays(-365), "spread over the last year");
        var verified = await scope.ServiceProvider.GetRequiredService<LicensingPortal.Api.Infrastructure.Transparency.LogVerifier>().VerifyAsync(CancellationToken.None);
        Assert.True(verified.Valid, verified.Problem);
        Assert.Equal(64, await LicensingPortal.Api.Cli.SeedDemoCommand.RunAsync(demo.Services, ["--applications", "0"], output));
    }

    [Theory]
    [InlineData(Roles.Applicant, HttpStatusCode.Forbidden)]
    [InlineData(Roles.Officer, HttpStatusCode.Forbidden)]
    [InlineData(Roles.Mayor, HttpStatusCode.OK)]
    [InlineData(Roles.Admin, HttpStatusCode.OK)]
    public async Task Reports_AreForTheMayorsOfficeAndAdmins(string role, HttpStatusCode expected)
    {
        using var account = role == Roles.Applicant ? await portal.ApplicantAsync() : await portal.StaffAsync(role);

        var response = await account.Client.GetAsync("/api/reports/throughput?from=2026-01-01&to=2026-12-31");

        Assert.Equal(expected, response.StatusCode);
    }

    /// <summary>A period at either end of the calendar (the first day began before the first instant .NET holds, in UTC) is answered, not a fault.</summary>
    [Theory]
    [InlineData("0001-01-01", "0001-01-01")]
    [InlineData("9999-12-31", "9999-12-31")]
    public async Task EveryReportOfAPeriod_AnswersAPeriodAtTheCalendarsEnds(string from, string to)
    {
        using var mayor = await portal.StaffAsync(Roles.Mayor);
        foreach (var report in new[] { "throughput?", "breakdown?by=kecamatan&", "latency?", "failing-requirements?", "life-events?", "stops?" })
        {
            foreach (var format in new[] { string.Empty, "&format=csv" })
            {
                var answer = await mayor.Client.GetAsync($"/api/reports/{report}from={from}&to={to}{format}");
                Assert.True(answer.StatusCode == HttpStatusCode.OK, $"{report}{format}: {(int)answer.StatusCode} {await answer.Content.ReadAsStringAsync()}");
            }
        }
    }

    private async Task<List<string>> SnapshotAsync()
    {
        await using var scope = portal.Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LicensingDbContext>();
        var counts = (await db.DailyDecisionCounts.AsNoTracking().ToListAsync()).Select(c => $"count|{c.Day}|{c.Kecamatan}|{c.Sector}|{c.PermitType}|{c.Approved}|{c.Count}");
        var latency = (await db.DailyLatencyBuckets.AsNoTracking().ToListAsync()).Select(b => $"latency|{b.Day}|{b.UpperBoundMs}|{b.Count}");
        var failures = (await db.DailyRequirementFailures.AsNoTracking().ToListAsync()).Select(f => $"failure|{f.Day}|{f.RequirementId}|{f.Count}");
        var monthly = (await db.MonthlyLatencyBuckets.AsNoTracking().ToListAsync()).Select(b => $"monthly|{b.Month}|{b.Dimension}|{b.Key}|{b.UpperBoundMs}|{b.Count}");
        var delivered = (await db.DailyDeliveryCounts.AsNoTracking().ToListAsync())
            .GroupBy(d => (d.Day, d.Channel)).Select(g => $"delivered|{g.Key.Day}|{g.Key.Channel}|{g.Sum(d => d.Delivered)}");
        return counts.Concat(latency).Concat(failures).Concat(monthly).Concat(delivered).Order(StringComparer.Ordinal).ToList();
    }

    /// <summary>Waits until no notification is on its way, so counters and records hold still while compared.</summary>
    private Task DeliveriesSettledAsync() => portal.DeliveriesSettledAsync();
}

public sealed class ReportTestsOnSqlite(SqlitePortal portal) : ReportTests(portal), IClassFixture<SqlitePortal>;

public sealed class ReportTestsOnPostgres(PostgresPortal portal) : ReportTests(portal), IClassFixture<PostgresPortal>;
