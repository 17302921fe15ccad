using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Safeguard.Core.Accounts;
using Safeguard.Core.Audit;
using Safeguard.Core.Data;
using Safeguard.Core.Disclosures;
using Safeguard.Core.People;

namespace Safeguard.Core.Tests.Disclosures.Files;

/// <summary>
/// A migrated database with the scheme defaults, CRU users in one area, and applications driven through the real
/// <see cref="DisclosureService"/> up to a decision (researched by one user, decided by another).
/// </summary>
public abstract class FilesFixture : IAsyncLifetime
{
    protected CoreHost Host { get; private set; } = null!;
    protected (int Agency, int AreaA, int AreaB) Org { get; private set; }
    protected string Researcher { get; private set; } = null!;
    protected string DecisionMaker { get; private set; } = null!;
    protected string Officer { get; private set; } = null!;
    protected string Admin { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Host = await CoreHost.StartAsync();
        Host.Clock.Set(new DateTimeOffset(2026, 11, 18, 10, 0, 0, TimeSpan.Zero));
        Org = await Host.SeedOrganisationAsync();
        using var scope = Host.Scope();
        await scope.ServiceProvider.GetRequiredService<DisclosureSettings>().EnsureDefaultsAsync();
        var users = scope.ServiceProvider.GetRequiredService<UserAdministration>();
        async Task<string> User(string name, string role) =>
            (await users.CreateAsync(new UserDetails(name, $"{name.Replace(' ', '.').ToLowerInvariant()}@example.org", Org.Agency, [Org.AreaA], [role]), null)).Value!.User.Id;
        Researcher = await User("Rhea Researcher", Roles.CruResearcher);
        DecisionMaker = await User("Dev Decider", Roles.CruDecisionMaker);
        Officer = await User("Olu Officer", Roles.DisclosureOfficer);
        Admin = await User("Ada Admin", Roles.Administrator);
    }

    public async Task DisposeAsync() => await Host.DisposeAsync();

    /// <summary>A scope acting as <paramref name="userId"/>: the audit trail and the records name them.</summary>
    protected IServiceScope As(string userId)
    {
        var scope = Host.Scope();
        scope.ServiceProvider.GetRequiredService<AuditContext>().ActorUserId = userId;
        return scope;
    }

    protected T Service<T>(IServiceScope scope) where T : notnull => scope.ServiceProvider.GetRequiredService<T>();

    protected sealed record Made(int Id, string Reference, int ApplicantId, int PersonAtRiskId, int SubjectId, int? ChildId);

    /// <summary>An application with its people, at triage.</summary>
    protected async Task<Made> NewApplicationAsync(Scheme scheme = Scheme.Dvds, Route route = Route.RightToAsk, string applicant = "Amara Applicant",
        string atRisk = "Petra Risk", string subject = "Simon Subject", string child = "Cody Child")
    {
        var applicantId = await PersonAsync(applicant);
        var atRiskId = await PersonAsync(atRisk);
        var subjectId = await PersonAsync(subject);
        int? childId = scheme == Scheme.Csods ? await PersonAsync(child) : null;

        using var scope = As(Researcher);
        var service = Service<DisclosureService>(scope);
        var now = Host.Clock.GetUtcNow().UtcDateTime;
        var created = await service.CreateAsync(new FirstContact(scheme, route, Org.AreaA, now.AddDays(-3), ReceivedVia.Phone,
            "Worried about a new partner", null, null, false, null, null));
        Assert.True(created.Succeeded, Errors(created));
        var id = created.Value!.Id;
        await AddAsync(service, id, applicantId, ApplicationRole.Applicant);
        await AddAsync(service, id, atRiskId, ApplicationRole.PersonAtRisk);
        await AddAsync(service, id, subjectId, ApplicationRole.Subject);
        if (childId is int c)
        {
            await AddAsync(service, id, c, ApplicationRole.Child);
        }

        return new Made(id, created.Value.Reference, applicantId, atRiskId, subjectId, childId);
    }

