using Safeguard.Core.Disclosures;
using Safeguard.Core.Disclosures.Reporting;

namespace Safeguard.Core.Tests.Disclosures.Reporting;

public sealed class VolumeTests : ReportingFixture
{
    private static readonly FiguresPeriod MarchAndApril = new(new DateOnly(2026, 3, 1), new DateOnly(2026, 4, 30));

    [Fact]
    public async Task Applications_are_counted_in_their_London_month_and_only_inside_the_period()
    {
        await AddAsync(Scheme.Dvds, Route.RightToAsk, Utc(2026, 2, 28, 23, 30));   // 28 February in London (GMT): before the period
        await AddAsync(Scheme.Dvds, Route.RightToAsk, Utc(2026, 3, 1, 0, 0));      // 1 March, midnight GMT: March
        await AddAsync(Scheme.Dvds, Route.RightToKnow, Utc(2026, 3, 31, 23, 30));  // 1 April 00:30 BST: April
        await AddAsync(Scheme.Csods, Route.RightToAsk, Utc(2026, 4, 30, 22, 59));  // 30 April 23:59 BST: April
        await AddAsync(Scheme.Csods, Route.RightToAsk, Utc(2026, 4, 30, 23, 0));   // 1 May 00:00 BST: after the period
        await AddAsync(Scheme.Dvds, Route.RightToAsk, Utc(2026, 3, 10), area: Org.AreaB);

        var volumes = await InAreaAAsync((f, q) => f.VolumesAsync(q, MarchAndApril));

        Assert.Equal([new DateOnly(2026, 3, 1), new DateOnly(2026, 4, 1)], volumes.Months);
        Assert.Equal(1, volumes.Received(new DateOnly(2026, 3, 1), Scheme.Dvds, Route.RightToAsk));
        Assert.Equal(1, volumes.Received(new DateOnly(2026, 4, 1), Scheme.Dvds, Route.RightToKnow));
        Assert.Equal(1, volumes.Received(new DateOnly(2026, 4, 1), Scheme.Csods, Route.RightToAsk));
        Assert.Equal(0, volumes.Received(new DateOnly(2026, 3, 1), Scheme.Dvds, Route.RightToKnow));
        Assert.Equal(3, volumes.Total);
        Assert.Equal(3, volumes.Rows.Count);
    }

    [Fact]
    public async Task The_caller_s_scope_decides_which_applications_count()
    {
        await AddAsync(Scheme.Dvds, Route.RightToAsk, Utc(2026, 3, 10));
        await AddAsync(Scheme.Dvds, Route.RightToAsk, Utc(2026, 3, 11), area: Org.AreaB);
        await AddAsync(Scheme.Csods, Route.RightToKnow, Utc(2026, 4, 11), area: Org.AreaB);

        var areaA = await InAreaAAsync((f, q) => f.VolumesAsync(q, MarchAndApril));
        var everywhere = await EverywhereAsync((f, q) => f.VolumesAsync(q, MarchAndApril));

        Assert.Equal(1, areaA.Total);
        Assert.Equal(0, areaA.Received(new DateOnly(2026, 4, 1)));
        Assert.Equal(3, everywhere.Total);
        Assert.Equal(2, everywhere.Received(new DateOnly(2026, 3, 1), Scheme.Dvds, Route.RightToAsk));
        Assert.Equal(1, everywhere.Received(Scheme.Csods, Route.RightToKnow));
    }

    [Fact]
    public async Task A_period_starting_mid_month_counts_from_its_first_day()
    {
        await AddAsync(Scheme.Dvds, Route.RightToAsk, Utc(2026, 3, 14, 23, 59)); // 14 March GMT: before
        await AddAsync(Scheme.Dvds, Route.RightToAsk, Utc(2026, 3, 15, 0, 0));   // 15 March: in
        await AddAsync(Scheme.Dvds, Route.RightToAsk, Utc(2026, 4, 1, 9, 0));    // April: in
        var volumes = await InAreaAAsync((f, q) => f.VolumesAsync(q, new FiguresPeriod(new DateOnly(2026, 3, 15), new DateOnly(2026, 4, 2))));

        Assert.Equal(1, volumes.Received(new DateOnly(2026, 3, 1)));
        Assert.Equal(1, volumes.Received(new DateOnly(2026, 4, 1)));
    }
}

