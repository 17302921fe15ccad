using Microsoft.EntityFrameworkCore;
using Safeguard.Core.Common;
using Safeguard.Core.Disclosures;
using Safeguard.Core.Dramm;
using Safeguard.Core.Marac;
using Safeguard.Core.People;
using Safeguard.Core.Referrals;

namespace Safeguard.Core.Tests.Marac;

/// <summary>From Clare's Law to MARAC: a high-risk DVDS application refers its people, once, in one audited write.</summary>
public sealed class ClaresLawReferralTests : ClaresLawReferralFixture
{
    private Task<Referral> ReferralAsync(int id) => Db(db => db.Referrals.AsNoTracking().Include(r => r.People).SingleAsync(r => r.Id == id));

    [Fact]
    public async Task The_draft_carries_the_applications_people_in_their_referral_roles_and_its_risk_and_the_officer_as_referrer()
    {
        var high = await ResearchedAsync();

        var draft = await ClaresLaw(Researcher, s => s.DraftAsync(high.App));

        // The applicant (here a parent) is not a party to the abuse, so stays off the referral.
        Assert.Equal([(high.PersonAtRisk, ReferralRole.Victim), (high.Subject, ReferralRole.Perpetrator), (high.Child, ReferralRole.Child)],
            draft.People.Select(p => (p.PersonId, p.Role)));
        Assert.Equal((high.App.AreaId, high.App.Reference, high.App.Version), (draft.AreaId, draft.ApplicationReference, draft.Version));
        Assert.Equal(Assessment, draft.Reason);
        Assert.Equal(ReferralCriteria.ProfessionalJudgement, draft.Criteria);
        Assert.Equal(("Riley Research", "Testshire Police", "CRU researcher", "riley.research@example.org"),
            (draft.ReferrerName, draft.ReferrerAgency, draft.ReferrerRole, draft.ReferrerContact));
        Assert.True(ClaresLawReferrals.Offered(high.App));
    }

    [Fact]
    public async Task Referring_creates_the_referral_and_the_queue_entry_linked_both_ways_in_one_audited_write()
    {
        var high = await ResearchedAsync();

        var result = await ClaresLaw(DecisionMaker, s => s.ReferAsync(high.App.Id, Confirmed(high.App.Version)));

        Assert.True(result.Succeeded, string.Join("; ", result.Errors));
        var referral = await ReferralAsync(result.Value!.Id);
        Assert.Equal((ReferralKind.ClaresLaw, ReferralRouting.Marac, (int?)high.App.Id, Org.AreaA), (referral.Kind, referral.Routing, referral.DisclosureApplicationId, referral.AreaId));
        Assert.Equal(("Dana Decides", "Testshire Police", "CRU researcher"), (referral.ReferrerName, referral.ReferrerAgency, referral.ReferrerRole));
        Assert.Equal((Assessment, ReferralCriteria.ProfessionalJudgement, true, Answer.Yes), (referral.Reason, referral.ReferrerCriteria, referral.VictimAware, referral.VictimConsents));
        Assert.Equal([(high.PersonAtRisk, ReferralRole.Victim), (high.Subject, ReferralRole.Perpetrator), (high.Child, ReferralRole.Child)],
            referral.People.OrderBy(p => p.Role).Select(p => (p.PersonId, p.Role)));

        var entry = Assert.Single(await Db(db => db.MaracReferrals.AsNoTracking().ToListAsync()));
        Assert.Equal((MaracReferralSource.ClaresLaw, MaracCategory.ClaresLaw, Org.AreaA), (entry.Source, entry.Category, entry.AreaId));
        Assert.Equal(((int?)referral.Id, (int?)high.App.Id, (int?)high.PersonAtRisk, true, (int?)null),
            (entry.ReferralId, entry.DisclosureApplicationId, entry.VictimPersonId, entry.ChildrenLinked, entry.MeetingId));
        Assert.Equal(referral.Reference, entry.Reference);

        // The victim's history gains the MARAC referral that later repeats count from.
        Assert.True(await Db(db => db.PersonInvolvements.AnyAsync(i => i.PersonId == high.PersonAtRisk && i.Kind == InvolvementKind.MaracReferral && i.Reference == referral.Reference)));
        Assert.Contains("Referred to MARAC", await EventTitlesAsync(high.App.Id));
        Assert.Equal(high.App.Version + 1, (await ReloadAsync(high.App.Id)).Version);

        var events = await Db(db => db.AuditEvents.AsNoTracking().Where(e => e.Action == "disclosure.referred-to-marac" || e.Action == "referral.created"
            || e.Action == "marac.referred" || e.Action == "referral.routed").OrderBy(e => e.Sequence).ToListAsync());
        Assert.Equal(["referral.created", "referral.routed", "marac.referred", "disclosure.referred-to-marac"], events.Select(e => e.Action));
        Assert.All(events, e => Assert.Equal(DecisionMaker, e.ActorUserId));
        Assert.Equal(referral.Reference, events[^1].Summary);
    }