    /// <summary>An application taken through triage, criteria, meeting (Right to Ask) and research to a decision.</summary>
    protected async Task<Made> DecidedAsync(bool disclose, Scheme scheme = Scheme.Dvds, Route route = Route.RightToAsk,
        string wording = "The subject has two convictions for assaulting former partners.", string applicant = "Amara Applicant",
        string atRisk = "Petra Risk")
    {
        var made = await NewApplicationAsync(scheme, route, applicant, atRisk);
        var today = DateOnly.FromDateTime(Host.Clock.GetUtcNow().UtcDateTime);
        using (var scope = As(Researcher))
        {
            var service = Service<DisclosureService>(scope);
            var db = Service<SafeguardDbContext>(scope);
            int Version() => db.DisclosureApplications.AsNoTracking().Single(a => a.Id == made.Id).Version;
            Check(await service.CompleteTriageAsync(made.Id, Version()));
            Check(await service.RecordCriteriaReviewAsync(made.Id, Version(), new CriteriaReviewInput(true, "Meets the criteria", null)));
            if (route == Route.RightToAsk)
            {
                Check(await service.RecordMeetingAsync(made.Id, Version(), new MeetingInput(today, "Northtown station", "Passport", "Utility bill", null)));
            }

            var source = await db.ResearchSources.Where(s => s.IsActive).Select(s => s.Id).FirstAsync();
            var check = await service.AddCheckAsync(made.Id, new CheckInput(source, today, CheckResult.InformationFound, "Two convictions"));
            Assert.True(check.Succeeded, string.Join("; ", check.Errors));
            Check(await service.CompleteResearchAsync(made.Id, Version(),
                new ResearchInput(RiskLevel.Medium, "Medium risk", scheme == Scheme.Csods ? true : null)));
        }

        using (var scope = As(DecisionMaker))
        {
            var service = Service<DisclosureService>(scope);
            var version = Service<SafeguardDbContext>(scope).DisclosureApplications.AsNoTracking().Single(a => a.Id == made.Id).Version;
            var input = disclose
                ? new DecisionInput(true, today, wording, made.PersonAtRiskId, Officer, false, "Lawful", "Necessary", "Proportionate", "Pressing", null, null)
                : new DecisionInput(false, today, null, null, null, null, "Lawful", "Necessary", "Proportionate", null, null,
                    "We found no information that we can share with you.");
            Check(await service.RecordDecisionAsync(made.Id, version, input));
        }

        return made;
    }

    protected async Task<List<ApplicationFile>> FilesAsync(int applicationId)
    {
        using var scope = Host.Scope();
        return await Service<SafeguardDbContext>(scope).ApplicationFiles.AsNoTracking().Where(f => f.ApplicationId == applicationId).OrderBy(f => f.Id).ToListAsync();
    }

    protected async Task<List<string>> AuditActionsAsync(string recordId)
    {
        using var scope = Host.Scope();
        return await Service<SafeguardDbContext>(scope).AuditEvents.AsNoTracking().Where(e => e.RecordId == recordId).OrderBy(e => e.Sequence).Select(e => e.Action).ToListAsync();
    }

    protected async Task<DisclosureApplication> ApplicationAsync(int id)
    {
        using var scope = Host.Scope();
        return await Service<SafeguardDbContext>(scope).DisclosureApplications.AsNoTracking().SingleAsync(a => a.Id == id);
    }

    private async Task<int> PersonAsync(string fullName)
    {
        var (given, family) = (fullName.Split(' ')[0], fullName.Split(' ')[1]);
        using var scope = As(Researcher);
        var receipt = new SearchReceipt(given, family, null, Host.Clock.GetUtcNow().UtcDateTime);
        var details = new PersonDetails(null, null, Gender.NotKnown, Ethnicity.NotKnown, Answer.NotKnown, SexualOrientation.NotKnown, Answer.NotKnown,
            null, null, ContactChannels.None, null);
        var result = await Service<PersonService>(scope).CreateAsync(new NewPerson(given, family, details, [], null, [], Org.AreaA), receipt, Researcher);
        Assert.True(result.Succeeded, string.Join("; ", result.Errors));
        return result.Value!.Id;
    }

    private static async Task AddAsync(DisclosureService service, int id, int personId, ApplicationRole role)
    {
        var added = await service.AddPersonAsync(id, personId, role, null);
        Assert.True(added.Succeeded, string.Join("; ", added.Errors));
    }

    private static void Check(Safeguard.Core.Common.Result<DisclosureApplication> result) => Assert.True(result.Succeeded, Errors(result));

    private static string Errors<T>(Safeguard.Core.Common.Result<T> result) => string.Join("; ", result.Errors.Select(e => $"{e.Field}: {e.Message}"));
}