public sealed class OutcomeTests : ReportingFixture
{
    private static readonly FiguresPeriod Year2026 = new(new DateOnly(2026, 1, 1), new DateOnly(2026, 12, 31));

    [Fact]
    public async Task Outcomes_are_counted_and_decision_records_by_the_rationale_parts_written()
    {
        await AddAsync(Scheme.Dvds, Route.RightToAsk, Utc(2026, 2, 1), closedAt: Utc(2026, 2, 20), outcome: DisclosureOutcome.DisclosureMade,
            with: a => { a.Disclose = true; a.Lawful = "Common law power"; a.Necessary = "To protect her"; a.Proportionate = "Only the convictions"; a.PressingNeed = "Risk of harm"; });
        await AddAsync(Scheme.Dvds, Route.RightToKnow, Utc(2026, 3, 1), closedAt: Utc(2026, 3, 20), outcome: DisclosureOutcome.DisclosureMade,
            with: a => { a.Disclose = true; a.Lawful = "Common law power"; a.Necessary = "Needed"; a.Proportionate = "   "; });
        await AddAsync(Scheme.Csods, Route.RightToAsk, Utc(2026, 4, 1), closedAt: Utc(2026, 4, 20), outcome: DisclosureOutcome.NoDisclosure,
            with: a => { a.Disclose = false; a.Lawful = "Considered"; a.Necessary = ""; });
        await AddAsync(Scheme.Dvds, Route.RightToAsk, Utc(2026, 5, 1), closedAt: Utc(2026, 5, 3), outcome: DisclosureOutcome.Withdrawn);
        await AddAsync(Scheme.Dvds, Route.RightToAsk, Utc(2026, 6, 1));
        // Outside the period or the scope: not counted.
        await AddAsync(Scheme.Dvds, Route.RightToAsk, Utc(2025, 12, 1), closedAt: Utc(2026, 1, 5), outcome: DisclosureOutcome.NoDisclosure, with: a => a.Disclose = false);
        await AddAsync(Scheme.Dvds, Route.RightToAsk, Utc(2026, 2, 1), area: Org.AreaB, closedAt: Utc(2026, 2, 5), outcome: DisclosureOutcome.DisclosureMade, with: a => a.Disclose = true);

        var outcomes = await InAreaAAsync((f, q) => f.OutcomesAsync(q, Year2026));

        Assert.Equal(2, outcomes.Count(DisclosureOutcome.DisclosureMade));
        Assert.Equal(1, outcomes.Count(DisclosureOutcome.NoDisclosure));
        Assert.Equal(1, outcomes.Count(DisclosureOutcome.Withdrawn));
        Assert.Equal(0, outcomes.Count(DisclosureOutcome.NotWithinScheme));
        Assert.Equal(1, outcomes.StillOpen);
        Assert.Equal(new RationaleCount(true, 2, 2, 2, 1, 1), outcomes.For(true));
        Assert.Equal(new RationaleCount(false, 1, 1, 0, 0, 0), outcomes.For(false));
    }
}

public sealed class TimelinessTests : ReportingFixture
{
    private static readonly FiguresPeriod Year2026 = new(new DateOnly(2026, 1, 1), new DateOnly(2026, 12, 31));

