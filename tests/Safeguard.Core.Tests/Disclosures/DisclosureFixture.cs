using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Safeguard.Core.Accounts;
using Safeguard.Core.Audit;
using Safeguard.Core.Common;
using Safeguard.Core.Data;
using Safeguard.Core.Disclosures;
using Safeguard.Core.People;

namespace Safeguard.Core.Tests.Disclosures;

/// <summary>
/// A migrated database with the disclosure defaults, two areas, the CRU's people (all in area A) and a few
/// helpers: create an application with the people its scheme needs, walk it through the stages, reload it.
/// Every service call runs in its own scope as a named user, as a page request would.
/// </summary>
public abstract class DisclosureFixture : IAsyncLifetime
{
    /// <summary>A Sunday morning in November (GMT): the fixed "now" of most tests.</summary>
    protected static readonly DateTimeOffset Start = new(2026, 11, 22, 10, 0, 0, TimeSpan.Zero);

    protected CoreHost Host { get; private set; } = null!;
    protected (int Agency, int AreaA, int AreaB) Org { get; private set; }
    protected string ControlRoom { get; private set; } = null!;
    protected string Researcher { get; private set; } = null!;
    protected string DecisionMaker { get; private set; } = null!;
    protected string Supervisor { get; private set; } = null!;
    protected string Officer { get; private set; } = null!;

    /// <summary>A researcher who works only in area B.</summary>
    protected string ResearcherB { get; private set; } = null!;

    protected DateOnly Today => new(2026, 11, 22);

    public async Task InitializeAsync()
    {
        Host = await CoreHost.StartAsync();
        Host.Clock.Set(Start);
        Org = await Host.SeedOrganisationAsync();
        using (var scope = Host.Scope())
        {
            await scope.ServiceProvider.GetRequiredService<DisclosureSettings>().EnsureDefaultsAsync();
        }

        ControlRoom = await UserAsync("Robin Control", Roles.ControlRoom, Org.AreaA);
        Researcher = await UserAsync("Riley Research", Roles.CruResearcher, Org.AreaA);
        DecisionMaker = await UserAsync("Dana Decides", Roles.CruDecisionMaker, Org.AreaA);
        Supervisor = await UserAsync("Sam Supervisor", Roles.CruSupervisor, Org.AreaA);
        Officer = await UserAsync("Olly Officer", Roles.DisclosureOfficer, Org.AreaA);
        ResearcherB = await UserAsync("Bailey Elsewhere", Roles.CruResearcher, Org.AreaB);
    }

    public async Task DisposeAsync() => await Host.DisposeAsync();

    private async Task<string> UserAsync(string name, string role, int area)
    {
        using var scope = Host.Scope();
        var email = name.Replace(' ', '.').ToLowerInvariant() + "@example.org";
        var created = await scope.ServiceProvider.GetRequiredService<UserAdministration>()
            .CreateAsync(new UserDetails(name, email, Org.Agency, [area], [role]), null);
        Assert.True(created.Succeeded, string.Join("; ", created.Errors));
        return created.Value!.User.Id;
    }

    /// <summary>Runs one service call in a fresh scope as this user.</summary>
    protected async Task<T> As<T>(string userId, Func<DisclosureService, Task<T>> call)
    {
        using var scope = Host.Scope();
        scope.ServiceProvider.GetRequiredService<AuditContext>().ActorUserId = userId;
        return await call(scope.ServiceProvider.GetRequiredService<DisclosureService>());
    }

    /// <summary>Reads the database in a fresh scope.</summary>
    protected async Task<T> Db<T>(Func<SafeguardDbContext, Task<T>> query)
    {
        using var scope = Host.Scope();
        return await query(scope.ServiceProvider.GetRequiredService<SafeguardDbContext>());
    }

    protected Task<DisclosureApplication> ReloadAsync(int id) =>
        Db(db => db.DisclosureApplications.AsNoTracking().Include(a => a.People).SingleAsync(a => a.Id == id));

    protected Task<int> SourceIdAsync() => Db(db => db.ResearchSources.OrderBy(s => s.Id).Select(s => s.Id).FirstAsync());

