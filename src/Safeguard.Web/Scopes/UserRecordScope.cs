using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using Safeguard.Core.Accounts;
using Safeguard.Core.Data;
using Safeguard.Web.Infrastructure;

namespace Safeguard.Web.Scopes;

/// <summary>
/// Which user accounts an administrator may see and change. They see the users who work in one of their
/// areas (and accounts not yet in any area). They may change a user only if they administer every area that
/// user works in: otherwise one district's administrator could reset, and so take over, an account that
/// reaches into another district. Lists and single records both use this file.
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

    public static IQueryable<User> ChangeableBy(IQueryable<User> users, SafeguardDbContext db, ClaimsPrincipal principal)
    {
        var areas = principal.AreaIds().ToList();
        return VisibleTo(users, db, principal).Where(u => !db.UserAreas.Any(ua => ua.UserId == u.Id && !areas.Contains(ua.AreaId)));
    }

    protected override async Task HandleRequirementAsync(AuthorizationHandlerContext context, RecordOperation requirement, User resource)
    {
        var target = db.Users.Where(u => u.Id == resource.Id);
        var allowed = requirement == RecordOperation.Change
            ? ChangeableBy(target, db, context.User)
            : VisibleTo(target, db, context.User);
        if (await allowed.AnyAsync())
        {
            context.Succeed(requirement);
        }
    }
}
