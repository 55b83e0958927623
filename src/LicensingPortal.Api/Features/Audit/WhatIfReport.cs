using System.Text.Json;
using LicensingPortal.Rules.Model;

namespace LicensingPortal.Api.Features.Audit;

/// <summary>Where a what-if analysis stands (done, total, estimated time left) and, once complete, what it found.</summary>
public sealed record WhatIfProgress(Guid Id, WhatIfStatus Status, int Done, int Total, double? SecondsLeft, string DraftHash, DateOnly From, DateOnly To, WhatIfResult? Result, string? Error)
{
    /// <summary>The draft's title as its file gives it (null for runs queued before titles were kept).</summary>
    public LocalizedText? DraftTitle { get; init; }

    /// <summary>The progress of a run as of now; the list of every affected application is left to the CSV.</summary>
    public static WhatIfProgress Of(WhatIfRun run, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(time);
        double? left = null;
        if (run is { Status: WhatIfStatus.Running, StartedAt: { } started, Done: > 0 })
        {
            var elapsed = (time.GetUtcNow() - started).TotalSeconds;
            left = elapsed / run.Done * (run.Total - run.Done);
        }

        var result = WhatIfResult.Read(run);
        return new WhatIfProgress(run.Id, run.Status, run.Done, run.Total, left, run.DraftHash, run.From, run.To, result is null ? null : result with { Affected = [] }, run.Error) { DraftTitle = run.Title };
    }
}

/// <summary>What a draft rule set would change over a period: flips each way, each requirement's impact, a sample and every affected application.</summary>
public sealed record WhatIfResult(int Evaluated, int Unchanged, int WouldBeApproved, int WouldBeRejected, IReadOnlyList<RequirementImpact> Requirements, IReadOnlyList<AffectedApplication> Sample, IReadOnlyList<AffectedApplication> Affected)
{
    public static WhatIfResult? Read(WhatIfRun run)
    {
        ArgumentNullException.ThrowIfNull(run);
        return run.ResultJson is null ? null : JsonSerializer.Deserialize<WhatIfResult>(run.ResultJson, Json.Options);
    }
}

public sealed record RequirementImpact(string Id, int FailedBefore, int FailedAfter);

public sealed record AffectedApplication(Guid ApplicationId, string Before, string After, IReadOnlyList<string> NewlyFailed, IReadOnlyList<string> NoLongerFailed);