    protected async Task<Person> PersonAsync(string given, string family, DateOnly? born = null)
    {
        using var scope = Host.Scope();
        var receipt = new SearchReceipt(given, family, born, Host.Clock.GetUtcNow().UtcDateTime);
        var details = new PersonDetails(born, null, Gender.NotKnown, Ethnicity.NotKnown, Answer.NotKnown, SexualOrientation.NotKnown, Answer.NotKnown,
            null, null, ContactChannels.None, null);
        var result = await scope.ServiceProvider.GetRequiredService<PersonService>()
            .CreateAsync(new NewPerson(given, family, details, [], null, [], Org.AreaA), receipt, ControlRoom);
        Assert.True(result.Succeeded, string.Join("; ", result.Errors));
        return result.Value!;
    }

    protected static FirstContact Contact(Scheme scheme, Route route, DateTime receivedAt, int area, bool urgent = false, string? clientReference = null) =>
        new(scheme, route, area, receivedAt, route == Route.RightToAsk ? ReceivedVia.Phone : ReceivedVia.PoliceInformation,
            "Worried about a new partner's past", "Mobile, text first", "Weekday mornings", urgent,
            urgent ? "The applicant's sister, threatened last night" : null, urgent ? "Officers attended; sister staying with family" : null, clientReference);

    /// <summary>Two hours before "now" unless told.</summary>
    protected async Task<DisclosureApplication> CreateAsync(Scheme scheme, Route route, DateTime? receivedAt = null, bool urgent = false)
    {
        var result = await As(ControlRoom, s => s.CreateAsync(Contact(scheme, route, receivedAt ?? Start.UtcDateTime.AddHours(-2), Org.AreaA, urgent)));
        Assert.True(result.Succeeded, string.Join("; ", result.Errors));
        return result.Value!;
    }

    /// <summary>The people on an application made by <see cref="CreateWithPeopleAsync"/>.</summary>
    protected sealed record Cast(int? Applicant, int Subject, int? PersonAtRisk, int? Child);

    /// <summary>An application with everyone its scheme needs at triage.</summary>
    protected async Task<(DisclosureApplication App, Cast People)> CreateWithPeopleAsync(Scheme scheme, Route route, DateTime? receivedAt = null)
    {
        var app = await CreateAsync(scheme, route, receivedAt);
        int? applicant = null, atRisk = null, child = null;
        var subject = (await PersonAsync("Shane", "Subjectson", new DateOnly(1985, 4, 2))).Id;
        await AddAsync(app.Id, subject, ApplicationRole.Subject);
        if (route == Route.RightToAsk)
        {
            applicant = (await PersonAsync("Alex", "Asker", new DateOnly(1990, 6, 1))).Id;
            await AddAsync(app.Id, applicant.Value, ApplicationRole.Applicant);
        }

        if (scheme == Scheme.Dvds)
        {
            atRisk = (await PersonAsync("Pat", "Atrisk", new DateOnly(1992, 8, 9))).Id;
            await AddAsync(app.Id, atRisk.Value, ApplicationRole.PersonAtRisk);
        }
        else
        {
            child = (await PersonAsync("Charlie", "Young", new DateOnly(2018, 2, 3))).Id;
            await AddAsync(app.Id, child.Value, ApplicationRole.Child);
        }

        return (await ReloadAsync(app.Id), new Cast(applicant, subject, atRisk, child));
    }

    protected async Task AddAsync(int appId, int personId, ApplicationRole role)
    {
        var added = await As(ControlRoom, s => s.AddPersonAsync(appId, personId, role, null));
        Assert.True(added.Succeeded, string.Join("; ", added.Errors));
    }

    /// <summary>Whom a disclosure goes to: the applicant when there is one, otherwise the person at risk or the child.</summary>
    protected static int RecipientOf(DisclosureApplication app) =>
        (app.People.FirstOrDefault(p => p.Role == ApplicationRole.Applicant)
         ?? app.People.First(p => p.Role is ApplicationRole.PersonAtRisk or ApplicationRole.Child)).PersonId;

    protected static CriteriaReviewInput Within() => new(true, "Meets the DVDS criteria", null);