    [Fact]
    public async Task In_time_means_closed_before_the_deadline_and_medians_take_the_middle_or_the_mean_of_the_two_middles()
    {
        var received = Utc(2026, 3, 2, 9, 0);
        // DVDS Right to Ask: 2, 5 and 10 days (odd: median 5); the third closes exactly at its deadline, which is late.
        await AddAsync(Scheme.Dvds, Route.RightToAsk, received, closedAt: received.AddDays(2), outcome: DisclosureOutcome.Withdrawn, dueAt: received.AddDays(28));
        await AddAsync(Scheme.Dvds, Route.RightToAsk, received, closedAt: received.AddDays(5), outcome: DisclosureOutcome.DisclosureMade, dueAt: received.AddDays(28));
        await AddAsync(Scheme.Dvds, Route.RightToAsk, received, closedAt: received.AddDays(10), outcome: DisclosureOutcome.NoDisclosure, dueAt: received.AddDays(10));
        // CSODS Right to Ask: 3 and 8 days (even: median 5.5), both in time.
        await AddAsync(Scheme.Csods, Route.RightToAsk, received, closedAt: received.AddDays(3), outcome: DisclosureOutcome.NoDisclosure);
        await AddAsync(Scheme.Csods, Route.RightToAsk, received, closedAt: received.AddDays(8), outcome: DisclosureOutcome.DisclosureMade);
        // CSODS Right to Know: 36 hours, late.
        await AddAsync(Scheme.Csods, Route.RightToKnow, received, closedAt: received.AddHours(36), outcome: DisclosureOutcome.NoDisclosure, dueAt: received.AddHours(24));
        // DVDS Right to Know: open only. Other area and received before the period: not counted.
        await AddAsync(Scheme.Dvds, Route.RightToKnow, received);
        await AddAsync(Scheme.Dvds, Route.RightToAsk, received, area: Org.AreaB, closedAt: received.AddDays(30), outcome: DisclosureOutcome.Withdrawn);
        await AddAsync(Scheme.Dvds, Route.RightToAsk, Utc(2025, 12, 31), closedAt: Utc(2026, 1, 30), outcome: DisclosureOutcome.Withdrawn);

        var rows = await InAreaAAsync((f, q) => f.TimelinessAsync(q, Year2026));

        Assert.Equal(4, rows.Count);
        Assert.Equal(new TimelinessRow(Scheme.Dvds, Route.RightToAsk, 3, 2, 5), rows.Single(r => r.Scheme == Scheme.Dvds && r.Route == Route.RightToAsk));
        Assert.Equal(new TimelinessRow(Scheme.Csods, Route.RightToAsk, 2, 2, 5.5), rows.Single(r => r.Scheme == Scheme.Csods && r.Route == Route.RightToAsk));
        Assert.Equal(new TimelinessRow(Scheme.Csods, Route.RightToKnow, 1, 0, 1.5), rows.Single(r => r.Scheme == Scheme.Csods && r.Route == Route.RightToKnow));
        var empty = rows.Single(r => r.Scheme == Scheme.Dvds && r.Route == Route.RightToKnow);
        Assert.Equal(0, empty.Closed);
        Assert.Null(empty.MedianDaysToClose);
        Assert.Null(empty.ShareWithinClock);
        Assert.Equal(2.0 / 3, rows[0].ShareWithinClock);
    }
}

public sealed class StageTimeTests : ReportingFixture
{
    private static readonly FiguresPeriod Year2026 = new(new DateOnly(2026, 1, 1), new DateOnly(2026, 12, 31));

    [Fact]
    public async Task Median_days_in_each_stage_come_from_the_periods_that_ended()
    {
        var t = Utc(2026, 5, 4, 8, 0);
        await AddAsync(Scheme.Dvds, Route.RightToAsk, t, periods:
        [
            (DisclosureStage.Triage, t, t.AddDays(1)),
            (DisclosureStage.Research, t.AddDays(1), t.AddDays(4)),
            (DisclosureStage.Decision, t.AddDays(4), null),
        ]);
        await AddAsync(Scheme.Dvds, Route.RightToAsk, t, closedAt: t.AddDays(3), outcome: DisclosureOutcome.Withdrawn, periods:
        [
            (DisclosureStage.Triage, t, t.AddDays(2)),
            (DisclosureStage.Research, t.AddDays(2), t.AddDays(3)),
            (DisclosureStage.Closed, t.AddDays(3), t.AddDays(3)),
        ]);
        await AddAsync(Scheme.Csods, Route.RightToAsk, t, periods: [(DisclosureStage.Triage, t, t.AddDays(4)), (DisclosureStage.CriteriaReview, t.AddDays(4), null)]);
        // Not counted: another area, and an application received before the period.
        await AddAsync(Scheme.Dvds, Route.RightToAsk, t, area: Org.AreaB, periods: [(DisclosureStage.Triage, t, t.AddDays(40))]);
        await AddAsync(Scheme.Dvds, Route.RightToAsk, Utc(2025, 12, 20), periods: [(DisclosureStage.Triage, Utc(2025, 12, 20), Utc(2026, 2, 20))]);

        var rows = await InAreaAAsync((f, q) => f.StageTimesAsync(q, Year2026));

        Assert.DoesNotContain(rows, r => r.Stage == DisclosureStage.Closed);
        Assert.Equal(new StageTimeRow(DisclosureStage.Triage, 3, 2), rows.Single(r => r.Stage == DisclosureStage.Triage));
        Assert.Equal(new StageTimeRow(DisclosureStage.Research, 2, 2), rows.Single(r => r.Stage == DisclosureStage.Research));
        Assert.Equal(new StageTimeRow(DisclosureStage.Decision, 0, null), rows.Single(r => r.Stage == DisclosureStage.Decision));
        Assert.Equal(new StageTimeRow(DisclosureStage.CriteriaReview, 0, null), rows.Single(r => r.Stage == DisclosureStage.CriteriaReview));
    }
}

