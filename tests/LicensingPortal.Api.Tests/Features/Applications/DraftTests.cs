using System.Net;
using System.Net.Http.Json;
using LicensingPortal.Api.Data;
using LicensingPortal.Api.Domain;
using LicensingPortal.Api.Features.Applications;
using LicensingPortal.Api.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LicensingPortal.Api.Tests.Features.Applications;

/// <summary>An application filled in a page at a time (as the web journey does), kept between pages, and sent once.</summary>
public abstract class DraftTests(Portal portal)
{
    [Fact]
    public async Task Draft_AnsweredPageByPage_ThenSent_IsDecidedLikeASubmission()
    {
        using var applicant = await portal.ApplicantAsync();
        var request = await applicant.Client.RestaurantAsync();
        var draft = await StartAsync(applicant.Client, new StartApplicationDraft.Request(request.BusinessId, null));

        foreach (var step in ApplicationSteps.All)
        {
            draft = await SaveAsync(applicant.Client, draft.Id, step, request);
        }

        Assert.True(draft.IsComplete);
        Assert.Equal(Json(request), Json(draft.Answers));
        Assert.Null(draft.StartedFrom);
        var sent = await applicant.Client.PostAsync($"/api/applications/drafts/{draft.Id}/submission", null);
        Assert.Equal(HttpStatusCode.Created, sent.StatusCode);
        var application = (await sent.Content.ReadFromJsonAsync<ApplicationResponse>(TestJson.Options))!;
        Assert.Equal("approved", application.Decision!.Outcome);
        var reread = await applicant.Client.GetFromJsonAsync<ApplicationDraftView>($"/api/applications/drafts/{draft.Id}", TestJson.Options);
        Assert.Equal(application.Id, reread!.SubmittedApplicationId);
        Assert.DoesNotContain(await applicant.Client.GetFromJsonAsync<List<ApplicationDraftView>>("/api/applications/drafts", TestJson.Options) ?? [], d => d.Id == draft.Id);
    }

    [Fact]
    public async Task SavingAPage_ChecksOnlyThatPagesFields_WithTheSubmissionsMessages()
    {
        using var applicant = await portal.ApplicantAsync();
        var request = await applicant.Client.RestaurantAsync();
        var draft = await StartAsync(applicant.Client, new StartApplicationDraft.Request(request.BusinessId, null));

        var response = await applicant.Client.PutAsJsonAsync(
            $"/api/applications/drafts/{draft.Id}/answers/{ApplicationSteps.Location}",
            request with { Location = request.Location with { Address = string.Empty, Latitude = 95 }, Kbli = ["abc"] },
            TestJson.Options);

        var problem = await SubmitApplicationTests.AssertProblemAsync(response, HttpStatusCode.BadRequest, "validation_failed");
        Assert.Equal(["location.address", "location.latitude"], problem["errors"]!.AsObject().Select(e => e.Key).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Correction_StartsFromEverythingTheRejectedApplicationStated_AndIsSentAsItsResubmission()
    {
        using var applicant = await portal.ApplicantAsync();
        var request = await applicant.Client.RestaurantAsync() with
        {
            Location = new LocationRequest("Fatululi", "Jl. Frans Seda No. 12", -10.1612m, 123.6187m, [new(-10.16m, 123.61m), new(-10.16m, 123.62m), new(-10.17m, 123.62m)]),
        };
        var rejected = await applicant.Client.SubmitAsync(request with { Declarations = [] });

        var draft = await StartAsync(applicant.Client, new StartApplicationDraft.Request(null, rejected.Id));
        var stated = request with
        {
            Location = request.Location with { Kelurahan = "5371041001" },
            PlannedStartDate = rejected.SubmissionDate,
            Declarations = [],
            AnnualSales = 0,
        };
        Assert.Equal(Json(stated), Json(draft.Answers));
        Assert.True(draft.IsComplete);
        // What it started from is kept as it was while the answers change, so the changes can be shown.
        var saved = await SaveAsync(applicant.Client, draft.Id, ApplicationSteps.Declarations, draft.Answers with { Declarations = ["kebenaran-data"] });
        Assert.Equal(Json(stated), Json(saved.StartedFrom!));
        Assert.Equal(["kebenaran-data"], saved.Answers.Declarations);
        var sent = await applicant.Client.PostAsync($"/api/applications/drafts/{draft.Id}/submission", null);

        var corrected = (await sent.Content.ReadFromJsonAsync<ApplicationResponse>(TestJson.Options))!;
        Assert.Equal("approved", corrected.Decision!.Outcome);
        Assert.Equal(rejected.Id, corrected.Resubmission!.PreviousApplicationId);
        Assert.Equal([new FieldChange("declarations", string.Empty, "kebenaran-data")], corrected.Resubmission.Changes);
    }

    [Fact]
    public async Task Draft_SentTwentyTimesAtOnce_MakesOneApplication()
    {
        using var applicant = await portal.ApplicantAsync();
        var request = await applicant.Client.RestaurantAsync();
        var draft = await StartAsync(applicant.Client, new StartApplicationDraft.Request(request.BusinessId, null));
        await SaveAsync(applicant.Client, draft.Id, ApplicationSteps.Documents, request);

        var answers = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => applicant.Client.PostAsync($"/api/applications/drafts/{draft.Id}/submission", null)));

        Assert.All(answers, answer => Assert.Equal(HttpStatusCode.Created, answer.StatusCode));
        var ids = await Task.WhenAll(answers.Select(async a => (await a.Content.ReadFromJsonAsync<ApplicationResponse>(TestJson.Options))!.Id));
        Assert.Single(ids.Distinct());
        await using var scope = portal.Factory.Services.CreateAsyncScope();
        Assert.Equal(1, await scope.ServiceProvider.GetRequiredService<LicensingDbContext>().Applications.CountAsync(a => a.BusinessId == request.BusinessId));
    }

