using LicensingPortal.Api.Features.Objections;

namespace LicensingPortal.Api.Pages.Shared;

/// <summary>
/// What the objection's partial shows (<c>_ObjectionCase</c>): the objection as staff read it, where its evidence
/// opens (through the reader's access history), and whether the decision's audit page is theirs to open.
/// </summary>
public sealed record ObjectionCase(OpenObjection.Response Case, Func<Guid, string> DocumentLink, bool CaseLink);

/// <summary>
/// What the list partial shows (<c>_ObjectionCards</c>): a page of objections or appeals, the address of their list
/// (each opens at it, by id), whether the answered ones are listed, and the texts' prefix for the words that name
/// them ("Objections" or "Appeals").
/// </summary>
public sealed record ObjectionCards(ListObjections.Response List, string Base, bool Answered, string Texts);
