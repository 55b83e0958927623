using System.Net;
using System.Net.Http.Json;
using LicensingPortal.Api.Domain;
using LicensingPortal.Api.Features.Applications;
using LicensingPortal.Api.Tests.Infrastructure;

namespace LicensingPortal.Api.Tests.Features.Applications;

public abstract class ResubmissionTests(Portal portal)
{
    [Fact]
    public async Task RejectedApplication_CorrectedAndResubmitted_IsLinkedAndShowsWhatChanged()
    {
        using var applicant = await portal.ApplicantAsync();
        var request = await applicant.Client.RestaurantAsync();
        var rejected = await applicant.Client.SubmitAsync(request with { Declarations = [], Employees = 0 });
        Assert.Equal("rejected", rejected.Decision!.Outcome);

        var response = await applicant.Client.PostAsJsonAsync($"/api/applications/{rejected.Id}/resubmission", request, TestJson.Options);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var corrected = (await response.Content.ReadFromJsonAsync<ApplicationResponse>(TestJson.Options))!;
        Assert.Equal("approved", corrected.Decision!.Outcome);
        Assert.Equal(rejected.Id, corrected.Resubmission!.PreviousApplicationId);
        Assert.Equal(
            [new FieldChange("declarations", string.Empty, "kebenaran-data"), new FieldChange("employees", "0", "5")],
            corrected.Resubmission.Changes.OrderBy(c => c.Field, StringComparer.Ordinal));

        var original = await applicant.Client.GetFromJsonAsync<ApplicationResponse>($"/api/applications/{rejected.Id}", TestJson.Options);
        Assert.Equal(corrected.Id, original!.Resubmission!.ResubmittedAsId);
        var reread = await applicant.Client.GetFromJsonAsync<ApplicationResponse>($"/api/applications/{corrected.Id}", TestJson.Options);
        Assert.Equal(corrected.Resubmission.Changes, reread!.Resubmission!.Changes);
    }

    [Fact]
    public async Task ApprovedApplication_CannotBeResubmitted_Returns409()
    {
        using var applicant = await portal.ApplicantAsync();
        var request = await applicant.Client.RestaurantAsync();
        var approved = await applicant.Client.SubmitAsync(request);

        var response = await applicant.Client.PostAsJsonAsync($"/api/applications/{approved.Id}/resubmission", request, TestJson.Options);

        await SubmitApplicationTests.AssertProblemAsync(response, HttpStatusCode.Conflict, "application_not_resubmittable");
    }

    [Fact]
    public async Task RejectedApplication_ResubmittedTwice_SecondTimeReturns409()
    {
        using var applicant = await portal.ApplicantAsync();
        var request = await applicant.Client.RestaurantAsync();
        var rejected = await applicant.Client.SubmitAsync(request with { Declarations = [] });
        await applicant.Client.PostAsJsonAsync($"/api/applications/{rejected.Id}/resubmission", request with { Declarations = [] }, TestJson.Options);

        var again = await applicant.Client.PostAsJsonAsync($"/api/applications/{rejected.Id}/resubmission", request, TestJson.Options);

        await SubmitApplicationTests.AssertProblemAsync(again, HttpStatusCode.Conflict, "application_not_resubmittable");
    }

    [Fact]
    public async Task AnotherApplicantsApplication_CannotBeResubmitted_Returns404()
    {
        using var first = await portal.ApplicantAsync();
        using var second = await portal.ApplicantAsync();
        var rejected = await first.Client.SubmitAsync(await first.Client.RestaurantAsync() with { Declarations = [] });

        var response = await second.Client.PostAsJsonAsync($"/api/applications/{rejected.Id}/resubmission", await second.Client.RestaurantAsync(), TestJson.Options);

        await SubmitApplicationTests.AssertProblemAsync(response, HttpStatusCode.NotFound, "application_not_found");
    }
}

public sealed class ResubmissionTestsOnSqlite(SqlitePortal portal) : ResubmissionTests(portal), IClassFixture<SqlitePortal>;

public sealed class ResubmissionTestsOnPostgres(PostgresPortal portal) : ResubmissionTests(portal), IClassFixture<PostgresPortal>;
