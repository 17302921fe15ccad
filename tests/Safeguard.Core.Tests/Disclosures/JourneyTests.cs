using Safeguard.Core.Disclosures;

namespace Safeguard.Core.Tests.Disclosures;

/// <summary>Every allowed stage change, scheme by scheme, to each way an application can end.</summary>
public sealed class JourneyTests : DisclosureFixture
{
    private async Task<DisclosureStage> StepAsync(int id, DisclosureStage expectNext)
    {
        var before = await ReloadAsync(id);
        var after = await WalkToAsync(id, expectNext);
        Assert.Equal(before.Version + 1, after.Version);
        return after.Stage;
    }

    [Fact]
    public async Task DVDS_Right_to_Ask_goes_through_every_stage_including_face_to_face_to_a_disclosure()
    {
        var (app, _) = await CreateWithPeopleAsync(Scheme.Dvds, Route.RightToAsk);
        Assert.Equal(DisclosureStage.Triage, app.Stage);
        Assert.Equal("DV" + app.Id.ToString("D6", System.Globalization.CultureInfo.InvariantCulture), app.Reference);
        foreach (var stage in new[] { DisclosureStage.CriteriaReview, DisclosureStage.FaceToFace, DisclosureStage.Research, DisclosureStage.Decision, DisclosureStage.Disclosure, DisclosureStage.Closed })
        {
            Assert.Equal(stage, await StepAsync(app.Id, stage));
        }

        var closed = await ReloadAsync(app.Id);
        Assert.Equal(DisclosureOutcome.DisclosureMade, closed.Outcome);
        Assert.Equal(Start.UtcDateTime, closed.ClosedAt);
        Assert.Equal(Today, closed.MetOn);
        Assert.Equal(Researcher, closed.ResearcherUserId);
        Assert.Equal(DecisionMaker, closed.DecidedByUserId);
        Assert.Equal(Officer, closed.DisclosureOfficerUserId);
        Assert.True(closed.Disclose);
        Assert.Equal(Today, closed.DeliveredOn);
        Assert.True(closed.ConfidentialityExplained);
    }

    [Fact]
    public async Task DVDS_Right_to_Know_needs_no_applicant_and_goes_from_criteria_review_straight_to_research()
    {
        var (app, people) = await CreateWithPeopleAsync(Scheme.Dvds, Route.RightToKnow);
        Assert.Null(people.Applicant);
        await WalkToAsync(app.Id, DisclosureStage.CriteriaReview);
        var research = await WalkToAsync(app.Id, DisclosureStage.Research);
        Assert.Null(research.MetOn);
        var closed = await WalkToAsync(app.Id, DisclosureStage.Closed);
        Assert.Equal(DisclosureOutcome.DisclosureMade, closed.Outcome);
        Assert.Equal(people.PersonAtRisk, closed.RecipientPersonId);
    }

    [Fact]
    public async Task CSODS_Right_to_Ask_records_the_registered_sex_offender_answer_and_ends_with_no_disclosure()
    {
        var (app, people) = await CreateWithPeopleAsync(Scheme.Csods, Route.RightToAsk);
        Assert.NotNull(people.Child);
        Assert.StartsWith("CS", app.Reference, StringComparison.Ordinal);
        await WalkToAsync(app.Id, DisclosureStage.FaceToFace);
        var decision = await WalkToAsync(app.Id, DisclosureStage.Decision);
        Assert.True(decision.SubjectIsRegisteredSexOffender);
        var closed = await WalkToAsync(app.Id, DisclosureStage.Closed, disclose: false);
        Assert.Equal(DisclosureOutcome.NoDisclosure, closed.Outcome);
        Assert.False(closed.Disclose);
        Assert.Equal("Nothing relevant found", closed.NoDisclosureReason);
        Assert.Equal(Today, closed.ApplicantInformedOn);
        Assert.Null(closed.RecipientPersonId);
    }

    [Fact]
    public async Task CSODS_Right_to_Know_skips_face_to_face()
    {
        var (app, _) = await CreateWithPeopleAsync(Scheme.Csods, Route.RightToKnow);
        await WalkToAsync(app.Id, DisclosureStage.CriteriaReview);
        Assert.Equal(DisclosureStage.Research, await StepAsync(app.Id, DisclosureStage.Research));
        Assert.Equal(DisclosureOutcome.DisclosureMade, (await WalkToAsync(app.Id, DisclosureStage.Closed)).Outcome);
    }

