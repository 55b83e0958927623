using System.Net;
using LicensingPortal.Api.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;

namespace LicensingPortal.Api.Tests.Web;

/// <summary>What the pages promise over HTTP: headers, the sign-in cookie's flags, anti-forgery, and no cookie on the API.</summary>
public sealed class PageSecurityTests(SqlitePortal portal) : IClassFixture<SqlitePortal>
{
    [Theory]
    [InlineData("/")]
    [InlineData("/akun/masuk")]
    [InlineData("/cek-izin")]
    [InlineData("/halaman-yang-tidak-ada")]
    public async Task EveryPage_HasAContentSecurityPolicyWithoutInlineScript_AndNosniff(string path)
    {
        var response = await portal.Client.GetAsync(path);

        var policy = string.Join(';', response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("script-src 'self'", policy, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", policy, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", policy, StringComparison.Ordinal);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task AnUnknownAddress_IsTheNotFoundPage_InTheReadersLanguage()
    {
        var response = await portal.Client.GetAsync("/halaman-yang-tidak-ada");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains(Say.Id("Error.NotFound.Title"), await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ApplicantPages_WithoutSigningIn_SendToTheSignInPage_AndBack()
    {
        using var client = portal.Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        var response = await client.GetAsync("/pemohon/permohonan");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/akun/masuk?ReturnUrl=%2Fpemohon%2Fpermohonan", response.Headers.Location!.PathAndQuery);
    }

    [Fact]
    public async Task SigningIn_SetsASecureHttpOnlyLaxCookie_ThatTheApiDoesNotAccept()
    {
        using var account = await Accounts.CreateAsync(portal.Factory, Api.Infrastructure.Auth.Roles.Applicant);
        using var client = portal.Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var form = await client.GetStringAsync("/akun/masuk");
        var token = Forms.AntiForgeryToken(form);

        var response = await client.PostAsync("/akun/masuk", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Email"] = account.Email,
            ["Password"] = Accounts.Password,
            ["__RequestVerificationToken"] = token,
        }));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var cookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith(".LicensingPortal.Masuk=", StringComparison.Ordinal));
        Assert.Contains("secure", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=lax", cookie, StringComparison.OrdinalIgnoreCase);

        using var api = new HttpRequestMessage(HttpMethod.Get, "/api/applications");
        api.Headers.Add("Cookie", cookie.Split(';')[0]);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.SendAsync(api)).StatusCode);
    }

    /// <summary>A form answered with an error keeps what was typed, except a password: it is never sent back in a page.</summary>
    [Fact]
    public async Task AWrongPassword_IsNotSentBackInThePageThatRefusesIt_TheEmailIs()
    {
        using var client = portal.Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var token = Forms.AntiForgeryToken(await client.GetStringAsync("/akun/masuk"));
        var email = $"siapa-{Guid.NewGuid():N}@example.com";
        const string typed = "Sandi-Yang-Diketik-7391";

        var response = await client.PostAsync("/akun/masuk", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Email"] = email,
            ["Password"] = typed,
            ["__RequestVerificationToken"] = token,
        }));

        var page = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(Say.Id("Error.SummaryTitle"), page, StringComparison.Ordinal);
        Assert.Contains($"value=\"{email}\"", page, StringComparison.Ordinal);
        Assert.DoesNotContain(typed, page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AFormPostedWithoutItsAntiForgeryToken_IsRefusedWithAPage_NotAFault()
    {
        using var account = await Accounts.CreateAsync(portal.Factory, Api.Infrastructure.Auth.Roles.Applicant);
        using var client = portal.Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        var response = await client.PostAsync("/akun/masuk", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Email"] = account.Email,
            ["Password"] = Accounts.Password,
        }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.False(response.Headers.TryGetValues("Set-Cookie", out var cookies) && cookies.Any(c => c.StartsWith(".LicensingPortal.Masuk=", StringComparison.Ordinal)));
        Assert.Contains(Say.Id("Error.BadRequest.Title"), await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task FilesTooLargeForAPage_AreThePageSayingSo_NotJson()
    {
        // Five phone photos of 10 MB: more than the report form reads (one file over its three, to say that at its field).
        using var form = new MultipartFormDataContent { { new ByteArrayContent(new byte[(int)Api.Features.Integrity.LevyEvidence.RequestLimit]), "Evidence", "foto.jpg" } };

        var response = await portal.Client.PostAsync("/lapor", form);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        var page = await response.Content.ReadAsStringAsync();
        Assert.True(page.Contains(Say.Id("Error.TooLarge.Title"), StringComparison.Ordinal), System.Text.RegularExpressions.Regex.Match(page, "<h1[^>]*>[^<]*</h1>").Value);
    }
}
