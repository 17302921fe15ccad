using Microsoft.EntityFrameworkCore;
using Safeguard.Core.Disclosures;
using Safeguard.Core.People;

namespace Safeguard.Core.Tests.Disclosures;

/// <summary>Research needs finished checks; the decision needs a second person; delivery must match the decision.</summary>
public sealed class ResearchAndDecisionTests : DisclosureFixture
{
    [Fact]
    public async Task Research_completion_is_refused_with_no_checks()
    {
        var (app, _) = await CreateWithPeopleAsync(Scheme.Dvds, Route.RightToAsk);
        app = await WalkToAsync(app.Id, DisclosureStage.Research);
        AssertError(await As(Researcher, s => s.CompleteResearchAsync(app.Id, app.Version, Research(Scheme.Dvds))), "Checks");
        Assert.Equal(DisclosureStage.Research, (await ReloadAsync(app.Id)).Stage);
    }

    [Fact]
    public async Task Research_completion_is_refused_while_a_check_awaits_a_reply()
    {
        var (app, _) = await CreateWithPeopleAsync(Scheme.Dvds, Route.RightToAsk);
        app = await WalkToAsync(app.Id, DisclosureStage.Research);
        var source = await SourceIdAsync();
        Assert.True((await As(Researcher, s => s.AddCheckAsync(app.Id, Check(source, CheckResult.NothingFound)))).Succeeded);
        Assert.True((await As(Researcher, s => s.AddCheckAsync(app.Id, Check(source + 1, CheckResult.AwaitingReply)))).Succeeded);
        var result = await As(Researcher, s => s.CompleteResearchAsync(app.Id, app.Version, Research(Scheme.Dvds)));
        AssertError(result, "Checks");
        var after = await ReloadAsync(app.Id);
        Assert.Equal(DisclosureStage.Research, after.Stage);
        Assert.Equal(app.Version, after.Version);
        Assert.Null(after.RiskLevel);
    }

    [Fact]
    public async Task A_check_needs_a_source_a_result_and_a_summary()
    {
        var (app, _) = await CreateWithPeopleAsync(Scheme.Dvds, Route.RightToAsk);
        app = await WalkToAsync(app.Id, DisclosureStage.Research);
        var result = await As(Researcher, s => s.AddCheckAsync(app.Id, new CheckInput(999_999, null, null, " ")));
        AssertError(result, "SourceId");
        AssertError(result, "CheckedOn");
        AssertError(result, "Result");
        AssertError(result, "Summary");
        Assert.False(await Db(db => db.ResearchChecks.AnyAsync(c => c.ApplicationId == app.Id)));
    }

    [Fact]
    public async Task CSODS_research_needs_the_registered_sex_offender_answer_and_DVDS_does_not()
    {
        var (cs, _) = await CreateWithPeopleAsync(Scheme.Csods, Route.RightToAsk);
        cs = await WalkToAsync(cs.Id, DisclosureStage.Research);
        var source = await SourceIdAsync();
        await As(Researcher, s => s.AddCheckAsync(cs.Id, Check(source)));
        var refused = await As(Researcher, s => s.CompleteResearchAsync(cs.Id, cs.Version, new(RiskLevel.Standard, "Low concern", null)));
        AssertError(refused, "SubjectIsRegisteredSexOffender");
        Assert.Single(refused.Errors);
        Assert.True((await As(Researcher, s => s.CompleteResearchAsync(cs.Id, cs.Version, new(RiskLevel.Standard, "Low concern", false)))).Succeeded);
        Assert.False((await ReloadAsync(cs.Id)).SubjectIsRegisteredSexOffender);

        var (dv, _) = await CreateWithPeopleAsync(Scheme.Dvds, Route.RightToKnow);
        dv = await WalkToAsync(dv.Id, DisclosureStage.Research);
        await As(Researcher, s => s.AddCheckAsync(dv.Id, Check(source)));
        Assert.True((await As(Researcher, s => s.CompleteResearchAsync(dv.Id, dv.Version, new(RiskLevel.High, "Escalating", true)))).Succeeded);
        var after = await ReloadAsync(dv.Id);
        Assert.Null(after.SubjectIsRegisteredSexOffender);
        Assert.Equal(RiskLevel.High, after.RiskLevel);
        Assert.Contains("Research completed: high risk", await EventTitlesAsync(dv.Id));
    }

