using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Safeguard.Core.Accounts;
using Safeguard.Core.Referrals;
using Safeguard.Web.Infrastructure;
using Safeguard.Web.Scopes;

namespace Safeguard.Web.Tests.Referrals;

/// <summary>The referral scope handler on its own, without a database or a request: who may view and change what.</summary>
public sealed class ReferralRecordScopeTests
{
    private static readonly Referral InArea1 = new()
    {
        Id = 1, AreaId = 1, ReferrerName = "R", ReferrerAgency = "A", ReferrerRole = "Role", ReferrerContact = "C", Reason = "Fictional",
    };

    private static ClaimsPrincipal User(string role, params int[] areas) => new(new ClaimsIdentity(
        [new Claim(ClaimTypes.Role, role), .. areas.Select(a => new Claim(SafeguardClaims.Area, a.ToString()))], "test"));

    private static async Task<bool> AllowedAsync(ClaimsPrincipal user, RecordOperation operation)
    {
        var context = new AuthorizationHandlerContext([operation], user, InArea1);
        await new ReferralRecordScope().HandleAsync(context);
        return context.HasSucceeded;
    }

    [Theory]
    [InlineData(Roles.MaracCoordinator, 1, true, true)]
    [InlineData(Roles.Idva, 1, true, true)]
    [InlineData(Roles.MaracCoordinator, 2, false, false)]
    [InlineData(Roles.Auditor, 2, true, false)]
    [InlineData(Roles.AgencyRepresentative, 1, false, false)]
    [InlineData(Roles.CruResearcher, 1, false, false)]
    [InlineData(Roles.Administrator, 1, false, false)]
    public async Task Roles_and_areas_decide_view_and_change(string role, int area, bool view, bool change)
    {
        var user = User(role, area);
        Assert.Equal(view, await AllowedAsync(user, RecordOperation.View));
        Assert.Equal(change, await AllowedAsync(user, RecordOperation.Change));
        Assert.Equal(view, ReferralRecordScope.VisibleTo(new[] { InArea1 }.AsQueryable(), user).Any());
    }
}
