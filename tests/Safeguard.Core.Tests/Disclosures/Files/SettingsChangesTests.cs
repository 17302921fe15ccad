using Microsoft.EntityFrameworkCore;
using Safeguard.Core.Common;
using Safeguard.Core.Data;
using Safeguard.Core.Disclosures;
using Safeguard.Core.Disclosures.Clocks;

namespace Safeguard.Core.Tests.Disclosures.Files;

/// <summary>An administrator's changes to clocks, bank holidays and sources, and the deadlines of open applications that follow them.</summary>
public sealed class SettingsChangesTests : FilesFixture
{
    [Fact]
    public async Task A_clock_change_moves_the_deadlines_of_open_applications_only()
    {
        var open = await NewApplicationAsync(Scheme.Csods, Route.RightToAsk);
        var closed = await NewApplicationAsync(Scheme.Csods, Route.RightToAsk);
        var otherScheme = await NewApplicationAsync(Scheme.Dvds, Route.RightToAsk);
        using (var scope = As(Researcher))
        {
            var version = (await ApplicationAsync(closed.Id)).Version;
            Assert.True((await Service<DisclosureService>(scope).CloseEarlyAsync(closed.Id, version, new ClosureInput(DisclosureOutcome.Withdrawn, "Withdrew"))).Succeeded);
        }

        var before = await ApplicationAsync(open.Id);
        var closedBefore = await ApplicationAsync(closed.Id);
        var otherBefore = await ApplicationAsync(otherScheme.Id);
        Assert.Equal(London.DateOf(before.ReceivedAt).AddDays(45), ClockMath.DueDate(before.DueAt));

        var clockId = await EndToEndClockAsync(Scheme.Csods, Route.RightToAsk);
        using (var scope = As(Admin))
        {
            var changed = await Service<DisclosureSettingsChanges>(scope).UpdateClockAsync(clockId, 60, ClockUnit.CalendarDays, true);
            Assert.True(changed.Succeeded, string.Join("; ", changed.Errors));
        }

        var after = await ApplicationAsync(open.Id);
        Assert.Equal(London.DateOf(before.ReceivedAt).AddDays(60), ClockMath.DueDate(after.DueAt));
        Assert.Equal(before.Version, after.Version);
        Assert.Equal(closedBefore.DueAt, (await ApplicationAsync(closed.Id)).DueAt);
        Assert.Equal(otherBefore.DueAt, (await ApplicationAsync(otherScheme.Id)).DueAt);

        using var check = Host.Scope();
        var audit = await Service<SafeguardDbContext>(check).AuditEvents.SingleAsync(e => e.Action == "disclosure.settings-changed" && e.RecordType == "DisclosureClock");
        Assert.Contains("45", audit.Before);
        Assert.Contains("60", audit.After);
    }

    [Fact]
    public async Task Clock_amounts_are_bounded_and_the_whole_process_clock_stays_on()
    {
        var clockId = await EndToEndClockAsync(Scheme.Dvds, Route.RightToKnow);
        using var scope = As(Admin);
        var changes = Service<DisclosureSettingsChanges>(scope);
        Assert.Equal("Amount", Assert.Single((await changes.UpdateClockAsync(clockId, 366, ClockUnit.CalendarDays, true)).Errors).Field);
        Assert.Equal("Amount", Assert.Single((await changes.UpdateClockAsync(clockId, 721, ClockUnit.Hours, true)).Errors).Field);
        Assert.Equal("Amount", Assert.Single((await changes.UpdateClockAsync(clockId, 0, ClockUnit.WorkingDays, true)).Errors).Field);
        Assert.True((await changes.UpdateClockAsync(clockId, 720, ClockUnit.Hours, true)).Succeeded);
        var off = await changes.UpdateClockAsync(clockId, 28, ClockUnit.CalendarDays, false);
        Assert.Equal("IsActive", Assert.Single(off.Errors).Field);

        using var check = Host.Scope();
        var clock = await Service<SafeguardDbContext>(check).DisclosureClocks.AsNoTracking().SingleAsync(c => c.Id == clockId);
        Assert.Equal((720, ClockUnit.Hours, true), (clock.Amount, clock.Unit, clock.IsActive));
    }

