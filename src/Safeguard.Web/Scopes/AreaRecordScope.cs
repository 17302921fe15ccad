using Microsoft.AspNetCore.Authorization;
using Safeguard.Core.Accounts;
using Safeguard.Core.Organisation;
using Safeguard.Web.Infrastructure;

namespace Safeguard.Web.Scopes;

/// <summary>
/// An administrator may rename or deactivate only the areas they work in, so one district's administrator
/// cannot switch off another's. Agencies are force-wide and need only the capability.
/// </summary>
public sealed class AreaRecordScope : AuthorizationHandler<RecordOperation, Area>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, RecordOperation requirement, Area resource)
    {
        if (Capabilities.Has(context.User, Capability.ManageOrganisation) && context.User.AreaIds().Contains(resource.Id))
        {
            context.Succeed(requirement);
        }

        return Task.CompletedTask;
    }
}
