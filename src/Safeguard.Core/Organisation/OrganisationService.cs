using Microsoft.EntityFrameworkCore;
using Safeguard.Core.Audit;
using Safeguard.Core.Common;
using Safeguard.Core.Data;

namespace Safeguard.Core.Organisation;

/// <summary>Agencies and areas, kept by the force's administrators. Deactivated, never deleted: users and cases refer to them.</summary>
public sealed class OrganisationService(SafeguardDbContext db, AuditTrail audit, TimeProvider clock)
{
    public Task<List<Agency>> AgenciesAsync(CancellationToken ct = default) =>
        db.Agencies.AsNoTracking().OrderBy(a => a.Name).ToListAsync(ct);

    public Task<List<Area>> AreasAsync(CancellationToken ct = default) =>
        db.Areas.AsNoTracking().OrderBy(a => a.Name).ToListAsync(ct);

    public async Task<Result<Agency>> SaveAgencyAsync(int? id, string? name, AgencyKind? kind, bool isActive, int version, CancellationToken ct = default)
    {
        var errors = new List<FieldError>();
        name = name?.Trim();
        if (string.IsNullOrEmpty(name))
        {
            errors.Add(new("Name", "Enter the agency's name"));
        }
        else if (name.Length > 200)
        {
            errors.Add(new("Name", "Agency name must be 200 characters or fewer"));
        }
        else if (await db.Agencies.AnyAsync(a => a.Name == name && a.Id != id, ct))
        {
            errors.Add(new("Name", "An agency with this name already exists"));
        }

        if (kind is null)
        {
            errors.Add(new("Kind", "Select the kind of agency"));
        }

        if (errors.Count > 0)
        {
            return Result<Agency>.Fail(errors);
        }

        await using var write = await audit.BeginAsync(ct);
        Agency agency;
        object? before = null;
        if (id is null)
        {
            agency = new Agency { Name = name!, CreatedAt = clock.GetUtcNow().UtcDateTime };
            db.Agencies.Add(agency);
        }
        else
        {
            var found = await db.Agencies.FirstOrDefaultAsync(a => a.Id == id, ct);
            if (found is null)
            {
                return Result<Agency>.Fail(new FieldError("Name", "This agency no longer exists"));
            }

            agency = found;
            before = new { agency.Name, Kind = agency.Kind.ToString(), agency.IsActive };
            db.Entry(agency).Property(a => a.Version).OriginalValue = version;
            agency.Name = name!;
        }

        agency.Kind = kind!.Value;
        agency.IsActive = isActive;
        agency.Version++;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Result<Agency>.Fail(new FieldError("Name", "Someone else changed this agency while you were editing it. Reload the page to see their changes"));
        }

        write.Record(id is null ? "agency.created" : "agency.changed", "Agency", agency.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            before: before, after: new { agency.Name, Kind = agency.Kind.ToString(), agency.IsActive });
        await write.CommitAsync(ct);
        return Result<Agency>.Ok(agency);
    }

    /// <param name="creatorUserId">On creation, the administrator who adds an area also works in it, so they can give it to users.</param>
    public async Task<Result<Area>> SaveAreaAsync(int? id, string? name, bool isActive, int version, CancellationToken ct = default, string? creatorUserId = null)
    {
        name = name?.Trim();
        if (string.IsNullOrEmpty(name))
        {
            return Result<Area>.Fail(new FieldError("Name", "Enter the area's name"));
        }

        if (name.Length > 200)
        {
            return Result<Area>.Fail(new FieldError("Name", "Area name must be 200 characters or fewer"));
        }

        if (await db.Areas.AnyAsync(a => a.Name == name && a.Id != id, ct))
        {
            return Result<Area>.Fail(new FieldError("Name", "An area with this name already exists"));
        }

        await using var write = await audit.BeginAsync(ct);
        Area area;
        object? before = null;
        if (id is null)
        {
            area = new Area { Name = name, CreatedAt = clock.GetUtcNow().UtcDateTime };
            db.Areas.Add(area);
        }
        else
        {
            var found = await db.Areas.FirstOrDefaultAsync(a => a.Id == id, ct);
            if (found is null)
            {
                return Result<Area>.Fail(new FieldError("Name", "This area no longer exists"));
            }

            area = found;
            before = new { area.Name, area.IsActive };
            db.Entry(area).Property(a => a.Version).OriginalValue = version;
            area.Name = name;
        }

        area.IsActive = isActive;
        area.Version++;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Result<Area>.Fail(new FieldError("Name", "Someone else changed this area while you were editing it. Reload the page to see their changes"));
        }

        if (id is null && creatorUserId is not null)
        {
            db.UserAreas.Add(new UserArea { UserId = creatorUserId, AreaId = area.Id });

            // A new concurrency stamp tells the creator's open session to reload their areas.
            var creator = await db.Users.FirstAsync(u => u.Id == creatorUserId, ct);
            creator.ConcurrencyStamp = Guid.NewGuid().ToString();
            await db.SaveChangesAsync(ct);
        }

        write.Record(id is null ? "area.created" : "area.changed", "Area", area.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            before: before, after: new { area.Name, area.IsActive });
        await write.CommitAsync(ct);
        return Result<Area>.Ok(area);
    }
}
