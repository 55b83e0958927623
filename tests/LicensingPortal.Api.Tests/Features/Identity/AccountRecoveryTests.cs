using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using LicensingPortal.Api.Data;
using LicensingPortal.Api.Features.Businesses;
using LicensingPortal.Api.Infrastructure.Auth;
using LicensingPortal.Api.Tests.Infrastructure;
using LicensingPortal.Api.Tests.Web;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LicensingPortal.Api.Tests.Features.Identity;

/// <summary>
/// An owner who can no longer open the account's e-mail, or lost the phone of two-step sign-in, asks for the account back
/// without signing in (ADR 0035); an administrator answers, once.
/// </summary>
public abstract partial class AccountTests
{
    /// <summary>A NIK of its own for each test's owner (a birth date and serial drawn at random), so the NIK finds one account.</summary>
    private static string UniqueNik() =>
        $"537104{Random.Shared.Next(1, 28):00}{Random.Shared.Next(1, 12):00}{Random.Shared.Next(60, 99):00}{Random.Shared.Next(1, 9999):0000}";

    private static MultipartFormDataContent RecoveryForm(string accountEmail, string newEmail, string nik, string lost, byte[]? photo, string ownerName = "Yohanes Bria", string photoType = "image/jpeg")
    {
        var form = new MultipartFormDataContent
        {
            { new StringContent(accountEmail), "accountEmail" },
            { new StringContent(newEmail), "newEmail" },
            { new StringContent(ownerName), "ownerName" },
            { new StringContent(nik), "nik" },
            { new StringContent(lost), "lost" },
            { new StringContent("0812 3456 7890"), "contact" },
        };
        if (photo is not null)
        {
            var file = new ByteArrayContent(photo);
            file.Headers.ContentType = new MediaTypeHeaderValue(photoType);
            form.Add(file, "photo", "IMG_20261207_101500.jpg");
        }

        return form;
    }

    private async Task<(Account Owner, string Nik)> OwnerWithABusinessAsync()
    {
        var owner = await portal.ApplicantAsync();
        var nik = UniqueNik();
        await owner.Client.RegisterBusinessAsync(Builders.SoleProprietor("Kios Pulsa Bria") with { Owner = new RegisterBusiness.OwnerRequest("Yohanes Bria", nik, null) });
        return (owner, nik);
    }

    /// <summary>The e-mail of <paramref name="subjectKey"/> to the address, once it arrives (others may have come before it).</summary>
    private async Task<MimeKit.MimeMessage> MailAsync(string address, string subjectKey)
    {
        var subject = Say.Id(subjectKey);
        await Eventually.TrueAsync(async () => (await MailsToAsync(address)).Any(m => m.Subject == subject), $"the e-mail \"{subject}\" to {address} arrives");
        return Assert.Single(await MailsToAsync(address), m => m.Subject == subject);
    }

    /// <summary>The code of the link the request's first e-mail carries to its new address (the newest, when sent twice).</summary>
    private async Task<string> RecoveryCodeAsync(string newEmail)
    {
        await MailAsync(newEmail, "Email.Account.RecoveryReceived.Subject");
        var mail = (await MailsToAsync(newEmail)).Last(m => m.Subject == Say.Id("Email.Account.RecoveryReceived.Subject"));
        var link = new Uri(System.Text.RegularExpressions.Regex.Match(mail.TextBody ?? string.Empty, @"https?://\S+/akun/pulihkan/konfirmasi\?\S+").Value);
        return System.Web.HttpUtility.ParseQueryString(link.Query)["kode"]!;
    }

    /// <summary>Opens the link the request's first e-mail carries to its new address, as its owner does (the API's way).</summary>
    private async Task<JsonObject> ConfirmRecoveryAsync(string newEmail) =>
        await JsonOf(await portal.Client.PostAsync($"/api/auth/recovery/confirm?code={await RecoveryCodeAsync(newEmail)}", null));

    private static async Task<JsonObject> JsonOf(HttpResponseMessage response)
    {
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!;
    }

