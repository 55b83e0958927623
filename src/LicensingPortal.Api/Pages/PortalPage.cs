using System.Security.Claims;
using LicensingPortal.Api.Infrastructure.Auth;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using LicensingPortal.Rules.Model;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace LicensingPortal.Api.Pages;

/// <summary>
/// What every page shares: it sends the same commands and queries as the API and shows their results. A use
/// case's validation errors go into ModelState (request paths mapped to this page's fields), so the error summary
/// and the message at each field come from the same validator as the API's 400.
/// </summary>
public abstract class PortalPage : PageModel
{
    protected ISender Sender => HttpContext.RequestServices.GetRequiredService<ISender>();

    protected Guid UserId => User.UserId();

    /// <summary>The service's clock (today in WITA is <c>Wita.Today(Clock)</c>).</summary>
    protected TimeProvider Clock => HttpContext.RequestServices.GetRequiredService<TimeProvider>();

    protected static Language Language => Cultures.Current;

    /// <summary>
    /// A date typed as day, month and year: null when the boxes are empty; when they hold no real date, an error at
    /// the field and null.
    /// </summary>
    protected DateOnly? ReadDate(DateParts parts, string field)
    {
        ArgumentNullException.ThrowIfNull(parts);
        if (parts.IsEmpty)
        {
            return null;
        }

        if (parts.TryRead(out var date))
        {
            return date;
        }

        ModelState.AddModelError(field, NotADate);
        return null;
    }

    /// <summary>
    /// What to write in a date's boxes, with today as the example: a fixed example would be in the future for a day
    /// that must be past, or in the past for one that must come.
    /// </summary>
    protected string NotADate => Texts.Format("Form.NotADate", Wita.Today(Clock).ToString("d M yyyy", System.Globalization.CultureInfo.InvariantCulture));

    /// <summary>
    /// Puts a failed result on the page: field errors at their fields, anything else in the summary; with
    /// <paramref name="onlyTheseFields"/>, field errors about fields another page asks are left out.
    /// </summary>
    protected void ShowErrors(Error error, IReadOnlyDictionary<string, string>? fields = null, bool onlyTheseFields = false)
    {
        ArgumentNullException.ThrowIfNull(error);
        if (error.Errors is null || error.Errors.Count == 0)
        {
            ModelState.AddModelError(string.Empty, Describe(error));
            return;
        }

        foreach (var (key, messages) in error.Errors)
        {
            string? field = null;
            if (fields?.TryGetValue(key, out field) != true && onlyTheseFields)
            {
                continue;
            }

            foreach (var message in messages)
            {
                ModelState.AddModelError(field ?? string.Empty, message);
            }
        }
    }

    /// <summary>
    /// On a form that could not be read whole (a date that is no date), the use case's validator says the rest at once,
    /// each at its field, so a phone user mends every field in one round (nothing is sent); a field already said to be
    /// wrong keeps what was said.
    /// </summary>
    protected async Task ShowTheRestAsync<TCommand>(TCommand command, IReadOnlyDictionary<string, string> fields, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(fields);
        var validation = await HttpContext.RequestServices.GetRequiredService<IValidator<TCommand>>().ValidateAsync(command, cancellationToken);
        foreach (var failure in validation.Errors)
        {
            var field = fields.GetValueOrDefault(char.ToLowerInvariant(failure.PropertyName[0]) + failure.PropertyName[1..]);
            if (field is not null && ModelState.GetFieldValidationState(field) != Microsoft.AspNetCore.Mvc.ModelBinding.ModelValidationState.Invalid)
            {
                ModelState.AddModelError(field, failure.ErrorMessage);
            }
        }
    }

    /// <summary>
    /// Sent by the pages' script when it sends a form with files in place: a form shown again keeps its files chosen
    /// (wwwroot/js/inplace.js), so they are not asked for again.
    /// </summary>
    public const string KeepsFilesHeader = "Kupang-Keeps-Files";

