using Safeguard.Core.Disclosures;
using Safeguard.Core.Disclosures.Reporting;

namespace Safeguard.Core.Tests.Disclosures.Reporting;

/// <summary>
/// A whole month is read from the roll-up and a month the period covers in part from the rows. The same
/// applications must give the same figures either way.
/// </summary>
public sealed class RollUpAgreementTests : ReportingFixture
{
    // Every application below is received from 10 March on, so both periods hold the same ones.
    private static readonly FiguresPeriod WholeMarch = new(new DateOnly(2026, 3, 1), new DateOnly(2026, 3, 31));
    private static readonly FiguresPeriod MostOfMarch = new(new DateOnly(2026, 3, 2), new DateOnly(2026, 3, 31));

    [Fact]
    public async Task A_month_read_from_the_roll_up_and_from_the_rows_gives_the_same_figures()
    {
        var t = Utc(2026, 3, 10, 9, 0);
        await AddAsync(Scheme.Dvds, Route.RightToAsk, t, closedAt: t.AddHours(100), outcome: DisclosureOutcome.DisclosureMade,
            with: a => { a.Disclose = true; a.Lawful = "Common law power"; a.Necessary = "To protect her"; },
            periods: [(DisclosureStage.Triage, t, t.AddHours(7)), (DisclosureStage.Research, t.AddHours(7), t.AddHours(100)), (DisclosureStage.Closed, t.AddHours(100), t.AddHours(100))]);
        await AddAsync(Scheme.Dvds, Route.RightToAsk, t.AddDays(2), closedAt: t.AddDays(30), outcome: DisclosureOutcome.NoDisclosure, dueAt: t.AddDays(29),
            with: a => { a.Disclose = false; a.PressingNeed = "  "; },
            periods: [(DisclosureStage.Triage, t.AddDays(2), t.AddDays(3)), (DisclosureStage.Research, t.AddDays(3), t.AddDays(30))]);
        await AddAsync(Scheme.Csods, Route.RightToKnow, t.AddDays(5), closedAt: t.AddDays(6), outcome: DisclosureOutcome.NotWithinScheme,
            with: a => a.SubjectIsRegisteredSexOffender = true, periods: [(DisclosureStage.Triage, t.AddDays(5), t.AddDays(5.56))]);
        await AddAsync(Scheme.Dvds, Route.RightToKnow, t.AddDays(8), periods: [(DisclosureStage.Triage, t.AddDays(8), t.AddDays(8.25)), (DisclosureStage.Research, t.AddDays(8.25), null)]);

        var fromRollUp = await InAreaAAsync((f, q) => f.ComputeAsync(q, WholeMarch, 2026));
        var fromRows = await InAreaAAsync((f, q) => f.ComputeAsync(q, MostOfMarch, 2026));

        Assert.Equal(4, fromRollUp.Volumes.Total);
        Assert.Equal(fromRows.Volumes.Rows, fromRollUp.Volumes.Rows);
        Assert.Equal(fromRows.Outcomes.Outcomes, fromRollUp.Outcomes.Outcomes);
        Assert.Equal(1, fromRollUp.Outcomes.StillOpen);
        Assert.Equal(fromRows.Outcomes.StillOpen, fromRollUp.Outcomes.StillOpen);
        Assert.Equal(new RationaleCount(true, 1, 1, 1, 0, 0), fromRollUp.Outcomes.For(true));
        Assert.Equal(new RationaleCount(false, 1, 0, 0, 0, 0), fromRollUp.Outcomes.For(false));
        Assert.Equal(fromRows.Outcomes.Rationale, fromRollUp.Outcomes.Rationale);
        Assert.Equal(fromRows.Timeliness, fromRollUp.Timeliness);
        var dvdsAsk = fromRollUp.Timeliness.Single(r => r.Scheme == Scheme.Dvds && r.Route == Route.RightToAsk);
        Assert.Equal(2, dvdsAsk.Closed);
        Assert.Equal(1, dvdsAsk.WithinClock);
        Assert.Equal((100.0 / 24 + 28) / 2, dvdsAsk.MedianDaysToClose!.Value, 1);
        Assert.Equal(fromRows.StageTimes, fromRollUp.StageTimes);
        // Triage: 7 hours (0.3 days), 1 day, 0.56 days (0.6) and 6 hours (0.25, a half rounded up: 0.3): the open one's ended too.
        Assert.Equal(4, fromRollUp.StageTimes.Single(s => s.Stage == DisclosureStage.Triage).Periods);
        Assert.Equal(0.45, fromRollUp.StageTimes.Single(s => s.Stage == DisclosureStage.Triage).MedianDays!.Value, 3);
    }
}
