using System.Net;
using System.Net.Http.Json;
using LicensingPortal.Api.Domain;
using LicensingPortal.Api.Features.Businesses;
using LicensingPortal.Api.Features.Permits;
using LicensingPortal.Api.Shared;
using LicensingPortal.Api.Tests.Infrastructure;
using LicensingPortal.Api.Tests.Web;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace LicensingPortal.Api.Tests.Features.Permits;

public abstract class PermitTests(Portal portal)
{
    [Fact]
    public async Task Approval_IssuesTheNib_WithThirteenRandomDigits_KeptByTheBusiness()
    {
        using var applicant = await portal.ApplicantAsync();
        var request = await applicant.Client.RestaurantAsync();

        var approved = await applicant.Client.SubmitAsync(request);

        var nib = Assert.Single(approved.Permits);
        Assert.Equal("NIB", nib.Type);
        Assert.Matches("^[1-9][0-9]{12}$", nib.Number);
        Assert.Null(nib.ValidUntil);
        var business = await applicant.Client.GetFromJsonAsync<BusinessResponse>($"/api/businesses/{request.BusinessId}", TestJson.Options);
        Assert.Equal(nib.Number, business!.Nib);

        var second = await applicant.Client.SubmitAsync(request with { Kbli = ["56102"] });
        Assert.Empty(second.Permits);
        Assert.Equal(nib.Number, (await applicant.Client.GetFromJsonAsync<BusinessResponse>($"/api/businesses/{request.BusinessId}", TestJson.Options))!.Nib);

        // Its e-mail lists no permit as issued (none with an empty number), names the NIB held, and asks nobody to
        // download anything: only to open the decision.
        await using var scope = portal.Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<Api.Data.LicensingDbContext>();
        var message = await db.OutboxMessages.AsNoTracking().SingleAsync(m => m.SubjectId == second.Id && m.Type == NoticeKind.DecisionMade.Type && m.Channel == NotificationChannels.Email);
        var text = (await scope.ServiceProvider.GetRequiredService<Api.Features.Notifications.DecisionEmail>().ComposeAsync(message, CancellationToken.None)).TextBody!.ReplaceLineEndings("\n");
        Assert.Contains(Say.Id("Decision.NoNewPermits"), text, StringComparison.Ordinal);
        Assert.Contains(Say.Id("Email.Decision.NibHeld", nib.Number), text, StringComparison.Ordinal);
        Assert.DoesNotContain(Say.Id("Email.Decision.PermitsHeading"), text, StringComparison.Ordinal);
        Assert.DoesNotContain(Say.Id("Email.Decision.Approved.Next"), text, StringComparison.Ordinal);
        Assert.Contains($"{Say.Id("Email.Decision.Open")}\nhttp://localhost/pemohon/permohonan/{second.Id}\n", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Approval_OfCatering_IssuesTheStandardCertificateAndTheHygieneCertificate_WithTheirValidity()
    {
        using var applicant = await portal.ApplicantAsync();
        var request = await applicant.Client.RestaurantAsync() with { Kbli = ["56210"], Declarations = ["kebenaran-data", "pemenuhan-standar", "higiene-sanitasi"] };

        var approved = await applicant.Client.SubmitAsync(request);

        Assert.Equal("approved", approved.Decision!.Outcome);
        Assert.Equal(["NIB", "PB-UMKU-SLHS", "SS-PM"], approved.Permits.Select(p => p.Type).Order(StringComparer.Ordinal));
        var hygiene = approved.Permits.Single(p => p.Type == "PB-UMKU-SLHS");
        Assert.Matches("^PB-UMKU-SLHS-[0-9]{4}-[0-9]{8}$", hygiene.Number);
        Assert.Equal(LicensingPortal.Api.Domain.Permit.LastDay(hygiene.IssuedOn, 36), hygiene.ValidUntil);
    }

    [Fact]
    public async Task PermitPdf_Renders_AndItsQrCodeOpensThePublicVerification()
    {
        using var applicant = await portal.ApplicantAsync();
        var approved = await applicant.Client.SubmitAsync(await applicant.Client.RestaurantAsync());
        var permit = Assert.Single(approved.Permits);

        var response = await applicant.Client.GetAsync($"/api/permits/{permit.Number}/document");

        Assert.Equal("application/pdf", response.Content.Headers.ContentType!.MediaType);
        var pdf = await response.Content.ReadAsByteArrayAsync();
        var decoded = await Zbar.ReadPermitQrCodeAsync(pdf);
        Assert.Equal(permit.VerificationUrl, decoded);
        Assert.StartsWith($"http://localhost/api/verify/{permit.Number}?code=", decoded, StringComparison.Ordinal);

        using var anonymous = portal.Factory.CreateClient();
        var verification = await anonymous.GetFromJsonAsync<VerifyPermit.Response>(new Uri(decoded).PathAndQuery, TestJson.Options);
        Assert.Equal("valid", verification!.Status);
        Assert.Equal("Jl. Frans Seda No. 12, RT 005/RW 002, Kelurahan Fatululi", verification.Premises);

        // The paper names the same premises as the check, and the business's own address apart from them.
        var printed = System.Text.RegularExpressions.Regex.Replace(await PdfText.ReadAsync(pdf), @"\s+", " ");
        Assert.Contains("Lokasi usaha / Premises", printed, StringComparison.Ordinal);
        Assert.Contains(verification.Premises!, printed, StringComparison.Ordinal);
        Assert.Contains("Alamat surat / Address", printed, StringComparison.Ordinal);
    }

    /// <summary>A business whose own address is the premises prints it once, as the premises.</summary>
    [Fact]
    public async Task PermitPdf_OfABusinessAtItsPremises_PrintsTheAddressOnce()
    {
        using var applicant = await portal.ApplicantAsync();
        var premises = Builders.Restaurant(Guid.Empty).Location.Address;
        var business = await applicant.Client.RegisterBusinessAsync(Builders.SoleProprietor() with { Address = premises });
        var permit = Assert.Single((await applicant.Client.SubmitAsync(Builders.Restaurant(business, await applicant.Client.UploadAsync()))).Permits);

        var printed = System.Text.RegularExpressions.Regex.Replace(await PdfText.ReadAsync(await applicant.Client.GetByteArrayAsync($"/api/permits/{permit.Number}/document")), @"\s+", " ");

        Assert.Contains($"Lokasi usaha / Premises {premises}, Kelurahan Fatululi", printed, StringComparison.Ordinal);
        Assert.DoesNotContain("Alamat surat", printed, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Administrators_FindPermits_ByPartOfTheirNumber_TheBusinessName_OrItsNib()
    {
        using var applicant = await portal.ApplicantAsync();
        var name = $"Kedai Kopi Uji {Guid.NewGuid():N}"[..30];
        var business = await applicant.Client.RegisterBusinessAsync(Builders.SoleProprietor(name));
        var catering = Builders.Restaurant(business, await applicant.Client.UploadAsync()) with { Kbli = ["56210"], Declarations = ["kebenaran-data", "pemenuhan-standar", "higiene-sanitasi"] };
        var approved = await applicant.Client.SubmitAsync(catering);
        var nib = approved.Permits.Single(p => p.Type == "NIB").Number;
        var other = approved.Permits.First(p => p.Type != "NIB");
        using var admin = await portal.StaffAsync(Api.Infrastructure.Auth.Roles.Admin);

        var byName = (await admin.Client.GetFromJsonAsync<List<FindPermits.Item>>($"/api/admin/permits?q={Uri.EscapeDataString(name[10..].ToUpperInvariant())}", TestJson.Options))!;
        var byNib = await admin.Client.GetFromJsonAsync<List<FindPermits.Item>>($"/api/admin/permits?q={nib}", TestJson.Options);
        var byNumber = await admin.Client.GetFromJsonAsync<List<FindPermits.Item>>($"/api/admin/permits?q={Uri.EscapeDataString(other.Number[^8..].ToLowerInvariant())}", TestJson.Options);

        Assert.Equal(approved.Permits.Select(p => p.Number).Order(StringComparer.Ordinal), byName.Select(i => i.Number).Order(StringComparer.Ordinal));
        Assert.All(byName, i => Assert.Equal(nib, i.Nib));
        Assert.Equal(byName.Select(i => i.Number).Order(StringComparer.Ordinal), byNib!.Select(i => i.Number).Order(StringComparer.Ordinal));
        Assert.Contains(byNumber!, i => i.Number == other.Number && i.BusinessName == name && i.Status == PermitStatus.Active);
        var tooShort = await admin.Client.GetAsync("/api/admin/permits?q=ab");
        Assert.Equal(HttpStatusCode.BadRequest, tooShort.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await applicant.Client.GetAsync($"/api/admin/permits?q={nib}")).StatusCode);
    }

    [Fact]
    public async Task Verification_ShowsStatusAndBusiness_ButNoPersonalIdentifiers()
    {
        using var applicant = await portal.ApplicantAsync();
        var approved = await applicant.Client.SubmitAsync(await applicant.Client.RestaurantAsync());
        var permit = Assert.Single(approved.Permits);
        using var anonymous = portal.Factory.CreateClient();

        var response = await anonymous.GetAsync(new Uri(permit.VerificationUrl).PathAndQuery);

        var text = await response.Content.ReadAsStringAsync();
        var body = System.Text.Json.JsonSerializer.Deserialize<VerifyPermit.Response>(text, TestJson.Options)!;
        Assert.Equal("valid", body.Status);
        Assert.Equal("Warung Se'i Oma Maria", body.BusinessName);
        Assert.Equal(["56101"], body.Kbli!.Select(k => k.Code));
        Assert.Equal("5371********0003", body.OwnerIdentity);
        Assert.DoesNotContain("5371044107850003", text, StringComparison.Ordinal);
        Assert.DoesNotContain("maria.ndolu", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verification_WithAWrongCodeOrNumber_IsUnknown()
    {
        using var applicant = await portal.ApplicantAsync();
        var permit = Assert.Single((await applicant.Client.SubmitAsync(await applicant.Client.RestaurantAsync())).Permits);
        using var anonymous = portal.Factory.CreateClient();

        var forged = await anonymous.GetFromJsonAsync<VerifyPermit.Response>($"/api/verify/{permit.Number}?code=0123456789abcdef0123", TestJson.Options);
        var missing = await anonymous.GetFromJsonAsync<VerifyPermit.Response>("/api/verify/9999999999999?code=0123456789abcdef0123", TestJson.Options);

        Assert.Equal("unknown", forged!.Status);
        Assert.Null(forged.Premises);
        Assert.Null(forged.BusinessName);
        Assert.Equal("unknown", missing!.Status);
    }

    [Fact]
    public async Task TheNibsCheck_ListsTheBusinessesOtherPermitsInForce_OrSaysNoneIsNeeded()
    {
        using var applicant = await portal.ApplicantAsync();
        using var anonymous = portal.Factory.CreateClient();
        var warung = Assert.Single((await applicant.Client.SubmitAsync(await applicant.Client.RestaurantAsync())).Permits);
        var catering = (await applicant.Client.SubmitAsync(await applicant.Client.RestaurantAsync() with { Kbli = ["56210"], Declarations = ["kebenaran-data", "pemenuhan-standar", "higiene-sanitasi"] })).Permits;

        // A low-risk warung: its NIB is its permit, nothing else is needed (and the check says so).
        var alone = (await anonymous.GetFromJsonAsync<VerifyPermit.Response>(new Uri(warung.VerificationUrl).PathAndQuery, TestJson.Options))!;
        Assert.Equal(("valid", 0, 0), (alone.Status, alone.OtherPermits!.Count, alone.NotHeld!.Count));

        // A catering business: its NIB's check lists the Standard Certificate and the hygiene certificate in force.
        var nib = catering.Single(p => p.Type == "NIB");
        var held = (await anonymous.GetFromJsonAsync<VerifyPermit.Response>(new Uri(nib.VerificationUrl).PathAndQuery, TestJson.Options))!;
        Assert.Equal(catering.Where(p => p.Type != "NIB").Select(p => p.Number).Order(StringComparer.Ordinal), held.OtherPermits!.Select(p => p.Number).Order(StringComparer.Ordinal));
        Assert.Empty(held.NotHeld!);
        var hygiene = catering.Single(p => p.Type == "PB-UMKU-SLHS");
        Assert.Contains(held.OtherPermits!, p => p.Number == hygiene.Number && p.ValidUntil == hygiene.ValidUntil && p.Title == "Sertifikat Laik Higiene Sanitasi");
        // Another permit's own check lists none (only an NIB answers for the business).
        var certificate = (await anonymous.GetFromJsonAsync<VerifyPermit.Response>(new Uri(hygiene.VerificationUrl).PathAndQuery, TestJson.Options))!;
        Assert.Null(certificate.OtherPermits);

        // The hygiene certificate revoked: the NIB's check no longer lists it, and says the business lacks it.
        using var admin = await portal.StaffAsync(Api.Infrastructure.Auth.Roles.Admin);
        var revoked = await admin.Client.PostAsJsonAsync($"/api/admin/permits/{hygiene.Number}/revocation", new { reason = "Dapur ditutup Dinas Kesehatan setelah keracunan makanan." }, TestJson.Options);
        Assert.True(revoked.IsSuccessStatusCode, await revoked.Content.ReadAsStringAsync());
        var lacking = (await anonymous.GetFromJsonAsync<VerifyPermit.Response>(new Uri(nib.VerificationUrl).PathAndQuery, TestJson.Options))!;
        Assert.DoesNotContain(lacking.OtherPermits!, p => p.Number == hygiene.Number);
        Assert.Equal(["Sertifikat Laik Higiene Sanitasi"], lacking.NotHeld);
    }

    [Fact]
    public async Task Verification_AfterTheLastValidDay_IsExpired()
    {
        using var applicant = await portal.ApplicantAsync();
        var request = await applicant.Client.RestaurantAsync() with { Kbli = ["56210"], Declarations = ["kebenaran-data", "pemenuhan-standar", "higiene-sanitasi"] };
        var hygiene = (await applicant.Client.SubmitAsync(request)).Permits.Single(p => p.Type == "PB-UMKU-SLHS");

        var later = new FakeTimeProvider(new DateTimeOffset(hygiene.ValidUntil!.Value.AddDays(1).ToDateTime(new TimeOnly(12, 0)), TimeSpan.Zero));
        await using var host = portal.Create(time: later);
        using var anonymous = host.CreateClient();
        var verification = await anonymous.GetFromJsonAsync<VerifyPermit.Response>(new Uri(hygiene.VerificationUrl).PathAndQuery, TestJson.Options);

        Assert.Equal("expired", verification!.Status);
    }

    [Fact]
    public async Task PermitPdf_OfAValidPermit_SaysValid_AndCarriesNoStamp()
    {
        using var applicant = await portal.ApplicantAsync();
        var permit = Assert.Single((await applicant.Client.SubmitAsync(await applicant.Client.RestaurantAsync())).Permits);

        var text = await PdfText.ReadAsync(await applicant.Client.GetByteArrayAsync($"/api/permits/{permit.Number}/document"));

        Assert.Contains("Berlaku / Valid", text, StringComparison.Ordinal);
        Assert.DoesNotContain("TIDAK BERLAKU", text, StringComparison.Ordinal);
        Assert.DoesNotContain("DICABUT", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PermitPdf_PrintsALongNameAddressAndActivity_Whole_WithinThePaper()
    {
        const string name = "Toko Kelontong dan Warung Makan Keluarga Besar Bapak Yohanes Lodowik Mbatu Sejahtera Abadi Bersama";
        const string address = "Jl. Frans Seda No. 12, RT 005/RW 002, di samping Gereja Imanuel, belakang Pasar Inpres Naikoten, Kelurahan Fatululi, Kecamatan Oebobo, Kota Kupang, Nusa Tenggara Timur 85111";
        using var applicant = await portal.ApplicantAsync();
        var businessId = await applicant.Client.RegisterBusinessAsync(Builders.SoleProprietor(name) with { Address = address });
        var request = Builders.Restaurant(businessId, await applicant.Client.UploadAsync()) with { Kbli = ["47112"] };
        var nib = Assert.Single((await applicant.Client.SubmitAsync(request)).Permits);

        var pdf = await applicant.Client.GetByteArrayAsync($"/api/permits/{nib.Number}/document");

        // Every word within the paper's margins (a one-line row ran off its right edge past about 65 characters), and
        // the long values whole: not shortened, as the printed permit is the record the owner shows.
        var words = await PdfText.ReadWordsAsync(pdf);
        Assert.All(words, word => Assert.True(word.Left >= 30 && word.Right <= word.PageWidth - 30, $"'{word.Text}' is printed from {word.Left:0} to {word.Right:0} on a page {word.PageWidth:0} wide"));
        Assert.All(words, word => Assert.Equal(1, word.Page));
        var text = string.Join(' ', words.Select(w => w.Text));
        Assert.Contains(name, text, StringComparison.Ordinal);
        Assert.Contains(address, text, StringComparison.Ordinal);
        Assert.Contains("Perdagangan eceran berbagai macam barang yang utamanya makanan, minuman atau tembakau bukan di minimarket/supermarket/hypermarket (tradisional) (KBLI 47112)", text, StringComparison.Ordinal);
        Assert.DoesNotContain("…", text, StringComparison.Ordinal);
        Assert.Equal(nib.VerificationUrl, await Zbar.ReadPermitQrCodeAsync(pdf));
    }

    [Fact]
    public async Task PermitPdf_OfTwentyActivities_GoesOnToASecondPage_WithTheQrCodeOnTheFirst()
    {
        string[] kbli = ["47111", "47112", "47191", "47411", "47413", "47511", "47521", "47711", "47741", "47911", "47591", "47611", "47641", "47811", "47999", "46900", "56101", "56102", "56103", "56303"];
        using var applicant = await portal.ApplicantAsync();
        var request = await applicant.Client.RestaurantAsync() with { Kbli = [.. kbli] };
        var nib = (await applicant.Client.SubmitAsync(request)).Permits.Single(p => p.Type == "NIB");

        var pdf = await applicant.Client.GetByteArrayAsync($"/api/permits/{nib.Number}/document");

        var words = await PdfText.ReadWordsAsync(pdf);
        Assert.Equal(2, words.Max(w => w.Page));
        Assert.All(words, word => Assert.True(word.Right <= word.PageWidth - 30, $"'{word.Text}' runs to {word.Right:0} on a page {word.PageWidth:0} wide"));
        var pages = words.GroupBy(w => w.Page).ToDictionary(g => g.Key, g => string.Join(' ', g.Select(w => w.Text)));
        Assert.All(kbli, code => Assert.Contains($"(KBLI {code})", pages[1] + " " + pages[2], StringComparison.Ordinal));
        Assert.Contains("(KBLI 56303)", pages[2], StringComparison.Ordinal);
        // "KBLI" and its number on one line, however the title wraps.
        Assert.All(words.Select((word, i) => (word, i)).Where(w => w.word.Text == "(KBLI"), w => Assert.Equal(w.word.Top, words[w.i + 1].Top, 1));
        Assert.Contains($"{nib.Number} (lanjutan / continued)", pages[2], StringComparison.Ordinal);
        Assert.Contains("Halaman 1 dari 2 / Page 1 of 2", pages[1], StringComparison.Ordinal);
        Assert.Contains("Halaman 2 dari 2 / Page 2 of 2", pages[2], StringComparison.Ordinal);
        Assert.Contains("Verify this permit", pages[1], StringComparison.Ordinal);
        Assert.Equal(nib.VerificationUrl, await Zbar.ReadPermitQrCodeAsync(pdf));
    }

    [Fact]
    public async Task PermitPdf_OfARevokedPermit_CarriesRevokedAcrossThePage_AndItsQrCodeStillTellsTheTruth()
    {
        using var applicant = await portal.ApplicantAsync();
        var approved = await applicant.Client.SubmitAsync(await applicant.Client.RestaurantAsync());
        var permit = Assert.Single(approved.Permits);
        using var admin = await portal.StaffAsync(Api.Infrastructure.Auth.Roles.Admin);
        var revoked = await admin.Client.PostAsJsonAsync($"/api/admin/permits/{permit.Number}/revocation", new { reason = "Usaha tidak sesuai izin" }, TestJson.Options);
        Assert.True(revoked.IsSuccessStatusCode, await revoked.Content.ReadAsStringAsync());

        // The owner is told, in the inbox and by e-mail, that the business may not run on it, and the way to say it is a
        // mistake: a question to the office in writing (the reason typed without a full stop reads as a sentence).
        await portal.DeliveriesSettledAsync();
        var inbox = await applicant.Client.GetFromJsonAsync<List<Api.Features.Me.ListNotifications.Item>>("/api/me/notifications", TestJson.Options);
        var notice = Assert.Single(inbox!, n => n.Type == Api.Domain.NoticeKind.PermitRevoked.Type);
        Assert.Equal((permit.Number, PermitStep.Ask, approved.Id), (notice.PermitNumber, notice.PermitNextStep, notice.PermitApplicationId));
        Assert.Contains("Alasannya: Usaha tidak sesuai izin.\n\nMulai sekarang", notice.Body.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        var mail = Assert.Single(await Mailbox.MessagesToAsync(portal.DataDirectory, Builders.SoleProprietor().Email), m => m.TextBody!.Contains(permit.Number, StringComparison.Ordinal) && m.TextBody.Contains("dicabut", StringComparison.Ordinal));
        Assert.Contains($"{Say.Id("Notice.Revoked.Ask")}:\nhttp://localhost/pemohon/tanya?tentang=izin&permohonan={approved.Id}", mail.TextBody!.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        // The owner who just lost a permit is the likeliest to be asked for money to have it back: the report is a tap away.
        Assert.Contains($"{Say.Id("Notice.Revoked.Report")}:\nhttp://localhost/lapor", mail.TextBody!.ReplaceLineEndings("\n"), StringComparison.Ordinal);

        var pdf = await applicant.Client.GetByteArrayAsync($"/api/permits/{permit.Number}/document");

        var text = await PdfText.ReadAsync(pdf);
        Assert.Contains("IZIN INI TIDAK BERLAKU LAGI / THIS PERMIT IS NO LONGER VALID", text, StringComparison.Ordinal);
        Assert.Matches(@"DICABUT pada \d{1,2} \w+ \d{4} / REVOKED on \d{1,2} \w+ \d{4}", text);
        Assert.DoesNotContain("Berlaku / Valid", text, StringComparison.Ordinal);
        using var anonymous = portal.Factory.CreateClient();
        var verification = await anonymous.GetFromJsonAsync<VerifyPermit.Response>(new Uri(await Zbar.ReadPermitQrCodeAsync(pdf)).PathAndQuery, TestJson.Options);
        Assert.Equal("revoked", verification!.Status);
    }

    [Fact]
    public async Task PermitPdf_AfterTheLastValidDay_CarriesExpiredAcrossThePage()
    {
        using var applicant = await portal.ApplicantAsync();
        var request = await applicant.Client.RestaurantAsync() with { Kbli = ["56210"], Declarations = ["kebenaran-data", "pemenuhan-standar", "higiene-sanitasi"] };
        var hygiene = (await applicant.Client.SubmitAsync(request)).Permits.Single(p => p.Type == "PB-UMKU-SLHS");
        var later = new FakeTimeProvider(new DateTimeOffset(hygiene.ValidUntil!.Value.AddDays(1).ToDateTime(new TimeOnly(12, 0)), TimeSpan.Zero));
        await using var host = portal.Create(time: later);
        using var client = host.CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", await Accounts.LoginAsync(client, applicant.Email, applicant.Password));

        var text = await PdfText.ReadAsync(await client.GetByteArrayAsync($"/api/permits/{hygiene.Number}/document"));

        Assert.Contains($"BERAKHIR pada {hygiene.ValidUntil.Value.ToString("d MMMM yyyy", System.Globalization.CultureInfo.GetCultureInfo("id-ID"))} / EXPIRED on", text, StringComparison.Ordinal);
        Assert.Contains("THIS PERMIT IS NO LONGER VALID", text, StringComparison.Ordinal);
    }
}

public sealed class PermitTestsOnSqlite(SqlitePortal portal) : PermitTests(portal), IClassFixture<SqlitePortal>;

public sealed class PermitTestsOnPostgres(PostgresPortal portal) : PermitTests(portal), IClassFixture<PostgresPortal>;
