using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using Safeguard.Core.Accounts;
using Safeguard.Core.Data;
using Safeguard.Web.Infrastructure;

namespace Safeguard.Web.Scopes;

/// <summary>
/// Which user accounts a user may see and change. Administrators manage the users who work in one of
/// their areas (and accounts not yet in any area). Lists and single records both use this file.
/// </summary>
public sealed class UserRecordScope(SafeguardDbContext db) : AuthorizationHandler<RecordOperation, User>
{
    public static IQueryable<User> VisibleTo(IQueryable<User> users, SafeguardDbContext db, ClaimsPrincipal principal)
    {
        if (!Capabilities.Has(principal, Capability.ManageUsers))
        {
            return users.Where(_ => false);
        }

        var areas = principal.AreaIds().ToList();
        return users.Where(u => db.UserAreas.Any(ua => ua.UserId == u.Id && areas.Contains(ua.AreaId))
            || !db.UserAreas.Any(ua => ua.UserId == u.Id));
    }

    protected override async Task HandleRequirementAsync(AuthorizationHandlerContext context, RecordOperation requirement, User resource)
    {
        var principal = context.User;
        if (!Capabilities.Has(principal, Capability.ManageUsers))
        {
            return;
        }

        if (await VisibleTo(db.Users.Where(u => u.Id == resource.Id), db, principal).AnyAsync())
        {
            context.Succeed(requirement);
        }
    }
}
