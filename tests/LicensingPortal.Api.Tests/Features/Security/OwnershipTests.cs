using System.Net;
using System.Net.Http.Json;
using LicensingPortal.Api.Tests.Features.Applications;
using LicensingPortal.Api.Tests.Infrastructure;

namespace LicensingPortal.Api.Tests.Features.Security;

/// <summary>An applicant never sees another applicant's data: every object of someone else answers 404, never 403.</summary>
public abstract class OwnershipTests(Portal portal)
{
    [Fact]
    public async Task SecondApplicant_Gets404_OnTheFirstOnesBusinessApplicationDocumentAndPermit()
    {
        using var first = await portal.ApplicantAsync();
        using var second = await portal.ApplicantAsync();
        var request = await first.Client.RestaurantAsync();
        var application = await first.Client.SubmitAsync(request);
        var document = request.DocumentIds![0];
        var permit = Assert.Single(application.Permits).Number;

        string[] theirs =
        [
            $"/api/businesses/{request.BusinessId}",
            $"/api/applications/{application.Id}",
            $"/api/documents/{document}",
            $"/api/documents/{document}/content",
            $"/api/permits/{permit}",
            $"/api/permits/{permit}/document",
        ];
        foreach (var path in theirs)
        {
            Assert.Equal(HttpStatusCode.OK, (await first.Client.GetAsync(path)).StatusCode);
            var response = await second.Client.GetAsync(path);
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            Assert.DoesNotContain("Maria", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        Assert.Empty((await second.Client.GetFromJsonAsync<List<object>>("/api/applications"))!);
        Assert.Empty((await second.Client.GetFromJsonAsync<List<object>>("/api/permits"))!);
    }

    [Fact]
    public async Task SecondApplicant_CannotApplyForTheFirstOnesBusiness_OrAttachTheirDocuments()
    {
        using var first = await portal.ApplicantAsync();
        using var second = await portal.ApplicantAsync();
        var theirs = await first.Client.RestaurantAsync();
        var (myBusiness, _) = await second.Client.PrepareRestaurantAsync();

        var onTheirBusiness = await second.Client.PostAsJsonAsync("/api/applications", theirs, TestJson.Options);
        var withTheirDocument = await second.Client.PostAsJsonAsync("/api/applications", theirs with { BusinessId = myBusiness }, TestJson.Options);

        await SubmitApplicationTests.AssertProblemAsync(onTheirBusiness, HttpStatusCode.NotFound, "business_not_found");
        await SubmitApplicationTests.AssertProblemAsync(withTheirDocument, HttpStatusCode.NotFound, "document_not_found");
    }
}

public sealed class OwnershipTestsOnSqlite(SqlitePortal portal) : OwnershipTests(portal), IClassFixture<SqlitePortal>;

public sealed class OwnershipTestsOnPostgres(PostgresPortal portal) : OwnershipTests(portal), IClassFixture<PostgresPortal>;
