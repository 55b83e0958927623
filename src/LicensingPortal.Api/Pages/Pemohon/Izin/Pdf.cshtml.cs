using LicensingPortal.Api.Features.Permits;
using Microsoft.AspNetCore.Mvc;

namespace LicensingPortal.Api.Pages.Pemohon.Izin;

/// <summary>One's permit as a PDF download (the same use case as GET /api/permits/{number}/document).</summary>
public sealed class PdfModel : PortalPage
{
    public async Task<IActionResult> OnGetAsync(string number, CancellationToken cancellationToken)
    {
        var pdf = await Sender.Send(new DownloadPermit.Query(UserId, number), cancellationToken);
        return pdf.Succeeded ? File(pdf.Value.Content, pdf.Value.ContentType, pdf.Value.FileName) : Failure(pdf.Error!);
    }
}
