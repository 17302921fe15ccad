using Microsoft.Extensions.DependencyInjection;
using Safeguard.Core.People;

namespace Safeguard.Core.Tests.People;

/// <summary>The repeat and potential-escalation rules at their 12-month edges, in UK dates.</summary>
public sealed class RiskHistoryTests
{
    private static DateTime Utc(int y, int m, int d, int h = 12, int min = 0) => new(y, m, d, h, min, 0, DateTimeKind.Utc);

    private static PersonInvolvement Involvement(InvolvementKind kind, DateTime at, CaseRole role = CaseRole.Victim, bool police = true, RiskLevel? risk = null) =>
        new() { PersonId = 1, AreaId = 1, Kind = kind, Role = role, OccurredAt = at, Reference = "R" + at.ToString("yyyyMMddHHmm", System.Globalization.CultureInfo.InvariantCulture), PoliceReported = police, RiskLevel = risk };

    [Theory]
    [InlineData(2026, 3, 10, true)]
    [InlineData(2026, 3, 11, false)]
    [InlineData(2025, 3, 11, true)]
    public void A_new_incident_is_a_repeat_up_to_and_including_12_months_after_the_last_MARAC_referral(int y, int m, int d, bool repeat)
    {
        var history = new[] { Involvement(InvolvementKind.MaracReferral, Utc(2025, 3, 10)) };
        var check = RiskHistory.Repeat(history, Utc(y, m, d));
        Assert.Equal(repeat, check.IsRepeat);
        Assert.Equal(new DateOnly(2026, 3, 10), check.RepeatWindowEnds);
        Assert.Equal(new DateOnly(2025, 3, 10), check.LastMaracReferral!.Date);
    }

    [Fact]
    public void The_last_referral_counts_not_the_first()
    {
        var history = new[] { Involvement(InvolvementKind.MaracReferral, Utc(2023, 1, 5)), Involvement(InvolvementKind.MaracReferral, Utc(2025, 6, 1)) };
        var check = RiskHistory.Repeat(history, Utc(2026, 5, 30));
        Assert.True(check.IsRepeat);
        Assert.Equal(new DateOnly(2025, 6, 1), check.LastMaracReferral!.Date);
    }

    [Fact]
    public void No_MARAC_referral_as_victim_means_no_repeat()
    {
        var history = new[] { Involvement(InvolvementKind.MaracReferral, Utc(2026, 1, 5), CaseRole.Perpetrator), Involvement(InvolvementKind.Incident, Utc(2026, 2, 1)) };
        var check = RiskHistory.Repeat(history, Utc(2026, 3, 1));
        Assert.False(check.IsRepeat);
        Assert.Null(check.LastMaracReferral);
    }

    [Theory]
    [InlineData(2025, 2, 28, true)]
    [InlineData(2025, 3, 1, false)]
    public void Twelve_months_from_29_February_ends_on_28_February(int y, int m, int d, bool repeat)
    {
        var history = new[] { Involvement(InvolvementKind.MaracReferral, Utc(2024, 2, 29)) };
        Assert.Equal(repeat, RiskHistory.Repeat(history, Utc(y, m, d)).IsRepeat);
    }

    [Fact]
    public void Clock_change_dates_an_incident_by_UK_time()
    {
        // Referral at 00:30 on 30 March 2025 (GMT). An incident at 23:30 UTC on 29 March 2026 is 00:30 BST on
        // 30 March 2026 in the UK: the last day of the window. An hour-and-a-day later it is outside.
        var history = new[] { Involvement(InvolvementKind.MaracReferral, Utc(2025, 3, 30, 0, 30)) };
        var inside = RiskHistory.Repeat(history, Utc(2026, 3, 29, 23, 30));
        var outside = RiskHistory.Repeat(history, Utc(2026, 3, 30, 23, 30));
        Assert.Equal(new DateOnly(2026, 3, 30), inside.IncidentDate);
        Assert.True(inside.IsRepeat);
        Assert.Equal(new DateOnly(2026, 3, 31), outside.IncidentDate);
        Assert.False(outside.IsRepeat);
    }

    [Fact]
    public void Three_police_reported_incidents_in_12_months_is_potential_escalation_with_its_evidence()
    {
        var history = new[]
        {
            Involvement(InvolvementKind.Incident, Utc(2025, 11, 22)),
            Involvement(InvolvementKind.Incident, Utc(2026, 5, 1)),
            Involvement(InvolvementKind.Incident, Utc(2026, 11, 22)),
        };
        var check = RiskHistory.Escalation(history, Utc(2026, 11, 22, 18));
        Assert.True(check.IsPotentialEscalation);
        Assert.Equal(3, check.Count);
        Assert.Equal(new DateOnly(2025, 11, 22), check.WindowStarts);
        Assert.Equal([new DateOnly(2025, 11, 22), new DateOnly(2026, 5, 1), new DateOnly(2026, 11, 22)], check.Incidents.Select(i => i.Date));
    }

