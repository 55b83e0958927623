using System.Net.Http.Json;
using LicensingPortal.Api.Domain;
using LicensingPortal.Api.Features.Applications;
using LicensingPortal.Api.Features.Businesses;
using LicensingPortal.Api.Features.Documents;

namespace LicensingPortal.Api.Tests.Infrastructure;

/// <summary>Request bodies that pass every requirement, to be varied one field at a time.</summary>
public static class Builders
{
    public static RegisterBusiness.Request SoleProprietor(string name = "Warung Se'i Oma Maria") => new(
        name,
        LegalForm.Perorangan,
        InvestmentType.Pmdn,
        new RegisterBusiness.OwnerRequest("Maria Ndolu", "5371044107850003", null),
        "Jl. Frans Seda No. 12, Fatululi, Oebobo, Kota Kupang",
        "maria.ndolu@example.com",
        "+62 812 3456 7890");

    /// <summary>A tiny but real PDF: its first bytes make it one, whatever it is called.</summary>
    public static byte[] Pdf { get; } = System.Text.Encoding.ASCII.GetBytes("%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n");

    /// <summary>A real PNG of one pixel, as a phone's screenshot is a PNG.</summary>
    public static byte[] Png { get; } = Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==");

    public static async Task<Guid> UploadAsync(this HttpClient client, string kind = "ktp", byte[]? content = null, string fileName = "ktp.pdf", string contentType = "application/pdf")
    {
        using var response = await client.PostAsync("/api/documents", Form(kind, content ?? Pdf, fileName, contentType));
        Assert.True(response.StatusCode == System.Net.HttpStatusCode.Created, $"Upload failed: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return (await response.Content.ReadFromJsonAsync<DocumentResponse>(TestJson.Options))!.Id;
    }

    public static MultipartFormDataContent Form(string kind, byte[] content, string fileName, string contentType)
    {
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(contentType);
        return new MultipartFormDataContent { { file, "file", fileName }, { new StringContent(kind), "kind" } };
    }

    /// <summary>A business of the client's account, and an uploaded KTP: all a restaurant application needs.</summary>
    public static async Task<(Guid BusinessId, Guid KtpId)> PrepareRestaurantAsync(this HttpClient client) =>
        (await client.RegisterBusinessAsync(), await client.UploadAsync());

    public static async Task<ApplicationRequest> RestaurantAsync(this HttpClient client)
    {
        var (businessId, ktp) = await client.PrepareRestaurantAsync();
        return Restaurant(businessId, ktp);
    }

    public static ApplicationRequest Restaurant(Guid businessId, Guid? ktp = null) => new(
        businessId,
        "PB",
        ["56101"],
        new LocationRequest("Fatululi", "Jl. Frans Seda No. 12, RT 005/RW 002", -10.1612m, 123.6187m),
        150,
        90,
        new InvestmentRequest(0, 0, 120_000_000, 60_000_000),
        5,
        null,
        ["kebenaran-data"],
        "SPPL",
        "PBG-537104-2025-00187",
        ktp is { } document ? [document] : []);

    public static async Task<Guid> RegisterBusinessAsync(this HttpClient client, RegisterBusiness.Request? request = null)
    {
        var response = await client.PostAsJsonAsync("/api/businesses", request ?? SoleProprietor(), TestJson.Options);
        response.EnsureSuccessStatusCode();
        var body = await response.Content.ReadFromJsonAsync<BusinessResponse>(TestJson.Options);
        return body!.Id;
    }

    public static async Task<ApplicationResponse> SubmitAsync(this HttpClient client, ApplicationRequest request)
    {
        var response = await client.PostAsJsonAsync("/api/applications", request, TestJson.Options);
        Assert.True(response.StatusCode == System.Net.HttpStatusCode.Created, $"Expected 201, got {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return (await response.Content.ReadFromJsonAsync<ApplicationResponse>(TestJson.Options))!;
    }

    /// <summary>POSTs an application body with an Idempotency-Key, as the README tells integrators to; the answer is the caller's to read.</summary>
    public static Task<HttpResponseMessage> PostKeyedAsync(this HttpClient client, object body, string key) => client.PostJsonAsync("/api/applications", body, key);

    /// <summary>POSTs a JSON body, with an Idempotency-Key when one is given.</summary>
    public static async Task<HttpResponseMessage> PostJsonAsync(this HttpClient client, string path, object? body, string? key)
    {
        using var message = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body, options: TestJson.Options) };
        if (key is not null)
        {
            message.Headers.Add("Idempotency-Key", key);
        }

        return await client.SendAsync(message);
    }

    /// <summary>A keyed submission's status and the exact bytes of its answer (a retry must answer the same bytes).</summary>
    public static async Task<(System.Net.HttpStatusCode Status, byte[] Body)> SubmitKeyedAsync(this HttpClient client, ApplicationRequest request, string key)
    {
        using var response = await client.PostKeyedAsync(request, key);
        return (response.StatusCode, await response.Content.ReadAsByteArrayAsync());
    }

    /// <summary>A decision notice raised straight into the outbox (no job is queued for it), as a submission raises one.</summary>
    public static OutboxMessage DecisionNotice(Guid applicationId, Guid recipientId, string channel = NotificationChannels.Email) =>
        OutboxMessage.Raise(NoticeKind.DecisionMade, channel, applicationId, recipientId, System.Text.Json.JsonSerializer.Serialize(new Shared.DecisionPayload([]), Json.Options), DateTimeOffset.UtcNow);
}

public static class TestJson
{
    public static System.Text.Json.JsonSerializerOptions Options { get; } = global::LicensingPortal.Api.Domain.Json.Configure(new System.Text.Json.JsonSerializerOptions(System.Text.Json.JsonSerializerDefaults.Web));
}
