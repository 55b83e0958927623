using System.ComponentModel.DataAnnotations;

namespace LicensingPortal.Api.Infrastructure.Rules;

public sealed class RulesOptions
{
    public const string Section = "Rules";

    /// <summary>The folder holding the rule sets; found upwards from the working directory when relative.</summary>
    [Required(AllowEmptyStrings = false, ErrorMessage = "Rules:Directory must name the folder of the rule sets.")]
    public string Directory { get; set; } = "rules";

    /// <summary>The folder holding the seed tables the rule sets read.</summary>
    [Required(AllowEmptyStrings = false, ErrorMessage = "Rules:SeedsDirectory must name the folder of the seed tables.")]
    public string SeedsDirectory { get; set; } = "seeds";
}