    protected MeetingInput Meeting() => new(Today, "Northtown police station", "Passport", "Council tax bill", "Applicant seen alone");

    protected CheckInput Check(int sourceId, CheckResult result = CheckResult.InformationFound) => new(sourceId, Today, result, "Two previous partners");

    protected static ResearchInput Research(Scheme scheme) =>
        new(RiskLevel.Medium, "Pattern of controlling behaviour", scheme == Scheme.Csods ? true : null);

    protected DecisionInput Disclose(int recipient, DateOnly? on = null) => new(true, on ?? Today, "The subject has convictions for violence against partners",
        recipient, Officer, false, "Common law police duty", "To protect the person at risk", "Limited to what keeps her safe", "Pressing need", null, null);

    protected DecisionInput NoDisclosure(DateOnly? on = null) => new(false, on ?? Today, null, null, null, null,
        "Common law police duty", "Nothing to disclose", "Proportionate", null, null, "Nothing relevant found");

    protected DeliveryInput Delivery(DateOnly? on = null) =>
        new(on ?? Today, "Applicant's home", "DC Officer and the applicant", true, "Shocked but grateful", "Safety plan agreed", "IDVA referral");

    protected ApplicantInformedInput Informed(DateOnly? on = null) => new(on ?? Today, "In person at the station");

    /// <summary>Moves an application forward, step by step and as the right people, until it reaches <paramref name="target"/>.</summary>
    protected async Task<DisclosureApplication> WalkToAsync(int id, DisclosureStage target, bool disclose = true)
    {
        var app = await ReloadAsync(id);
        while (app.Stage != target)
        {
            Result<DisclosureApplication> moved;
            switch (app.Stage)
            {
                case DisclosureStage.Triage:
                    moved = await As(Researcher, s => s.CompleteTriageAsync(id, app.Version));
                    break;
                case DisclosureStage.CriteriaReview:
                    moved = await As(Researcher, s => s.RecordCriteriaReviewAsync(id, app.Version, Within()));
                    break;
                case DisclosureStage.FaceToFace:
                    moved = await As(Researcher, s => s.RecordMeetingAsync(id, app.Version, Meeting()));
                    break;
                case DisclosureStage.Research:
                    var source = await SourceIdAsync();
                    var check = await As(Researcher, s => s.AddCheckAsync(id, Check(source)));
                    Assert.True(check.Succeeded, string.Join("; ", check.Errors));
                    var version = (await ReloadAsync(id)).Version;
                    moved = await As(Researcher, s => s.CompleteResearchAsync(id, version, Research(app.Scheme)));
                    break;
                case DisclosureStage.Decision:
                    var recipient = RecipientOf(app);
                    moved = await As(DecisionMaker, s => s.RecordDecisionAsync(id, app.Version, disclose ? Disclose(recipient) : NoDisclosure()));
                    break;
                case DisclosureStage.Disclosure:
                    moved = app.Disclose == true
                        ? await As(Officer, s => s.RecordDeliveryAsync(id, app.Version, Delivery()))
                        : await As(Officer, s => s.RecordApplicantInformedAsync(id, app.Version, Informed()));
                    break;
                default:
                    throw new InvalidOperationException($"Cannot walk past {app.Stage} to {target}.");
            }

            Assert.True(moved.Succeeded, $"At {app.Stage}: " + string.Join("; ", moved.Errors));
            app = await ReloadAsync(id);
        }

        return app;
    }

    protected static void AssertError<T>(Result<T> result, string field)
    {
        Assert.False(result.Succeeded, $"Expected a {field} error but the call succeeded.");
        Assert.Contains(result.Errors, e => e.Field == field);
    }

    protected Task<List<string>> EventTitlesAsync(int id) =>
        Db(db => db.ApplicationEvents.Where(e => e.ApplicationId == id).OrderBy(e => e.Id).Select(e => e.Title).ToListAsync());

    protected Task<List<AuditEvent>> AuditAsync(string action) =>
        Db(db => db.AuditEvents.AsNoTracking().Where(e => e.Action == action).OrderBy(e => e.Sequence).ToListAsync());
}
