using System.Net.Http.Json;
using LicensingPortal.Api.Domain;
using LicensingPortal.Api.Features.Applications;
using LicensingPortal.Api.Features.Businesses;

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

    public static SubmitApplication.Request Restaurant(Guid businessId) => new(
        businessId,
        "PB",
        ["56101"],
        new SubmitApplication.LocationRequest("Fatululi", "Jl. Frans Seda No. 12, RT 005/RW 002", -10.1612m, 123.6187m),
        150,
        90,
        new SubmitApplication.InvestmentRequest(0, 0, 120_000_000, 60_000_000),
        5,
        null,
        ["kebenaran-data"],
        "SPPL",
        "PBG-537104-2025-00187");

    public static async Task<Guid> RegisterBusinessAsync(this HttpClient client, RegisterBusiness.Request? request = null)
    {
        var response = await client.PostAsJsonAsync("/api/businesses", request ?? SoleProprietor(), TestJson.Options);
        response.EnsureSuccessStatusCode();
        var body = await response.Content.ReadFromJsonAsync<RegisterBusiness.Response>(TestJson.Options);
        return body!.Id;
    }

    public static async Task<ApplicationResponse> SubmitAsync(this HttpClient client, SubmitApplication.Request request)
    {
        var response = await client.PostAsJsonAsync("/api/applications", request, TestJson.Options);
        Assert.True(response.StatusCode == System.Net.HttpStatusCode.Created, $"Expected 201, got {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return (await response.Content.ReadFromJsonAsync<ApplicationResponse>(TestJson.Options))!;
    }
}

public static class TestJson
{
    public static System.Text.Json.JsonSerializerOptions Options { get; } = global::LicensingPortal.Api.Infrastructure.Json.Configure(new System.Text.Json.JsonSerializerOptions(System.Text.Json.JsonSerializerDefaults.Web));
}
