using LicensingPortal.Api.Features.Applications;
using LicensingPortal.Api.Features.Documents;
using Microsoft.AspNetCore.Mvc;

namespace LicensingPortal.Api.Pages.Pemohon.Draf;

/// <summary>Which of one's uploaded documents go with the application (their kinds are facts the requirements read).</summary>
public sealed class DokumenModel : DraftStepPage
{
    private static readonly Dictionary<string, string> FieldMap = new(StringComparer.Ordinal) { ["documentIds"] = nameof(DocumentIds) };

    [BindProperty]
    public List<string> DocumentIds { get; set; } = [];

    public IReadOnlyList<Choice> Documents { get; private set; } = [];

    /// <summary>The document just uploaded from this page, and so attached to the draft (said in a banner).</summary>
    [BindProperty(SupportsGet = true, Name = "dilampirkan")]
    public Guid? Dilampirkan { get; set; }

    /// <summary>The document just uploaded, when it is attached (ticked below); null otherwise.</summary>
    public Choice? JustAttached => Dilampirkan is { } id && DocumentIds.Contains(id.ToString()) ? Documents.FirstOrDefault(d => d.Value == id.ToString()) : null;

    public override string Step => ApplicationSteps.Documents;

    protected override IReadOnlyDictionary<string, string> Fields => FieldMap;

    public override async Task OnPageHandlerExecutionAsync(Microsoft.AspNetCore.Mvc.Filters.PageHandlerExecutingContext context, Microsoft.AspNetCore.Mvc.Filters.PageHandlerExecutionDelegate next)
    {
        ArgumentNullException.ThrowIfNull(next);
        var documents = await Sender.Send(new ListDocuments.Query(UserId), HttpContext.RequestAborted);
        Documents = DocumentChoices.Of(documents.Value);
        await next();
    }

    protected override void Show(ApplicationRequest answers) => DocumentIds = (answers.DocumentIds ?? []).Select(id => id.ToString()).ToList();

    protected override ApplicationRequest? Read() =>
        Answers with { DocumentIds = DocumentIds.Select(id => Guid.TryParse(id, out var parsed) ? parsed : Guid.Empty).Where(id => id != Guid.Empty).Distinct().ToList() };
}
