namespace LicensingPortal.Api.Domain;

/// <summary>A rule set version as first seen, stored with its canonical content so it can be evaluated without the files.</summary>
public sealed class RuleSetVersion
{
    private RuleSetVersion()
    {
    }

    public string Hash { get; private set; } = string.Empty;

    public string RuleSetId { get; private set; } = string.Empty;

    public DateOnly EffectiveFrom { get; private set; }

    public string Content { get; private set; } = string.Empty;

    public DateTimeOffset FirstSeenAt { get; private set; }

    public static RuleSetVersion FirstSeen(string hash, string ruleSetId, DateOnly effectiveFrom, string content, DateTimeOffset now) => new()
    {
        Hash = hash,
        RuleSetId = ruleSetId,
        EffectiveFrom = effectiveFrom,
        Content = content,
        FirstSeenAt = now,
    };
}
