namespace LicensingPortal.Api.Infrastructure.Errors;

/// <summary>
/// Every errorCode the API answers with, in one place. Codes are stable: clients may rely on them.
/// docs/errors.md lists them with their meaning; a test keeps the two in step.
/// </summary>
public static class ErrorCodes
{
    public const string ValidationFailed = "validation_failed";
    public const string MalformedRequest = "malformed_request";
    public const string BusinessNotFound = "business_not_found";
    public const string OwnerFixed = "owner_fixed";
    public const string ApplicationNotFound = "application_not_found";
    public const string NoRuleSetInForce = "no_rule_set_in_force";
    public const string NotFound = "not_found";
    public const string MethodNotAllowed = "method_not_allowed";
    public const string UnsupportedMediaType = "unsupported_media_type";
    public const string PayloadTooLarge = "payload_too_large";
    public const string InternalError = "internal_error";
    public const string ServiceUnavailable = "service_unavailable";
    public const string UriTooLong = "uri_too_long";
    public const string Unauthorized = "unauthorized";
    public const string Forbidden = "forbidden";
    public const string TwoFactorRequired = "two_factor_required";
    public const string TwoFactorEnrolmentRequired = "two_factor_enrolment_required";
    public const string TwoFactorCodeInvalid = "two_factor_code_invalid";
    public const string TwoFactorKeptForStaff = "two_factor_kept_for_staff";
    public const string InvitationInvalid = "invitation_invalid";
    public const string StaffAccountNotFound = "staff_account_not_found";
    public const string EmailTaken = "email_taken";
    public const string LastAdministrator = "last_administrator";
    public const string RateLimited = "rate_limited";
    public const string IdempotencyKeyInvalid = "idempotency_key_invalid";
    public const string IdempotencyKeyReused = "idempotency_key_reused";
    public const string IdempotencyRequestInProgress = "idempotency_request_in_progress";
    public const string DocumentTooLarge = "document_too_large";
    public const string DocumentTypeNotAllowed = "document_type_not_allowed";
    public const string DocumentNotFound = "document_not_found";
    public const string DocumentInUse = "document_in_use";
    public const string PermitNotFound = "permit_not_found";
    public const string PermitAlreadyRevoked = "permit_already_revoked";
    public const string ApplicationNotResubmittable = "application_not_resubmittable";
    public const string ConfirmationInvalid = "confirmation_invalid";
    public const string DraftNotFound = "draft_not_found";
    public const string DraftAlreadySubmitted = "draft_already_submitted";
    public const string PermitNotRenewable = "permit_not_renewable";
    public const string RenewalNotOpenYet = "renewal_not_open_yet";
    public const string PermitEnded = "permit_ended";
    public const string PermitNotEnded = "permit_not_ended";
    public const string InspectionNotFound = "inspection_not_found";
    public const string InspectionNotNeeded = "inspection_not_needed";
    public const string InspectionRecorded = "inspection_recorded";
    public const string InspectionNotCalledOff = "inspection_not_called_off";
    public const string PermitAlreadyRenewed = "permit_already_renewed";
    public const string BusinessClosed = "business_closed";
    public const string BusinessNotLicensed = "business_not_licensed";
    public const string PermitReplaced = "permit_replaced";
    public const string CurrentPasswordWrong = "current_password_wrong";
    public const string TooManyWrongPasswords = "too_many_wrong_passwords";
    public const string LevyReportNotFound = "levy_report_not_found";
    public const string LevyReportChanged = "levy_report_changed";
    public const string LevyEvidenceNotFound = "levy_evidence_not_found";
    public const string LevyEvidenceDayFull = "levy_evidence_day_full";
    public const string LevyEvidenceUnreadable = "levy_evidence_unreadable";
    public const string RecoveryPhotoUnreadable = "recovery_photo_unreadable";
    public const string RecoveryNotFound = "recovery_not_found";
    public const string RecoveryAnswered = "recovery_answered";
    public const string RecoveryAccountSignedIn = "recovery_account_signed_in";
    public const string RecoveryNoAccount = "recovery_no_account";
    public const string ObjectionNotFound = "objection_not_found";
    public const string ObjectionNotRefused = "objection_not_refused";
    public const string ObjectionExists = "objection_exists";
    public const string ObjectionTooLate = "objection_too_late";
    public const string ObjectionAnswered = "objection_answered";
    public const string AppealNotFound = "appeal_not_found";
    public const string AppealNotAllowed = "appeal_not_allowed";
    public const string AppealExists = "appeal_exists";
    public const string AppealTooLate = "appeal_too_late";
    public const string AppealAnswered = "appeal_answered";
    public const string QuestionNotFound = "question_not_found";
    public const string QuestionAnswered = "question_answered";
    public const string QuestionsWaiting = "questions_waiting";

    public static IReadOnlyList<string> All { get; } =
    [
        ValidationFailed,
        MalformedRequest,
        BusinessNotFound,
        ApplicationNotFound,
        NoRuleSetInForce,
        NotFound,
        MethodNotAllowed,
        UnsupportedMediaType,
        PayloadTooLarge,
        InternalError,
        ServiceUnavailable,
        UriTooLong,
        Unauthorized,
        Forbidden,
        TwoFactorRequired,
        TwoFactorEnrolmentRequired,
        TwoFactorCodeInvalid,
        TwoFactorKeptForStaff,
        InvitationInvalid,
        StaffAccountNotFound,
        EmailTaken,
        LastAdministrator,
        RateLimited,
        IdempotencyKeyInvalid,
        IdempotencyKeyReused,
        IdempotencyRequestInProgress,
        DocumentTooLarge,
        DocumentTypeNotAllowed,
        DocumentNotFound,
        DocumentInUse,
        PermitNotFound,
        PermitAlreadyRevoked,
        ApplicationNotResubmittable,
        ConfirmationInvalid,
        DraftNotFound,
        DraftAlreadySubmitted,
        PermitNotRenewable,
        RenewalNotOpenYet,
        PermitEnded,
        PermitAlreadyRenewed,
        BusinessClosed,
        BusinessNotLicensed,
        PermitReplaced,
        CurrentPasswordWrong,
        TooManyWrongPasswords,
        LevyReportNotFound,
        LevyReportChanged,
        LevyEvidenceNotFound,
        LevyEvidenceDayFull,
        LevyEvidenceUnreadable,
        RecoveryPhotoUnreadable,
        RecoveryNotFound,
        RecoveryAnswered,
        RecoveryAccountSignedIn,
        RecoveryNoAccount,
        ObjectionNotFound,
        ObjectionNotRefused,
        ObjectionExists,
        ObjectionTooLate,
        ObjectionAnswered,
        AppealNotFound,
        AppealNotAllowed,
        AppealExists,
        AppealTooLate,
        AppealAnswered,
        QuestionNotFound,
        QuestionAnswered,
        QuestionsWaiting,
        OwnerFixed,
        PermitNotEnded,
        InspectionNotFound,
        InspectionNotNeeded,
        InspectionRecorded,
        InspectionNotCalledOff,
    ];
}
