using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Safeguard.Core.Accounts;
using Safeguard.Core.Audit;
using Safeguard.Core.Disclosures;
using Safeguard.Core.Marac;
using Safeguard.Core.People;
using Safeguard.Core.Tests.Disclosures;

namespace Safeguard.Core.Tests.Marac;

/// <summary>
/// The disclosure fixture plus a DVDS application researched and rated high risk (an applicant, a subject, a person
/// at risk and a child on it), and a way to call the MARAC services as a named user.
/// </summary>
public abstract class ClaresLawReferralFixture : DisclosureFixture
{
    protected sealed record HighRisk(DisclosureApplication App, int Applicant, int Subject, int PersonAtRisk, int Child);

    protected const string Assessment = "Two convictions for assaulting former partners; controlling behaviour escalating since the separation";

    protected async Task<T> Marac<T, TService>(string userId, Func<TService, Task<T>> call) where TService : notnull
    {
        using var scope = Host.Scope();
        scope.ServiceProvider.GetRequiredService<AuditContext>().ActorUserId = userId;
        return await call(scope.ServiceProvider.GetRequiredService<TService>());
    }

    protected Task<T> ClaresLaw<T>(string userId, Func<ClaresLawReferrals, Task<T>> call) => Marac(userId, call);

    protected async Task<string> CoordinatorAsync()
    {
        using var scope = Host.Scope();
        var created = await scope.ServiceProvider.GetRequiredService<UserAdministration>()
            .CreateAsync(new UserDetails("Morgan Marac", "morgan.marac@example.org", Org.Agency, [Org.AreaA], [Roles.MaracCoordinator]), null);
        Assert.True(created.Succeeded, string.Join("; ", created.Errors));
        return created.Value!.User.Id;
    }

    /// <summary>A right-to-ask DVDS application at the decision stage, its research having rated the risk <paramref name="risk"/>.</summary>
    protected async Task<HighRisk> ResearchedAsync(RiskLevel risk = RiskLevel.High, DateOnly? atRiskBorn = null, Scheme scheme = Scheme.Dvds)
    {
        var app = await CreateAsync(scheme, Route.RightToAsk);
        var subject = (await PersonAsync("Shane", "Subjectson", new DateOnly(1985, 4, 2))).Id;
        var applicant = (await PersonAsync("Alex", "Asker", new DateOnly(1960, 6, 1))).Id;
        var atRisk = (await PersonAsync("Pat", "Atrisk", atRiskBorn ?? new DateOnly(1992, 8, 9))).Id;
        var child = (await PersonAsync("Charlie", "Atrisk", new DateOnly(2019, 2, 3))).Id;
        await AddAsync(app.Id, subject, ApplicationRole.Subject);
        await AddAsync(app.Id, applicant, ApplicationRole.Applicant);
        await AddAsync(app.Id, atRisk, ApplicationRole.PersonAtRisk);
        await AddAsync(app.Id, child, ApplicationRole.Child);
        await WalkToAsync(app.Id, DisclosureStage.Research);
        var source = await SourceIdAsync();
        Assert.True((await As(Researcher, s => s.AddCheckAsync(app.Id, Check(source)))).Succeeded);
        var version = (await ReloadAsync(app.Id)).Version;
        var done = await As(Researcher, s => s.CompleteResearchAsync(app.Id, version,
            new ResearchInput(risk, Assessment, scheme == Scheme.Csods ? true : null)));
        Assert.True(done.Succeeded, string.Join("; ", done.Errors));
        return new HighRisk(await ReloadAsync(app.Id), applicant, subject, atRisk, child);
    }

    protected static ClaresLawReferralInput Confirmed(int version) =>
        new(version, "CRU researcher", "riley.research@example.org", Assessment, true, Answer.Yes, "Referred to the IDVA service");

    protected Task<List<string>> ActionsAsync(string action) =>
        Db(db => db.AuditEvents.AsNoTracking().Where(e => e.Action == action).OrderBy(e => e.Sequence).Select(e => e.RecordId!).ToListAsync());
}