    [Fact]
    public async Task AnotherApplicantsDraft_Returns404_ToReadSaveOrSend()
    {
        using var owner = await portal.ApplicantAsync();
        using var stranger = await portal.ApplicantAsync();
        var draft = await StartAsync(owner.Client, new StartApplicationDraft.Request(null, null));

        await SubmitApplicationTests.AssertProblemAsync(await stranger.Client.GetAsync($"/api/applications/drafts/{draft.Id}"), HttpStatusCode.NotFound, "draft_not_found");
        await SubmitApplicationTests.AssertProblemAsync(await stranger.Client.PutAsJsonAsync($"/api/applications/drafts/{draft.Id}/answers/{ApplicationSteps.Declarations}", draft.Answers, TestJson.Options), HttpStatusCode.NotFound, "draft_not_found");
        await SubmitApplicationTests.AssertProblemAsync(await stranger.Client.PostAsync($"/api/applications/drafts/{draft.Id}/submission", null), HttpStatusCode.NotFound, "draft_not_found");
    }

    /// <summary>
    /// A draft not sent is deleted by its owner (its documents stay theirs) and is gone from the list; a sent one is
    /// kept as the record of its sending (409); another applicant's is not found, and stays.
    /// </summary>
    [Fact]
    public async Task ADraftNotSent_IsDeleted_ASentOneIsKept_AnothersIsNotFound()
    {
        using var owner = await portal.ApplicantAsync();
        using var stranger = await portal.ApplicantAsync();
        var request = await owner.Client.RestaurantAsync();
        var unwanted = await StartAsync(owner.Client, new StartApplicationDraft.Request(request.BusinessId, null));
        await SaveAsync(owner.Client, unwanted.Id, ApplicationSteps.Documents, request);

        await SubmitApplicationTests.AssertProblemAsync(await stranger.Client.DeleteAsync($"/api/applications/drafts/{unwanted.Id}"), HttpStatusCode.NotFound, "draft_not_found");
        Assert.Equal(HttpStatusCode.OK, (await owner.Client.GetAsync($"/api/applications/drafts/{unwanted.Id}")).StatusCode);

        Assert.Equal(HttpStatusCode.NoContent, (await owner.Client.DeleteAsync($"/api/applications/drafts/{unwanted.Id}")).StatusCode);
        await SubmitApplicationTests.AssertProblemAsync(await owner.Client.GetAsync($"/api/applications/drafts/{unwanted.Id}"), HttpStatusCode.NotFound, "draft_not_found");
        Assert.DoesNotContain(await owner.Client.GetFromJsonAsync<List<ApplicationDraftView>>("/api/applications/drafts", TestJson.Options) ?? [], d => d.Id == unwanted.Id);
        // A second press finds nothing left to delete; the documents it named are still the owner's.
        await SubmitApplicationTests.AssertProblemAsync(await owner.Client.DeleteAsync($"/api/applications/drafts/{unwanted.Id}"), HttpStatusCode.NotFound, "draft_not_found");
        Assert.NotEmpty(request.DocumentIds!);
        foreach (var id in request.DocumentIds!)
        {
            Assert.Equal(HttpStatusCode.OK, (await owner.Client.GetAsync($"/api/documents/{id}")).StatusCode);
        }

        var sent = await StartAsync(owner.Client, new StartApplicationDraft.Request(request.BusinessId, null));
        await SaveAsync(owner.Client, sent.Id, ApplicationSteps.Documents, request);
        Assert.Equal(HttpStatusCode.Created, (await owner.Client.PostAsync($"/api/applications/drafts/{sent.Id}/submission", null)).StatusCode);
        await SubmitApplicationTests.AssertProblemAsync(await owner.Client.DeleteAsync($"/api/applications/drafts/{sent.Id}"), HttpStatusCode.Conflict, "draft_already_submitted");
        Assert.NotNull((await owner.Client.GetFromJsonAsync<ApplicationDraftView>($"/api/applications/drafts/{sent.Id}", TestJson.Options))!.SubmittedApplicationId);
    }