    [Fact]
    public void An_incident_a_day_before_the_window_does_not_count()
    {
        var history = new[]
        {
            Involvement(InvolvementKind.Incident, Utc(2025, 11, 21)),
            Involvement(InvolvementKind.Incident, Utc(2026, 5, 1)),
            Involvement(InvolvementKind.Incident, Utc(2026, 11, 22)),
        };
        var check = RiskHistory.Escalation(history, Utc(2026, 11, 22));
        Assert.False(check.IsPotentialEscalation);
        Assert.Equal(2, check.Count);
    }

    [Fact]
    public void Only_police_reported_incidents_against_the_person_as_victim_count()
    {
        var history = new[]
        {
            Involvement(InvolvementKind.Incident, Utc(2026, 1, 1)),
            Involvement(InvolvementKind.Incident, Utc(2026, 2, 1), police: false),
            Involvement(InvolvementKind.Incident, Utc(2026, 3, 1), CaseRole.Perpetrator),
            Involvement(InvolvementKind.Referral, Utc(2026, 4, 1)),
            Involvement(InvolvementKind.Incident, Utc(2026, 5, 1)),
        };
        var check = RiskHistory.Escalation(history, Utc(2026, 11, 22));
        Assert.Equal(2, check.Count);
        Assert.False(check.IsPotentialEscalation);
    }

    [Fact]
    public void Escalation_window_from_29_February_starts_on_28_February_a_year_before()
    {
        var check = RiskHistory.Escalation([], Utc(2024, 2, 29));
        Assert.Equal(new DateOnly(2023, 2, 28), check.WindowStarts);
    }

    [Fact]
    public void Escalation_dates_a_late_evening_summer_incident_by_UK_time()
    {
        // 23:30 UTC on 21 November 2025 is still 21 November in winter; 23:30 UTC on 10 June is 00:30 BST on 11 June.
        var history = new[] { Involvement(InvolvementKind.Incident, Utc(2025, 11, 21, 23, 30)) };
        Assert.Equal(0, RiskHistory.Escalation(history, Utc(2026, 11, 22)).Count);
        var summer = RiskHistory.Escalation([Involvement(InvolvementKind.Incident, Utc(2025, 6, 10, 23, 30))], Utc(2026, 6, 11, 9));
        Assert.Equal(new DateOnly(2025, 6, 11), summer.Incidents.Single().Date);
    }

    [Fact]
    public void Known_before_counts_DRAMM_and_MARAC_hearings_with_dates_and_the_last_risk_level()
    {
        var summary = RiskHistory.Summarise(
        [
            Involvement(InvolvementKind.DrammHearing, Utc(2025, 2, 3), risk: RiskLevel.Medium),
            Involvement(InvolvementKind.MaracHearing, Utc(2025, 3, 1), risk: RiskLevel.High),
            Involvement(InvolvementKind.DrammHearing, Utc(2026, 1, 9), risk: RiskLevel.Standard),
            Involvement(InvolvementKind.Incident, Utc(2026, 2, 1), risk: RiskLevel.High),
        ]);
        Assert.True(summary.IsKnown);
        Assert.Equal([new DateOnly(2025, 2, 3), new DateOnly(2026, 1, 9)], summary.DrammHearings.Select(h => h.Date));
        Assert.Equal([new DateOnly(2025, 3, 1)], summary.MaracHearings.Select(h => h.Date));
        Assert.Equal(RiskLevel.Standard, summary.LastRiskLevel!.RiskLevel);
    }
}

/// <summary>The calculators read the whole merged group's history, and only in the areas asked for.</summary>
public sealed class RiskHistoryDataTests : PeopleFixture
{
    [Fact]
    public async Task History_includes_merged_records_and_is_limited_to_the_given_areas()
    {
        var a = await AddAsync("Sarah", "Jones", new DateOnly(1990, 1, 2));
        var b = await AddAsync("Sara", "Jones", new DateOnly(1990, 1, 2));
        await InvolveAsync(a.Id, InvolvementKind.Incident, new DateTime(2026, 1, 1, 9, 0, 0, DateTimeKind.Utc));
        await InvolveAsync(b.Id, InvolvementKind.Incident, new DateTime(2026, 2, 1, 9, 0, 0, DateTimeKind.Utc));
        await InvolveAsync(b.Id, InvolvementKind.Incident, new DateTime(2026, 3, 1, 9, 0, 0, DateTimeKind.Utc), area: Org.AreaB);
        using var scope = Host.Scope();
        Assert.True((await scope.ServiceProvider.GetRequiredService<PersonMerging>().MergeAsync(a.Id, b.Id, "Same person: same DOB and address", UserId)).Succeeded);
        var history = scope.ServiceProvider.GetRequiredService<RiskHistory>();

        var all = await history.InvolvementsAsync(a.Id, null);
        var areaA = await history.InvolvementsAsync(a.Id, [Org.AreaA]);

        Assert.Equal(3, all.Count);
        Assert.True(RiskHistory.Escalation(all, new DateTime(2026, 11, 1, 0, 0, 0, DateTimeKind.Utc)).IsPotentialEscalation);
        Assert.Equal(2, areaA.Count);
    }
}
