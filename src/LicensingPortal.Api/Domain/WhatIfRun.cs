using LicensingPortal.Rules.Model;

namespace LicensingPortal.Api.Domain;

/// <summary>
/// A what-if analysis: a draft rule set evaluated over the decisions of a period, in the background, to show
/// what a rule change would do before it ships. It never changes a decision.
/// </summary>
public sealed class WhatIfRun
{
    private WhatIfRun()
    {
    }

    public Guid Id { get; private set; }

    public Guid RequestedBy { get; private set; }

    /// <summary>The draft's canonical content (rule set and seed tables), evaluated without any files.</summary>
    public string DraftContent { get; private set; } = string.Empty;

    public string DraftHash { get; private set; } = string.Empty;

    /// <summary>The draft's title as its file gives it, in Bahasa Indonesia (empty for runs queued before titles were kept).</summary>
    public string DraftTitle { get; private set; } = string.Empty;

    /// <summary>The draft's title in English.</summary>
    public string DraftTitleEnglish { get; private set; } = string.Empty;

    public DateOnly From { get; private set; }

    public DateOnly To { get; private set; }

    public WhatIfStatus Status { get; private set; }

    public int Total { get; private set; }

    public int Done { get; private set; }

    public DateTimeOffset RequestedAt { get; private set; }

    public DateTimeOffset? StartedAt { get; private set; }

    public DateTimeOffset? CompletedAt { get; private set; }

    public string? ResultJson { get; private set; }

    public string? Error { get; private set; }

    /// <summary>The longest title kept: a draft's title names it on the page, a longer one is cut.</summary>
    public const int MaxTitleLength = 300;

    public static WhatIfRun Queue(Guid requestedBy, string draftContent, string draftHash, LocalizedText draftTitle, DateOnly from, DateOnly to, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(now),
        RequestedBy = requestedBy,
        DraftContent = draftContent,
        DraftHash = draftHash,
        DraftTitle = Cut(draftTitle.Id),
        DraftTitleEnglish = Cut(draftTitle.En),
        From = from,
        To = to,
        Status = WhatIfStatus.Queued,
        RequestedAt = now,
    };

    /// <summary>The draft's title in both languages, or null when the run kept none.</summary>
    public LocalizedText? Title => DraftTitle.Length == 0 ? null : new LocalizedText(DraftTitle, DraftTitleEnglish.Length == 0 ? DraftTitle : DraftTitleEnglish);

    private static string Cut(string? text)
    {
        var trimmed = text?.Trim() ?? string.Empty;
        return trimmed.Length > MaxTitleLength ? trimmed[..MaxTitleLength] : trimmed;
    }

    public void Start(int total, DateTimeOffset now)
    {
        Status = WhatIfStatus.Running;
        Total = total;
        Done = 0;
        StartedAt = now;
    }

    public void Progress(int done) => Done = Math.Min(done, Total);

    public void Complete(string resultJson, DateTimeOffset now)
    {
        Status = WhatIfStatus.Completed;
        Done = Total;
        ResultJson = resultJson;
        CompletedAt = now;
    }

    public void Fail(string error, DateTimeOffset now)
    {
        Status = WhatIfStatus.Failed;
        Error = error.Length > 2000 ? error[..2000] : error;
        CompletedAt = now;
    }
}

public enum WhatIfStatus
{
    Queued,
    Running,
    Completed,
    Failed,
}
