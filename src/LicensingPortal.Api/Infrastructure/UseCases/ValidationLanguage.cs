using System.Globalization;
using FluentValidation.Resources;

namespace LicensingPortal.Api.Infrastructure.UseCases;

/// <summary>
/// FluentValidation's own messages (a rule without <c>WithMessage</c>) in the service's voice and in the reader's
/// language, from the resource files (<c>Validation.Default.{validator}</c>): short, saying what to write, never naming
/// a property as the code spells it. A validator without a text of ours keeps FluentValidation's message; a test
/// checks that every rule of every use case has either its own message or one of these.
/// </summary>
public sealed class ValidationLanguage : LanguageManager
{
    public const string Prefix = "Validation.Default.";

    public override string GetString(string key, CultureInfo? culture = null) =>
        Texts.In(culture ?? CultureInfo.CurrentUICulture, Prefix + key) ?? base.GetString(key, culture);

    /// <summary>The service has its own text for this validator's message.</summary>
    public static bool Speaks(string validator) =>
        Texts.In(Cultures.Indonesian, Prefix + validator) is not null;
}