    [Fact]
    public async Task AnOwnerWhoLostTheEmail_AsksWithoutSigningIn_AnAdministratorGrants_AndTheAccountSignsInAtTheNewAddress()
    {
        var (owner, nik) = await OwnerWithABusinessAsync();
        using var _ = owner;
        // Whoever held the account had set a webhook: after the grant it no longer receives the owner's notices.
        Assert.True((await owner.Client.PutAsJsonAsync("/api/me/preferences", new { language = "id", emailNotifications = true, webhookUrl = "https://hooks.example.com/kupang" })).IsSuccessStatusCode);
        var newEmail = $"yohanes-{Guid.NewGuid():N}@example.com";
        var spaced = $"{nik[..4]} {nik[4..8]} {nik[8..12]} {nik[12..]}";

        var asked = await JsonOf(await portal.Client.PostAsync("/api/auth/recovery", RecoveryForm(owner.Email, newEmail, spaced, "email", Photos.JpegFromAPhone(), "YOHANES  bria")));

        Assert.Equal(newEmail, (string?)asked["sentTo"]);
        Assert.False((bool)asked["confirmed"]!);
        var id = (string)asked["id"]!;
        // Until the link sent to the new address is opened, no administrator reads it, and the owner is not troubled.
        using var admin = await portal.StaffAsync(Roles.Admin);
        await Problems.AssertAsync(await admin.Client.GetAsync($"/api/admin/account-recoveries/{id}"), HttpStatusCode.NotFound, "recovery_not_found");
        Assert.DoesNotContain((await JsonOf(await admin.Client.GetAsync("/api/admin/account-recoveries")))["waiting"]!.AsArray(), i => (string?)i!["id"] == id);
        await Problems.AssertAsync(await portal.Client.PostAsync("/api/auth/recovery/confirm?code=bukan-kode-yang-benar", null), HttpStatusCode.BadRequest, "confirmation_invalid");
        var confirmed = await ConfirmRecoveryAsync(newEmail);
        Assert.True(DateOnly.Parse((string)confirmed["answerBy"]!, System.Globalization.CultureInfo.InvariantCulture) > Api.Domain.Wita.Today(TimeProvider.System));
        // Opened twice (a mail app that opens links itself): the same answer, nothing twice.
        Assert.Equal(confirmed.ToJsonString(), (await ConfirmRecoveryAsync(newEmail)).ToJsonString());
        // Sent twice (a slow network): the request waiting answers, and nobody is told twice.
        var again = await JsonOf(await portal.Client.PostAsync("/api/auth/recovery", RecoveryForm(owner.Email, newEmail, nik, "email", Photos.PlainJpeg())));
        Assert.Equal(id, (string?)again["id"]);
        Assert.True((bool)again["confirmed"]!);
        // The account's own address hears who asked for what, and how to stop it.
        var warned = await MailAsync(owner.Email, "Email.Account.RecoveryAsked.Subject");
        // The address asked for, in part only: whoever reads the old mailbox need not learn it whole.
        Assert.Contains($"{newEmail[..2]}•••@example.com", warned.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain(newEmail, warned.TextBody, StringComparison.Ordinal);
        Assert.Contains("/akun/masuk", warned.TextBody, StringComparison.Ordinal);

        // Only administrators read requests.
        Assert.Equal(HttpStatusCode.Forbidden, (await owner.Client.GetAsync("/api/admin/account-recoveries")).StatusCode);
        using var officer = await portal.StaffAsync(Roles.Officer);
        Assert.Equal(HttpStatusCode.Forbidden, (await officer.Client.GetAsync($"/api/admin/account-recoveries/{id}")).StatusCode);
        var list = await JsonOf(await admin.Client.GetAsync("/api/admin/account-recoveries"));
        var item = Assert.Single(list["waiting"]!.AsArray(), i => (string?)i!["id"] == id)!;
        Assert.True((bool)item["accountFound"]!);
        Assert.Equal("email", (string?)item["lost"]);

        // The account found, its business's owner compared (names as people write them), the NIK never whole.
        var view = await JsonOf(await admin.Client.GetAsync($"/api/admin/account-recoveries/{id}"));
        Assert.DoesNotContain(nik, view.ToJsonString(), StringComparison.Ordinal);
        Assert.Equal($"{nik[..6]}••••••{nik[12..]}", (string?)view["nik"]);
        var business = Assert.Single(view["account"]!["businesses"]!.AsArray())!;
        Assert.Equal("Kios Pulsa Bria", (string?)business["name"]);
        Assert.True((bool)business["nikMatches"]!);
        Assert.True((bool)business["nameMatches"]!);
        Assert.False((bool)view["account"]!["signedInSinceAsked"]!);
        Assert.False((bool)view["newEmailTaken"]!);

        // The photo, without where it was taken.
        var photo = await admin.Client.GetAsync($"/api/admin/account-recoveries/{id}/photo");
        Assert.Equal(HttpStatusCode.OK, photo.StatusCode);
        Assert.Equal("image/jpeg", photo.Content.Headers.ContentType?.MediaType);
        Assert.Contains("no-store", photo.Headers.CacheControl?.ToString(), StringComparison.Ordinal);
        var bytes = await photo.Content.ReadAsByteArrayAsync();
        Assert.DoesNotContain(Photos.Where, System.Text.Encoding.Latin1.GetString(bytes), StringComparison.Ordinal);
        Assert.Equal(Photos.Pixels(Photos.JpegFromAPhone()), Photos.Pixels(bytes));

        var granted = await JsonOf(await admin.Client.PostAsJsonAsync($"/api/admin/account-recoveries/{id}/decision", new { grant = true }));

        Assert.Equal("granted", (string?)granted["status"]);
        Assert.Equal(admin.Email, (string?)granted["decidedBy"]);
        // The old address no longer signs in; the account's sign-ins ended; the new address signs in to the same account.
        Assert.Equal(HttpStatusCode.Unauthorized, (await owner.Client.GetAsync("/api/businesses")).StatusCode);
        await Problems.AssertAsync(await portal.Client.PostAsJsonAsync("/api/auth/login", new { email = owner.Email, password = owner.Password }), HttpStatusCode.Unauthorized, "unauthorized");
        // Nor does the old password, which whoever read the old mailbox may know: the link sent to the new address sets a new one.
        await Problems.AssertAsync(await portal.Client.PostAsJsonAsync("/api/auth/login", new { email = newEmail, password = owner.Password }), HttpStatusCode.Unauthorized, "unauthorized");
        var grantedMail = await MailAsync(newEmail, "Email.Account.RecoveryGranted.Subject");
        var link = new Uri(System.Text.RegularExpressions.Regex.Match(grantedMail.TextBody ?? string.Empty, @"https?://\S+/akun/atur-sandi\?\S+").Value);
        Assert.StartsWith($"?email={Uri.EscapeDataString(newEmail)}&code=", link.Query, StringComparison.Ordinal);
        const string OwnPassword = "Kios-Pulsa-Bria-2027";
        var reset = await portal.Client.PostAsJsonAsync("/api/auth/resetPassword", new { email = newEmail, resetCode = System.Web.HttpUtility.ParseQueryString(link.Query)["code"], newPassword = OwnPassword });
        Assert.True(reset.IsSuccessStatusCode, await reset.Content.ReadAsStringAsync());
        using var back = portal.Factory.CreateClient();
        back.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await Accounts.LoginAsync(back, newEmail, OwnPassword));
        Assert.Contains("Kios Pulsa Bria", await back.GetStringAsync("/api/businesses"), StringComparison.Ordinal);
        Assert.Null((await back.GetFromJsonAsync<JsonObject>("/api/me/preferences"))!["webhookUrl"]);
        // The request's link is spent once answered.
        await Problems.AssertAsync(await portal.Client.PostAsync($"/api/auth/recovery/confirm?code={await RecoveryCodeAsync(newEmail)}", null), HttpStatusCode.BadRequest, "confirmation_invalid");
        // The old address is told the account went elsewhere (named in part); the owner hears of the request once.
        var done = await MailAsync(owner.Email, "Email.Account.RecoveryDone.Subject");
        Assert.Contains($"{newEmail[..2]}•••@example.com", done.TextBody, StringComparison.Ordinal);
        Assert.Single(await MailsToAsync(newEmail), m => m.Subject == Say.Id("Email.Account.RecoveryReceived.Subject"));
        Assert.Single(await MailsToAsync(owner.Email), m => m.Subject == Say.Id("Email.Account.RecoveryAsked.Subject"));
        // Kept where every change of who may sign in is.
        var changes = await admin.Client.GetStringAsync($"/api/admin/staff/changes?accountId={owner.Id}");
        Assert.Contains("account-recovered", changes, StringComparison.Ordinal);

        // Answered once.
        await Problems.AssertAsync(await admin.Client.PostAsJsonAsync($"/api/admin/account-recoveries/{id}/decision", new { grant = false, reason = "Foto tidak jelas sama sekali." }), HttpStatusCode.Conflict, "recovery_answered");
        list = await JsonOf(await admin.Client.GetAsync("/api/admin/account-recoveries"));
        Assert.DoesNotContain(list["waiting"]!.AsArray(), i => (string?)i!["id"] == id);
        Assert.Contains(list["answered"]!.AsArray(), i => (string?)i!["id"] == id && (string?)i!["status"] == "granted");
        await Problems.AssertAsync(await admin.Client.GetAsync($"/api/admin/account-recoveries/{Guid.NewGuid()}"), HttpStatusCode.NotFound, "recovery_not_found");
    }

