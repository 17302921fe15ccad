using Safeguard.Core.Disclosures;

namespace Safeguard.Core.Tests.Disclosures;

/// <summary>Dates on the record are not in the future, not before the application arrived, and delivery follows the decision.</summary>
public sealed class DateRuleTests : DisclosureFixture
{
    private DateTime ReceivedFourDaysAgo => Start.UtcDateTime.AddDays(-4);

    [Fact]
    public async Task A_received_time_in_the_future_is_refused_and_nothing_is_created()
    {
        var result = await As(ControlRoom, s => s.CreateAsync(Contact(Scheme.Dvds, Route.RightToAsk, Start.UtcDateTime.AddMinutes(1), Org.AreaA)));
        AssertError(result, "ReceivedOn");
        Assert.Equal(0, await Db(db => Task.FromResult(db.DisclosureApplications.Count())));
        Assert.Empty(await AuditAsync("disclosure.created"));
    }

    [Fact]
    public async Task First_contact_needs_what_prompted_it_an_area_and_with_immediate_risk_the_risk_and_the_action()
    {
        var input = Contact(Scheme.Dvds, Route.RightToAsk, Start.UtcDateTime.AddHours(-1), 999_999) with
        {
            WhatPrompted = "  ", ImmediateRisk = true, RiskDescription = null, SafeguardingAction = null,
        };
        var result = await As(ControlRoom, s => s.CreateAsync(input));
        foreach (var field in new[] { "WhatPrompted", "AreaId", "RiskDescription", "SafeguardingAction" })
        {
            AssertError(result, field);
        }
    }

    [Fact]
    public async Task Criteria_review_dates_name_the_field()
    {
        var (app, _) = await CreateWithPeopleAsync(Scheme.Dvds, Route.RightToAsk, ReceivedFourDaysAgo);
        app = await WalkToAsync(app.Id, DisclosureStage.CriteriaReview);
        AssertError(await As(Researcher, s => s.RecordCriteriaReviewAsync(app.Id, app.Version, new(false, "No", Today.AddDays(1)))), "ApplicantToldOn");
        AssertError(await As(Researcher, s => s.RecordCriteriaReviewAsync(app.Id, app.Version, new(false, "No", Today.AddDays(-5)))), "ApplicantToldOn");
        Assert.Equal(DisclosureStage.CriteriaReview, (await ReloadAsync(app.Id)).Stage);
    }

    [Fact]
    public async Task Meeting_and_check_dates_name_the_field()
    {
        var (app, _) = await CreateWithPeopleAsync(Scheme.Dvds, Route.RightToAsk, ReceivedFourDaysAgo);
        app = await WalkToAsync(app.Id, DisclosureStage.FaceToFace);
        AssertError(await As(Researcher, s => s.RecordMeetingAsync(app.Id, app.Version, Meeting() with { MetOn = Today.AddDays(1) })), "MetOn");
        AssertError(await As(Researcher, s => s.RecordMeetingAsync(app.Id, app.Version, Meeting() with { MetOn = Today.AddDays(-5) })), "MetOn");
        Assert.True((await As(Researcher, s => s.RecordMeetingAsync(app.Id, app.Version, Meeting() with { MetOn = Today.AddDays(-4) }))).Succeeded);

        var source = await SourceIdAsync();
        AssertError(await As(Researcher, s => s.AddCheckAsync(app.Id, Check(source) with { CheckedOn = Today.AddDays(1) })), "CheckedOn");
        AssertError(await As(Researcher, s => s.AddCheckAsync(app.Id, Check(source) with { CheckedOn = Today.AddDays(-5) })), "CheckedOn");
    }

    [Fact]
    public async Task Decision_dates_name_the_field()
    {
        var (app, people) = await CreateWithPeopleAsync(Scheme.Dvds, Route.RightToAsk, ReceivedFourDaysAgo);
        app = await WalkToAsync(app.Id, DisclosureStage.Decision);
        AssertError(await As(DecisionMaker, s => s.RecordDecisionAsync(app.Id, app.Version, Disclose(people.Applicant!.Value, Today.AddDays(1)))), "DecidedOn");
        AssertError(await As(DecisionMaker, s => s.RecordDecisionAsync(app.Id, app.Version, Disclose(people.Applicant!.Value, Today.AddDays(-5)))), "DecidedOn");
        Assert.Equal(DisclosureStage.Decision, (await ReloadAsync(app.Id)).Stage);
    }

    [Fact]
    public async Task Delivery_before_the_decision_date_is_refused()
    {
        var (app, people) = await CreateWithPeopleAsync(Scheme.Dvds, Route.RightToAsk, ReceivedFourDaysAgo);
        app = await WalkToAsync(app.Id, DisclosureStage.Decision);
        await As(DecisionMaker, s => s.RecordDecisionAsync(app.Id, app.Version, Disclose(people.Applicant!.Value, Today.AddDays(-2))));
        app = await ReloadAsync(app.Id);
        var result = await As(Officer, s => s.RecordDeliveryAsync(app.Id, app.Version, Delivery(Today.AddDays(-3))));
        AssertError(result, "DeliveredOn");
        Assert.Contains("decision", result.Errors.Single(e => e.Field == "DeliveredOn").Message, StringComparison.Ordinal);
        AssertError(await As(Officer, s => s.RecordDeliveryAsync(app.Id, app.Version, Delivery(Today.AddDays(1)))), "DeliveredOn");
        Assert.True((await As(Officer, s => s.RecordDeliveryAsync(app.Id, app.Version, Delivery(Today.AddDays(-2))))).Succeeded);
    }

    [Fact]
    public async Task Applicant_informed_before_the_decision_date_is_refused()
    {
        var (app, _) = await CreateWithPeopleAsync(Scheme.Dvds, Route.RightToAsk, ReceivedFourDaysAgo);
        app = await WalkToAsync(app.Id, DisclosureStage.Decision);
        await As(DecisionMaker, s => s.RecordDecisionAsync(app.Id, app.Version, NoDisclosure(Today.AddDays(-1))));
        app = await ReloadAsync(app.Id);
        AssertError(await As(Officer, s => s.RecordApplicantInformedAsync(app.Id, app.Version, Informed(Today.AddDays(-2)))), "InformedOn");
        AssertError(await As(Officer, s => s.RecordApplicantInformedAsync(app.Id, app.Version, Informed(Today.AddDays(1)))), "InformedOn");
        Assert.Equal(DisclosureStage.Disclosure, (await ReloadAsync(app.Id)).Stage);
    }
}
