namespace LicensingPortal.Api.Infrastructure.Http;

/// <summary>Renders errors as RFC 9457 problem+json with the stable errorCode extension.</summary>
public static class ProblemResults
{
    public static ProblemHttpResult ToProblem(this Error error)
    {
        ArgumentNullException.ThrowIfNull(error);
        var extensions = new Dictionary<string, object?> { ["errorCode"] = error.Code };
        if (error.Errors is not null)
        {
            extensions["errors"] = error.Errors;
        }

        return TypedResults.Problem(
            detail: error.Detail,
            statusCode: error.Status,
            title: error.Title,
            type: $"https://licensingportal.kupangkota.go.id/errors/{error.Code}",
            extensions: extensions);
    }
}