    [Fact]
    public async Task A_bank_holiday_moves_a_working_day_deadline_and_removing_it_moves_it_back()
    {
        var clockId = await EndToEndClockAsync(Scheme.Dvds, Route.RightToKnow);
        using (var scope = As(Admin))
        {
            Assert.True((await Service<DisclosureSettingsChanges>(scope).UpdateClockAsync(clockId, 10, ClockUnit.WorkingDays, true)).Succeeded);
        }

        // Received Sunday 15 November 2026: ten working days end on Friday 27 November.
        var made = await NewApplicationAsync(Scheme.Dvds, Route.RightToKnow);
        var before = await ApplicationAsync(made.Id);
        Assert.Equal(new DateOnly(2026, 11, 27), ClockMath.DueDate(before.DueAt));

        var holiday = new DateOnly(2026, 11, 20);
        using (var scope = As(Admin))
        {
            var changes = Service<DisclosureSettingsChanges>(scope);
            var added = await changes.AddBankHolidayAsync(holiday, "Testshire day");
            Assert.True(added.Succeeded, string.Join("; ", added.Errors));
            var duplicate = await changes.AddBankHolidayAsync(holiday, "Again");
            Assert.Equal("Date", Assert.Single(duplicate.Errors).Field);
        }

        var moved = await ApplicationAsync(made.Id);
        Assert.Equal(new DateOnly(2026, 11, 30), ClockMath.DueDate(moved.DueAt));

        using (var scope = As(Admin))
        {
            Assert.True((await Service<DisclosureSettingsChanges>(scope).RemoveBankHolidayAsync(holiday)).Succeeded);
        }

        Assert.Equal(before.DueAt, (await ApplicationAsync(made.Id)).DueAt);
        using var check = Host.Scope();
        var actions = await Service<SafeguardDbContext>(check).AuditEvents.Where(e => e.RecordType == "BankHoliday" && e.RecordId == "2026-11-20")
            .Select(e => e.Summary).ToListAsync();
        Assert.Equal(["Bank holiday added", "Bank holiday removed"], actions);
    }

    [Fact]
    public async Task Research_sources_are_added_renamed_and_retired_with_unique_names()
    {
        using var scope = As(Admin);
        var changes = Service<DisclosureSettingsChanges>(scope);
        var added = await changes.AddSourceAsync("  Youth offending team ");
        Assert.True(added.Succeeded);
        Assert.Equal("Youth offending team", added.Value!.Name);
        Assert.Equal("Name", Assert.Single((await changes.AddSourceAsync("youth OFFENDING team")).Errors).Field);
        Assert.Equal("Name", Assert.Single((await changes.AddSourceAsync(" ")).Errors).Field);

        var renamed = await changes.UpdateSourceAsync(added.Value.Id, "Youth justice service", false);
        Assert.True(renamed.Succeeded);
        using var check = Host.Scope();
        var source = await Service<SafeguardDbContext>(check).ResearchSources.AsNoTracking().SingleAsync(s => s.Id == added.Value.Id);
        Assert.Equal(("Youth justice service", false), (source.Name, source.IsActive));
    }

    private async Task<int> EndToEndClockAsync(Scheme scheme, Route route)
    {
        using var scope = Host.Scope();
        var db = Service<SafeguardDbContext>(scope);
        var schemeId = await db.DisclosureSchemes.Where(s => s.Scheme == scheme && s.Route == route).Select(s => s.Id).SingleAsync();
        return await db.DisclosureClocks.Where(c => c.SchemeId == schemeId && c.Kind == ClockKind.EndToEnd).Select(c => c.Id).SingleAsync();
    }
}
