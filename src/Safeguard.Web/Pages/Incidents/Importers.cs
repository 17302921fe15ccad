using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Safeguard.Core.Data;
using Safeguard.Core.Incidents;
using Safeguard.Web.Infrastructure;

namespace Safeguard.Web.Pages.Incidents;

/// <summary>
/// The signed-in user (or token owner) as an importer of incidents: their force is their agency, read from the
/// database because a token's principal carries roles and areas but not the agency.
/// </summary>
public static class Importers
{
    public static async Task<Importer> OfAsync(ClaimsPrincipal user, SafeguardDbContext db, CancellationToken ct)
    {
        var id = user.UserId() ?? throw new InvalidOperationException("No signed-in user.");
        var agency = await db.Users.Where(u => u.Id == id).Select(u => u.AgencyId).SingleAsync(ct);
        return new Importer(id, agency, user.AreaIds());
    }
}