    [Fact]
    public async Task A_second_referral_from_the_same_application_is_refused_naming_the_first()
    {
        var high = await ResearchedAsync();
        var first = await ClaresLaw(DecisionMaker, s => s.ReferAsync(high.App.Id, Confirmed(high.App.Version)));
        Assert.True(first.Succeeded, string.Join("; ", first.Errors));

        var again = await ClaresLaw(Researcher, s => s.ReferAsync(high.App.Id, Confirmed(high.App.Version + 1)));

        AssertError(again, "Application");
        Assert.Contains(first.Value!.Reference, again.Errors.Single().Message);
        Assert.Equal(1, await Db(db => db.Referrals.CountAsync()));
        Assert.Equal(1, await Db(db => db.MaracReferrals.CountAsync()));
    }

    [Fact]
    public async Task A_form_read_before_someone_changed_the_application_is_refused_and_nothing_is_saved()
    {
        var high = await ResearchedAsync();
        AssertError(await ClaresLaw(DecisionMaker, s => s.ReferAsync(high.App.Id, Confirmed(high.App.Version - 1))), "Version");
        Assert.Equal(0, await Db(db => db.Referrals.CountAsync()));
    }

    [Fact]
    public async Task Not_offered_below_high_risk_nor_for_Sarahs_Law_and_refused_if_tried()
    {
        var medium = await ResearchedAsync(RiskLevel.Medium);
        Assert.False(ClaresLawReferrals.Offered(medium.App));
        var refused = await ClaresLaw(DecisionMaker, s => s.ReferAsync(medium.App.Id, Confirmed(medium.App.Version)));
        AssertError(refused, "Application");
        Assert.Equal(ClaresLawReferrals.NotOfferedMessage, refused.Errors.Single().Message);

        var csods = await ResearchedAsync(RiskLevel.High, scheme: Scheme.Csods);
        Assert.False(ClaresLawReferrals.Offered(csods.App));
        AssertError(await ClaresLaw(DecisionMaker, s => s.ReferAsync(csods.App.Id, Confirmed(csods.App.Version))), "Application");
        Assert.Equal(0, await Db(db => db.Referrals.CountAsync()));
        Assert.Equal(0, await Db(db => db.MaracReferrals.CountAsync()));
    }

    [Fact]
    public async Task A_person_at_risk_under_16_is_refused_for_childrens_safeguarding_and_nothing_is_saved()
    {
        // 15 on the day the referral is made (22 November 2026): 16 tomorrow.
        var high = await ResearchedAsync(atRiskBorn: new DateOnly(2010, 11, 23));

        var refused = await ClaresLaw(DecisionMaker, s => s.ReferAsync(high.App.Id, Confirmed(high.App.Version)));

        AssertError(refused, "People");
        Assert.Equal(ClaresLawReferrals.UnderSixteenMessage, refused.Errors.Single().Message);
        Assert.Equal(0, await Db(db => db.Referrals.CountAsync()));
        Assert.Equal(0, await Db(db => db.MaracReferrals.CountAsync()));
        Assert.Equal(high.App.Version, (await ReloadAsync(high.App.Id)).Version);
    }

    [Fact]
    public async Task Missing_answers_are_named_and_nothing_is_saved()
    {
        var high = await ResearchedAsync();
        var result = await ClaresLaw(DecisionMaker, s => s.ReferAsync(high.App.Id, new ClaresLawReferralInput(high.App.Version, " ", null, "", null, null, null)));
        Assert.Equal(["ReferrerRole", "ReferrerContact", "Reason", "VictimAware", "VictimConsents"], result.Errors.Select(e => e.Field));
        Assert.Equal(0, await Db(db => db.Referrals.CountAsync()));
    }

