using Microsoft.EntityFrameworkCore;
using Safeguard.Core.Audit;
using Safeguard.Core.Data;
using Safeguard.Core.Dramm;
using Safeguard.Core.Incidents;
using Safeguard.Core.Marac;
using Safeguard.Core.People;

namespace Safeguard.Web.Demo;

/// <summary>
/// The demo's meetings: which agencies attend Northtown's DRAMM and are invited to its MARAC, and three fictional police
/// incidents from the last few hours, so the next DRAMM list has something to prepare. Recorded through the same
/// service the police system's API uses, so the people join the person index as they would.
/// </summary>
public sealed class DemoMeetings(SafeguardDbContext db, DrammSharing dramm, IncidentSubmissions incidents, AuditContext actor, AuditTrail audit, TimeProvider clock)
{
    private static readonly string[] DrammAgencies =
        ["Northshire Housing (demo)", "Northshire IDVA Service (demo)", "Northshire Children's Social Care (demo)", "Northshire Health Partnership (demo)"];

    public async Task SeedAsync(int north, string adminUserId, CancellationToken ct = default)
    {
        if (await db.DrammAgencies.AnyAsync(ct))
        {
            return;
        }

        actor.ActorUserId = adminUserId;
        var agencies = await db.Agencies.ToDictionaryAsync(a => a.Name, a => a.Id, ct);
        await dramm.SetAttendingAsync(north, [.. DrammAgencies.Select(n => agencies[n])], ct);

        await using (var write = await audit.BeginAsync(ct))
        {
            db.MaracInvitedAgencies.AddRange(agencies.Values.Select(id => new MaracInvitedAgency { AreaId = north, AgencyId = id }));
            write.Record("marac.agencies-changed", "Area", north.ToString(System.Globalization.CultureInfo.InvariantCulture),
                summary: "demo data", after: new { Agencies = agencies.Values.Order() });
            await write.CommitAsync(ct);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var police = agencies["Northshire Police (demo)"];
        await incidents.SubmitAsync(
        [
            new("NT-DEMO-0001", now.AddHours(-9), now.AddHours(-8), north, RiskLevel.High, 16,
                new("Tamsin", "Examplefield", new DateOnly(1993, 6, 14)), new("Rory", "Examplefield", new DateOnly(1990, 2, 3)),
                true, 2, true, "Fictional: neighbours heard shouting and a door broken; victim has a cut to the hand.", "NT 1001"),
            new("NT-DEMO-0002", now.AddHours(-6), now.AddHours(-6), north, RiskLevel.Medium, 9,
                new("Imogen", "Sampleton", new DateOnly(1987, 11, 2)), new("Lewis", "Sampleton", null),
                false, null, true, "Fictional: threats by text after separation; victim agreed to information being shared.", "NT 1002"),
            new("NT-DEMO-0003", now.AddHours(-3), now.AddHours(-3), north, RiskLevel.Standard, 4,
                new("Ffion", "Placeholder", new DateOnly(1999, 3, 30)), null,
                false, null, false, "Fictional: verbal argument, no injuries, no children.", "NT 1003"),
        ], new Importer(adminUserId, police, new HashSet<int> { north }), ct);
    }
}
