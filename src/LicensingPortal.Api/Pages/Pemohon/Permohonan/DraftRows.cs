using LicensingPortal.Api.Features.Applications;

namespace LicensingPortal.Api.Pages.Pemohon.Permohonan;

/// <summary>
/// Drafts as the applicant's lists show them: named by their business and what kind of application they are
/// ("Warung Sederhana — perpanjangan izin"), not by a date alone, so an owner of two businesses can tell them apart.
/// </summary>
public sealed record DraftRows(IReadOnlyList<ApplicationDraftView> Drafts, IReadOnlyDictionary<Guid, string> BusinessNames)
{
    /// <summary>The draft's business by name; null while none is chosen (or it is no longer the applicant's).</summary>
    public string? Business(ApplicationDraftView draft)
    {
        ArgumentNullException.ThrowIfNull(draft);
        return draft.Answers.BusinessId != Guid.Empty && BusinessNames.TryGetValue(draft.Answers.BusinessId, out var name) ? name : null;
    }

    /// <summary>The draft as the lists name it: its business and kind ("Warung Sederhana — perpanjangan izin"), or a new application with no business chosen yet.</summary>
    public string Name(ApplicationDraftView draft) =>
        Business(draft) is { } business ? Texts.Format("Applications.DraftOf", business, Texts.Get(Kind(draft))) : Texts.Get("Applications.DraftNoBusiness");

    /// <summary>The text key of what the draft will be when sent: a renewal, a change, a correction or a new application.</summary>
    public static string Kind(ApplicationDraftView draft)
    {
        ArgumentNullException.ThrowIfNull(draft);
        return draft.RenewsPermitId is not null ? "Journey.Renewal"
            : draft.ChangesBusinessId is not null ? "Journey.Change"
            : draft.CorrectsApplicationId is not null ? "Journey.Correction"
            : "Applications.DraftNew";
    }

    /// <summary>The text key of what is left to do: a correction's refused answers to change, a full draft to check and send, or the rest to answer.</summary>
    public static string Next(ApplicationDraftView draft)
    {
        ArgumentNullException.ThrowIfNull(draft);
        return draft.CorrectsApplicationId is not null ? "Applications.DraftCorrect"
            : draft.IsComplete ? "Applications.DraftReady"
            : "Applications.DraftUnfinished";
    }
}
