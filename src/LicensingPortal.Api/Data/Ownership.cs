namespace LicensingPortal.Api.Data;

/// <summary>
/// An applicant sees only their own rows: every applicant query starts here. A row of another account is simply
/// not found, so the answer is 404 and nobody learns that it exists.
/// </summary>
public static class Ownership
{
    public static IQueryable<Business> BusinessesOf(this LicensingDbContext db, Guid ownerId)
    {
        ArgumentNullException.ThrowIfNull(db);
        return db.Businesses.Where(b => b.OwnerId == ownerId);
    }

    public static IQueryable<PermitApplication> ApplicationsOf(this LicensingDbContext db, Guid ownerId)
    {
        ArgumentNullException.ThrowIfNull(db);
        return db.Applications.Where(a => db.Businesses.Any(b => b.Id == a.BusinessId && b.OwnerId == ownerId));
    }

    public static IQueryable<Permit> PermitsOf(this LicensingDbContext db, Guid ownerId)
    {
        ArgumentNullException.ThrowIfNull(db);
        return db.Permits.Where(p => db.Businesses.Any(b => b.Id == p.BusinessId && b.OwnerId == ownerId));
    }

    public static IQueryable<Document> DocumentsOf(this LicensingDbContext db, Guid ownerId)
    {
        ArgumentNullException.ThrowIfNull(db);
        return db.Documents.Where(d => d.OwnerId == ownerId);
    }

    public static IQueryable<ApplicationDraft> DraftsOf(this LicensingDbContext db, Guid ownerId)
    {
        ArgumentNullException.ThrowIfNull(db);
        return db.ApplicationDrafts.Where(d => d.OwnerId == ownerId);
    }

    public static IQueryable<InboxNotification> NotificationsOf(this LicensingDbContext db, Guid ownerId)
    {
        ArgumentNullException.ThrowIfNull(db);
        return db.InboxNotifications.Where(n => n.UserId == ownerId);
    }
}
