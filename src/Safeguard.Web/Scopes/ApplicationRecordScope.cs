using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Safeguard.Core.Accounts;
using Safeguard.Core.Disclosures;
using Safeguard.Core.Disclosures.Reporting;
using Safeguard.Web.Infrastructure;

namespace Safeguard.Web.Scopes;

/// <summary>
/// Who may see and change a disclosure application. Police CRU roles see and work on applications in their
/// areas; auditors and inspectors read every application and change none; everyone else, partner agencies
/// included, sees nothing of this work. Lists, boards, figures and single records all use this file.
/// </summary>
public sealed class ApplicationRecordScope : AuthorizationHandler<RecordOperation, DisclosureApplication>
{
    /// <summary>Applications the user may see, or none.</summary>
    public static IQueryable<DisclosureApplication> VisibleTo(IQueryable<DisclosureApplication> applications, ClaimsPrincipal principal)
    {
        if (Capabilities.Has(principal, Capability.ReadAllDisclosures))
        {
            return applications;
        }

        if (!Capabilities.Has(principal, Capability.WorkOnDisclosures))
        {
            return applications.Where(_ => false);
        }

        var areas = principal.AreaIds().ToList();
        return applications.Where(a => areas.Contains(a.AreaId));
    }

    /// <summary>The same rule for the dashboard's figures, which also read the monthly roll-up: every area, the user's areas, or none.</summary>
    public static FiguresScope FiguresScopeFor(ClaimsPrincipal principal)
    {
        if (Capabilities.Has(principal, Capability.ReadAllDisclosures))
        {
            return FiguresScope.Everywhere;
        }

        return FiguresScope.InAreas(Capabilities.Has(principal, Capability.WorkOnDisclosures) ? principal.AreaIds() : []);
    }

    public static bool MayView(ClaimsPrincipal principal, DisclosureApplication app) =>
        Capabilities.Has(principal, Capability.ReadAllDisclosures) || MayChange(principal, app);

    public static bool MayChange(ClaimsPrincipal principal, DisclosureApplication app) =>
        Capabilities.Has(principal, Capability.WorkOnDisclosures) && principal.AreaIds().Contains(app.AreaId);

    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, RecordOperation requirement, DisclosureApplication resource)
    {
        var allowed = requirement == RecordOperation.View ? MayView(context.User, resource)
            : requirement == RecordOperation.Change && MayChange(context.User, resource);
        if (allowed)
        {
            context.Succeed(requirement);
        }

        return Task.CompletedTask;
    }
}
