namespace LicensingPortal.Api;

/// <summary>
/// Names the resource files of every user-facing text (Resources/SharedResource.resx in English,
/// SharedResource.id.resx in Bahasa Indonesia, the default): pages use it through IStringLocalizer, validators and
/// e-mails through <see cref="Infrastructure.Web.Texts"/>.
/// </summary>
public sealed class SharedResource;
