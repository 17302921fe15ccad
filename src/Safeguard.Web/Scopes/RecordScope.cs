using Microsoft.EntityFrameworkCore;
using Microsoft.AspNetCore.Authorization;
using Safeguard.Core.Accounts;
using Safeguard.Core.Audit;
using Safeguard.Core.Data;
using Safeguard.Core.Disclosures;
using Safeguard.Core.Incidents;
using Safeguard.Core.Organisation;
using Safeguard.Core.People;

namespace Safeguard.Web.Scopes;

/// <summary>
/// Loads a record only if the signed-in user may do the operation on it. Null means "not found" to the page,
/// which answers 404 either way, so a record outside someone's scope cannot be told from one that does not exist.
/// </summary>
public sealed class RecordScope(SafeguardDbContext db, IAuthorizationService authorization, IHttpContextAccessor http, AuditTrail audit)
{
    public async Task<User?> UserAsync(string? id, RecordOperation operation, CancellationToken ct = default)
    {
        if (string.IsNullOrEmpty(id) || id.Length > 450)
        {
            return null;
        }

        var user = await db.Users.FindAsync([id], ct);
        return user is not null && await AllowedAsync(user, "User", id, operation, ct) ? user : null;
    }

    public async Task<Area?> AreaAsync(int id, RecordOperation operation, CancellationToken ct = default)
    {
        var area = await db.Areas.FindAsync([id], ct);
        return area is not null && await AllowedAsync(area, "Area", id.ToString(System.Globalization.CultureInfo.InvariantCulture), operation, ct) ? area : null;
    }

    /// <summary>
    /// A person record with its names, addresses and identifiers, if the user may do the operation on it.
    /// A record merged into another is answered with the record it was merged into.
    /// </summary>
    public async Task<Person?> PersonAsync(int id, RecordOperation operation, CancellationToken ct = default)
    {
        var canonicalId = await db.People.Where(p => p.Id == id).Select(p => (int?)p.CanonicalId).FirstOrDefaultAsync(ct);
        if (canonicalId is null)
        {
            return null;
        }

        var person = await db.People.Include(p => p.Names).Include(p => p.Addresses).Include(p => p.Identifiers)
            .AsSplitQuery().FirstAsync(p => p.Id == canonicalId, ct);
        return await AllowedAsync(person, "Person", id.ToString(System.Globalization.CultureInfo.InvariantCulture), operation, ct) ? person : null;
    }

    /// <summary>A disclosure application with its people, if the user may do the operation on it.</summary>
    public async Task<DisclosureApplication?> ApplicationAsync(int id, RecordOperation operation, CancellationToken ct = default)
    {
        var app = await db.DisclosureApplications.Include(a => a.People).FirstOrDefaultAsync(a => a.Id == id, ct);
        return app is not null && await AllowedAsync(app, "DisclosureApplication", id.ToString(System.Globalization.CultureInfo.InvariantCulture), operation, ct)
            ? app : null;
    }

    /// <summary>A referral with its people, if the user may do the operation on it.</summary>
    public async Task<Safeguard.Core.Referrals.Referral?> ReferralAsync(int id, RecordOperation operation, CancellationToken ct = default)
    {
        var referral = await db.Referrals.Include(r => r.People).FirstOrDefaultAsync(r => r.Id == id, ct);
        return referral is not null && await AllowedAsync(referral, "Referral", id.ToString(System.Globalization.CultureInfo.InvariantCulture), operation, ct)
            ? referral : null;
    }

    /// <summary>A police incident, if the user may do the operation on it.</summary>
    public async Task<PoliceIncident?> IncidentAsync(int id, RecordOperation operation, CancellationToken ct = default)
    {
        var incident = await db.PoliceIncidents.AsNoTracking().FirstOrDefaultAsync(i => i.Id == id, ct);
        return incident is not null && await AllowedAsync(incident, "PoliceIncident", id.ToString(System.Globalization.CultureInfo.InvariantCulture), operation, ct)
            ? incident : null;
    }

    /// <summary>Whether the signed-in user may also change a record they can see: for showing or hiding actions.</summary>
    public async Task<bool> MayAsync(object record, RecordOperation operation) =>
        (await authorization.AuthorizeAsync(http.HttpContext!.User, record, operation)).Succeeded;

    private async Task<bool> AllowedAsync(object record, string recordType, string id, RecordOperation operation, CancellationToken ct)
    {
        var principal = http.HttpContext?.User ?? throw new InvalidOperationException("No signed-in user.");
        if ((await authorization.AuthorizeAsync(principal, record, operation)).Succeeded)
        {
            return true;
        }

        await audit.RecordAsync("access.denied", recordType, id, summary: operation.Name, ct: ct);
        return false;
    }
}
