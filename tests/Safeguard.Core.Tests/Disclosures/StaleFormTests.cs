using Safeguard.Core.Disclosures;

namespace Safeguard.Core.Tests.Disclosures;

/// <summary>A form opened before someone else's change is refused with a Version error, and nothing of it is saved.</summary>
public sealed class StaleFormTests : DisclosureFixture
{
    [Fact]
    public async Task Every_versioned_call_with_an_old_version_is_refused_and_saves_nothing()
    {
        var (app, _) = await CreateWithPeopleAsync(Scheme.Dvds, Route.RightToAsk);
        var old = app.Version;
        Assert.True((await As(Supervisor, s => s.AllocateAsync(app.Id, old, Researcher))).Succeeded);
        var current = await ReloadAsync(app.Id);
        var events = (await EventTitlesAsync(app.Id)).Count;

        AssertError(await As(Researcher, s => s.CompleteTriageAsync(app.Id, old)), "Version");
        AssertError(await As(Supervisor, s => s.AllocateAsync(app.Id, old, DecisionMaker)), "Version");
        AssertError(await As(Supervisor, s => s.MarkUrgentAsync(app.Id, old, new("Threats", "Officers attended"))), "Version");
        AssertError(await As(Supervisor, s => s.CloseEarlyAsync(app.Id, old, new(DisclosureOutcome.Withdrawn, "Withdrawn"))), "Version");

        var after = await ReloadAsync(app.Id);
        Assert.Equal(current.Version, after.Version);
        Assert.Equal(DisclosureStage.Triage, after.Stage);
        Assert.Equal(Researcher, after.OwnerUserId);
        Assert.False(after.Urgent);
        Assert.Null(after.Outcome);
        Assert.Equal(events, (await EventTitlesAsync(app.Id)).Count);
    }

    [Fact]
    public async Task A_stage_form_from_before_the_last_stage_change_is_refused()
    {
        var (app, _) = await CreateWithPeopleAsync(Scheme.Dvds, Route.RightToAsk);
        var atCriteria = await WalkToAsync(app.Id, DisclosureStage.CriteriaReview);
        Assert.True((await As(Researcher, s => s.RecordCriteriaReviewAsync(app.Id, atCriteria.Version, Within()))).Succeeded);

        // A second researcher had the criteria form open and now says "not within the scheme".
        var result = await As(Supervisor, s => s.RecordCriteriaReviewAsync(app.Id, atCriteria.Version, new(false, "Not a partner", Today)));
        AssertError(result, "Version");
        var after = await ReloadAsync(app.Id);
        Assert.Equal(DisclosureStage.FaceToFace, after.Stage);
        Assert.True(after.WithinScheme);
        Assert.Null(after.Outcome);
    }

    [Fact]
    public async Task A_stale_decision_adds_no_recipient()
    {
        var (app, people) = await CreateWithPeopleAsync(Scheme.Dvds, Route.RightToAsk);
        app = await WalkToAsync(app.Id, DisclosureStage.Decision);
        await As(Supervisor, s => s.AllocateAsync(app.Id, app.Version, Researcher));
        AssertError(await As(DecisionMaker, s => s.RecordDecisionAsync(app.Id, app.Version, Disclose(people.Applicant!.Value))), "Version");
        var after = await ReloadAsync(app.Id);
        Assert.Equal(DisclosureStage.Decision, after.Stage);
        Assert.DoesNotContain(after.People, p => p.Role == ApplicationRole.Recipient);
    }
}