    /// <summary>
    /// A document is attached to a draft not sent, once however often it is asked, without marking the documents page
    /// done; not another applicant's document, not to another's draft, not to a sent one.
    /// </summary>
    [Fact]
    public async Task ADocument_IsAttachedToADraftNotSent_Once_AndOnlyOnesOwn()
    {
        using var owner = await portal.ApplicantAsync();
        using var stranger = await portal.ApplicantAsync();
        var request = await owner.Client.RestaurantAsync();
        var draft = await StartAsync(owner.Client, new StartApplicationDraft.Request(request.BusinessId, null));
        var ktp = Assert.Single(request.DocumentIds!);
        var theirs = await stranger.Client.UploadAsync();
        var address = $"/api/applications/drafts/{draft.Id}/documents";

        var attached = await owner.Client.PostAsJsonAsync(address, new AttachDocumentToDraft.Request(ktp), TestJson.Options);
        Assert.Equal(HttpStatusCode.OK, attached.StatusCode);
        var view = (await attached.Content.ReadFromJsonAsync<ApplicationDraftView>(TestJson.Options))!;
        Assert.Equal([ktp], view.Answers.DocumentIds);
        Assert.DoesNotContain(ApplicationSteps.Documents, view.CompletedSteps);
        var again = (await (await owner.Client.PostAsJsonAsync(address, new AttachDocumentToDraft.Request(ktp), TestJson.Options)).Content.ReadFromJsonAsync<ApplicationDraftView>(TestJson.Options))!;
        Assert.Equal([ktp], again.Answers.DocumentIds);

        await SubmitApplicationTests.AssertProblemAsync(await owner.Client.PostAsJsonAsync(address, new AttachDocumentToDraft.Request(theirs), TestJson.Options), HttpStatusCode.NotFound, "document_not_found");
        await SubmitApplicationTests.AssertProblemAsync(await stranger.Client.PostAsJsonAsync(address, new AttachDocumentToDraft.Request(theirs), TestJson.Options), HttpStatusCode.NotFound, "draft_not_found");
        await SubmitApplicationTests.AssertProblemAsync(await owner.Client.PostAsJsonAsync(address, new AttachDocumentToDraft.Request(Guid.Empty), TestJson.Options), HttpStatusCode.BadRequest, "validation_failed");
        Assert.Equal([ktp], (await owner.Client.GetFromJsonAsync<ApplicationDraftView>($"/api/applications/drafts/{draft.Id}", TestJson.Options))!.Answers.DocumentIds);

        foreach (var step in ApplicationSteps.All)
        {
            await SaveAsync(owner.Client, draft.Id, step, request);
        }

        Assert.Equal(HttpStatusCode.Created, (await owner.Client.PostAsync($"/api/applications/drafts/{draft.Id}/submission", null)).StatusCode);
        var other = await owner.Client.UploadAsync();
        await SubmitApplicationTests.AssertProblemAsync(await owner.Client.PostAsJsonAsync(address, new AttachDocumentToDraft.Request(other), TestJson.Options), HttpStatusCode.Conflict, "draft_already_submitted");
    }

