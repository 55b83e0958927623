namespace LicensingPortal.Api.Infrastructure.Rules;

public sealed class RulesOptions
{
    public const string Section = "Rules";

    /// <summary>The folder holding the rule sets; found upwards from the working directory when relative.</summary>
    public string Directory { get; set; } = "rules";

    /// <summary>The folder holding the seed tables the rule sets read.</summary>
    public string SeedsDirectory { get; set; } = "seeds";
}