    [Fact]
    public async Task Not_within_the_scheme_closes_the_application_at_criteria_review()
    {
        var (app, _) = await CreateWithPeopleAsync(Scheme.Dvds, Route.RightToAsk);
        app = await WalkToAsync(app.Id, DisclosureStage.CriteriaReview);
        var result = await As(Researcher, s => s.RecordCriteriaReviewAsync(app.Id, app.Version, new(false, "No intimate relationship", Today)));
        Assert.True(result.Succeeded, string.Join("; ", result.Errors));
        var closed = await ReloadAsync(app.Id);
        Assert.Equal(DisclosureStage.Closed, closed.Stage);
        Assert.Equal(DisclosureOutcome.NotWithinScheme, closed.Outcome);
        Assert.False(closed.WithinScheme);
        Assert.Equal(Today, closed.ApplicantToldOn);
        Assert.NotNull(closed.ClosedAt);
    }

    [Fact]
    public async Task Not_within_the_scheme_needs_reasons_and_the_date_the_applicant_was_told()
    {
        var (app, _) = await CreateWithPeopleAsync(Scheme.Dvds, Route.RightToAsk);
        app = await WalkToAsync(app.Id, DisclosureStage.CriteriaReview);
        var result = await As(Researcher, s => s.RecordCriteriaReviewAsync(app.Id, app.Version, new(false, " ", null)));
        AssertError(result, "Reasons");
        AssertError(result, "ApplicantToldOn");
        var missing = await As(Researcher, s => s.RecordCriteriaReviewAsync(app.Id, app.Version, new(null, null, null)));
        AssertError(missing, "WithinScheme");
        Assert.Equal(DisclosureStage.CriteriaReview, (await ReloadAsync(app.Id)).Stage);
    }

    public static TheoryData<DisclosureStage, DisclosureOutcome> EarlyClosures()
    {
        var data = new TheoryData<DisclosureStage, DisclosureOutcome>();
        foreach (var stage in new[] { DisclosureStage.Triage, DisclosureStage.CriteriaReview, DisclosureStage.FaceToFace, DisclosureStage.Research, DisclosureStage.Decision, DisclosureStage.Disclosure })
        {
            foreach (var outcome in OutcomeNames.EarlyClosures)
            {
                data.Add(stage, outcome);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(EarlyClosures))]
    public async Task An_open_application_closes_early_from_any_stage(DisclosureStage stage, DisclosureOutcome outcome)
    {
        var (app, _) = await CreateWithPeopleAsync(Scheme.Dvds, Route.RightToAsk);
        app = await WalkToAsync(app.Id, stage);
        var result = await As(Supervisor, s => s.CloseEarlyAsync(app.Id, app.Version, new(outcome, "Applicant no longer wishes to proceed")));
        Assert.True(result.Succeeded, string.Join("; ", result.Errors));
        var closed = await ReloadAsync(app.Id);
        Assert.Equal(DisclosureStage.Closed, closed.Stage);
        Assert.Equal(outcome, closed.Outcome);
        Assert.Equal("Applicant no longer wishes to proceed", closed.OutcomeNotes);
        Assert.Equal(app.Version + 1, closed.Version);
    }

    [Theory]
    [InlineData(DisclosureOutcome.DisclosureMade)]
    [InlineData(DisclosureOutcome.NoDisclosure)]
    [InlineData(DisclosureOutcome.NotWithinScheme)]
    [InlineData(null)]
    public async Task Early_closure_refuses_the_outcomes_that_belong_to_a_stage_and_needs_notes(DisclosureOutcome? outcome)
    {
        var app = await CreateAsync(Scheme.Dvds, Route.RightToAsk);
        var result = await As(Supervisor, s => s.CloseEarlyAsync(app.Id, app.Version, new(outcome, null)));
        AssertError(result, "Outcome");
        AssertError(result, "Notes");
        var after = await ReloadAsync(app.Id);
        Assert.Equal(DisclosureStage.Triage, after.Stage);
        Assert.Equal(app.Version, after.Version);
    }
}