    [Fact]
    public async Task An_application_the_DRAMM_already_referred_is_one_case_keeping_the_DRAMMs_category()
    {
        var coordinator = await CoordinatorAsync();
        Host.Clock.Set(new DateTimeOffset(2026, 11, 30, 12, 0, 0, TimeSpan.Zero));
        var high = await ResearchedAsync();
        var meeting = (await Marac<Result<DrammMeeting>, DrammLists>(coordinator, l => l.PrepareAsync(Org.AreaA, new DateOnly(2026, 12, 1)))).Value!;
        var listed = meeting.Cases.Single(c => c.Record == CaseRecord.DisclosureApplication && c.RecordId == high.App.Id);
        Host.Clock.Set(new DateTimeOffset(2026, 12, 1, 11, 45, 0, TimeSpan.Zero));
        var decided = await Marac<Result<DrammCase>, DrammOutcomes>(coordinator, o => o.RecordAsync(listed.Id,
            new OutcomeInput(true, true, RiskLevel.High, "Agreed high", MaracDecision.FullDiscussion, "Needs the full forum", listed.Version)));
        Assert.True(decided.Succeeded, string.Join("; ", decided.Errors));

        var version = (await ReloadAsync(high.App.Id)).Version;
        var result = await ClaresLaw(DecisionMaker, s => s.ReferAsync(high.App.Id, Confirmed(version)));

        Assert.True(result.Succeeded, string.Join("; ", result.Errors));
        var entry = Assert.Single(await Db(db => db.MaracReferrals.AsNoTracking().ToListAsync()));
        // The case is now also Clare's Law's (so the DRAMM taking its decision back leaves it queued), in the DRAMM's category.
        Assert.Equal((MaracReferralSource.ClaresLaw, MaracCategory.FullDiscussion), (entry.Source, entry.Category));
        Assert.Equal(((int?)listed.Id, (int?)result.Value!.Id, (int?)high.App.Id), (entry.DrammCaseId, entry.ReferralId, entry.DisclosureApplicationId));
    }

    [Fact]
    public async Task A_referred_application_the_DRAMM_then_refers_is_still_one_case()
    {
        var coordinator = await CoordinatorAsync();
        Host.Clock.Set(new DateTimeOffset(2026, 11, 30, 12, 0, 0, TimeSpan.Zero));
        var high = await ResearchedAsync();
        var referred = await ClaresLaw(DecisionMaker, s => s.ReferAsync(high.App.Id, Confirmed(high.App.Version)));
        Assert.True(referred.Succeeded, string.Join("; ", referred.Errors));
        var meeting = (await Marac<Result<DrammMeeting>, DrammLists>(coordinator, l => l.PrepareAsync(Org.AreaA, new DateOnly(2026, 12, 1)))).Value!;
        // The DRAMM lists the application, not the referral made from it as well.
        Assert.DoesNotContain(meeting.Cases, c => c.Record == CaseRecord.Referral && c.RecordId == referred.Value!.Id);
        var listed = meeting.Cases.Single(c => c.Record == CaseRecord.DisclosureApplication && c.RecordId == high.App.Id);
        Host.Clock.Set(new DateTimeOffset(2026, 12, 1, 11, 45, 0, TimeSpan.Zero));

        var decided = await Marac<Result<DrammCase>, DrammOutcomes>(coordinator, o => o.RecordAsync(listed.Id,
            new OutcomeInput(true, true, RiskLevel.High, "Agreed high", MaracDecision.FullDiscussion, "Needs the full forum", listed.Version)));

        Assert.True(decided.Succeeded, string.Join("; ", decided.Errors));
        var entry = Assert.Single(await Db(db => db.MaracReferrals.AsNoTracking().ToListAsync()));
        Assert.Equal((MaracReferralSource.ClaresLaw, MaracCategory.FullDiscussion), (entry.Source, entry.Category));
        Assert.Equal(((int?)listed.Id, (int?)referred.Value!.Id, (int?)high.App.Id), (entry.DrammCaseId, entry.ReferralId, entry.DisclosureApplicationId));
    }
}
