using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Safeguard.Core.Accounts;
using Safeguard.Core.Audit;
using Safeguard.Core.Common;
using Safeguard.Core.Data;
using Safeguard.Core.People;
using Safeguard.Core.Referrals;
using Safeguard.Core.Referrals.Dash;

namespace Safeguard.Core.Tests.Referrals;

/// <summary>
/// A migrated database with the shipped DASH versions, two areas and a MARAC co-ordinator in area A. Helpers make a
/// referral, add fictional people from the person index and answer a checklist with a given number of yeses.
/// </summary>
public abstract class ReferralFixture : IAsyncLifetime
{
    protected static readonly DateTimeOffset Start = new(2026, 11, 30, 10, 0, 0, TimeSpan.Zero);

    protected CoreHost Host { get; private set; } = null!;
    protected (int Agency, int AreaA, int AreaB) Org { get; private set; }
    protected string Coordinator { get; private set; } = null!;
    protected DateOnly Today => new(2026, 11, 30);

    public async Task InitializeAsync()
    {
        Host = await CoreHost.StartAsync();
        Host.Clock.Set(Start);
        Org = await Host.SeedOrganisationAsync();
        using (var scope = Host.Scope())
        {
            await scope.ServiceProvider.GetRequiredService<DashDefinitions>().EnsureDefaultsAsync();
        }

        using (var scope = Host.Scope())
        {
            var created = await scope.ServiceProvider.GetRequiredService<UserAdministration>()
                .CreateAsync(new UserDetails("Morgan Marac", "morgan.marac@example.org", Org.Agency, [Org.AreaA], [Roles.MaracCoordinator]), null);
            Assert.True(created.Succeeded, string.Join("; ", created.Errors));
            Coordinator = created.Value!.User.Id;
        }
    }

    public async Task DisposeAsync() => await Host.DisposeAsync();

    protected async Task<T> As<T>(Func<ReferralService, Task<T>> call)
    {
        using var scope = Host.Scope();
        scope.ServiceProvider.GetRequiredService<AuditContext>().ActorUserId = Coordinator;
        return await call(scope.ServiceProvider.GetRequiredService<ReferralService>());
    }

    protected async Task<T> Db<T>(Func<SafeguardDbContext, Task<T>> query)
    {
        using var scope = Host.Scope();
        return await query(scope.ServiceProvider.GetRequiredService<SafeguardDbContext>());
    }

    protected NewReferral Form(ReferralKind kind = ReferralKind.AgencyReferral, DateOnly? receivedOn = null, string? police = null) => new(
        kind, Org.AreaA, receivedOn ?? Today, police, "Riley Referrer", "Northtown Housing (fictional)", "Housing officer", "01632 960000",
        ReferralCriteria.VisibleHighRisk, "Checklist completed with the victim; 15 yes answers", true, Answer.Yes,
        "Her former partner", "Her sister", "His family", "None known", "Safety plan and locks changed");

    protected async Task<Referral> CreateAsync(ReferralKind kind = ReferralKind.AgencyReferral, DateOnly? receivedOn = null)
    {
        var result = await As(s => s.CreateAsync(Form(kind, receivedOn, ReferralNames.IsPoliceIncident(kind) ? "INC-0001" : null)));
        Assert.True(result.Succeeded, string.Join("; ", result.Errors));
        return result.Value!;
    }

    protected async Task<int> PersonAsync(string given, string family, DateOnly? born)
    {
        using var scope = Host.Scope();
        var receipt = new SearchReceipt(given, family, born, Host.Clock.GetUtcNow().UtcDateTime);
        var details = new PersonDetails(born, null, Gender.NotKnown, Ethnicity.NotKnown, Answer.NotKnown, SexualOrientation.NotKnown, Answer.NotKnown,
            null, null, ContactChannels.None, null);
        var result = await scope.ServiceProvider.GetRequiredService<PersonService>()
            .CreateAsync(new NewPerson(given, family, details, [], null, [], Org.AreaA), receipt, Coordinator);
        Assert.True(result.Succeeded, string.Join("; ", result.Errors));
        return result.Value!.Id;
    }

    protected async Task<(Referral Referral, int Victim)> WithVictimAsync(DateOnly? born = null, ReferralKind kind = ReferralKind.AgencyReferral, DateOnly? receivedOn = null, int? victim = null)
    {
        var referral = await CreateAsync(kind, receivedOn);
        var id = victim ?? await PersonAsync("Vicky", "Testcase", born ?? new DateOnly(1990, 5, 5));
        var added = await As(s => s.AddPersonAsync(referral.Id, id, ReferralRole.Victim, null));
        Assert.True(added.Succeeded, string.Join("; ", added.Errors));
        return (referral, id);
    }

    protected async Task<DashDefinition> DefinitionAsync(string key)
    {
        using var scope = Host.Scope();
        return (await scope.ServiceProvider.GetRequiredService<DashDefinitions>().CurrentAsync()).Single(d => d.Key == key);
    }

    /// <summary>The first <paramref name="yes"/> questions answered yes, the rest no.</summary>
    protected static Dictionary<string, DashAnswer?> Answers(DashDefinition definition, int yes) =>
        definition.Questions.Select((q, i) => (q.Id, Answer: (DashAnswer?)(i < yes ? DashAnswer.Yes : DashAnswer.No))).ToDictionary(x => x.Id, x => x.Answer);

    protected async Task<Result<RiskAssessment>> AssessAsync(int referralId, int yes, RiskLevel? judged = null, string? rationale = null, string key = DashKeys.Partner)
    {
        var definition = await DefinitionAsync(key);
        return await As(s => s.AssessAsync(referralId, new AssessmentInput(definition.Key, definition.Version, Answers(definition, yes), judged, rationale)));
    }

    protected Task<Referral> ReloadAsync(int id) => Db(db => db.Referrals.AsNoTracking().Include(r => r.People).SingleAsync(r => r.Id == id));

    protected static void AssertError<T>(Result<T> result, string field)
    {
        Assert.False(result.Succeeded, $"Expected a {field} error but the call succeeded.");
        Assert.Contains(result.Errors, e => e.Field == field);
    }
}
