using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Safeguard.Core.Accounts;
using Safeguard.Core.Audit;
using Safeguard.Core.Data;
using Safeguard.Core.Organisation;

namespace Safeguard.Web.Demo;

public sealed record DemoUser(string Role, string Email, string DisplayName, string Agency, string[] Areas);

public sealed record DemoSignIn(string Role, string Email, string Code);

/// <summary>
/// Fictional agencies, areas and one user per role, with their second factor already enrolled, so that a
/// newcomer can try Safeguard in a minute. Every name is obviously made up; every email is on example.org.
/// </summary>
public sealed class DemoData(
    SafeguardDbContext db, UserManager<User> users, AuditTrail audit, TimeProvider clock, IOptions<DemoOptions> options, DemoPeople demoPeople,
    DemoDisclosures demoDisclosures, DemoMeetings demoMeetings)
{
    public const string Password = "demo-only-password";
    private const string North = "Northtown (demo)";
    private const string South = "Southvale (demo)";

    public static readonly (string Name, AgencyKind Kind)[] Agencies =
    [
        ("Northshire Police (demo)", AgencyKind.Police),
        ("Northshire Children's Social Care (demo)", AgencyKind.ChildrensSocialCare),
        ("Northshire Adult Social Care (demo)", AgencyKind.AdultSocialCare),
        ("Northshire IDVA Service (demo)", AgencyKind.IdvaService),
        ("Northshire Health Partnership (demo)", AgencyKind.Health),
        ("Northshire Housing (demo)", AgencyKind.Housing),
        ("Northshire Probation (demo)", AgencyKind.Probation),
    ];

    public static readonly DemoUser[] Users =
    [
        new(Roles.Administrator, "admin@demo.example.org", "Ada Admin", Agencies[0].Name, [North, South]),
        new(Roles.ControlRoom, "control.room@demo.example.org", "Connor Control", Agencies[0].Name, [North, South]),
        new(Roles.CruResearcher, "researcher@demo.example.org", "Rita Research", Agencies[0].Name, [North]),
        new(Roles.CruDecisionMaker, "decision.maker@demo.example.org", "Dev Decides", Agencies[0].Name, [North, South]),
        new(Roles.CruSupervisor, "supervisor@demo.example.org", "Sue Supervise", Agencies[0].Name, [North, South]),
        new(Roles.DisclosureOfficer, "disclosure@demo.example.org", "Dan Disclose", Agencies[0].Name, [North, South]),
        new(Roles.MaracCoordinator, "marac.coordinator@demo.example.org", "Mo Coordinate", Agencies[0].Name, [North]),
        new(Roles.MeetingChair, "chair@demo.example.org", "Charlie Chair", Agencies[0].Name, [North]),
        new(Roles.AgencyRepresentative, "housing.rep@demo.example.org", "Harper Housing", Agencies[5].Name, [North]),
        new(Roles.Idva, "idva@demo.example.org", "Ivy Advocate", Agencies[3].Name, [North, South]),
        new(Roles.TeamLeader, "team.leader@demo.example.org", "Tam Lead", Agencies[1].Name, [South]),
        new(Roles.CaseCoordinator, "case.coordinator@demo.example.org", "Casey Coordinate", Agencies[2].Name, [South]),
        new(Roles.OperationalLeader, "operational.leader@demo.example.org", "Olu Operate", Agencies[4].Name, [South]),
        new(Roles.Auditor, "auditor@demo.example.org", "Audrey Audit", Agencies[6].Name, [North, South]),
    ];

    public bool Enabled => options.Value.Enabled;

    public async Task SeedIfEnabledAsync(CancellationToken ct = default)
    {
        if (!Enabled || await db.Users.AnyAsync(ct))
        {
            return;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        await using var write = await audit.BeginAsync(ct);
        foreach (var (name, kind) in Agencies)
        {
            db.Agencies.Add(new Agency { Name = name, Kind = kind, CreatedAt = now, Version = 1 });
        }

        db.Areas.AddRange(new Area { Name = North, CreatedAt = now, Version = 1 }, new Area { Name = South, CreatedAt = now, Version = 1 });
        foreach (var role in Roles.All)
        {
            db.Roles.Add(new IdentityRole(role.Name) { NormalizedName = role.Name.ToUpperInvariant() });
        }

        await db.SaveChangesAsync(ct);
        var agencyIds = await db.Agencies.ToDictionaryAsync(a => a.Name, a => a.Id, ct);
        var areaIds = await db.Areas.ToDictionaryAsync(a => a.Name, a => a.Id, ct);

        foreach (var d in Users)
        {
            var user = new User
            {
                UserName = d.Email, Email = d.Email, EmailConfirmed = true, DisplayName = d.DisplayName,
                AgencyId = agencyIds[d.Agency], CreatedAt = now, LockoutEnabled = true,
            };
            Check(await users.CreateAsync(user, Password));
            Check(await users.AddToRoleAsync(user, d.Role));
            Check(await users.ResetAuthenticatorKeyAsync(user));
            Check(await users.SetTwoFactorEnabledAsync(user, true));
            db.UserAreas.AddRange(d.Areas.Select(a => new UserArea { UserId = user.Id, AreaId = areaIds[a] }));
        }

        await db.SaveChangesAsync(ct);
        write.Record("demo.seeded", summary: $"{Agencies.Length} agencies, 2 areas, {Users.Length} users");
        await write.CommitAsync(ct);
        var admin = await db.Users.SingleAsync(u => u.Email == Users[0].Email, ct);
        await demoPeople.SeedAsync(admin.Id, areaIds[North], areaIds[South], ct);
        await demoDisclosures.SeedAsync(areaIds[North], ct);
        await demoMeetings.SeedAsync(areaIds[North], admin.Id, ct);
    }

    /// <summary>Each demo user's current authenticator code, for the sign-in page's demo panel.</summary>
    public async Task<IReadOnlyList<DemoSignIn>> CurrentCodesAsync(CancellationToken ct = default)
    {
        var emails = Users.Select(u => u.Email.ToUpperInvariant()).ToList();
        var found = await db.Users.Where(u => emails.Contains(u.NormalizedEmail!) && u.TwoFactorEnabled && !u.IsDisabled).ToListAsync(ct);
        var now = clock.GetUtcNow();
        var list = new List<DemoSignIn>();
        foreach (var d in Users)
        {
            var user = found.FirstOrDefault(u => u.Email == d.Email);
            var key = user is null ? null : await users.GetAuthenticatorKeyAsync(user);
            if (key is not null)
            {
                list.Add(new DemoSignIn(Roles.DisplayName(d.Role), d.Email, Totp.Code(key, now)));
            }
        }

        return list;
    }

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException("Demo data could not be created: " + string.Join("; ", result.Errors.Select(e => e.Description)));
        }
    }
}
