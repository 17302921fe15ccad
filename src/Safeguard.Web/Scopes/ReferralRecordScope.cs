using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Safeguard.Core.Accounts;
using Safeguard.Core.Referrals;
using Safeguard.Web.Infrastructure;

namespace Safeguard.Web.Scopes;

/// <summary>
/// Who may see and change a referral. Those who record referrals see and change the referrals of their areas;
/// auditors read every referral and change none; everyone else, partner agencies included, sees nothing here.
/// The list and single records both use this file.
/// </summary>
public sealed class ReferralRecordScope : AuthorizationHandler<RecordOperation, Referral>
{
    public static IQueryable<Referral> VisibleTo(IQueryable<Referral> referrals, ClaimsPrincipal principal)
    {
        if (Capabilities.Has(principal, Capability.ReadAllReferrals))
        {
            return referrals;
        }

        if (!Capabilities.Has(principal, Capability.RecordReferrals))
        {
            return referrals.Where(_ => false);
        }

        var areas = principal.AreaIds().ToList();
        return referrals.Where(r => areas.Contains(r.AreaId));
    }

    public static bool MayView(ClaimsPrincipal principal, Referral referral) =>
        Capabilities.Has(principal, Capability.ReadAllReferrals) || MayChange(principal, referral);

    public static bool MayChange(ClaimsPrincipal principal, Referral referral) =>
        Capabilities.Has(principal, Capability.RecordReferrals) && principal.AreaIds().Contains(referral.AreaId);

    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, RecordOperation requirement, Referral resource)
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