    [Fact]
    public async Task AnOwnerWhoLostThePhone_GetsTwoStepSignInLifted_WhileAnAccountThatSignedInSinceTheRequest_IsNotHandedOver()
    {
        // Two-step sign-in on, then the phone lost: the address still opens, and stays the account's.
        var (owner, nik) = await OwnerWithABusinessAsync();
        using var _ = owner;
        var key = ((string)(await owner.Client.GetFromJsonAsync<JsonObject>("/api/auth/two-factor"))!["sharedKey"]!).Replace(" ", string.Empty, StringComparison.Ordinal).ToUpperInvariant();
        Assert.True((await owner.Client.PostAsJsonAsync("/api/auth/two-factor/enable", new { code = Accounts.CodeFor(key) })).IsSuccessStatusCode);
        await Problems.AssertAsync(await portal.Client.PostAsJsonAsync("/api/auth/login", new { email = owner.Email, password = owner.Password }), HttpStatusCode.Unauthorized, "two_factor_required");

        var asked = await JsonOf(await portal.Client.PostAsync("/api/auth/recovery", RecoveryForm(owner.Email, owner.Email, nik, "phone", Photos.PlainPng(), photoType: "image/png")));
        await ConfirmRecoveryAsync(owner.Email);
        using var admin = await portal.StaffAsync(Roles.Admin);
        var view = await JsonOf(await admin.Client.GetAsync($"/api/admin/account-recoveries/{asked["id"]}"));
        Assert.True((bool)view["account"]!["twoFactorEnabled"]!);
        Assert.Equal("phone", (string?)view["lost"]);
        var granted = await JsonOf(await admin.Client.PostAsJsonAsync($"/api/admin/account-recoveries/{asked["id"]}/decision", new { grant = true }));

        Assert.Equal("granted", (string?)granted["status"]);
        // Whoever took the phone may know the password too: it goes; the link sent to the account's own address sets a
        // new one, which signs in without a code.
        await Problems.AssertAsync(await portal.Client.PostAsJsonAsync("/api/auth/login", new { email = owner.Email, password = owner.Password }), HttpStatusCode.Unauthorized, "unauthorized");
        var grantedMail = await MailAsync(owner.Email, "Email.Account.RecoveryGranted.Subject");
        var code = System.Web.HttpUtility.ParseQueryString(new Uri(System.Text.RegularExpressions.Regex.Match(grantedMail.TextBody ?? string.Empty, @"https?://\S+/akun/atur-sandi\?\S+").Value).Query)["code"];
        Assert.True((await portal.Client.PostAsJsonAsync("/api/auth/resetPassword", new { email = owner.Email, resetCode = code, newPassword = "Kios-Pulsa-Baru-2027" })).IsSuccessStatusCode);
        Assert.False(string.IsNullOrEmpty(await Accounts.LoginAsync(portal.Client, owner.Email, "Kios-Pulsa-Baru-2027")));
        // The address did not change: nobody is told someone asked for it, or that it moved.
        Assert.DoesNotContain(await MailsToAsync(owner.Email), m => m.Subject == Say.Id("Email.Account.RecoveryAsked.Subject"));
        Assert.DoesNotContain(await MailsToAsync(owner.Email), m => m.Subject == Say.Id("Email.Account.RecoveryDone.Subject"));

        // Someone else asks for an account whose owner still has it: the owner signs in after the request, and a grant is refused.
        var (other, otherNik) = await OwnerWithABusinessAsync();
        using var __ = other;
        var stranger = $"orang-lain-{Guid.NewGuid():N}@example.com";
        var claim = await JsonOf(await portal.Client.PostAsync("/api/auth/recovery", RecoveryForm(other.Email, stranger, otherNik, "email", Photos.PlainJpeg())));
        await ConfirmRecoveryAsync(stranger);
        await Accounts.LoginAsync(portal.Factory.CreateClient(), other.Email, other.Password);
        var seen = await JsonOf(await admin.Client.GetAsync($"/api/admin/account-recoveries/{claim["id"]}"));
        Assert.True((bool)seen["account"]!["signedInSinceAsked"]!);
        await Problems.AssertAsync(await admin.Client.PostAsJsonAsync($"/api/admin/account-recoveries/{claim["id"]}/decision", new { grant = true }), HttpStatusCode.Conflict, "recovery_account_signed_in");
        Assert.False(string.IsNullOrEmpty(await Accounts.LoginAsync(portal.Client, other.Email, other.Password)));
        Assert.Equal("waiting", (string?)(await JsonOf(await admin.Client.GetAsync($"/api/admin/account-recoveries/{claim["id"]}")))["status"]);

        // An account a broker opened and still uses: the administrator called the owner and is sure; the grant goes through.
        var sure = await JsonOf(await admin.Client.PostAsJsonAsync($"/api/admin/account-recoveries/{claim["id"]}/decision", new { grant = true, signedInChecked = true }));
        Assert.Equal("granted", (string?)sure["status"]);
        await Problems.AssertAsync(await portal.Client.PostAsJsonAsync("/api/auth/login", new { email = other.Email, password = other.Password }), HttpStatusCode.Unauthorized, "unauthorized");
    }

