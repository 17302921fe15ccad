using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Safeguard.Core.Audit;
using Safeguard.Core.Common;
using Safeguard.Core.Data;

namespace Safeguard.Core.Dramm;

/// <summary>A weekday as the settings form sends it: whether the DRAMM meets, and its two times as HH:mm.</summary>
public sealed record DrammDayInput(DayOfWeek Day, bool Meets, string? ReleaseBy, string? MeetsAt);

/// <summary>An area's DRAMM days and times: the protocol's until a co-ordinator changes them, then theirs.</summary>
public sealed class DrammSettings(SafeguardDbContext db, AuditTrail audit)
{
    public static readonly DayOfWeek[] Week =
        [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday, DayOfWeek.Saturday, DayOfWeek.Sunday];

    /// <summary>Monday to Sunday, each the area's own setting or the protocol's default.</summary>
    public async Task<IReadOnlyList<DrammDay>> DaysAsync(int areaId, CancellationToken ct = default)
    {
        var saved = await db.DrammDays.AsNoTracking().Where(d => d.AreaId == areaId).ToDictionaryAsync(d => d.Day, ct);
        var defaults = DrammDay.Defaults(areaId).ToDictionary(d => d.Day);
        return [.. Week.Select(day => saved.GetValueOrDefault(day) ?? defaults[day])];
    }

    public async Task<DrammCalendar> CalendarAsync(int areaId, CancellationToken ct = default) =>
        new(await DaysAsync(areaId, ct), await db.BankHolidays.AsNoTracking().Select(h => h.Date).ToListAsync(ct));

    /// <summary>Saves the whole week at once: every meeting day needs both times, cases released before the meeting starts.</summary>
    public async Task<Result<IReadOnlyList<DrammDay>>> SaveAsync(int areaId, IReadOnlyList<DrammDayInput> week, CancellationToken ct = default)
    {
        var errors = new List<FieldError>();
        var parsed = new List<DrammDay>();
        foreach (var day in Week)
        {
            var input = week.FirstOrDefault(w => w.Day == day) ?? new DrammDayInput(day, false, null, null);
            var name = CultureInfo.GetCultureInfo("en-GB").DateTimeFormat.GetDayName(day);
            var release = Time(input.ReleaseBy);
            var meets = Time(input.MeetsAt);
            if (input.Meets)
            {
                if (release is null)
                {
                    errors.Add(new($"{day}ReleaseBy", $"Enter the time {name}'s cases are released, like 10:00"));
                }

                if (meets is null)
                {
                    errors.Add(new($"{day}MeetsAt", $"Enter the time {name}'s meeting starts, like 11:30"));
                }

                if (release is not null && meets is not null && release >= meets)
                {
                    errors.Add(new($"{day}ReleaseBy", $"{name}'s cases must be released before the meeting starts"));
                }
            }

            parsed.Add(new DrammDay { AreaId = areaId, Day = day, Meets = input.Meets, ReleaseBy = release ?? new(10, 0), MeetsAt = meets ?? new(11, 30) });
        }

        if (!parsed.Any(d => d.Meets))
        {
            errors.Add(new($"{DayOfWeek.Monday}Meets", "The DRAMM must meet on at least one day"));
        }

        if (errors.Count > 0)
        {
            return Result<IReadOnlyList<DrammDay>>.Fail(errors);
        }

        var before = await DaysAsync(areaId, ct);
        await using var write = await audit.BeginAsync(ct);
        await db.DrammDays.Where(d => d.AreaId == areaId).ExecuteDeleteAsync(ct);
        db.DrammDays.AddRange(parsed);
        write.Record("dramm.days-changed", "Area", areaId.ToString(CultureInfo.InvariantCulture),
            before: Describe(before), after: Describe(parsed));
        await write.CommitAsync(ct);
        return Result<IReadOnlyList<DrammDay>>.Ok(parsed);
    }

    private static TimeOnly? Time(string? text) =>
        TimeOnly.TryParseExact(text?.Trim(), ["HH:mm", "H:mm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var t) ? t : null;

    private static Dictionary<string, string> Describe(IEnumerable<DrammDay> days) =>
        days.ToDictionary(d => d.Day.ToString(), d => d.Meets ? $"release {d.ReleaseBy:HH\\:mm}, meet {d.MeetsAt:HH\\:mm}" : "no meeting");
}
