using LicensingPortal.Api.Domain;
using LicensingPortal.Api.Shared;
using LicensingPortal.Api.Tests.Web;

namespace LicensingPortal.Api.Tests.Domain;

public sealed class InspectionVisitTests
{
    [Theory]
    [InlineData("198504172010012003", "198504172010012003")]
    [InlineData("19850417 201001 2 003", "198504172010012003")]
    [InlineData("19850417.201001.2.003", "198504172010012003")]
    [InlineData("1985041720100120", null)]
    [InlineData("19850417201001200X", null)]
    [InlineData("", null)]
    public void TheNip_IsEighteenDigits_TypedWithSpacesOrDots(string typed, string? stored) =>
        Assert.Equal(stored, InspectionVisit.NipOf(typed));

    [Fact]
    public void TheNip_IsShownAsOnTheIdCard() =>
        Assert.Equal("19850417 201001 2 003", InspectionVisit.NipShown("198504172010012003"));

    [Theory]
    [InlineData("SS-TV", InspectionOutcome.Met, "Notice.InspectionRecorded.MayOperate")]
    [InlineData("SS-TV", InspectionOutcome.NotMet, "Notice.InspectionRecorded.NotYet")]
    public void AVerifiedStandardCertificate_SaysWhetherTheBusinessMayOperate(string type, InspectionOutcome outcome, string said)
    {
        var payload = new InspectionPayload(Guid.NewGuid(), Guid.NewGuid(), "SS-TV-2026-00000001", type, "Bengkel Las Oebobo", "Dinas Perindustrian Kota Kupang", "Maria Ndolu", "198504172010012003", new DateOnly(2026, 12, 14), new DateOnly(2026, 12, 16), outcome, new DateOnly(2026, 12, 15), outcome == InspectionOutcome.NotMet ? "Pasang alat pemadam api ringan di bengkel." : null, false);

        var text = Notices.InspectionRecorded(payload);

        Assert.Contains(Say.Id(said), text.BodyId, StringComparison.Ordinal);
        Assert.Contains(Say.In("en", said), text.BodyEn, StringComparison.Ordinal);
    }

    [Fact]
    public void AHygieneCertificate_SaysNothingAboutOperating()
    {
        var payload = new InspectionPayload(Guid.NewGuid(), Guid.NewGuid(), "PB-UMKU-SLHS-2026-00000001", "PB-UMKU-SLHS", "Katering Oma", "Dinas Kesehatan Kota Kupang", "Maria Ndolu", "198504172010012003", new DateOnly(2026, 12, 14), new DateOnly(2026, 12, 14), InspectionOutcome.Met, new DateOnly(2026, 12, 14), null, false);

        var text = Notices.InspectionRecorded(payload);

        Assert.DoesNotContain(Say.Id("Notice.InspectionRecorded.MayOperate"), text.BodyId, StringComparison.Ordinal);
        Assert.Contains("14 Desember 2026", text.BodyId, StringComparison.Ordinal);
    }

    [Fact]
    public void AVisitCalledOff_NoLongerWaits_TakesNoResult_AndIsNotCalledOffTwice()
    {
        var now = new DateTimeOffset(2026, 12, 7, 2, 0, 0, TimeSpan.Zero);
        var permit = Permit.Issue("PB-UMKU-SLHS-2026-00000001", "PB-UMKU-SLHS", Guid.CreateVersion7(), Guid.CreateVersion7(), ["56210"], new DateOnly(2026, 12, 1), 36, _ => "code", now);
        var visit = InspectionVisit.Book(permit, Guid.CreateVersion7(), "Dinas Kesehatan Kota Kupang", "Maria Ndolu", "19850417 201001 2 003", new DateOnly(2026, 12, 14), new DateOnly(2026, 12, 16), now);
        Assert.True(visit.IsWaiting);

        visit.CallOff(now.AddHours(1));

        Assert.False(visit.IsWaiting);
        Assert.Equal(now.AddHours(1), visit.CalledOffAt);
        Assert.Throws<InvalidOperationException>(() => visit.CallOff(now.AddHours(2)));
        Assert.Throws<InvalidOperationException>(() => visit.Record(Guid.CreateVersion7(), InspectionOutcome.Met, new DateOnly(2026, 12, 14), null, now.AddHours(2)));
        Assert.Throws<InvalidOperationException>(() => visit.Replace(now.AddHours(2)));
    }

