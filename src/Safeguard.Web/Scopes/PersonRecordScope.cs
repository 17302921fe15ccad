using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using Safeguard.Core.Accounts;
using Safeguard.Core.Data;
using Safeguard.Core.People;
using Safeguard.Web.Infrastructure;

namespace Safeguard.Web.Scopes;

/// <summary>
/// Who may see and change a person record. A person is seen by users with the FindPeople capability who work
/// in one of the areas that hold the person (or any record merged with them); changed by those who may also
/// record people. Searches, lists and single records all use this file, so the rule lives in one place.
/// </summary>
public sealed class PersonRecordScope(SafeguardDbContext db) : AuthorizationHandler<RecordOperation, Person>
{
    /// <summary>The areas whose people this user may see, or none without the capability.</summary>
    public static IReadOnlyCollection<int> Areas(ClaimsPrincipal principal) =>
        Capabilities.Has(principal, Capability.FindPeople) ? principal.AreaIds().ToList() : [];

    /// <summary>Canonical person records the user may see.</summary>
    public static IQueryable<Person> VisibleTo(IQueryable<Person> people, SafeguardDbContext db, ClaimsPrincipal principal)
    {
        var areas = Areas(principal).ToList();
        return people.Where(p => p.MergedIntoId == null && db.People.Any(m => m.CanonicalId == p.Id
            && db.PersonAreas.Any(pa => pa.PersonId == m.Id && areas.Contains(pa.AreaId))));
    }

    protected override async Task HandleRequirementAsync(AuthorizationHandlerContext context, RecordOperation requirement, Person resource)
    {
        if (requirement != RecordOperation.View && requirement != RecordOperation.Change)
        {
            return;
        }

        if (requirement == RecordOperation.Change && !Capabilities.Has(context.User, Capability.RecordPeople))
        {
            return;
        }

        if (await VisibleTo(db.People.Where(p => p.Id == resource.CanonicalId), db, context.User).AnyAsync())
        {
            context.Succeed(requirement);
        }
    }
}
