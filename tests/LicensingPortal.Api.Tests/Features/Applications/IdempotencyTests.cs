using System.Net;
using LicensingPortal.Api.Data;
using LicensingPortal.Api.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LicensingPortal.Api.Tests.Features.Applications;

public abstract class IdempotencyTests(Portal portal)
{
    [Fact]
    public async Task FiftyConcurrentPosts_WithOneKey_CreateOneApplication_AndGetFiftyIdenticalResponses()
    {
        using var applicant = await portal.ApplicantAsync();
        var request = await applicant.Client.RestaurantAsync();
        var key = Guid.NewGuid().ToString();

        var responses = await Task.WhenAll(Enumerable.Range(0, 50).Select(async _ =>
        {
            using var response = await applicant.Client.PostKeyedAsync(request, key);
            return (response.StatusCode, Body: await response.Content.ReadAsByteArrayAsync(), response.Headers.Location);
        }));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Created, r.StatusCode));
        Assert.Single(responses.Select(r => Convert.ToBase64String(r.Body)).Distinct());
        Assert.Single(responses.Select(r => r.Location).Distinct());
        await using var scope = portal.Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LicensingDbContext>();
        Assert.Equal(1, await db.Applications.CountAsync(a => a.BusinessId == request.BusinessId));
    }

    [Fact]
    public async Task Repeat_AfterARestart_ReturnsTheFirstResponseByteForByte()
    {
        using var applicant = await portal.ApplicantAsync();
        var request = await applicant.Client.RestaurantAsync();
        var key = Guid.NewGuid().ToString();
        var first = await applicant.Client.PostKeyedAsync(request, key);

        await using var restarted = portal.Create();
        using var client = restarted.CreateClient();
        client.DefaultRequestHeaders.Authorization = applicant.Client.DefaultRequestHeaders.Authorization;
        var again = await client.PostKeyedAsync(request, key);

        Assert.Equal(HttpStatusCode.Created, again.StatusCode);
        Assert.Equal(await first.Content.ReadAsByteArrayAsync(), await again.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task SameKey_WithADifferentBody_Returns422()
    {
        using var applicant = await portal.ApplicantAsync();
        var request = await applicant.Client.RestaurantAsync();
        var key = Guid.NewGuid().ToString();
        await applicant.Client.PostKeyedAsync(request, key);

        var different = await applicant.Client.PostKeyedAsync(request with { Employees = 6 }, key);

        await SubmitApplicationTests.AssertProblemAsync(different, HttpStatusCode.UnprocessableEntity, "idempotency_key_reused");
    }

    [Fact]
    public async Task SameKey_FromAnotherAccount_IsItsOwnRequest()
    {
        using var first = await portal.ApplicantAsync();
        using var second = await portal.ApplicantAsync();
        var key = Guid.NewGuid().ToString();

        var a = await first.Client.PostKeyedAsync(await first.Client.RestaurantAsync(), key);
        var b = await second.Client.PostKeyedAsync(await second.Client.RestaurantAsync(), key);

        Assert.Equal(HttpStatusCode.Created, a.StatusCode);
        Assert.Equal(HttpStatusCode.Created, b.StatusCode);
        Assert.NotEqual(a.Headers.Location, b.Headers.Location);
    }

}

public sealed class IdempotencyTestsOnSqlite(SqlitePortal portal) : IdempotencyTests(portal), IClassFixture<SqlitePortal>;

public sealed class IdempotencyTestsOnPostgres(PostgresPortal portal) : IdempotencyTests(portal), IClassFixture<PostgresPortal>;