    /// <summary>
    /// On a form shown again with errors, files chosen for its <paramref name="field"/> are asked for again there, by
    /// <paramref name="message"/> (given their names): a browser never sends a file twice, and nothing was kept. Not
    /// when the pages' script sent the form and keeps them chosen (<see cref="KeepsFilesHeader"/>).
    /// </summary>
    protected void AskForFilesAgain(IReadOnlyCollection<IFormFile> files, string field, string message)
    {
        ArgumentNullException.ThrowIfNull(files);
        if (Request.Headers.ContainsKey(KeepsFilesHeader))
        {
            return;
        }

        var chosen = files.Where(f => f.Length > 0).Select(f => Infrastructure.Storage.UploadedFiles.SafeFileName(f.FileName)).ToList();
        if (chosen.Count > 0 && ModelState.GetFieldValidationState(field) != Microsoft.AspNetCore.Mvc.ModelBinding.ModelValidationState.Invalid)
        {
            ModelState.AddModelError(field, Texts.Format(message, string.Join(", ", chosen)));
        }
    }

    /// <summary>
    /// A stored file shown in the browser (a photo to look at, a PDF to read) under its own name, with the policy for
    /// files (nothing in it runs) and never kept in a cache: an identity card or a reporter's evidence on a shared phone.
    /// </summary>
    protected FileStreamResult InlineFile(Stream content, string contentType, string fileName)
    {
        var disposition = new Microsoft.Net.Http.Headers.ContentDispositionHeaderValue("inline");
        disposition.SetHttpFileName(fileName);
        Response.Headers.ContentDisposition = disposition.ToString();
        Response.Headers.ContentSecurityPolicy = Infrastructure.Web.SecurityHeaders.FilePolicy;
        Response.Headers.CacheControl = "private, no-store";
        return File(content, contentType);
    }

    /// <summary>
    /// Whether the request came from another site (a link or form elsewhere): such a request must not write into a
    /// reader's access history. Only a link on the service's own pages, or one typed or bookmarked, opens a case's file.
    /// </summary>
    protected bool FromAnotherSite => Request.Headers["Sec-Fetch-Site"].ToString() is { Length: > 0 } site && site is not ("same-origin" or "none");

    /// <summary>
    /// An error in the reader's language: the text of its stable code, or else its detail, which a use case without such
    /// a text writes in the request's language (a visit called off, an appeal answered a moment before); never the
    /// title, which is the API's English.
    /// </summary>
    protected static string Describe(Error error)
    {
        ArgumentNullException.ThrowIfNull(error);
        var text = Texts.Get($"ErrorCode.{error.Code}");
        return text != $"ErrorCode.{error.Code}" ? text : error.Detail ?? error.Title;
    }

    /// <summary>A failed query or command on a page: another applicant's record (or none) is "not found", never "forbidden".</summary>
    protected IActionResult Failure(Error error)
    {
        ArgumentNullException.ThrowIfNull(error);
        return error.Status == StatusCodes.Status404NotFound ? NotFound() : StatusCode(error.Status);
    }

    /// <summary>A local return address only: never redirect to another site.</summary>
    protected string LocalOr(string? returnUrl, string fallback) =>
        !string.IsNullOrEmpty(returnUrl) && Url.IsLocalUrl(returnUrl) ? returnUrl : fallback;

    /// <summary>Gives the sign-in cookie (for the browser session only): a new sign-in, or one made afresh after the account's own change.</summary>
    protected Task SignInAsync(ClaimsPrincipal principal) =>
        HttpContext.SignInAsync(IdentityConstants.ApplicationScheme, principal, new AuthenticationProperties { IsPersistent = false });

    /// <summary>
    /// Gives the sign-in cookie and goes on: a staff account without a second factor to its enrolment first; otherwise
    /// back to the page that asked (with kept answers offered back), or the account's home.
    /// </summary>
    protected async Task<IActionResult> SignInAndGoOnAsync(ClaimsPrincipal principal, string? returnUrl)
    {
        ArgumentNullException.ThrowIfNull(principal);
        await SignInAsync(principal);
        var back = LocalOr(returnUrl, Roles.HomeOf(principal));
        if (Roles.IsStaff(principal) && !principal.HasClaim(c => c.Type == Sessions.TwoFactorClaim))
        {
            return RedirectToPage("/Akun/DuaLangkah", new { ReturnUrl = back });
        }

        return PendingAnswers.AreKeptFor(HttpContext, back) ? RedirectToPage("/Akun/Lanjutkan", new { ReturnUrl = back }) : LocalRedirect(back);
    }
}
