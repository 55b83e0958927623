namespace LicensingPortal.Api.Pages;

/// <summary>A chart on a page: its address (the narrow one for a phone adds narrow=true) and its text alternative.</summary>
public sealed record ChartImage(string Src, string Alt);