public sealed class WorkloadTests : ReportingFixture
{
    [Fact]
    public async Task Open_work_per_owner_with_names_unallocated_and_overdue_now()
    {
        var alex = await AddUserAsync("Alex Officer");
        var sam = await AddUserAsync("Sam Supervisor");
        await AddAsync(Scheme.Dvds, Route.RightToAsk, Utc(2026, 11, 1), owner: alex, nextDueAt: Now);              // due exactly now: overdue
        await AddAsync(Scheme.Dvds, Route.RightToAsk, Utc(2026, 11, 10), owner: alex, nextDueAt: Now.AddHours(1));
        await AddAsync(Scheme.Dvds, Route.RightToAsk, Utc(2026, 10, 1), owner: alex, closedAt: Utc(2026, 10, 5), outcome: DisclosureOutcome.Withdrawn);
        await AddAsync(Scheme.Csods, Route.RightToAsk, Utc(2026, 11, 12), owner: sam, nextDueAt: Now.AddDays(3));
        await AddAsync(Scheme.Csods, Route.RightToKnow, Utc(2026, 11, 2), nextDueAt: Now.AddMinutes(-1));
        await AddAsync(Scheme.Dvds, Route.RightToKnow, Utc(2026, 11, 20), nextDueAt: Now.AddDays(20));
        await AddAsync(Scheme.Dvds, Route.RightToAsk, Utc(2026, 11, 3), area: Org.AreaB, owner: alex, nextDueAt: Now.AddDays(-3));

        var workload = await InAreaAAsync((f, q) => f.WorkloadAsync(q));

        Assert.Equal([new WorkloadRow(alex, "Alex Officer", 2, 1), new WorkloadRow(sam, "Sam Supervisor", 1, 0)], workload.Owners);
        Assert.Equal(2, workload.Unallocated);
        Assert.Equal(1, workload.UnallocatedOverdue);
        Assert.Equal(5, workload.Open);

        var everywhere = await EverywhereAsync((f, q) => f.WorkloadAsync(q));
        Assert.Equal(new WorkloadRow(alex, "Alex Officer", 3, 2), everywhere.Owners[0]);
    }

    [Fact]
    public async Task The_ten_longest_waiting_open_applications_oldest_first_with_London_days_elapsed()
    {
        var alex = await AddUserAsync("Alex Officer");
        var ids = new List<int>();
        for (var i = 0; i < 12; i++)
        {
            ids.Add(await AddAsync(i % 2 == 0 ? Scheme.Dvds : Scheme.Csods, Route.RightToAsk, Utc(2026, 10, 1 + i), owner: i == 0 ? alex : null,
                nextDueAt: i < 4 ? Now.AddDays(-1) : Now.AddDays(1)));
        }

        await AddAsync(Scheme.Dvds, Route.RightToAsk, Utc(2026, 1, 1), closedAt: Utc(2026, 1, 9), outcome: DisclosureOutcome.Withdrawn);
        await AddAsync(Scheme.Dvds, Route.RightToAsk, Utc(2026, 1, 1), area: Org.AreaB);
        // Received 21 November 23:30 UTC, 21 November in London (GMT): 1 day elapsed on 22 November.
        var late = await AddAsync(Scheme.Dvds, Route.RightToKnow, Utc(2026, 11, 21, 23, 30));

        var overdue = await InAreaAAsync((f, q) => f.OverdueAsync(q));

        Assert.Equal(13, overdue.Open);
        Assert.Equal(4, overdue.Overdue);
        Assert.Equal(ids.Take(10), overdue.LongestWaiting.Select(a => a.Id));
        var first = overdue.LongestWaiting[0];
        Assert.Equal("DV" + ids[0].ToString("D6", System.Globalization.CultureInfo.InvariantCulture), first.Reference);
        Assert.Equal(52, first.DaysElapsed); // 1 October to 22 November
        Assert.Equal("Alex Officer", first.OwnerName);
        Assert.Null(overdue.LongestWaiting[1].OwnerName);
        Assert.StartsWith("CS", overdue.LongestWaiting[1].Reference, StringComparison.Ordinal);
        Assert.DoesNotContain(overdue.LongestWaiting, a => a.Id == late);
    }
}

