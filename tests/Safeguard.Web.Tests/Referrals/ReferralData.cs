using Microsoft.Extensions.DependencyInjection;
using Safeguard.Core.Accounts;
using Safeguard.Core.Audit;
using Safeguard.Core.Common;
using Safeguard.Core.People;
using Safeguard.Core.Referrals;
using Safeguard.Core.Referrals.Dash;
using Safeguard.Web.Tests.People;

namespace Safeguard.Web.Tests.Referrals;

/// <summary>Referrals made through the real service by a MARAC co-ordinator of the area, for page tests. Fictional people only.</summary>
public static class ReferralData
{
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<(SafeguardApp, int), TestUser> Coordinators = new();

    public static async Task<TestUser> CoordinatorAsync(this SafeguardApp app, int area)
    {
        if (!Coordinators.TryGetValue((app, area), out var user))
        {
            user = Coordinators.GetOrAdd((app, area), await app.CreateUserAsync([Roles.MaracCoordinator], [area]));
        }

        return user;
    }

    /// <summary>A referral in the area with a victim, and (when <paramref name="yes"/> is given) a partner DASH with that many yeses.</summary>
    public static async Task<(int Referral, int? Assessment)> CreateReferralAsync(this SafeguardApp app, int area, int? yes = null, DateOnly? victimBorn = null)
    {
        var coordinator = await app.CoordinatorAsync(area);
        var victim = await app.AddPersonAsync("Vicky", PeopleEditing.UniqueName("Victim"), victimBorn ?? new DateOnly(1990, 1, 1), area, ContactChannels.None, null, Gender.Female);
        using var scope = app.Services.CreateScope();
        scope.ServiceProvider.GetRequiredService<AuditContext>().ActorUserId = coordinator.Id;
        var service = scope.ServiceProvider.GetRequiredService<ReferralService>();
        var created = await service.CreateAsync(new NewReferral(ReferralKind.AgencyReferral, area, London.Today(app.Clock), null, "Riley Referrer", "Fictional Housing Trust",
            "Housing officer", "01632 960000", ReferralCriteria.VisibleHighRisk, "Fictional reason", true, Answer.Yes, null, null, null, null, null));
        Assert.True(created.Succeeded, string.Join("; ", created.Errors));
        var id = created.Value!.Id;
        Assert.True((await service.AddPersonAsync(id, victim, ReferralRole.Victim, null)).Succeeded);
        if (yes is not int count)
        {
            return (id, null);
        }

        var definition = (await scope.ServiceProvider.GetRequiredService<DashDefinitions>().CurrentAsync()).Single(d => d.Key == DashKeys.Partner);
        var answers = definition.Questions.Select((q, i) => (q.Id, A: (DashAnswer?)(i < count ? DashAnswer.Yes : DashAnswer.No))).ToDictionary(x => x.Id, x => x.A);
        var assessed = await service.AssessAsync(id, new AssessmentInput(definition.Key, definition.Version, answers, null, null));
        Assert.True(assessed.Succeeded, string.Join("; ", assessed.Errors));
        return (id, assessed.Value!.Id);
    }
}
