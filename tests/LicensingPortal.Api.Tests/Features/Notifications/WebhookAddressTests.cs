using System.Net;
using System.Net.Http.Json;
using LicensingPortal.Api.Features.Me;
using LicensingPortal.Api.Infrastructure.Webhooks;
using LicensingPortal.Api.Tests.Features.Applications;
using LicensingPortal.Api.Tests.Infrastructure;

namespace LicensingPortal.Api.Tests.Features.Notifications;

/// <summary>Webhooks go only to public HTTPS addresses unless configured otherwise.</summary>
public sealed class WebhookAddressTests(SqlitePortal portal) : IClassFixture<SqlitePortal>
{
    [Theory]
    [InlineData("http://example.com/hook")]
    [InlineData("https://127.0.0.1/hook")]
    [InlineData("https://localhost/hook")]
    [InlineData("https://10.1.2.3/hook")]
    [InlineData("https://172.20.0.1/hook")]
    [InlineData("https://192.168.1.10/hook")]
    [InlineData("https://169.254.169.254/latest/meta-data")]
    [InlineData("https://[::1]/hook")]
    [InlineData("https://[fd00::1]/hook")]
    [InlineData("ftp://example.com/hook")]
    public async Task RegisteringAWebhook_ToAPrivateOrInsecureAddress_Returns400(string url)
    {
        using var applicant = await portal.ApplicantAsync();

        var response = await applicant.Client.PutAsJsonAsync("/api/me/preferences", new SetPreferences.Request("id", true, url), TestJson.Options);

        var problem = await SubmitApplicationTests.AssertProblemAsync(response, HttpStatusCode.BadRequest, "validation_failed");
        Assert.Contains("webhookUrl", problem["errors"]!.AsObject().Select(e => e.Key));
    }

    [Fact]
    public async Task RegisteringAWebhook_ToAPublicHttpsAddress_ReturnsItsSecretOnce()
    {
        using var applicant = await portal.ApplicantAsync();

        var set = await applicant.Client.PutAsJsonAsync("/api/me/preferences", new SetPreferences.Request("en", true, "https://hooks.example.com/kupang"), TestJson.Options);
        var read = await applicant.Client.GetFromJsonAsync<PreferencesResponse>("/api/me/preferences", TestJson.Options);

        var body = (await set.Content.ReadFromJsonAsync<PreferencesResponse>(TestJson.Options))!;
        Assert.Matches("^[0-9a-f]{64}$", body.WebhookSecret);
        Assert.Equal("https://hooks.example.com/kupang", read!.WebhookUrl);
        Assert.Null(read.WebhookSecret);
    }

    [Theory]
    [InlineData("10.0.0.1", true)]
    [InlineData("100.64.0.1", true)]
    [InlineData("127.0.0.1", true)]
    [InlineData("::ffff:192.168.0.1", true)]
    [InlineData("fe80::1", true)]
    [InlineData("8.8.8.8", false)]
    [InlineData("2001:4860:4860::8888", false)]
    public void PrivateAddresses_AreRecognised(string address, bool isPrivate)
    {
        Assert.Equal(isPrivate, WebhookSender.IsPrivate(IPAddress.Parse(address)));
    }

    [Fact]
    public void Signature_IsHmacSha256OfTimestampDotBody()
    {
        var signature = WebhookSender.Sign("secret", "1700000000", "{}");

        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.HMACSHA256.HashData("secret"u8, "1700000000.{}"u8)), signature);
    }
}
