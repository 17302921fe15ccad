using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Safeguard.Core.Accounts;
using Safeguard.Core.Data;
using Safeguard.Core.People;
using Safeguard.Web.Infrastructure;

namespace Safeguard.Web.Pages.Admin.Merges;

/// <summary>
/// Which merges an administrator may see and reverse: those where each of the two records is held in one of
/// the administrator's areas. A merge is judged record by record (not by the merged group), because reversing
/// one splits the group again and the administrator must be able to see both halves.
/// </summary>
public static class MergeScope
{
    public static IQueryable<PersonMerge> VisibleTo(IQueryable<PersonMerge> merges, SafeguardDbContext db, ClaimsPrincipal user)
    {
        if (!Capabilities.Has(user, Capability.ReverseMerges))
        {
            return merges.Where(_ => false);
        }

        var areas = user.AreaIds().ToList();
        return merges.Where(m => db.PersonAreas.Any(pa => pa.PersonId == m.SurvivorId && areas.Contains(pa.AreaId))
            && db.PersonAreas.Any(pa => pa.PersonId == m.MergedId && areas.Contains(pa.AreaId)));
    }
}
