using System.Globalization;
using LicensingPortal.Api.Composed;
using LicensingPortal.Api.Features.Integrity;

namespace LicensingPortal.Api.Pages.Pemohon;

/// <summary>
/// The applicant's copy of their data (<see cref="ExportMyData"/>) as a workbook a person opens: a tab for the account,
/// the businesses, applications, drafts, permits, documents, the inbox and the sign-ins, headed and worded in the
/// reader's language, times in WITA. The API answers the same copy as JSON.
/// </summary>
public static class MyDataWorkbook
{
    public static FileDownload Of(ExportMyData.Response data)
    {
        ArgumentNullException.ThrowIfNull(data);
        var businessNames = data.Businesses.ToDictionary(b => b.Id, b => b.Name);
        string? BusinessName(Guid? id) => id is { } known ? businessNames.GetValueOrDefault(known) : null;
        string YesNo(bool yes) => Texts.Get(yes ? "Form.Yes" : "Form.No");
        static DateTime Moment(DateTimeOffset moment) => Wita.ClockOf(moment);
        static DateTime? MaybeMoment(DateTimeOffset? moment) => moment is { } known ? Wita.ClockOf(known) : null;
        static long? Whole(decimal? number) => number is { } known ? (long)Math.Round(known, MidpointRounding.AwayFromZero) : null;
        static SheetColumn Text(string key) => SheetColumn.Titled(key);
        static SheetColumn Column(string key, SheetValue value) => SheetColumn.Titled(key, value);

        var account = data.Account;
        var preferences = data.Preferences;
        IReadOnlyList<object?>[] accountRows =
        [
            [Texts.Get("Field.Email"), account.Email],
            [Texts.Get("Settings.Language"), preferences.Language == Domain.Languages.English ? "English" : "Bahasa Indonesia"],
            [Texts.Get("Settings.Email"), YesNo(preferences.EmailNotifications)],
            [Texts.Get("Settings.Webhook"), preferences.WebhookUrl],
            [Texts.Get("TwoFactor.Title"), Texts.Get(account.IsTwoFactorEnabled ? "MyData.On" : "MyData.Off")],
            [Texts.Get("MyData.MadeAt"), Cultures.Wita(data.MadeAt)],
        ];
        SheetTable[] sheets =
        [
            new(Texts.Get("MyData.Sheet.Account"), [Text("MyData.What"), Text("MyData.Value")], accountRows),
            new(Texts.Get("MyData.Sheet.Businesses"),
                [
                    Text("Field.BusinessName"), Text("Field.LegalForm"), Text("Field.InvestmentType"), Text("Field.OwnerName"), Text("Field.Nik"), Text("Field.Npwp"), Text("Field.BusinessAddress"),
                    Text("Field.BusinessEmail"), Text("Field.Phone"), Text("MyData.Nib"), Column("MyData.RegisteredAt", SheetValue.Moment), Column("MyData.ClosedOn", SheetValue.Date),
                ],
                data.Businesses.Select(b => (IReadOnlyList<object?>)
                [
                    b.Name, Texts.Get($"LegalForm.{b.LegalForm}"), Texts.Get($"InvestmentType.{b.InvestmentType}"), b.Owner.Name, b.Owner.Nik, b.Owner.Npwp, b.Address, b.Email, b.Phone, b.Nib, Moment(b.RegisteredAt), b.ClosedOn,
                ])),
            new(Texts.Get("MyData.Sheet.Applications"),
                [
                    Text("Audit.Sheet.Reference"), Text("Field.BusinessName"), Text("Audit.Sheet.Kind"), Column("MyData.SentAt", SheetValue.Moment), Text("MyData.Result"),
                    Text("Field.Kbli"), Text("Field.Address"), Column("MyData.LandAreaM2", SheetValue.Count), Column("MyData.BuildingAreaM2", SheetValue.Count),
                    Column("Field.Employees", SheetValue.Count), Column("MyData.InvestmentRp", SheetValue.Count), Column("MyData.AnnualSalesRp", SheetValue.Count),
                    Text("MyData.PermitsIssued"), Text("Audit.Failed"),
                ],
                data.Applications.Select(a => (IReadOnlyList<object?>)
                [
                    ApplicationReference.Of(a.Id), BusinessName(a.BusinessId), Texts.Get($"Audit.Kind.{a.Kind}"), Moment(a.SubmittedAt), Texts.Get($"Status.{a.Status}"),
                    string.Join("; ", a.Kbli), a.Answers?.Location.Address, Whole(a.Answers?.LandAreaM2), Whole(a.Answers?.BuildingAreaM2),
                    a.Answers?.Employees, a.Answers?.Investment is { } i ? i.Land + i.Buildings + i.Machinery + i.WorkingCapital : null, a.Answers?.AnnualSales,
                    string.Join("; ", a.Permits.Select(p => $"{p.Title} {p.Number}")),
                    string.Join("; ", a.Decision?.FailedRequirements.Select(f => f.Title) ?? []),
                ])),
            new(Texts.Get("MyData.Sheet.Drafts"),
                [Text("Field.BusinessName"), Column("MyData.SavedAt", SheetValue.Moment)],
                data.Drafts.Select(d => (IReadOnlyList<object?>)
                [
                    BusinessName(d.Answers.BusinessId == Guid.Empty ? d.ChangesBusinessId : d.Answers.BusinessId), Moment(d.UpdatedAt),
                ])),
            new(Texts.Get("MyData.Sheet.Permits"),
                [
                    Text("MyData.PermitNumber"), Text("MyData.Permit"), Text("Field.BusinessName"), Column("MyData.IssuedOn", SheetValue.Date),
                    Column("MyData.ValidUntil", SheetValue.Date), Text("MyData.Status"), Text("MyData.RevocationReason"),
                ],
                data.Permits.Select(p => (IReadOnlyList<object?>)
                [
                    p.Number, p.Title, BusinessName(p.BusinessId), p.IssuedOn, p.ValidUntil, Texts.Get($"PermitStatus.{p.Status}"), p.RevocationReason,
                ])),
            new(Texts.Get("MyData.Sheet.Documents"),
                [Text("Field.DocumentKind"), Text("MyData.FileName"), Column("MyData.SizeKb", SheetValue.Count), Column("MyData.UploadedAt", SheetValue.Moment), Text("MyData.Attached")],
                data.Documents.Select(d => (IReadOnlyList<object?>)
                [
                    Texts.Get($"DocumentKind.{d.Kind}"), d.FileName, (long)Math.Ceiling(d.SizeBytes / 1024.0), Moment(d.UploadedAt), YesNo(d.Attached),
                ])),
            new(Texts.Get("MyData.Sheet.Inbox"),
                [Text("MyData.NoticeTitle"), Text("MyData.NoticeBody"), Column("MyData.ReceivedAt", SheetValue.Moment), Column("MyData.ReadAt", SheetValue.Moment)],
                data.Notifications.Select(n => (IReadOnlyList<object?>)[n.Title, n.Body, Moment(n.CreatedAt), MaybeMoment(n.ReadAt)])),
            new(Texts.Get("MyData.Sheet.SignIns"),
                [Column("MyData.StartedAt", SheetValue.Moment), Column("MyData.LastUsedAt", SheetValue.Moment), Column("MyData.EndedAt", SheetValue.Moment), Text("MyData.Device")],
                data.SignIns.Select(s => (IReadOnlyList<object?>)[Moment(s.StartedAt), Moment(s.LastUsedAt), MaybeMoment(s.EndedAt), Infrastructure.Auth.DeviceNames.Words(s.Device)])),
            new(Texts.Get("MyData.Sheet.LevyReports"),
                [
                    Column("MyData.SentAt", SheetValue.Moment), Text("Inspectorate.Key.What"), Text("Inspectorate.Key.Place"), Column("Inspectorate.When", SheetValue.Date),
                    Column("MyData.AmountRp", SheetValue.Count), Text("Inspectorate.Key.Paid"), Text("MyData.Status"), Text("MyData.LevyShared"), Text("MyData.LevyEvidenceSent"), Text("MyData.LevyAnswers"),
                ],
                data.LevyReports.Select(r => (IReadOnlyList<object?>)
                [
                    Moment(r.ReceivedAt), r.WhatHappened, r.Place, r.HappenedOn, r.AmountAsked, r.Paid is { } paid ? YesNo(paid) : null, Texts.Get($"Levy.Status.{r.Status}"), YesNo(r.ShareIdentity), r.Evidence.Count == 0 ? null : string.Join("\n", r.Evidence.Select(e => e.FileName)),
                    string.Join("\n", r.Answers.Select(a => $"{Cultures.Wita(a.At)}, {Texts.Get(a.FromReporter ? "MyData.LevyFromYou" : "Role.Inspector")}: {string.Join(" ", new[] { a.Message, EvidenceOf(a.Evidence) }.Where(t => t.Length > 0))}")),
                ])),
            new(Texts.Get("MyData.Sheet.Objections"),
                [
                    Text("Decision.Reference"), Column("MyData.SentAt", SheetValue.Moment), Text("Objection.Requirements"), Text("Objection.Reason"),
                    Column("Objection.DueOn", SheetValue.Date), Text("MyData.ObjectionOutcome"), Text("MyData.ObjectionAnswer"), Column("MyData.ObjectionAnsweredAt", SheetValue.Moment),
                    Column("MyData.AppealSentAt", SheetValue.Moment), Text("MyData.AppealReason"), Text("MyData.AppealOutcome"), Text("MyData.AppealAnswer"), Column("MyData.AppealAnsweredAt", SheetValue.Moment),
                ],
                data.Objections.Select(o => (IReadOnlyList<object?>)
                [
                    o.ApplicationReference, Moment(o.FiledAt), o.Requirements.Count == 0 ? Texts.Get("Objection.Requirements.Whole") : string.Join("\n", o.Requirements.Select(r => r.Title)), o.Reason,
                    o.AnswerDueOn, o.Outcome is { } outcome ? Texts.Get($"Objections.Outcome.{outcome}") : null, o.Answer, MaybeMoment(o.AnsweredAt),
                    MaybeMoment(o.Appeal?.FiledAt), o.Appeal?.Reason, o.Appeal?.Outcome is { } decided ? Texts.Get($"Appeals.Outcome.{decided}") : null, o.Appeal?.Answer, MaybeMoment(o.Appeal?.AnsweredAt),
                ])),
            new(Texts.Get("MyData.Sheet.Questions"),
                [
                    Column("MyData.SentAt", SheetValue.Moment), Text("MyData.QuestionTopic"), Text("Question.Text.Label"), Column("Objection.DueOn", SheetValue.Date),
                    Text("Question.TheAnswer"), Column("MyData.ObjectionAnsweredAt", SheetValue.Moment),
                ],
                data.Questions.Select(q => (IReadOnlyList<object?>)
                [
                    Moment(q.AskedAt), Texts.Get($"Question.Topic.{q.Topic}"), q.Text, q.AnswerDueOn, q.Answer, MaybeMoment(q.AnsweredAt),
                ])),
            new(Texts.Get("MyData.Sheet.Inspections"),
                [
                    Text("Field.BusinessName"), Text("Permits.Number"), Text("Inspections.Agency"), Text("Inspections.Inspector"), Column("Inspections.Book.From", SheetValue.Date), Column("Inspections.Book.To", SheetValue.Date),
                    Text("Inspections.Record.Outcome"), Column("Inspections.Record.VisitedOn", SheetValue.Date), Text("Inspections.Record.Findings"),
                ],
                data.Inspections.Select(i => (IReadOnlyList<object?>)
                [
                    i.BusinessName, i.PermitNumber, i.Visit.Agency, $"{i.Visit.InspectorName}, NIP {i.Visit.InspectorNip}", i.Visit.From, i.Visit.To,
                    i.Visit.Outcome is { } outcome ? Texts.Get($"Inspections.Outcome.{outcome}") : i.Visit.CalledOff ? Texts.Get("Inspections.Outcome.CalledOff") : null, i.Visit.VisitedOn, i.Visit.Findings,
                ])),
        ];
        return Spreadsheet.Workbook(Texts.Format("MyData.File", Wita.DateOf(data.MadeAt).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)), sheets);
    }

    /// <summary>The files sent with an addition, by name ("Bukti: foto.jpg, kuitansi.pdf"); empty when none.</summary>
    private static string EvidenceOf(IReadOnlyList<LevyEvidenceView> files) =>
        files.Count == 0 ? string.Empty : Texts.Format("MyData.LevyEvidence", string.Join(", ", files.Select(f => f.FileName)));
}
