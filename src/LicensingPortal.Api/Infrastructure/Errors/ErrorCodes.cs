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
    public const string ApplicationNotFound = "application_not_found";
    public const string NoRuleSetInForce = "no_rule_set_in_force";
    public const string NotFound = "not_found";
    public const string MethodNotAllowed = "method_not_allowed";
    public const string UnsupportedMediaType = "unsupported_media_type";
    public const string PayloadTooLarge = "payload_too_large";
    public const string InternalError = "internal_error";

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
    ];
}