    /// <summary>
    /// A draft overtaken by an application approved since, for the same business and activities, says so in the list
    /// (likely no longer needed); one for other activities, or changed after the approval, does not.
    /// </summary>
    [Fact]
    public async Task ADraftOvertakenByAnApproval_SaysSoInTheList()
    {
        using var owner = await portal.ApplicantAsync();
        var request = await owner.Client.RestaurantAsync();
        var same = await StartAsync(owner.Client, new StartApplicationDraft.Request(request.BusinessId, null));
        await SaveAsync(owner.Client, same.Id, ApplicationSteps.Activities, request);
        var other = await StartAsync(owner.Client, new StartApplicationDraft.Request(request.BusinessId, null));
        await SaveAsync(owner.Client, other.Id, ApplicationSteps.Activities, request with { Kbli = ["47111"] });
        Assert.All(await owner.Client.GetFromJsonAsync<List<ApplicationDraftView>>("/api/applications/drafts", TestJson.Options) ?? [], d => Assert.Null(d.OvertakenAt));

        var approved = await owner.Client.SubmitAsync(request);
        Assert.Equal("approved", approved.Decision!.Outcome);

        var listed = (await owner.Client.GetFromJsonAsync<List<ApplicationDraftView>>("/api/applications/drafts", TestJson.Options))!;
        Assert.NotNull(listed.Single(d => d.Id == same.Id).OvertakenAt);
        Assert.Null(listed.Single(d => d.Id == other.Id).OvertakenAt);
        // Changed after the approval: the owner is working on it, and it is not called unneeded.
        await SaveAsync(owner.Client, same.Id, ApplicationSteps.Location, request);
        Assert.Null((await owner.Client.GetFromJsonAsync<List<ApplicationDraftView>>("/api/applications/drafts", TestJson.Options))!.Single(d => d.Id == same.Id).OvertakenAt);
    }

    private static string Json(ApplicationRequest request) => System.Text.Json.JsonSerializer.Serialize(request, TestJson.Options);

    private static async Task<ApplicationDraftView> StartAsync(HttpClient client, StartApplicationDraft.Request request)
    {
        var response = await client.PostAsJsonAsync("/api/applications/drafts", request, TestJson.Options);
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<ApplicationDraftView>(TestJson.Options))!;
    }

    private static async Task<ApplicationDraftView> SaveAsync(HttpClient client, Guid id, string step, ApplicationRequest answers)
    {
        var response = await client.PutAsJsonAsync($"/api/applications/drafts/{id}/answers/{step}", answers, TestJson.Options);
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<ApplicationDraftView>(TestJson.Options))!;
    }
}

public sealed class DraftTestsOnSqlite(SqlitePortal portal) : DraftTests(portal), IClassFixture<SqlitePortal>;

public sealed class DraftTestsOnPostgres(PostgresPortal portal) : DraftTests(portal), IClassFixture<PostgresPortal>;
