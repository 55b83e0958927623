namespace LicensingPortal.Api.Pages;

/// <summary>A list's place among its pages, for the shared pagination (<c>_Pagination</c>): this page, how many, each page's address, and the nav's id.</summary>
public sealed record Pagination(int Page, int Pages, Func<int, string> Url, string? Id = null);
