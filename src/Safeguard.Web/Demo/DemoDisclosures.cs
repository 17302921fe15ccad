using Microsoft.EntityFrameworkCore;
using Safeguard.Core.Audit;
using Safeguard.Core.Common;
using Safeguard.Core.Data;
using Safeguard.Core.Disclosures;
using Safeguard.Core.People;
using Route = Safeguard.Core.Disclosures.Route;

namespace Safeguard.Web.Demo;

/// <summary>
/// Four fictional applications so the board, "my work" and the dashboard have something to show: one in
/// research, one urgent and waiting for a supervisor, one overdue at decision, and one closed with a disclosure.
/// Each is walked through the real service by the demo user whose job it is.
/// </summary>
public sealed class DemoDisclosures(SafeguardDbContext db, DisclosureService service, AuditContext actor, TimeProvider clock)
{
    public async Task SeedAsync(int north, CancellationToken ct = default)
    {
        if (await db.DisclosureApplications.AnyAsync(ct))
        {
            return;
        }

        var users = await db.Users.ToDictionaryAsync(u => u.Email!, u => u.Id, ct);
        string User(string email) => users[email];
        var control = User("control.room@demo.example.org");
        var researcher = User("researcher@demo.example.org");
        var decider = User("decision.maker@demo.example.org");
        var supervisor = User("supervisor@demo.example.org");
        var officer = User("disclosure@demo.example.org");
        int Person(string given) => db.PersonNames.Where(n => n.GivenName == given).Select(n => n.PersonId).First();
        var catherine = Person("Catherine");
        var jordan = Person("Jordan");
        var mia = Person("Mia");
        var priya = Person("Priya");
        var kai = Person("Kai");
        var now = clock.GetUtcNow().UtcDateTime;
        var today = London.Today(clock);

        async Task<DisclosureApplication> Start(Scheme scheme, Route route, int daysAgo, ReceivedVia via, string prompted, bool urgent = false)
        {
            actor.ActorUserId = control;
            var app = Must(await service.CreateAsync(new FirstContact(scheme, route, north, now.AddDays(-daysAgo).AddHours(-2), via, prompted,
                "Mobile 07700 900456, text first", "Weekday mornings", urgent,
                urgent ? "The child stays with the subject this weekend" : null, urgent ? "Children's social care told; weekend contact stopped by agreement" : null), ct));
            return app;
        }

        async Task People(DisclosureApplication app, params (int Person, ApplicationRole Role, string? Relationship)[] people)
        {
            actor.ActorUserId = control;
            foreach (var (person, role, relationship) in people)
            {
                Must(await service.AddPersonAsync(app.Id, person, role, relationship, ct));
            }

            Must(await service.CompleteTriageAsync(app.Id, await VersionAsync(app.Id), ct));
            actor.ActorUserId = supervisor;
            Must(await service.AllocateAsync(app.Id, await VersionAsync(app.Id), researcher, ct));
        }

        async Task Research(DisclosureApplication app, bool meet)
        {
            actor.ActorUserId = researcher;
            Must(await service.RecordCriteriaReviewAsync(app.Id, await VersionAsync(app.Id), new CriteriaReviewInput(true, "An intimate relationship with the subject", null), ct));
            if (meet)
            {
                Must(await service.RecordMeetingAsync(app.Id, await VersionAsync(app.Id),
                    new MeetingInput(today, "Northtown police station (demo)", "Passport (demo)", "Council tax bill (demo)", "Applicant worried about jealousy and checking of her phone"), ct));
            }

            var sources = await db.ResearchSources.OrderBy(s => s.Id).Select(s => s.Id).Take(2).ToListAsync(ct);
            Must(await service.AddCheckAsync(app.Id, new CheckInput(sources[0], today, CheckResult.InformationFound, "Two previous domestic abuse incidents against a former partner (demo)"), ct));
            Must(await service.AddCheckAsync(app.Id, new CheckInput(sources[1], today, CheckResult.NothingFound, "No further convictions recorded (demo)"), ct));
        }

        // 1. In research: Priya asks about her new partner, Jordan.
        var first = await Start(Scheme.Dvds, Route.RightToAsk, 12, ReceivedVia.Phone, "Applicant's new partner has been controlling; she has heard he was violent to an ex-partner (demo)");
        await People(first, (priya, ApplicationRole.Applicant, null), (priya, ApplicationRole.PersonAtRisk, "Partner of the subject for 6 months"), (jordan, ApplicationRole.Subject, null));
        await Research(first, meet: true);

        // 2. Urgent and new: a Sarah's Law application about a man with contact with a child.
        var second = await Start(Scheme.Csods, Route.RightToAsk, 1, ReceivedVia.Online, "Mother worried about a new family friend who looks after her daughter (demo)", urgent: true);
        actor.ActorUserId = control;
        Must(await service.AddPersonAsync(second.Id, catherine, ApplicationRole.Applicant, "Mother of the child", ct));
        Must(await service.AddPersonAsync(second.Id, mia, ApplicationRole.Child, null, ct));
        Must(await service.AddPersonAsync(second.Id, kai, ApplicationRole.Subject, "Family friend", ct));
        Must(await service.CompleteTriageAsync(second.Id, await VersionAsync(second.Id), ct));

        // 3. Overdue at decision: a Right to Know from MARAC information.
        var third = await Start(Scheme.Dvds, Route.RightToKnow, 33, ReceivedVia.Marac, "MARAC heard that the subject has a new partner who is unaware of his history (demo)");
        await People(third, (priya, ApplicationRole.PersonAtRisk, "New partner of the subject"), (jordan, ApplicationRole.Subject, null));
        await Research(third, meet: false);
        Must(await service.CompleteResearchAsync(third.Id, await VersionAsync(third.Id), new ResearchInput(RiskLevel.High, "Escalating controlling behaviour; previous partner heard at MARAC (demo)", null), ct));

        // 4. Closed: a disclosure made.
        var fourth = await Start(Scheme.Dvds, Route.RightToAsk, 20, ReceivedVia.PoliceStation, "Applicant asks about her partner after an argument in public (demo)");
        await People(fourth, (catherine, ApplicationRole.Applicant, null), (catherine, ApplicationRole.PersonAtRisk, "Former partner of the subject"), (jordan, ApplicationRole.Subject, null));
        await Research(fourth, meet: true);
        Must(await service.CompleteResearchAsync(fourth.Id, await VersionAsync(fourth.Id), new ResearchInput(RiskLevel.Medium, "Previous violence to a partner; no recent incidents (demo)", null), ct));
        actor.ActorUserId = decider;
        Must(await service.RecordDecisionAsync(fourth.Id, await VersionAsync(fourth.Id), new DecisionInput(true, today,
            "The subject has a history of violence towards a former partner (demo wording).", catherine, officer, false,
            "Common-law power to prevent crime (demo)", "To protect the applicant from harm (demo)", "Limited to what she needs to keep safe (demo)",
            "Recent controlling behaviour reported (demo)", "IDVA referral offered", null), ct));
        actor.ActorUserId = officer;
        Must(await service.RecordDeliveryAsync(fourth.Id, await VersionAsync(fourth.Id), new DeliveryInput(today, "Northtown police station (demo)",
            "Applicant, disclosure officer, IDVA (demo)", true, "Shocked but grateful (demo)", "Safety plan agreed with the IDVA (demo)", "IDVA service"), ct));
        actor.ActorUserId = null;
    }

    private Task<int> VersionAsync(int id) => db.DisclosureApplications.Where(a => a.Id == id).Select(a => a.Version).FirstAsync();

    private static T Must<T>(Result<T> result) =>
        result.Succeeded ? result.Value! : throw new InvalidOperationException("Demo data failed: " + string.Join("; ", result.Errors.Select(e => $"{e.Field}: {e.Message}")));
}