    [Fact]
    public async Task TwoAdministratorsAnsweringAtOnce_TakeTurns_OneAnswerStands_AndTheOtherIsToldItWasAnswered()
    {
        var (owner, nik) = await OwnerWithABusinessAsync();
        using var _ = owner;
        var newEmail = $"yohanes-{Guid.NewGuid():N}@example.com";
        var asked = await JsonOf(await portal.Client.PostAsync("/api/auth/recovery", RecoveryForm(owner.Email, newEmail, nik, "email", Photos.PlainJpeg())));
        await ConfirmRecoveryAsync(newEmail);
        using var first = await portal.StaffAsync(Roles.Admin);
        using var second = await portal.StaffAsync(Roles.Admin);

        var answers = await Task.WhenAll(
            first.Client.PostAsJsonAsync($"/api/admin/account-recoveries/{asked["id"]}/decision", new { grant = true }),
            second.Client.PostAsJsonAsync($"/api/admin/account-recoveries/{asked["id"]}/decision", new { grant = false, reason = "Wajah di foto tidak terlihat jelas. Foto lagi di tempat yang terang." }));

        var stood = Assert.Single(answers, a => a.StatusCode == HttpStatusCode.OK);
        await Problems.AssertAsync(Assert.Single(answers, a => a.StatusCode != HttpStatusCode.OK), HttpStatusCode.Conflict, "recovery_answered");
        var status = (string?)(await JsonOf(stood))["status"];
        using var admin = await portal.StaffAsync(Roles.Admin);
        Assert.Equal(status, (string?)(await JsonOf(await admin.Client.GetAsync($"/api/admin/account-recoveries/{asked["id"]}")))["status"]);
        // What the answer that stood did, and only that: the account moved (its old address and password no longer sign
        // in), or stayed as it was.
        var stillSignsIn = (await portal.Client.PostAsJsonAsync("/api/auth/login", new { email = owner.Email, password = owner.Password })).IsSuccessStatusCode;
        Assert.Equal(status == "refused", stillSignsIn);
    }

