using Microsoft.EntityFrameworkCore;
using Safeguard.Core.Disclosures;
using Safeguard.Core.People;

namespace Safeguard.Core.Tests.Disclosures;

/// <summary>The record's history: stage periods, the timeline, the audit trail and the people's involvements.</summary>
public sealed class HistoryTests : DisclosureFixture
{
    private Task<List<StagePeriod>> PeriodsAsync(int id) =>
        Db(db => db.StagePeriods.AsNoTracking().Where(p => p.ApplicationId == id).OrderBy(p => p.Id).ToListAsync());

    [Fact]
    public async Task Exactly_one_stage_period_is_open_while_the_application_is_open_and_none_once_closed()
    {
        var (app, _) = await CreateWithPeopleAsync(Scheme.Dvds, Route.RightToAsk);
        var stages = new[] { DisclosureStage.CriteriaReview, DisclosureStage.FaceToFace, DisclosureStage.Research, DisclosureStage.Decision, DisclosureStage.Disclosure };
        var open = Assert.Single(await PeriodsAsync(app.Id), p => p.LeftAt == null);
        Assert.Equal(DisclosureStage.Triage, open.Stage);
        foreach (var stage in stages)
        {
            Host.Clock.Advance(TimeSpan.FromHours(1));
            await WalkToAsync(app.Id, stage);
            var periods = await PeriodsAsync(app.Id);
            var current = Assert.Single(periods, p => p.LeftAt == null);
            Assert.Equal(stage, current.Stage);
            Assert.Equal(Host.Clock.GetUtcNow().UtcDateTime, current.EnteredAt);
            Assert.Equal(current.EnteredAt, periods[^2].LeftAt);
        }

        Host.Clock.Advance(TimeSpan.FromHours(1));
        await WalkToAsync(app.Id, DisclosureStage.Closed);
        var all = await PeriodsAsync(app.Id);
        Assert.DoesNotContain(all, p => p.LeftAt == null);
        Assert.Equal([DisclosureStage.Triage, .. stages, DisclosureStage.Closed], all.Select(p => p.Stage));
        var closed = all[^1];
        Assert.Equal(closed.EnteredAt, closed.LeftAt);
        Assert.Equal(Officer, closed.ByUserId);
        Assert.Equal(Researcher, all[1].ByUserId);
    }

    [Fact]
    public async Task Early_closure_closes_the_open_period_and_adds_a_closed_one()
    {
        var app = await CreateAsync(Scheme.Dvds, Route.RightToKnow);
        await As(Supervisor, s => s.CloseEarlyAsync(app.Id, app.Version, new(DisclosureOutcome.OtherSafeguardingAction, "MARAC took it on")));
        var periods = await PeriodsAsync(app.Id);
        Assert.Equal([DisclosureStage.Triage, DisclosureStage.Closed], periods.Select(p => p.Stage));
        Assert.DoesNotContain(periods, p => p.LeftAt == null);
        Assert.Equal("Closed: other safeguarding action", (await EventTitlesAsync(app.Id))[^1]);
    }

    [Fact]
    public async Task Each_step_adds_a_line_to_the_timeline()
    {
        var (app, _) = await CreateWithPeopleAsync(Scheme.Dvds, Route.RightToAsk);
        await WalkToAsync(app.Id, DisclosureStage.Closed);
        Assert.Equal(
        [
            "Application received", "Subject added", "Applicant added", "Person at risk added", "Triage completed", "Within the scheme",
            "Face-to-face meeting held and identity checked", "Check recorded", "Research completed: medium risk", "Decision: disclose",
            "Disclosure made and record closed",
        ], await EventTitlesAsync(app.Id));
        Assert.All(await Db(db => db.ApplicationEvents.Where(e => e.ApplicationId == app.Id).ToListAsync()), e => Assert.NotNull(e.ByUserId));
    }

    [Fact]
    public async Task An_urgent_first_contact_says_so_on_the_timeline()
    {
        var app = await CreateAsync(Scheme.Dvds, Route.RightToAsk, urgent: true);
        Assert.True(app.Urgent);
        Assert.Equal(["Application received", "Marked urgent: immediate risk"], await EventTitlesAsync(app.Id));
    }

    [Fact]
    public async Task The_audit_trail_records_creation_people_and_each_stage_change()
    {
        var (app, _) = await CreateWithPeopleAsync(Scheme.Dvds, Route.RightToAsk);
        await WalkToAsync(app.Id, DisclosureStage.Closed);
        var id = app.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);

        var created = Assert.Single(await AuditAsync("disclosure.created"));
        Assert.Equal(id, created.RecordId);
        Assert.Equal(ControlRoom, created.ActorUserId);

        var changes = await AuditAsync("disclosure.stage-changed");
        Assert.Equal(6, changes.Count);
        Assert.All(changes, e => Assert.Equal(id, e.RecordId));
        Assert.Contains("\"Closed\"", changes[^1].After, StringComparison.Ordinal);
        Assert.Contains("DisclosureMade", changes[^1].After, StringComparison.Ordinal);
        Assert.Equal(Officer, changes[^1].ActorUserId);

        // Subject, applicant, person at risk, then the applicant again as recipient.
        Assert.Equal(4, (await AuditAsync("disclosure.person-added")).Count);
        Assert.Equal(4, (await AuditAsync("person.involvement-recorded")).Count(e => e.After!.Contains("DisclosureApplication", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Adding_a_person_records_an_involvement_on_their_profile()
    {
        var (app, people) = await CreateWithPeopleAsync(Scheme.Csods, Route.RightToAsk);
        var involvements = await Db(db => db.PersonInvolvements.AsNoTracking().Where(i => i.Kind == InvolvementKind.DisclosureApplication).ToListAsync());
        Assert.Equal(3, involvements.Count);
        Assert.All(involvements, i =>
        {
            Assert.Equal(app.Reference, i.Reference);
            Assert.Equal(Org.AreaA, i.AreaId);
            Assert.Equal(app.ReceivedAt, i.OccurredAt);
            Assert.True(i.PoliceReported);
        });
        Assert.Equal(CaseRole.Subject, involvements.Single(i => i.PersonId == people.Subject).Role);
        Assert.Equal(CaseRole.Applicant, involvements.Single(i => i.PersonId == people.Applicant).Role);
        Assert.Equal(CaseRole.Child, involvements.Single(i => i.PersonId == people.Child).Role);

        await WalkToAsync(app.Id, DisclosureStage.Disclosure);
        var recipient = await Db(db => db.PersonInvolvements.AsNoTracking()
            .SingleAsync(i => i.Kind == InvolvementKind.DisclosureApplication && i.Role == CaseRole.DisclosureRecipient));
        Assert.Equal(people.Applicant, recipient.PersonId);
        Assert.Equal(app.Reference, recipient.Reference);
    }

    [Fact]
    public async Task A_person_at_risk_involvement_has_the_person_at_risk_role()
    {
        var (app, people) = await CreateWithPeopleAsync(Scheme.Dvds, Route.RightToKnow);
        var involvement = await Db(db => db.PersonInvolvements.AsNoTracking().SingleAsync(i => i.PersonId == people.PersonAtRisk));
        Assert.Equal(CaseRole.PersonAtRisk, involvement.Role);
        Assert.Equal(InvolvementKind.DisclosureApplication, involvement.Kind);
        Assert.StartsWith("DV", involvement.Reference, StringComparison.Ordinal);
        Assert.Equal(app.Reference, involvement.Reference);
    }
}
