using LicensingPortal.Api.Features.Accounts;
using LicensingPortal.Api.Features.Applications;
using LicensingPortal.Api.Features.Audit;
using LicensingPortal.Api.Features.Businesses;
using LicensingPortal.Api.Features.Catalogue;
using LicensingPortal.Api.Features.Documents;
using LicensingPortal.Api.Features.Help;
using LicensingPortal.Api.Features.Holidays;
using LicensingPortal.Api.Features.Integrity;
using LicensingPortal.Api.Features.Me;
using LicensingPortal.Api.Features.Notifications;
using LicensingPortal.Api.Features.Inspections;
using LicensingPortal.Api.Features.Objections;
using LicensingPortal.Api.Features.Permits;
using LicensingPortal.Api.Features.Questions;
using LicensingPortal.Api.Features.Reports;
using LicensingPortal.Api.Features.Transparency;
using LicensingPortal.Api.Infrastructure.Auth;
using LicensingPortal.Api.Infrastructure.Idempotency;
using Scalar.AspNetCore;

namespace LicensingPortal.Api.Hosting;

/// <summary>Every API endpoint, by area: the route group with its policy, then each use case's own mapping.</summary>
public static class ApiEndpoints
{
    public static void MapApi(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapOpenApi().AllowAnonymous();
        app.MapScalarApiReference("/scalar").AllowAnonymous();

        var api = app.MapGroup("/api");
        var idempotent = app.Services.GetRequiredService<IdempotencyFilter>();

        var accounts = api.MapGroup("/auth").WithTags("Accounts");
        var publicAccounts = accounts.MapGroup(string.Empty).AllowAnonymous().RequireRateLimiting(AuthSetup.AuthLimit);
        Register.Map(publicAccounts);
        LogIn.Map(publicAccounts);
        RefreshToken.Map(publicAccounts);
        ResendConfirmationEmail.Map(publicAccounts);
        ForgotPassword.Map(publicAccounts);
        ResetPassword.Map(publicAccounts);
        AcceptInvitation.Map(publicAccounts);
        ConfirmEmail.Map(accounts.MapGroup(string.Empty).AllowAnonymous());
        ConfirmEmailChange.Map(publicAccounts);
        AskAccountRecovery.Map(publicAccounts);
        ConfirmAccountRecovery.Map(publicAccounts);
        var ownAccount = accounts.MapGroup(string.Empty).RequireAuthorization(Policies.Account);
        GetAccountInfo.Map(ownAccount);
        LogOut.Map(ownAccount);
        ChangePassword.Map(ownAccount).RequireRateLimiting(AuthSetup.AuthLimit);
        ChangeEmail.Map(ownAccount).RequireRateLimiting(AuthSetup.AuthLimit);
        EndOtherSessions.Map(ownAccount);
        ListMySessions.Map(ownAccount);
        GetTwoFactor.Map(ownAccount);
        EnableTwoFactor.Map(ownAccount).RequireRateLimiting(AuthSetup.AuthLimit);
        NewRecoveryCodes.Map(ownAccount);
        DisableTwoFactor.Map(ownAccount);

        var businesses = api.MapGroup("/businesses").WithTags("Businesses").RequireAuthorization(Policies.Applicant);
        RegisterBusiness.Map(businesses).AddEndpointFilter(idempotent);
        CheckBusiness.Map(businesses);
        GetBusiness.Map(businesses);
        ChangeBusinessDetails.Map(businesses);
        CloseBusiness.Map(businesses).AddEndpointFilter(idempotent);
        GetBusinessChange.Map(businesses);
        ChangeBusiness.Map(businesses).RequireRateLimiting(AuthSetup.SubmissionLimit).AddEndpointFilter(idempotent);
        ListBusinessChanges.Map(businesses);
        ListBusinesses.Map(businesses);

        var applications = api.MapGroup("/applications").WithTags("Applications").RequireAuthorization(Policies.Applicant);
        SubmitApplication.Map(applications).RequireRateLimiting(AuthSetup.SubmissionLimit).AddEndpointFilter(idempotent);
        ResubmitApplication.Map(applications).RequireRateLimiting(AuthSetup.SubmissionLimit).AddEndpointFilter(idempotent);
        PrecheckApplication.Map(applications);
        StartApplicationDraft.Map(applications);
        ListApplicationDrafts.Map(applications);
        GetApplicationDraft.Map(applications);
        SaveApplicationDraft.Map(applications);
        DeleteApplicationDraft.Map(applications);
        AttachDocumentToDraft.Map(applications);
        SubmitApplicationDraft.Map(applications).RequireRateLimiting(AuthSetup.SubmissionLimit);
        GetApplication.Map(applications);
        ListApplications.Map(applications);
        GetDecisionProof.Map(applications);
        GetObjection.Map(applications);
        FileObjection.Map(applications).RequireRateLimiting(AuthSetup.SubmissionLimit).AddEndpointFilter(idempotent);
        AppealObjection.Map(applications).RequireRateLimiting(AuthSetup.SubmissionLimit).AddEndpointFilter(idempotent);

        var documents = api.MapGroup("/documents").WithTags("Documents").RequireAuthorization(Policies.Applicant);
        UploadDocument.Map(documents).AddEndpointFilter(idempotent);
        GetDocument.Map(documents);
        DownloadDocument.Map(documents);
        DeleteDocument.Map(documents);
        ListDocuments.Map(documents);

        var permits = api.MapGroup("/permits").WithTags("Permits").RequireAuthorization(Policies.Applicant);
        ListPermits.Map(permits);
        GetPermit.Map(permits);
        DownloadPermit.Map(permits);
        GetPermitRenewal.Map(permits);
        RenewPermit.Map(permits).RequireRateLimiting(AuthSetup.SubmissionLimit).AddEndpointFilter(idempotent);
        VerifyPermit.Map(api.MapGroup("/verify").WithTags("Public verification"));

        var admin = api.MapGroup("/admin").WithTags("Administration").RequireAuthorization(Policies.Admin);
        FindPermits.Map(admin.MapGroup("/permits"));
        LookUpPermit.Map(admin.MapGroup("/permits"));
        RevokePermit.Map(admin.MapGroup("/permits"));
        VerifyLog.Map(admin);
        SetHolidayYear.Map(admin);
        var staff = admin.MapGroup("/staff");
        ListStaff.Map(staff);
        GetStaffMember.Map(staff);
        InviteStaff.Map(staff);
        ChangeStaffRoles.Map(staff);
        DeactivateStaff.Map(staff);
        ReactivateStaff.Map(staff);
        ResetStaffTwoFactor.Map(staff);
        ListStaffChanges.Map(staff);
        ListSignIns.Map(staff);
        ListAccountRecoveries.Map(admin);
        OpenAccountRecovery.Map(admin);
        OpenAccountRecoveryPhoto.Map(admin);
        DecideAccountRecovery.Map(admin);

        var reports = api.MapGroup("/reports").WithTags("Reports").RequireAuthorization(Policies.Reports);
        ReportThroughput.Map(reports);
        ReportBreakdown.Map(reports);
        ChartThroughput.Map(reports);
        ChartBreakdown.Map(reports);
        ReportLatency.Map(reports);
        ReportFailingRequirements.Map(reports);
        ReportExpiringPermits.Map(reports);
        ReportLifeEvents.Map(reports);
        ReportStops.Map(reports);
        ReportNotificationHealth.Map(reports);
        // Appeals to the mayor: the mayor's office answers them, as the law's superior of the licensing office.
        var appeals = api.MapGroup("/appeals").WithTags("Appeals to the mayor").RequireAuthorization(Policies.Appeals);
        ListAppeals.Map(appeals);
        OpenAppeal.Map(appeals);
        AnswerAppeal.Map(appeals);
        var publicData = api.MapGroup("/public");
        ShowPublicStatistics.Map(publicData.WithTags("Public statistics"));
        ChartPublicStatistics.Map(publicData.WithTags("Public statistics"));
        var catalogue = api.MapGroup("/public").WithTags("Catalogue");
        FindActivities.Map(catalogue);
        ListKelurahan.Map(catalogue);
        ListRuleTerms.Map(catalogue);
        GetServiceContacts.Map(api.MapGroup("/public").WithTags("Help"));
        ListHolidays.Map(api.MapGroup("/public").WithTags("Help"));
        var publicReports = api.MapGroup("/public").WithTags("Reports of demands for money").AllowAnonymous();
        ReportLevy.MapPublic(publicReports).RequireRateLimiting(AuthSetup.ReportLimit);
        CheckLevyReport.Map(publicReports).RequireRateLimiting(AuthSetup.ReportCheckLimit);
        AddToLevyReport.MapPublic(publicReports).RequireRateLimiting(AuthSetup.ReportCheckLimit);
        AddToLevyReport.MapPublicEvidence(publicReports).RequireRateLimiting(AuthSetup.ReportCheckLimit);

        var audit = api.MapGroup("/audit").WithTags("Audit").RequireAuthorization(Policies.Officer);
        SearchDecisions.Map(audit);
        GetDecisionTrace.Map(audit);
        ReplayDecision.Map(audit);
        AddDecisionNote.Map(audit);
        OpenCaseDocument.Map(audit);
        ListDocumentViews.Map(audit);
        ListWhatIfDrafts.Map(audit);
        StartWhatIf.Map(audit);
        GetWhatIf.Map(audit);
        ExportWhatIf.Map(audit);
        ListObjections.Map(audit);
        OpenObjection.Map(audit);
        AnswerObjection.Map(audit);
        var inspections = api.MapGroup("/audit").WithTags("Inspectors' visits").RequireAuthorization(Policies.Officer);
        ListInspections.Map(inspections);
        OpenPermitInspections.Map(inspections);
        BookInspection.Map(inspections);
        RecordInspection.Map(inspections);
        MarkOfficeTold.Map(inspections);
        UndoOfficeTold.Map(inspections);
        ListQuestions.Map(audit);
        OpenQuestion.Map(audit);
        AnswerQuestion.Map(audit);

        var transparency = api.MapGroup("/transparency").WithTags("Transparency log");
        GetCheckpoint.Map(transparency);
        GetLogPublicKey.Map(transparency);
        GetInclusionProof.Map(transparency);
        GetConsistencyProof.Map(transparency);

        var me = api.MapGroup("/me").WithTags("My account").RequireAuthorization(Policies.Applicant);
        ListNotifications.Map(me);
        MarkNotificationRead.Map(me);
        GetPreferences.Map(me);
        SetPreferences.Map(me);
        Composed.ExportMyData.Map(me);
        ReportLevy.Map(me.MapGroup(string.Empty).WithTags("Reports of demands for money")).RequireRateLimiting(AuthSetup.ReportLimit).AddEndpointFilter(idempotent);
        ListMyLevyReports.Map(me.MapGroup(string.Empty).WithTags("Reports of demands for money"));
        ListMyObjections.Map(me.MapGroup(string.Empty).WithTags("Applications"));
        ListMyInspections.Map(me.MapGroup(string.Empty).WithTags("Inspectors' visits"));
        var questions = me.MapGroup(string.Empty).WithTags("Questions to the office");
        AskQuestion.Map(questions).RequireRateLimiting(AuthSetup.SubmissionLimit).AddEndpointFilter(idempotent);
        ListMyQuestions.Map(questions);
        GetMyQuestion.Map(questions);
        AddToLevyReport.Map(me.MapGroup(string.Empty).WithTags("Reports of demands for money")).RequireRateLimiting(AuthSetup.ReportCheckLimit).AddEndpointFilter(idempotent);
        AddToLevyReport.MapEvidence(me.MapGroup(string.Empty).WithTags("Reports of demands for money")).RequireRateLimiting(AuthSetup.ReportCheckLimit).AddEndpointFilter(idempotent);

        // Only the city's inspectorate reads reports of demands for money: never the licensing officers they may be about.
        var inspectorate = api.MapGroup("/inspectorate").WithTags("Reports of demands for money").RequireAuthorization(Policies.Inspector);
        ListLevyReports.Map(inspectorate);
        OpenLevyReport.Map(inspectorate);
        AnswerLevyReport.Map(inspectorate);
        OpenLevyEvidence.Map(inspectorate);

        var notifications = api.MapGroup("/notifications").WithTags("Notifications").RequireAuthorization(Policies.Officer);
        ListDeadLetters.Map(notifications);
        ResendNotification.Map(notifications);
    }
}