public sealed class HomeOfficeTests : ReportingFixture
{
    [Fact]
    public async Task Applications_count_by_London_receipt_in_the_year_ending_March_and_disclosures_by_closure()
    {
        // DVDS Right to Ask
        await AddAsync(Scheme.Dvds, Route.RightToAsk, Utc(2025, 3, 31, 22, 30));  // 31 March 2025 23:30 BST: the year before
        await AddAsync(Scheme.Dvds, Route.RightToAsk, Utc(2025, 3, 31, 23, 30));  // 1 April 2025 00:30 BST: in
        await AddAsync(Scheme.Dvds, Route.RightToAsk, Utc(2026, 3, 31, 22, 59));  // 31 March 2026 23:59 BST: in
        await AddAsync(Scheme.Dvds, Route.RightToAsk, Utc(2026, 3, 31, 23, 30));  // 1 April 2026 00:30 BST: the year after
        // Received the year before, disclosed in the year: a disclosure, not an application, of this year.
        await AddAsync(Scheme.Dvds, Route.RightToAsk, Utc(2025, 2, 10), closedAt: Utc(2025, 4, 15), outcome: DisclosureOutcome.DisclosureMade);
        // Received in the year, disclosed after it: an application, not a disclosure, of this year.
        await AddAsync(Scheme.Dvds, Route.RightToAsk, Utc(2026, 3, 20), closedAt: Utc(2026, 3, 31, 23, 30), outcome: DisclosureOutcome.DisclosureMade);
        // DVDS Right to Know: two applications, one disclosure, one no disclosure.
        await AddAsync(Scheme.Dvds, Route.RightToKnow, Utc(2025, 6, 1), closedAt: Utc(2025, 6, 20), outcome: DisclosureOutcome.DisclosureMade);
        await AddAsync(Scheme.Dvds, Route.RightToKnow, Utc(2025, 7, 1), closedAt: Utc(2025, 7, 20), outcome: DisclosureOutcome.NoDisclosure);
        // CSODS, both routes together: 4 applications, 2 about registered sex offenders, 1 disclosure.
        await AddAsync(Scheme.Csods, Route.RightToAsk, Utc(2025, 5, 1), closedAt: Utc(2025, 5, 30), outcome: DisclosureOutcome.DisclosureMade,
            with: a => a.SubjectIsRegisteredSexOffender = true);
        await AddAsync(Scheme.Csods, Route.RightToKnow, Utc(2025, 8, 1), with: a => a.SubjectIsRegisteredSexOffender = true);
        await AddAsync(Scheme.Csods, Route.RightToAsk, Utc(2025, 9, 1), with: a => a.SubjectIsRegisteredSexOffender = false);
        await AddAsync(Scheme.Csods, Route.RightToAsk, Utc(2025, 10, 1));
        await AddAsync(Scheme.Csods, Route.RightToAsk, Utc(2025, 10, 1), area: Org.AreaB, closedAt: Utc(2025, 10, 9), outcome: DisclosureOutcome.DisclosureMade,
            with: a => a.SubjectIsRegisteredSexOffender = true);

        var figures = await InAreaAAsync((f, q) => f.HomeOfficeAsync(q, 2026));

        Assert.Equal(new HomeOfficeFigures(2026, 3, 1, 2, 1, 4, 2, 1), figures);
        Assert.Equal(new DateOnly(2025, 4, 1), figures.From);
        Assert.Equal(new DateOnly(2026, 3, 31), figures.To);

        var yearAfter = await InAreaAAsync((f, q) => f.HomeOfficeAsync(q, 2027));
        Assert.Equal(1, yearAfter.DvdsRightToAskApplications);
        Assert.Equal(1, yearAfter.DvdsRightToAskDisclosures);

        var everywhere = await EverywhereAsync((f, q) => f.HomeOfficeAsync(q, 2026));
        Assert.Equal(new HomeOfficeFigures(2026, 3, 1, 2, 1, 5, 3, 2), everywhere);
    }