    [Fact]
    public async Task TwoRequestsForOneAccount_TheGrantAnswersTheOther_AndOneNeverConfirmedGoes_WhileARequestSentAgainIsAnsweredAlikeWithOrWithoutAnAccount()
    {
        var (owner, nik) = await OwnerWithABusinessAsync();
        using var _ = owner;
        var first = $"yohanes-a-{Guid.NewGuid():N}@example.com";
        var second = $"yohanes-b-{Guid.NewGuid():N}@example.com";
        var third = $"yohanes-c-{Guid.NewGuid():N}@example.com";
        var one = await JsonOf(await portal.Client.PostAsync("/api/auth/recovery", RecoveryForm(owner.Email, first, nik, "email", Photos.PlainJpeg())));
        var two = await JsonOf(await portal.Client.PostAsync("/api/auth/recovery", RecoveryForm(owner.Email, second, nik, "email", Photos.PlainJpeg())));
        await JsonOf(await portal.Client.PostAsync("/api/auth/recovery", RecoveryForm(owner.Email, third, nik, "email", Photos.PlainJpeg())));
        await ConfirmRecoveryAsync(first);
        await ConfirmRecoveryAsync(second);
        var neverOpened = await RecoveryCodeAsync(third);
        using var admin = await portal.StaffAsync(Roles.Admin);

        await JsonOf(await admin.Client.PostAsJsonAsync($"/api/admin/account-recoveries/{one["id"]}/decision", new { grant = true }));

        var other = await JsonOf(await admin.Client.GetAsync($"/api/admin/account-recoveries/{two["id"]}"));
        Assert.Equal("refused", (string?)other["status"]);
        var told = await MailAsync(second, "Email.Account.RecoveryRefused.Subject");
        Assert.Contains(Say.Id("Recovery.AnsweredByAnother"), told.TextBody, StringComparison.Ordinal);
        // The one whose link was never opened is gone, photo and all: its link no longer works.
        await Problems.AssertAsync(await portal.Client.PostAsync($"/api/auth/recovery/confirm?code={neverOpened}", null), HttpStatusCode.BadRequest, "confirmation_invalid");

        // Sent again while waiting: the same answer whether or not an account has the address or the NIK.
        var unknownNik = UniqueNik();
        var nobody = $"nobody-{Guid.NewGuid():N}@example.com";
        var asker = $"asker-{Guid.NewGuid():N}@example.com";
        var first1 = await JsonOf(await portal.Client.PostAsync("/api/auth/recovery", RecoveryForm(nobody, asker, unknownNik, "email", Photos.PlainJpeg())));
        await ConfirmRecoveryAsync(asker);
        var again = await JsonOf(await portal.Client.PostAsync("/api/auth/recovery", RecoveryForm(nobody, asker, unknownNik, "email", Photos.PlainJpeg())));
        Assert.Equal((string?)first1["id"], (string?)again["id"]);
        Assert.True((bool)again["confirmed"]!);
    }

