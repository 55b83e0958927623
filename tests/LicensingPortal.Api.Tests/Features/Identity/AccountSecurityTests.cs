using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using LicensingPortal.Api.Tests.Infrastructure;
using LicensingPortal.Api.Tests.Web;

namespace LicensingPortal.Api.Tests.Features.Identity;

/// <summary>Keeping one's account safe: changing the password with the current one, and signing out everywhere else.</summary>
public abstract partial class AccountTests
{
    private const string NewPassword = "Sandi-Baru-Kupang-2027";

    [Fact]
    public async Task ChangePassword_EndsEverySignIn_TheNewOneSignsIn_AndAnEmailTellsTheAddress()
    {
        using var account = await portal.ApplicantAsync();
        using var elsewhere = portal.Factory.CreateClient();
        elsewhere.DefaultRequestHeaders.UserAgent.ParseAdd(DeviceNamesTests.AndroidChrome);
        var elsewhereTokens = await LogInAsync(elsewhere, account.Email, account.Password);
        Assert.Equal(HttpStatusCode.OK, (await elsewhere.GetAsync("/api/businesses")).StatusCode);

        var changed = await account.Client.PostAsJsonAsync("/api/auth/manage/password", new { currentPassword = account.Password, newPassword = NewPassword });

        Assert.True(changed.StatusCode == HttpStatusCode.NoContent, await changed.Content.ReadAsStringAsync());
        // Every sign-in made with the old security stamp ends, the other device's refresh token too; this token as well (log in again).
        Assert.Equal(HttpStatusCode.Unauthorized, (await elsewhere.GetAsync("/api/businesses")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await portal.Client.PostAsJsonAsync("/api/auth/refresh", new { refreshToken = elsewhereTokens.RefreshToken })).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await account.Client.GetAsync("/api/businesses")).StatusCode);
        await Problems.AssertAsync(await portal.Client.PostAsJsonAsync("/api/auth/login", new { email = account.Email, password = account.Password }), HttpStatusCode.Unauthorized, "unauthorized");
        account.Client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await Accounts.LoginAsync(account.Client, account.Email, NewPassword));
        Assert.Equal(HttpStatusCode.OK, (await account.Client.GetAsync("/api/businesses")).StatusCode);

        // The account's list of sign-ins says what the new password did: only the sign-in made since stands.
        var sessions = (await account.Client.GetFromJsonAsync<JsonArray>("/api/auth/sessions"))!;
        Assert.Equal(3, sessions.Count);
        var standing = Assert.Single(sessions, s => !(bool)s!["ended"]!);
        Assert.True((bool)standing!["current"]!);
        Assert.All(sessions.Where(s => (bool)s!["ended"]!), s => Assert.NotNull(s!["endedAt"]));
        // Each by the kind of device it came from, so a stranger's stands out: the phone, and the test's client that sends no User-Agent.
        Assert.Equal("android/chrome", (string?)Assert.Single(sessions, s => s!["device"] is not null)!["device"]);
        Assert.Null(standing["device"]);

        // The account's address hears of it, with the way to a new password if it was not the owner.
        await Eventually.TrueAsync(() => portal.Smtp.ReceivedEmail.Any(m => m.ToAddresses.Any(a => a.Address == account.Email)), "the e-mail about the changed password arrives");
        var mail = portal.Smtp.ReceivedEmail.Single(m => m.ToAddresses.Any(a => a.Address == account.Email));
        using var raw = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(mail.Data));
        var message = await MimeKit.MimeMessage.LoadAsync(raw);
        Assert.Equal(Say.Id("Email.Account.Changed.Subject"), message.Subject);
        Assert.Contains("/akun/lupa-sandi", message.TextBody, StringComparison.Ordinal);
        Assert.Contains(Say.Id("Email.Account.Changed.Ignore"), message.TextBody, StringComparison.Ordinal);
        // When it happened, in WITA, so the owner can tell whether it was them.
        Assert.Matches(@"diganti pada \d{1,2} \w+ 20\d\d, \d\d\.\d\d WITA\.", message.TextBody);
        Assert.DoesNotContain(NewPassword, message.TextBody, StringComparison.Ordinal);
    }

    /// <summary>
    /// An owner whose account a broker opened with the broker's address takes it back: the link goes to the new address
    /// and nothing changes until it is opened; the old address hears of the request; the link makes the new address the
    /// account's sign-in, once, and every sign-in ends. An address another account has is refused at the link; a staff
    /// account's address is not changed this way.
    /// </summary>
    [Fact]
    public async Task ChangeEmail_SendsALinkToTheNewAddress_TellsTheOldOne_AndTheLinkMakesItTheSignIn_Once()
    {
        using var account = await portal.ApplicantAsync();
        var newEmail = $"pemilik-{Guid.NewGuid():N}@example.com";
        await Problems.AssertAsync(await account.Client.PostAsJsonAsync("/api/auth/manage/email", new { newEmail, currentPassword = "Salah-Sandi-Kupang-2026" }), HttpStatusCode.BadRequest, "current_password_wrong");
        await Problems.AssertAsync(await account.Client.PostAsJsonAsync("/api/auth/manage/email", new { newEmail = account.Email.ToUpperInvariant(), currentPassword = account.Password }), HttpStatusCode.BadRequest, "validation_failed");

        var asked = await account.Client.PostAsJsonAsync("/api/auth/manage/email", new { newEmail, currentPassword = account.Password });

        Assert.True(asked.StatusCode == HttpStatusCode.Accepted, await asked.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, (await account.Client.GetAsync("/api/businesses")).StatusCode);
        var link = await MailToAsync(newEmail);
        Assert.Equal(Say.Id("Email.Account.EmailLink.Subject"), link.Subject);
        var notice = await MailToAsync(account.Email);
        Assert.Equal(Say.Id("Email.Account.EmailAsked.Subject"), notice.Subject);
        Assert.Contains(newEmail, notice.TextBody, StringComparison.Ordinal);
        Assert.Contains("/akun/keamanan#sandi", notice.TextBody, StringComparison.Ordinal);
        var url = new Uri(System.Text.RegularExpressions.Regex.Match(link.TextBody ?? string.Empty, @"https?://\S+/akun/ganti-email\?\S+").Value);
        Assert.StartsWith("?userId=", url.Query, StringComparison.Ordinal);

        await Problems.AssertAsync(await portal.Client.PostAsync(url.Query.Replace("code=", "code=AAAA", StringComparison.Ordinal).Insert(0, "/api/auth/confirmEmailChange"), null), HttpStatusCode.BadRequest, "confirmation_invalid");
        var confirmed = await portal.Client.PostAsync("/api/auth/confirmEmailChange" + url.Query, null);

        Assert.True(confirmed.IsSuccessStatusCode, await confirmed.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Unauthorized, (await account.Client.GetAsync("/api/businesses")).StatusCode);
        await Problems.AssertAsync(await portal.Client.PostAsJsonAsync("/api/auth/login", new { email = account.Email, password = account.Password }), HttpStatusCode.Unauthorized, "unauthorized");
        Assert.False(string.IsNullOrEmpty(await Accounts.LoginAsync(portal.Client, newEmail, account.Password)));
        await Problems.AssertAsync(await portal.Client.PostAsync("/api/auth/confirmEmailChange" + url.Query, null), HttpStatusCode.BadRequest, "confirmation_invalid");

        // Another account's address: asked for (nothing tells the asker it is taken), refused at the link.
        using var other = await portal.ApplicantAsync();
        using var taker = await portal.ApplicantAsync();
        Assert.Equal(HttpStatusCode.Accepted, (await taker.Client.PostAsJsonAsync("/api/auth/manage/email", new { newEmail = other.Email, currentPassword = taker.Password })).StatusCode);
        var takenLink = (await MailsToAsync(other.Email)).Single(m => m.Subject == Say.Id("Email.Account.EmailLink.Subject"));
        var takenQuery = new Uri(System.Text.RegularExpressions.Regex.Match(takenLink.TextBody ?? string.Empty, @"https?://\S+/akun/ganti-email\?\S+").Value).Query;
        await Problems.AssertAsync(await portal.Client.PostAsync("/api/auth/confirmEmailChange" + takenQuery, null), HttpStatusCode.Conflict, "email_taken");
        Assert.False(string.IsNullOrEmpty(await Accounts.LoginAsync(portal.Client, taker.Email, taker.Password)));

        using var officer = await portal.StaffAsync(Api.Infrastructure.Auth.Roles.Officer);
        await Problems.AssertAsync(await officer.Client.PostAsJsonAsync("/api/auth/manage/email", new { newEmail = $"lain-{Guid.NewGuid():N}@example.com", currentPassword = officer.Password }), HttpStatusCode.Forbidden, "forbidden");
    }

    private async Task<IReadOnlyList<MimeKit.MimeMessage>> MailsToAsync(string address)
    {
        await Eventually.TrueAsync(() => portal.Smtp.ReceivedEmail.Any(m => m.ToAddresses.Any(a => a.Address == address)), $"an e-mail to {address} arrives");
        var messages = new List<MimeKit.MimeMessage>();
        foreach (var mail in portal.Smtp.ReceivedEmail.Where(m => m.ToAddresses.Any(a => a.Address == address)))
        {
            using var raw = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(mail.Data));
            messages.Add(await MimeKit.MimeMessage.LoadAsync(raw));
        }

        return messages;
    }

    private async Task<MimeKit.MimeMessage> MailToAsync(string address) => Assert.Single(await MailsToAsync(address));

    [Fact]
    public async Task ChangePassword_WithAWrongCurrentOne_IsRefusedAtThatField_FiveLockTheAccount_AndEndThatSignIn()
    {
        using var account = await portal.ApplicantAsync();
        using var elsewhere = portal.Factory.CreateClient();
        await LogInAsync(elsewhere, account.Email, account.Password);

        for (var attempt = 1; attempt <= 5; attempt++)
        {
            var wrong = await account.Client.PostAsJsonAsync("/api/auth/manage/password", new { currentPassword = $"Tebakan-{attempt}-2026", newPassword = NewPassword });
            await Problems.AssertAsync(wrong, HttpStatusCode.BadRequest, "current_password_wrong");
            Assert.NotNull(((await ReadProblemAsync(wrong))["errors"] as JsonObject)!["currentPassword"]);
        }

        // Locked like five wrong passwords at sign-in: the guessing sign-in ended, log-in refuses the right password,
        // and a sign-in made before (which did not guess) is told to wait, with the lockout's length.
        Assert.Equal(HttpStatusCode.Unauthorized, (await account.Client.GetAsync("/api/businesses")).StatusCode);
        await Problems.AssertAsync(await portal.Client.PostAsJsonAsync("/api/auth/login", new { email = account.Email, password = account.Password }), HttpStatusCode.Unauthorized, "unauthorized");
        var locked = await elsewhere.PostAsJsonAsync("/api/auth/manage/password", new { currentPassword = account.Password, newPassword = NewPassword });
        await Problems.AssertAsync(locked, HttpStatusCode.TooManyRequests, "too_many_wrong_passwords");
        Assert.Equal(TimeSpan.FromMinutes(15), locked.Headers.RetryAfter?.Delta);
    }

    [Theory]
    [InlineData("pendek1", "PasswordTooShort")]
    [InlineData("TANPAHURUFKECIL-2026", "PasswordRequiresLower")]
    [InlineData(Accounts.Password, "unchanged")]
    public async Task ChangePassword_ToAPasswordThePolicyRefuses_IsRefusedAtTheNewPassword_AndTheOldOneStands(string newPassword, string why)
    {
        using var account = await portal.ApplicantAsync();

        var refused = await account.Client.PostAsJsonAsync("/api/auth/manage/password", new { currentPassword = account.Password, newPassword });

        await Problems.AssertAsync(refused, HttpStatusCode.BadRequest, "validation_failed");
        var errors = ((await ReadProblemAsync(refused))["errors"] as JsonObject)!;
        Assert.True(errors.ContainsKey("newPassword"), $"{why}: {errors.ToJsonString()}");
        Assert.Equal(HttpStatusCode.OK, (await account.Client.GetAsync("/api/businesses")).StatusCode);
        Assert.False(string.IsNullOrEmpty(await Accounts.LoginAsync(portal.Client, account.Email, account.Password)));
    }

    [Fact]
    public async Task EndOtherSessions_EndsEveryOtherSignInAndItsRefreshToken_ThisOneGoesOn_AndThePasswordStands()
    {
        using var account = await portal.ApplicantAsync();
        using var cafe = portal.Factory.CreateClient();
        var cafeTokens = await LogInAsync(cafe, account.Email, account.Password);
        using var phone = portal.Factory.CreateClient();
        await LogInAsync(phone, account.Email, account.Password);
        using var someoneElse = await portal.ApplicantAsync();

        Assert.Equal(HttpStatusCode.NoContent, (await account.Client.PostAsync("/api/auth/sessions/end-others", null)).StatusCode);

        Assert.Equal(HttpStatusCode.OK, (await account.Client.GetAsync("/api/businesses")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await cafe.GetAsync("/api/businesses")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await phone.GetAsync("/api/businesses")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await portal.Client.PostAsJsonAsync("/api/auth/refresh", new { refreshToken = cafeTokens.RefreshToken })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await someoneElse.Client.GetAsync("/api/businesses")).StatusCode);

        // The account's list of sign-ins says so: this one current, the café's and the phone's ended; nothing of the other account.
        var sessions = (await account.Client.GetFromJsonAsync<JsonArray>("/api/auth/sessions"))!;
        Assert.Equal(3, sessions.Count);
        Assert.Null(Assert.Single(sessions, s => (bool)s!["current"]!)!["endedAt"]);
        Assert.All(sessions.Where(s => !(bool)s!["current"]!), s => Assert.NotNull(s!["endedAt"]));
        Assert.False(string.IsNullOrEmpty(await Accounts.LoginAsync(portal.Client, account.Email, account.Password)));
    }

    private static async Task<Accounts.Tokens> LogInAsync(HttpClient client, string email, string password)
    {
        var response = await client.PostAsJsonAsync("/api/auth/login", new { email, password });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var tokens = (await response.Content.ReadFromJsonAsync<Accounts.Tokens>())!;
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", tokens.AccessToken);
        return tokens;
    }

    private static async Task<JsonObject> ReadProblemAsync(HttpResponseMessage response) =>
        JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
}
