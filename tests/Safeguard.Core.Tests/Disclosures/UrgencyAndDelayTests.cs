using Microsoft.EntityFrameworkCore;
using Safeguard.Core.Disclosures;

namespace Safeguard.Core.Tests.Disclosures;

/// <summary>Immediate risk raised and acknowledged; reasons for delay with a safeguarding plan.</summary>
public sealed class UrgencyAndDelayTests : DisclosureFixture
{
    [Fact]
    public async Task Marking_urgent_then_acknowledging_it()
    {
        var app = await CreateAsync(Scheme.Dvds, Route.RightToAsk);
        Assert.False(app.Urgent);
        AssertError(await As(Supervisor, s => s.AcknowledgeUrgentAsync(app.Id, app.Version)), "Urgent");

        Assert.True((await As(Researcher, s => s.MarkUrgentAsync(app.Id, app.Version, new("Sister threatened", "Officers attended")))).Succeeded);
        var urgent = await ReloadAsync(app.Id);
        Assert.True(urgent.Urgent);
        Assert.Equal("Sister threatened", urgent.ImmediateRisk);
        Assert.Null(urgent.UrgentAcknowledgedAt);

        Assert.True((await As(Supervisor, s => s.AcknowledgeUrgentAsync(app.Id, urgent.Version))).Succeeded);
        var seen = await ReloadAsync(app.Id);
        Assert.Equal(Supervisor, seen.UrgentAcknowledgedByUserId);
        Assert.Equal(Start.UtcDateTime, seen.UrgentAcknowledgedAt);
        AssertError(await As(Supervisor, s => s.AcknowledgeUrgentAsync(app.Id, seen.Version)), "Urgent");

        // A new risk raises the alert again.
        Assert.True((await As(Researcher, s => s.MarkUrgentAsync(app.Id, seen.Version, new("New threats", "Welfare check")))).Succeeded);
        Assert.Null((await ReloadAsync(app.Id)).UrgentAcknowledgedAt);
        Assert.Equal(
            ["Application received", "Marked urgent: immediate risk", "Urgent alert acknowledged by a supervisor", "Marked urgent: immediate risk"],
            await EventTitlesAsync(app.Id));
    }

    [Fact]
    public async Task Marking_urgent_needs_the_risk_and_the_action_taken()
    {
        var app = await CreateAsync(Scheme.Dvds, Route.RightToAsk);
        var result = await As(Researcher, s => s.MarkUrgentAsync(app.Id, app.Version, new(" ", null)));
        AssertError(result, "RiskDescription");
        AssertError(result, "SafeguardingAction");
        Assert.False((await ReloadAsync(app.Id)).Urgent);
    }

    [Fact]
    public async Task A_delay_needs_a_reason_and_a_safeguarding_plan()
    {
        var app = await CreateAsync(Scheme.Dvds, Route.RightToAsk);
        AssertError(await As(Researcher, s => s.RecordDelayAsync(app.Id, new(null, "IDVA in weekly contact"))), "Reason");
        AssertError(await As(Researcher, s => s.RecordDelayAsync(app.Id, new("Waiting for probation", "  "))), "SafeguardingPlan");
        AssertError(await As(Researcher, s => s.RecordDelayAsync(app.Id, new(new string('x', 4001), "Plan"))), "Reason");
        Assert.False(await Db(db => db.DelayRecords.AnyAsync()));

        var ok = await As(Researcher, s => s.RecordDelayAsync(app.Id, new(" Waiting for probation ", "IDVA in weekly contact")));
        Assert.True(ok.Succeeded);
        var delay = await Db(db => db.DelayRecords.SingleAsync());
        Assert.Equal("Waiting for probation", delay.Reason);
        Assert.Equal(Researcher, delay.RecordedByUserId);
        Assert.Equal("Reason for delay and safeguarding plan recorded", (await EventTitlesAsync(app.Id))[^1]);
        Assert.Single(await AuditAsync("disclosure.delay-recorded"));
    }
}