    [Fact]
    public async Task ARequestWhoseLinkWasNeverOpened_IsDeletedWithItsPhoto_OnceItsDayIsOver()
    {
        var address = $"tidak-dibuka-{Guid.NewGuid():N}@example.com";
        var asked = await JsonOf(await portal.Client.PostAsync("/api/auth/recovery", RecoveryForm($"lama-{Guid.NewGuid():N}@example.com", address, UniqueNik(), "email", Photos.PlainJpeg())));
        var code = await RecoveryCodeAsync(address);
        var id = Guid.Parse((string)asked["id"]!);
        string photoKey;
        await using (var scope = portal.Factory.Services.CreateAsyncScope())
        {
            photoKey = (await scope.ServiceProvider.GetRequiredService<LicensingDbContext>().AccountRecoveries.SingleAsync(r => r.Id == id)).PhotoKey;
            await using var kept = await scope.ServiceProvider.GetRequiredService<Api.Infrastructure.Storage.IDocumentStorage>().OpenAsync(photoKey, CancellationToken.None);
            Assert.NotNull(kept);
        }

        // The night after its day: a host whose clock is a day and a minute on runs the sweep.
        await using (var later = portal.Create(time: new Microsoft.Extensions.Time.Testing.FakeTimeProvider(DateTimeOffset.UtcNow.Add(Api.Domain.AccountRecovery.ConfirmWithin).AddMinutes(1))))
        {
            await using var scope = later.Services.CreateAsyncScope();
            Assert.True((await scope.ServiceProvider.GetRequiredService<Mediator.ISender>().Send(new Api.Features.Accounts.SweepUnconfirmedRecoveries.Command())).Value >= 1);
        }

        await Problems.AssertAsync(await portal.Client.PostAsync($"/api/auth/recovery/confirm?code={code}", null), HttpStatusCode.BadRequest, "confirmation_invalid");
        await using (var scope = portal.Factory.Services.CreateAsyncScope())
        {
            Assert.False(await scope.ServiceProvider.GetRequiredService<LicensingDbContext>().AccountRecoveries.AnyAsync(r => r.Id == id));
            await using var gone = await scope.ServiceProvider.GetRequiredService<Api.Infrastructure.Storage.IDocumentStorage>().OpenAsync(photoKey, CancellationToken.None);
            Assert.Null(gone);
        }

        using var connection = portal.Factory.Services.GetRequiredService<Hangfire.JobStorage>().GetConnection();
        Assert.Contains(Hangfire.Storage.StorageConnectionExtensions.GetRecurringJobs(connection), j => j.Id == Api.Features.Accounts.SweepUnconfirmedRecoveries.RecurringJobId);
    }

