using System.Net;
using Microsoft.AspNetCore.Mvc;

namespace LicensingPortal.Api.Tests.Infrastructure;

/// <summary>Reads an error answer: its status, that it is problem+json, and its stable error code.</summary>
public static class Problems
{
    public static async Task<ProblemDetails> AssertAsync(HttpResponseMessage response, HttpStatusCode status, string errorCode)
    {
        ArgumentNullException.ThrowIfNull(response);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"Expected {(int)status}, got {(int)response.StatusCode}: {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        var problem = System.Text.Json.JsonSerializer.Deserialize<ProblemDetails>(text, TestJson.Options)!;
        Assert.Equal(errorCode, problem.Extensions["errorCode"]!.ToString());
        return problem;
    }
}