    [Fact]
    public async Task The_researcher_may_not_make_the_decision_but_another_user_may()
    {
        var (app, people) = await CreateWithPeopleAsync(Scheme.Dvds, Route.RightToAsk);
        app = await WalkToAsync(app.Id, DisclosureStage.Decision);
        Assert.Equal(Researcher, app.ResearcherUserId);
        var refused = await As(Researcher, s => s.RecordDecisionAsync(app.Id, app.Version, Disclose(people.Applicant!.Value)));
        AssertError(refused, "Disclose");
        var still = await ReloadAsync(app.Id);
        Assert.Equal(DisclosureStage.Decision, still.Stage);
        Assert.Equal(app.Version, still.Version);
        Assert.Null(still.DecidedByUserId);

        var accepted = await As(Supervisor, s => s.RecordDecisionAsync(app.Id, app.Version, Disclose(people.Applicant!.Value)));
        Assert.True(accepted.Succeeded, string.Join("; ", accepted.Errors));
        var decided = await ReloadAsync(app.Id);
        Assert.Equal(DisclosureStage.Disclosure, decided.Stage);
        Assert.Equal(Supervisor, decided.DecidedByUserId);
        Assert.Contains(decided.People, p => p.PersonId == people.Applicant && p.Role == ApplicationRole.Recipient);
    }

    [Fact]
    public async Task A_disclosure_needs_a_recipient_on_the_application_who_is_not_the_subject_and_an_officer_of_the_area()
    {
        var (app, people) = await CreateWithPeopleAsync(Scheme.Dvds, Route.RightToAsk);
        app = await WalkToAsync(app.Id, DisclosureStage.Decision);
        var bad = Disclose(people.Subject) with { DisclosureOfficerUserId = Researcher, SubjectToBeTold = null, Wording = null, PressingNeed = null };
        var result = await As(DecisionMaker, s => s.RecordDecisionAsync(app.Id, app.Version, bad));
        AssertError(result, "RecipientPersonId");
        AssertError(result, "DisclosureOfficerUserId");
        AssertError(result, "SubjectToBeTold");
        AssertError(result, "Wording");
        AssertError(result, "PressingNeed");
        var none = await As(DecisionMaker, s => s.RecordDecisionAsync(app.Id, app.Version, NoDisclosure() with { NoDisclosureReason = null, Lawful = null }));
        AssertError(none, "NoDisclosureReason");
        AssertError(none, "Lawful");
        Assert.Equal(DisclosureStage.Decision, (await ReloadAsync(app.Id)).Stage);
    }

    [Fact]
    public async Task Delivery_is_refused_when_the_decision_was_no_disclosure()
    {
        var (app, _) = await CreateWithPeopleAsync(Scheme.Dvds, Route.RightToAsk);
        app = await WalkToAsync(app.Id, DisclosureStage.Decision);
        await As(DecisionMaker, s => s.RecordDecisionAsync(app.Id, app.Version, NoDisclosure()));
        app = await ReloadAsync(app.Id);
        AssertError(await As(Officer, s => s.RecordDeliveryAsync(app.Id, app.Version, Delivery())), "DeliveredOn");
        var after = await ReloadAsync(app.Id);
        Assert.Equal(DisclosureStage.Disclosure, after.Stage);
        Assert.Equal(app.Version, after.Version);
        Assert.Null(after.DeliveredOn);
    }

    [Fact]
    public async Task Applicant_informed_of_no_disclosure_is_refused_when_the_decision_was_to_disclose()
    {
        var (app, _) = await CreateWithPeopleAsync(Scheme.Dvds, Route.RightToAsk);
        app = await WalkToAsync(app.Id, DisclosureStage.Disclosure);
        Assert.True(app.Disclose);
        AssertError(await As(Officer, s => s.RecordApplicantInformedAsync(app.Id, app.Version, Informed())), "InformedOn");
        var after = await ReloadAsync(app.Id);
        Assert.Equal(DisclosureStage.Disclosure, after.Stage);
        Assert.Equal(app.Version, after.Version);
        Assert.Null(after.ApplicantInformedOn);
    }

    [Fact]
    public async Task Delivery_needs_confidentiality_explained()
    {
        var (app, _) = await CreateWithPeopleAsync(Scheme.Dvds, Route.RightToAsk);
        app = await WalkToAsync(app.Id, DisclosureStage.Disclosure);
        AssertError(await As(Officer, s => s.RecordDeliveryAsync(app.Id, app.Version, Delivery() with { ConfidentialityExplained = false })), "ConfidentialityExplained");
        Assert.Equal(DisclosureStage.Disclosure, (await ReloadAsync(app.Id)).Stage);
    }
}
