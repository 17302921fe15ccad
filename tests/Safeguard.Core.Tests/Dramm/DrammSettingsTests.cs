using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Safeguard.Core.Audit;
using Safeguard.Core.Data;
using Safeguard.Core.Dramm;

namespace Safeguard.Core.Tests.Dramm;

public sealed class DrammSettingsTests : IAsyncLifetime
{
    private CoreHost _host = null!;
    private int _area;

    public async Task InitializeAsync()
    {
        _host = await CoreHost.StartAsync();
        _area = (await _host.SeedOrganisationAsync()).AreaA;
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private async Task<T> WithAsync<T>(Func<DrammSettings, Task<T>> call)
    {
        using var scope = _host.Scope();
        scope.ServiceProvider.GetRequiredService<AuditContext>().ActorUserId = "coordinator";
        return await call(scope.ServiceProvider.GetRequiredService<DrammSettings>());
    }

    private static List<DrammDayInput> Week(Func<DayOfWeek, DrammDayInput>? change = null) =>
        [.. DrammSettings.Week.Select(d => change?.Invoke(d) ?? (d is DayOfWeek.Saturday or DayOfWeek.Sunday
            ? new DrammDayInput(d, false, null, null)
            : new DrammDayInput(d, true, "09:45", "11:00")))];

    [Fact]
    public async Task An_area_meets_as_the_protocol_says_until_its_week_is_saved()
    {
        var days = await WithAsync(s => s.DaysAsync(_area));
        Assert.Equal(7, days.Count);
        Assert.Equal(new TimeOnly(13, 0), days.Single(d => d.Day == DayOfWeek.Monday).MeetsAt);
        Assert.False(days.Single(d => d.Day == DayOfWeek.Sunday).Meets);

        var saved = await WithAsync(s => s.SaveAsync(_area, Week()));
        Assert.True(saved.Succeeded, string.Join("; ", saved.Errors));
        days = await WithAsync(s => s.DaysAsync(_area));
        Assert.Equal(new TimeOnly(11, 0), days.Single(d => d.Day == DayOfWeek.Monday).MeetsAt);
        Assert.Equal(new TimeOnly(9, 45), days.Single(d => d.Day == DayOfWeek.Friday).ReleaseBy);

        using var scope = _host.Scope();
        var db = scope.ServiceProvider.GetRequiredService<SafeguardDbContext>();
        var e = await db.AuditEvents.SingleAsync(a => a.Action == "dramm.days-changed");
        Assert.Contains("meet 13:00", e.Before);
        Assert.Contains("meet 11:00", e.After);
    }

    [Fact]
    public async Task Missing_times_a_release_after_the_meeting_and_a_week_without_meetings_are_refused_and_nothing_is_saved()
    {
        var bad = await WithAsync(s => s.SaveAsync(_area, Week(d => d switch
        {
            DayOfWeek.Monday => new DrammDayInput(d, true, "", "13:00"),
            DayOfWeek.Tuesday => new DrammDayInput(d, true, "12:00", "11:30"),
            DayOfWeek.Wednesday => new DrammDayInput(d, true, "10:00", "half eleven"),
            _ => new DrammDayInput(d, false, null, null),
        })));
        Assert.Equal(["MondayReleaseBy", "TuesdayReleaseBy", "WednesdayMeetsAt"], bad.Errors.Select(e => e.Field));
        Assert.Equal("Tuesday's cases must be released before the meeting starts", bad.Errors[1].Message);

        var none = await WithAsync(s => s.SaveAsync(_area, Week(d => new DrammDayInput(d, false, null, null))));
        Assert.Equal("The DRAMM must meet on at least one day", Assert.Single(none.Errors).Message);

        using var scope = _host.Scope();
        Assert.Empty(await scope.ServiceProvider.GetRequiredService<SafeguardDbContext>().DrammDays.ToListAsync());
    }

    [Fact]
    public async Task The_calendar_uses_the_saved_week_and_the_bank_holidays()
    {
        await WithAsync(s => s.SaveAsync(_area, Week()));
        using (var scope = _host.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<SafeguardDbContext>();
            db.BankHolidays.Add(new Safeguard.Core.Disclosures.BankHolidayDate { Date = new DateOnly(2026, 12, 25), Name = "Christmas Day" });
            await db.SaveChangesAsync();
        }

        var calendar = await WithAsync(s => s.CalendarAsync(_area));
        Assert.Null(calendar.SittingOn(new DateOnly(2026, 12, 25)));
        var monday = calendar.SittingOn(new DateOnly(2026, 11, 30))!;
        Assert.Equal(new DateTime(2026, 11, 30, 11, 0, 0, DateTimeKind.Utc), monday.MeetsAtUtc);
        Assert.Equal(new DateTime(2026, 11, 27, 9, 45, 0, DateTimeKind.Utc), monday.WindowFromUtc);
    }
}
