using Safeguard.Core.Common;
using Safeguard.Core.Disclosures;

namespace Safeguard.Core.Tests.Disclosures;

/// <summary>A stage is recorded only at its turn: each stage method at every other stage is refused and changes nothing.</summary>
public sealed class StageOrderTests : DisclosureFixture
{
    private static readonly DisclosureStage[] StageMethods =
        [DisclosureStage.Triage, DisclosureStage.CriteriaReview, DisclosureStage.FaceToFace, DisclosureStage.Research, DisclosureStage.Decision, DisclosureStage.Disclosure];

    /// <summary>The method that records <paramref name="stage"/>, with valid input. The Disclosure stage has two: delivery and applicant informed.</summary>
    private IEnumerable<(string Name, Func<DisclosureService, Task<Result<DisclosureApplication>>> Call)> CallsFor(DisclosureStage stage, DisclosureApplication app)
    {
        var id = app.Id;
        var v = app.Version;
        var recipient = RecipientOf(app);
        return stage switch
        {
            DisclosureStage.Triage => [("CompleteTriage", s => s.CompleteTriageAsync(id, v))],
            DisclosureStage.CriteriaReview => [("RecordCriteriaReview", s => s.RecordCriteriaReviewAsync(id, v, Within()))],
            DisclosureStage.FaceToFace => [("RecordMeeting", s => s.RecordMeetingAsync(id, v, Meeting()))],
            DisclosureStage.Research => [("CompleteResearch", s => s.CompleteResearchAsync(id, v, Research(Scheme.Dvds)))],
            DisclosureStage.Decision => [("RecordDecision", s => s.RecordDecisionAsync(id, v, Disclose(recipient)))],
            _ => [("RecordDelivery", s => s.RecordDeliveryAsync(id, v, Delivery())), ("RecordApplicantInformed", s => s.RecordApplicantInformedAsync(id, v, Informed()))],
        };
    }

    [Theory]
    [InlineData(DisclosureStage.Triage)]
    [InlineData(DisclosureStage.CriteriaReview)]
    [InlineData(DisclosureStage.FaceToFace)]
    [InlineData(DisclosureStage.Research)]
    [InlineData(DisclosureStage.Decision)]
    [InlineData(DisclosureStage.Disclosure)]
    [InlineData(DisclosureStage.Closed)]
    public async Task Every_other_stage_method_is_refused_with_a_Stage_error_and_changes_nothing(DisclosureStage at)
    {
        var (app, _) = await CreateWithPeopleAsync(Scheme.Dvds, Route.RightToAsk);
        app = await WalkToAsync(app.Id, at);
        if (at == DisclosureStage.Research)
        {
            // With a check recorded, research completion could otherwise succeed: only the stage should stop the others.
            var check = await As(Researcher, async s => await s.AddCheckAsync(app.Id, Check(await SourceIdAsync())));
            Assert.True(check.Succeeded);
        }

        var events = (await EventTitlesAsync(app.Id)).Count;
        foreach (var stage in StageMethods.Where(s => s != at))
        {
            foreach (var (name, call) in CallsFor(stage, app))
            {
                var result = await As(Supervisor, call);
                Assert.False(result.Succeeded, $"{name} succeeded at {at}");
                Assert.Contains(result.Errors, e => e.Field == "Stage");
                var after = await ReloadAsync(app.Id);
                Assert.Equal(at, after.Stage);
                Assert.Equal(app.Version, after.Version);
            }
        }

        Assert.Equal(events, (await EventTitlesAsync(app.Id)).Count);
    }

    [Fact]
    public async Task Right_to_Know_has_no_face_to_face_meeting_to_record()
    {
        var (app, _) = await CreateWithPeopleAsync(Scheme.Dvds, Route.RightToKnow);
        foreach (var stage in new[] { DisclosureStage.Triage, DisclosureStage.CriteriaReview, DisclosureStage.Research })
        {
            app = await WalkToAsync(app.Id, stage);
            AssertError(await As(Researcher, s => s.RecordMeetingAsync(app.Id, app.Version, Meeting())), "Stage");
        }
    }

    [Theory]
    [InlineData(DisclosureStage.Triage)]
    [InlineData(DisclosureStage.FaceToFace)]
    [InlineData(DisclosureStage.Decision)]
    [InlineData(DisclosureStage.Closed)]
    public async Task Checks_are_recorded_only_at_research(DisclosureStage at)
    {
        var (app, _) = await CreateWithPeopleAsync(Scheme.Dvds, Route.RightToAsk);
        app = await WalkToAsync(app.Id, at);
        var before = await Db(db => Task.FromResult(db.ResearchChecks.Count(c => c.ApplicationId == app.Id)));
        var result = await As(Researcher, async s => await s.AddCheckAsync(app.Id, Check(await SourceIdAsync())));
        AssertError(result, "SourceId");
        Assert.Equal(before, await Db(db => Task.FromResult(db.ResearchChecks.Count(c => c.ApplicationId == app.Id))));
    }

    [Fact]
    public async Task A_closed_application_refuses_every_change()
    {
        var (app, people) = await CreateWithPeopleAsync(Scheme.Dvds, Route.RightToAsk);
        await As(Supervisor, s => s.MarkUrgentAsync(app.Id, app.Version, new("Threats", "Officers attended")));
        app = await WalkToAsync(app.Id, DisclosureStage.Closed);
        var events = (await EventTitlesAsync(app.Id)).Count;
        var other = await PersonAsync("Olive", "Other", new DateOnly(1970, 1, 1));

        AssertError(await As(Supervisor, s => s.CloseEarlyAsync(app.Id, app.Version, new(DisclosureOutcome.Withdrawn, "Withdrawn"))), "Outcome");
        AssertError(await As(Supervisor, s => s.AllocateAsync(app.Id, app.Version, Researcher)), "OwnerUserId");
        AssertError(await As(Supervisor, s => s.MarkUrgentAsync(app.Id, app.Version, new("Threats", "Officers attended"))), "RiskDescription");
        AssertError(await As(Supervisor, s => s.AcknowledgeUrgentAsync(app.Id, app.Version)), "Urgent");
        AssertError(await As(Supervisor, s => s.RecordDelayAsync(app.Id, new("Waiting for probation", "IDVA in contact"))), "Reason");
        AssertError(await As(Supervisor, s => s.AddPersonAsync(app.Id, other.Id, ApplicationRole.Child, null)), "Role");
        AssertError(await As(Supervisor, s => s.CompleteTriageAsync(app.Id, app.Version)), "Stage");
        AssertError(await As(Supervisor, s => s.RecordDecisionAsync(app.Id, app.Version, Disclose(people.Applicant!.Value))), "Stage");

        var after = await ReloadAsync(app.Id);
        Assert.Equal(DisclosureStage.Closed, after.Stage);
        Assert.Equal(app.Version, after.Version);
        Assert.Null(after.UrgentAcknowledgedAt);
        Assert.Equal(events, (await EventTitlesAsync(app.Id)).Count);
    }
}
