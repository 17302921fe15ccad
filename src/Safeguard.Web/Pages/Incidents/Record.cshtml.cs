using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Safeguard.Core.Audit;
using Safeguard.Core.Data;
using Safeguard.Core.Incidents;
using Safeguard.Core.People;
using Safeguard.Web.Scopes;

namespace Safeguard.Web.Pages.Incidents;

/// <summary>One police incident, as the force reported it, with links to its people in the person index. Every view is audited.</summary>
public sealed class RecordModel(RecordScope scope, SafeguardDbContext db, AuditTrail audit) : PageModel
{
    public sealed record PersonRow(int Id, string Reference, string Name, DateOnly? DateOfBirth);

    [FromRoute]
    public int Id { get; set; }

    public PoliceIncident Incident { get; private set; } = null!;
    public string Area { get; private set; } = "";
    public string Force { get; private set; } = "";
    public PersonRow? Victim { get; private set; }
    public PersonRow? Perpetrator { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        var ct = HttpContext.RequestAborted;
        var incident = await scope.IncidentAsync(Id, RecordOperation.View, ct);
        if (incident is null)
        {
            return NotFound();
        }

        Incident = incident;
        Area = await db.Areas.Where(a => a.Id == incident.AreaId).Select(a => a.Name).FirstAsync(ct);
        Force = await db.Agencies.Where(a => a.Id == incident.AgencyId).Select(a => a.Name).FirstAsync(ct);
        var ids = new[] { incident.VictimPersonId, incident.PerpetratorPersonId ?? 0 };
        var people = await db.People.AsNoTracking().Where(p => ids.Contains(p.Id))
            .Select(p => new
            {
                p.Id, p.CanonicalId, p.DateOfBirth,
                Name = p.Names.OrderBy(n => n.Kind != NameKind.Current).ThenBy(n => n.Id).Select(n => n.GivenName + " " + n.FamilyName).FirstOrDefault(),
            })
            .ToListAsync(ct);
        PersonRow? Row(int? id) => people.FirstOrDefault(p => p.Id == id) is { } p
            ? new PersonRow(p.CanonicalId, Person.FormatReference(p.CanonicalId), p.Name ?? "(no name)", p.DateOfBirth) : null;
        Victim = Row(incident.VictimPersonId);
        Perpetrator = Row(incident.PerpetratorPersonId);
        await audit.RecordAsync("incident.viewed", "PoliceIncident", Id.ToString(System.Globalization.CultureInfo.InvariantCulture), ct: ct);
        return Page();
    }
}
