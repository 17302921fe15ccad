using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Safeguard.Core.Accounts;
using Safeguard.Core.Incidents;
using Safeguard.Web.Infrastructure;

namespace Safeguard.Web.Scopes;

/// <summary>
/// Who may see a police incident. Police users who triage for the DRAMM see the incidents in their areas; auditors
/// and inspectors read every incident and change none; partner agencies see none for now (they are told about a
/// case through the DRAMM, not the police log). Nobody changes an incident on a page yet: the police system that
/// sent it is the record's owner. Lists and single records both use this file.
/// </summary>
public sealed class IncidentRecordScope : AuthorizationHandler<RecordOperation, PoliceIncident>
{
    /// <summary>The incidents the user may see, or none.</summary>
    public static IQueryable<PoliceIncident> VisibleTo(IQueryable<PoliceIncident> incidents, ClaimsPrincipal principal)
    {
        if (Capabilities.Has(principal, Capability.ReadAllIncidents))
        {
            return incidents;
        }

        if (!Capabilities.Has(principal, Capability.ViewIncidents))
        {
            return incidents.Where(_ => false);
        }

        var areas = principal.AreaIds().ToList();
        return incidents.Where(i => areas.Contains(i.AreaId));
    }

    public static bool MayView(ClaimsPrincipal principal, PoliceIncident incident) =>
        Capabilities.Has(principal, Capability.ReadAllIncidents)
        || (Capabilities.Has(principal, Capability.ViewIncidents) && principal.AreaIds().Contains(incident.AreaId));

    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, RecordOperation requirement, PoliceIncident resource)
    {
        if (requirement == RecordOperation.View && MayView(context.User, resource))
        {
            context.Succeed(requirement);
        }

        return Task.CompletedTask;
    }
}