    [Fact]
    public async Task ADecidedRequestsPhoto_IsKeptNinetyDays_ThenDeleted_WhileTheRequestStays()
    {
        var newEmail = $"dijawab-{Guid.NewGuid():N}@example.com";
        var asked = await JsonOf(await portal.Client.PostAsync("/api/auth/recovery", RecoveryForm($"lama-{Guid.NewGuid():N}@example.com", newEmail, UniqueNik(), "email", Photos.PlainJpeg())));
        await ConfirmRecoveryAsync(newEmail);
        var id = Guid.Parse((string)asked["id"]!);
        using var admin = await portal.StaffAsync(Roles.Admin);
        var refused = await admin.Client.PostAsJsonAsync($"/api/admin/account-recoveries/{id}/decision", new { grant = false, reason = "Tidak ada akun dengan alamat atau NIK itu." });
        Assert.True(refused.IsSuccessStatusCode, await refused.Content.ReadAsStringAsync());
        string photoKey;
        await using (var scope = portal.Factory.Services.CreateAsyncScope())
        {
            photoKey = (await scope.ServiceProvider.GetRequiredService<LicensingDbContext>().AccountRecoveries.SingleAsync(r => r.Id == id)).PhotoKey;
        }

        async Task SweepAtAsync(DateTimeOffset at)
        {
            await using var later = portal.Create(time: new Microsoft.Extensions.Time.Testing.FakeTimeProvider(at));
            await using var scope = later.Services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<Mediator.ISender>().Send(new Api.Features.Accounts.SweepUnconfirmedRecoveries.Command());
        }

        // A minute short of the ninety days, the photo is still there for the administrators.
        await SweepAtAsync(DateTimeOffset.UtcNow.Add(Api.Domain.AccountRecovery.PhotoKeptAfterDecision).AddMinutes(-1));
        Assert.Equal(HttpStatusCode.OK, (await admin.Client.GetAsync($"/api/admin/account-recoveries/{id}/photo")).StatusCode);
        Assert.Null((await JsonOf(await admin.Client.GetAsync($"/api/admin/account-recoveries/{id}")))["photoDeletedAt"]);

        // The night after: the photo is gone from the storage; the request and its answer stay, saying when it went.
        await SweepAtAsync(DateTimeOffset.UtcNow.Add(Api.Domain.AccountRecovery.PhotoKeptAfterDecision).AddMinutes(1));
        await Problems.AssertAsync(await admin.Client.GetAsync($"/api/admin/account-recoveries/{id}/photo"), HttpStatusCode.NotFound, "recovery_not_found");
        var view = await JsonOf(await admin.Client.GetAsync($"/api/admin/account-recoveries/{id}"));
        Assert.Equal("refused", (string?)view["status"]);
        Assert.NotNull(view["photoDeletedAt"]);
        await using (var scope = portal.Factory.Services.CreateAsyncScope())
        {
            await using var gone = await scope.ServiceProvider.GetRequiredService<Api.Infrastructure.Storage.IDocumentStorage>().OpenAsync(photoKey, CancellationToken.None);
            Assert.Null(gone);
        }
    }