    [Fact]
    public async Task The_whole_dashboard_comes_back_in_one_call()
    {
        await AddAsync(Scheme.Dvds, Route.RightToAsk, Utc(2026, 6, 1), closedAt: Utc(2026, 6, 11), outcome: DisclosureOutcome.DisclosureMade,
            periods: [(DisclosureStage.Triage, Utc(2026, 6, 1), Utc(2026, 6, 2))]);
        await AddAsync(Scheme.Csods, Route.RightToKnow, Utc(2026, 11, 1));

        var period = FiguresPeriod.LastTwelveMonths(new DateOnly(2026, 11, 22));
        var all = await InAreaAAsync((f, q) => f.ComputeAsync(q, period, 2026));

        Assert.Equal(2, all.Volumes.Total);
        Assert.Equal(12, all.Volumes.Months.Count);
        Assert.Equal(1, all.Outcomes.Count(DisclosureOutcome.DisclosureMade));
        Assert.Equal(10, all.Timeliness.Single(r => r.Scheme == Scheme.Dvds && r.Route == Route.RightToAsk).MedianDaysToClose);
        Assert.Equal(1, all.StageTimes.Single(r => r.Stage == DisclosureStage.Triage).MedianDays);
        Assert.Equal(1, all.Workload.Unallocated);
        Assert.Equal(1, all.Overdue.Open);
        Assert.Equal(2026, all.HomeOffice.YearEndingMarch);
        Assert.Equal(Now, all.ComputedAt);
    }
}

public sealed class FigureRuleTests
{
    [Theory]
    [InlineData(2026, 3, 31, 2025)]
    [InlineData(2026, 4, 1, 2026)]
    [InlineData(2026, 11, 22, 2026)]
    [InlineData(2027, 1, 5, 2026)]
    public void The_latest_complete_year_ending_March(int year, int month, int day, int expected) =>
        Assert.Equal(expected, DisclosureFigures.LatestCompleteYearEndingMarch(new DateOnly(year, month, day)));

    [Fact]
    public void Medians_of_odd_and_even_counts()
    {
        Assert.Null(DisclosureFigures.Median(Array.Empty<double>()));
        Assert.Equal(3, DisclosureFigures.Median([3]));
        Assert.Equal(2.5, DisclosureFigures.Median([4, 1]));
        Assert.Equal(3, DisclosureFigures.Median([5, 1, 3]));
        Assert.Equal(3.5, DisclosureFigures.Median([10, 1, 3, 4]));
    }

    [Fact]
    public void Periods_run_between_London_midnights()
    {
        var summer = new FiguresPeriod(new DateOnly(2026, 4, 1), new DateOnly(2026, 6, 30));
        Assert.Equal(new DateTime(2026, 3, 31, 23, 0, 0, DateTimeKind.Utc), summer.StartUtc);
        Assert.Equal(new DateTime(2026, 6, 30, 23, 0, 0, DateTimeKind.Utc), summer.EndUtc);
        var winter = new FiguresPeriod(new DateOnly(2026, 1, 1), new DateOnly(2026, 1, 31));
        Assert.Equal(new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc), winter.StartUtc);
        Assert.Equal(new DateTime(2026, 2, 1, 0, 0, 0, DateTimeKind.Utc), winter.EndUtc);
        Assert.Equal(new FiguresPeriod(new DateOnly(2025, 12, 1), new DateOnly(2026, 11, 22)), FiguresPeriod.LastTwelveMonths(new DateOnly(2026, 11, 22)));
        Assert.Equal(12, DisclosureFigures.MonthsOf(FiguresPeriod.LastTwelveMonths(new DateOnly(2026, 11, 22))).Count);
    }
}

public sealed class HistogramMedianTests
{
    [Fact]
    public void Medians_of_a_histogram_match_the_medians_of_the_values_it_counts()
    {
        Assert.Null(DisclosureFigures.Median(Array.Empty<(double, int)>()));
        Assert.Equal(2, DisclosureFigures.Median([(2.0, 1)]));
        Assert.Equal(2, DisclosureFigures.Median([(5.0, 1), (1.0, 1), (2.0, 2)]));       // 1 2 2 5
        Assert.Equal(3.5, DisclosureFigures.Median([(1.0, 2), (6.0, 2)]));               // 1 1 6 6
        Assert.Equal(6, DisclosureFigures.Median([(1.0, 2), (6.0, 3)]));                  // 1 1 6 6 6
        Assert.Equal(1.5, DisclosureFigures.Median([(2.0, 1), (1.0, 1), (9.0, 0)]));
    }
}
