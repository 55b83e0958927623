using System.Security.Claims;
using LicensingPortal.Api.Features.Accounts;
using LicensingPortal.Api.Features.Applications;
using LicensingPortal.Api.Features.Businesses;
using LicensingPortal.Api.Features.Documents;
using LicensingPortal.Api.Features.Inspections;
using LicensingPortal.Api.Features.Integrity;
using LicensingPortal.Api.Features.Me;
using LicensingPortal.Api.Features.Objections;
using LicensingPortal.Api.Features.Permits;
using LicensingPortal.Api.Features.Questions;
using LicensingPortal.Api.Infrastructure;
using LicensingPortal.Api.Infrastructure.Auth;
using LicensingPortal.Rules.Model;

namespace LicensingPortal.Api.Composed;

/// <summary>
/// A copy of everything the service holds about the signed-in applicant (UU 27/2022 on personal data protection gives
/// everyone the right to one): the account and how it is notified, the businesses, every application sent with its
/// answers and decision, drafts not sent yet, permits, uploaded documents (their details; each file downloads on its
/// own), the inbox, the sign-ins, the reports of demands for money made while signed in, the objections to refusals and
/// the questions asked of the office, with their answers. Each part is the answer of the use case that shows it elsewhere, so the copy says
/// what the pages and the API say, identifiers masked as everywhere. The pages offer it as a workbook, the API as JSON.
/// Made of other features' use cases, it lives above them, where features may be used (ADR 0027).
/// </summary>
public static class ExportMyData
{
    /// <summary>The account's id is the signed-in principal's; the principal also tells which sign-in is this one.</summary>
    public sealed record Query(ClaimsPrincipal Account, Language Language) : IQuery<Result<Response>>
    {
        public Guid UserId => Account.UserId();
    }

    public sealed record Response(
        DateTimeOffset MadeAt,
        GetAccountInfo.Response Account,
        PreferencesResponse Preferences,
        IReadOnlyList<BusinessResponse> Businesses,
        IReadOnlyList<ApplicationResponse> Applications,
        IReadOnlyList<ApplicationDraftView> Drafts,
        IReadOnlyList<PermitResponse> Permits,
        IReadOnlyList<DocumentResponse> Documents,
        IReadOnlyList<ListNotifications.Item> Notifications,
        IReadOnlyList<ListMySessions.Item> SignIns,
        IReadOnlyList<LevyReportView> LevyReports,
        IReadOnlyList<ObjectionView> Objections,
        IReadOnlyList<QuestionView> Questions,
        IReadOnlyList<ListMyInspections.Item> Inspections);

    public sealed class Handler(ISender sender, TimeProvider time) : IQueryHandler<Query, Result<Response>>
    {
        public async ValueTask<Result<Response>> Handle(Query query, CancellationToken cancellationToken)
        {
            var account = await sender.Send(new GetAccountInfo.Query(query.UserId), cancellationToken);
            var preferences = await sender.Send(new GetPreferences.Query(query.UserId), cancellationToken);
            var businesses = await sender.Send(new ListBusinesses.Query(query.UserId), cancellationToken);
            var sent = await sender.Send(new ListApplications.Query(query.UserId), cancellationToken);
            var drafts = await sender.Send(new ListApplicationDrafts.Query(query.UserId, All: true), cancellationToken);
            var permits = await sender.Send(new ListPermits.Query(query.UserId, query.Language), cancellationToken);
            var documents = await sender.Send(new ListDocuments.Query(query.UserId, All: true), cancellationToken);
            var notifications = await sender.Send(new ListNotifications.Query(query.UserId, UnreadOnly: false, All: true, Language: query.Language), cancellationToken);
            if (new[] { account.Error, preferences.Error, businesses.Error, sent.Error, drafts.Error, permits.Error, documents.Error, notifications.Error }.FirstOrDefault(e => e is not null) is { } failed)
            {
                return failed;
            }

            var applications = new List<ApplicationResponse>();
            foreach (var summary in sent.Value)
            {
                var application = await sender.Send(new GetApplication.Query(query.UserId, summary.Id, query.Language), cancellationToken);
                if (!application.Succeeded)
                {
                    return application.Error!;
                }

                applications.Add(application.Value);
            }

            var signIns = await sender.Send(new ListMySessions.Query(query.Account), cancellationToken);
            if (!signIns.Succeeded)
            {
                return signIns.Error!;
            }

            var levyReports = await sender.Send(new ListMyLevyReports.Query(query.UserId), cancellationToken);
            if (!levyReports.Succeeded)
            {
                return levyReports.Error!;
            }

            var objections = await sender.Send(new ListMyObjections.Query(query.UserId, query.Language), cancellationToken);
            if (!objections.Succeeded)
            {
                return objections.Error!;
            }

            var questions = await sender.Send(new ListMyQuestions.Query(query.UserId), cancellationToken);
            if (!questions.Succeeded)
            {
                return questions.Error!;
            }

            var inspections = await sender.Send(new ListMyInspections.Query(query.UserId), cancellationToken);
            if (!inspections.Succeeded)
            {
                return inspections.Error!;
            }

            return new Response(
                time.GetUtcNow(), account.Value, preferences.Value, businesses.Value, applications, drafts.Value, permits.Value, documents.Value, notifications.Value, signIns.Value, levyReports.Value, objections.Value, questions.Value, inspections.Value);
        }
    }

    public static RouteHandlerBuilder Map(IEndpointRouteBuilder routes) =>
        routes.MapGet("/data", async Task<Results<Ok<Response>, ProblemHttpResult>> (ClaimsPrincipal user, HttpContext http, ISender sender, CancellationToken cancellationToken) =>
            {
                var language = RequestLanguage.From(http);
                RequestLanguage.SetContentLanguage(http, language);
                // A copy of one's personal data is not kept by a browser or a proxy on the way.
                http.Response.Headers.CacheControl = "private, no-store";
                return (await sender.Send(new Query(user, language), cancellationToken)).ToOk();
            })
            .WithName("ExportMyData")
            .WithSummary("A copy of everything the service holds about you: account, businesses, applications with their answers and decisions, drafts, permits, documents' details, inbox, sign-ins, reports of demands for money, objections to refusals and questions to the office.");
}