    [Fact]
    public async Task ARequestWithBadInput_IsRefusedAtItsFields_AnUnknownAddressIsAnsweredAlike_AndTheNikFindsTheAccountWhenTheAddressIsWrong()
    {
        async Task<JsonObject> ErrorsOf(HttpResponseMessage response, HttpStatusCode status, string code)
        {
            await Problems.AssertAsync(response, status, code);
            return ((await ReadProblemAsync(response))["errors"] as JsonObject)!;
        }

        var someone = $"siapa-{Guid.NewGuid():N}@example.com";
        var fresh = $"baru-{Guid.NewGuid():N}@example.com";
        var errors = await ErrorsOf(await portal.Client.PostAsync("/api/auth/recovery", RecoveryForm(someone, someone, "1234", "email", null, ownerName: " ")), HttpStatusCode.BadRequest, "validation_failed");
        Assert.True(errors.ContainsKey("newEmail") && errors.ContainsKey("nik") && errors.ContainsKey("photo") && errors.ContainsKey("ownerName"), errors.ToJsonString());
        errors = await ErrorsOf(await portal.Client.PostAsync("/api/auth/recovery", RecoveryForm(someone, fresh, UniqueNik(), "semua", Photos.PlainJpeg())), HttpStatusCode.BadRequest, "validation_failed");
        Assert.True(errors.ContainsKey("lost"), errors.ToJsonString());
        // A PDF is no photo; a picture no decoder reads is not kept with what it may hold.
        errors = await ErrorsOf(await portal.Client.PostAsync("/api/auth/recovery", RecoveryForm(someone, fresh, UniqueNik(), "email", Builders.Pdf, photoType: "application/pdf")), HttpStatusCode.UnsupportedMediaType, "document_type_not_allowed");
        Assert.True(errors.ContainsKey("photo"));
        errors = await ErrorsOf(await portal.Client.PostAsync("/api/auth/recovery", RecoveryForm(someone, fresh, UniqueNik(), "email", [0xFF, 0xD8, 0xFF, 0xE0, 1, 2, 3, 4])), HttpStatusCode.UnprocessableEntity, "recovery_photo_unreadable");
        Assert.True(errors.ContainsKey("photo"));

        // No account has the address or the NIK: the same answer as for one that does; the administrator can only refuse.
        var unknown = await JsonOf(await portal.Client.PostAsync("/api/auth/recovery", RecoveryForm(someone, fresh, UniqueNik(), "email", Photos.PlainJpeg())));
        Assert.Equal(fresh, (string?)unknown["sentTo"]);
        await ConfirmRecoveryAsync(fresh);
        Assert.DoesNotContain(portal.Smtp.ReceivedEmail, m => m.ToAddresses.Any(a => a.Address == someone));
        using var admin = await portal.StaffAsync(Roles.Admin);
        var view = await JsonOf(await admin.Client.GetAsync($"/api/admin/account-recoveries/{unknown["id"]}"));
        Assert.Null(view["account"]);
        await Problems.AssertAsync(await admin.Client.PostAsJsonAsync($"/api/admin/account-recoveries/{unknown["id"]}/decision", new { grant = true }), HttpStatusCode.Conflict, "recovery_no_account");
        await Problems.AssertAsync(await admin.Client.PostAsJsonAsync($"/api/admin/account-recoveries/{unknown["id"]}/decision", new { }), HttpStatusCode.BadRequest, "validation_failed");

        // Refused with a reason the one who asked reads, with the way to ask again.
        var noReason = await admin.Client.PostAsJsonAsync($"/api/admin/account-recoveries/{unknown["id"]}/decision", new { grant = false, reason = "tidak" });
        await Problems.AssertAsync(noReason, HttpStatusCode.BadRequest, "validation_failed");
        Assert.NotNull(((await ReadProblemAsync(noReason))["errors"] as JsonObject)!["reason"]);
        const string Reason = "Periksa alamat e-mail yang dulu dipakai dan NIK Anda, lalu kirim lagi.";
        var refused = await JsonOf(await admin.Client.PostAsJsonAsync($"/api/admin/account-recoveries/{unknown["id"]}/decision", new { grant = false, reason = Reason }));
        Assert.Equal("refused", (string?)refused["status"]);
        var answer = await MailAsync(fresh, "Email.Account.RecoveryRefused.Subject");
        Assert.Contains(Reason, answer.TextBody, StringComparison.Ordinal);
        Assert.Contains("/akun/pulihkan", answer.TextBody, StringComparison.Ordinal);

        // An address Identity would not take as a sign-in name is said at its field at once (it could never be granted).
        errors = await ErrorsOf(await portal.Client.PostAsync("/api/auth/recovery", RecoveryForm(someone, "yohanes bria@example.com", UniqueNik(), "email", Photos.PlainJpeg())), HttpStatusCode.BadRequest, "validation_failed");
        Assert.True(errors.ContainsKey("newEmail"), errors.ToJsonString());

        // A staff account is not recovered here (an administrator resets it): its address finds no account.
        using var officer = await portal.StaffAsync(Roles.Officer);
        var staffNew = $"petugas-{Guid.NewGuid():N}@example.com";
        var staff = await JsonOf(await portal.Client.PostAsync("/api/auth/recovery", RecoveryForm(officer.Email, staffNew, UniqueNik(), "phone", Photos.PlainJpeg())));
        await ConfirmRecoveryAsync(staffNew);
        Assert.Null((await JsonOf(await admin.Client.GetAsync($"/api/admin/account-recoveries/{staff["id"]}")))["account"]);

        // The address misremembered, the NIK of the owner's business right: that account is found, and its address told.
        var (owner, nik) = await OwnerWithABusinessAsync();
        using var _ = owner;
        var baru = $"yohanes-baru-{Guid.NewGuid():N}@example.com";
        var byNik = await JsonOf(await portal.Client.PostAsync("/api/auth/recovery", RecoveryForm($"yohanes.lama-{Guid.NewGuid():N}@example.com", baru, nik, "both", Photos.PlainJpeg())));
        await ConfirmRecoveryAsync(baru);
        var found = await JsonOf(await admin.Client.GetAsync($"/api/admin/account-recoveries/{byNik["id"]}"));
        Assert.Equal(owner.Email, (string?)found["account"]!["email"]);
        Assert.True((bool)Assert.Single(found["account"]!["businesses"]!.AsArray())!["nikMatches"]!);
        await MailAsync(owner.Email, "Email.Account.RecoveryAsked.Subject");
    }
}