    [Fact]
    public void OnlyAVisitCalledOff_IsMarkedToldToTheInspectorsOffice_AndTheFirstMarkIsKept()
    {
        var now = new DateTimeOffset(2026, 12, 7, 2, 0, 0, TimeSpan.Zero);
        var permit = Permit.Issue("PB-UMKU-SLHS-2026-00000001", "PB-UMKU-SLHS", Guid.CreateVersion7(), Guid.CreateVersion7(), ["56210"], new DateOnly(2026, 12, 1), 36, _ => "code", now);
        var visit = InspectionVisit.Book(permit, Guid.CreateVersion7(), "Dinas Kesehatan Kota Kupang", "Maria Ndolu", "19850417 201001 2 003", new DateOnly(2026, 12, 14), new DateOnly(2026, 12, 16), now);
        var officer = Guid.CreateVersion7();
        Assert.Throws<InvalidOperationException>(() => visit.MarkOfficeTold(officer, now));

        visit.CallOff(now.AddHours(1));
        visit.MarkOfficeTold(officer, now.AddHours(2));
        visit.MarkOfficeTold(Guid.CreateVersion7(), now.AddHours(3));

        Assert.Equal(now.AddHours(2), visit.OfficeToldAt);
        Assert.Equal(officer, visit.OfficeToldBy);

        // A mark taken back is gone, and the next mark is the one kept.
        visit.UndoOfficeTold();
        Assert.Null(visit.OfficeToldAt);
        Assert.Null(visit.OfficeToldBy);
        var other = Guid.CreateVersion7();
        visit.MarkOfficeTold(other, now.AddHours(4));
        Assert.Equal(now.AddHours(4), visit.OfficeToldAt);
        Assert.Equal(other, visit.OfficeToldBy);
    }

    [Fact]
    public void AVisit_FallsWithinItsPermitsValidity()
    {
        var now = new DateTimeOffset(2026, 12, 7, 2, 0, 0, TimeSpan.Zero);
        var permit = Permit.Issue("PB-UMKU-SLHS-2024-00000001", "PB-UMKU-SLHS", Guid.CreateVersion7(), Guid.CreateVersion7(), ["56210"], new DateOnly(2024, 1, 1), 36, _ => "code", now);
        Assert.Equal(new DateOnly(2026, 12, 31), permit.ValidUntil);

        Assert.Throws<ArgumentOutOfRangeException>(() => InspectionVisit.Book(permit, Guid.CreateVersion7(), "Dinas Kesehatan Kota Kupang", "Maria Ndolu", "198504172010012003", new DateOnly(2026, 12, 30), new DateOnly(2027, 1, 2), now));
        Assert.True(InspectionVisit.Book(permit, Guid.CreateVersion7(), "Dinas Kesehatan Kota Kupang", "Maria Ndolu", "198504172010012003", new DateOnly(2026, 12, 30), new DateOnly(2026, 12, 31), now).IsWaiting);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("PB-UMKU-SLHS-2026-00000002")]
    public void ACalledOffVisit_SaysNobodyComes_AndWhenAChangeIssuedAnotherPermit_ThatItIsVisitedInItsTurn(string? next)
    {
        var follows = next is not null;
        var payload = new InspectionPayload(Guid.NewGuid(), Guid.NewGuid(), "PB-UMKU-SLHS-2026-00000001", "PB-UMKU-SLHS", "Katering Oma", "Dinas Kesehatan Kota Kupang", "Maria Ndolu", "198504172010012003", new DateOnly(2026, 12, 14), new DateOnly(2026, 12, 16), null, null, null, false, DateTimeOffset.UtcNow, next);

        var text = Notices.InspectionCalledOff(payload);

        Assert.Equal(Say.Id("Notice.InspectionCalledOff.Title", "Katering Oma"), text.TitleId);
        Assert.Contains("Dinas Kesehatan Kota Kupang", text.BodyId, StringComparison.Ordinal);
        Assert.Contains("14 Desember 2026", text.BodyId, StringComparison.Ordinal);
        Assert.Contains("14 December 2026", text.BodyEn, StringComparison.Ordinal);
        Assert.Equal(follows, text.BodyId.EndsWith(Say.Id("Notice.InspectionCalledOff.NewPermit", next ?? "-"), StringComparison.Ordinal));
        Assert.Equal(follows, text.BodyEn.EndsWith(Say.In("en", "Notice.InspectionCalledOff.NewPermit", next ?? "-"), StringComparison.Ordinal));
        Assert.Equal(follows, text.BodyId.Contains("PB-UMKU-SLHS-2026-00000002", StringComparison.Ordinal));
    }
}
