namespace LicensingPortal.Rules.Model;

/// <summary>A user-facing text in Bahasa Indonesia (the default) and English.</summary>
public sealed record LocalizedText(string Id, string En)
{
    public string In(Language language) => language == Language.English ? En : Id;
}

public enum Language
{
    Indonesian,
    English,
}

/// <summary>The regulation a requirement or parameter rests on.</summary>
public sealed record LegalBasis(string Regulation, string Article, string? Url)
{
    public override string ToString() => $"{Regulation}, {Article}";
}
