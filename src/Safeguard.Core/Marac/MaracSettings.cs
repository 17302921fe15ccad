using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Safeguard.Core.Audit;
using Safeguard.Core.Common;
using Safeguard.Core.Data;

namespace Safeguard.Core.Marac;

/// <summary>The schedule as the settings form sends it: text as typed, so a bad value comes back named.</summary>
public sealed record MaracScheduleInput(string? FirstMeeting, string? IntervalDays, string? StartsAt, DayOfWeek? PackReleaseDay, string? PackReleaseAt,
    string? MinutesClaresLaw, string? MinutesInformationOnly, string? MinutesSignificantUpdate, string? MinutesFullDiscussion, int Version);

/// <summary>An area's MARAC schedule and invited agencies: the protocol's until a co-ordinator saves the area's own.</summary>
public sealed class MaracSettings(SafeguardDbContext db, AuditTrail audit)
{
    public async Task<MaracSchedule> ScheduleAsync(int areaId, CancellationToken ct = default) =>
        await db.MaracSchedules.AsNoTracking().FirstOrDefaultAsync(s => s.AreaId == areaId, ct) ?? MaracSchedule.Default(areaId);

    public async Task<MaracCalendar> CalendarAsync(int areaId, CancellationToken ct = default) => new(await ScheduleAsync(areaId, ct));

    public async Task<IReadOnlyList<int>> InvitedAsync(int areaId, CancellationToken ct = default) =>
        await db.MaracInvitedAgencies.AsNoTracking().Where(a => a.AreaId == areaId).Select(a => a.AgencyId).ToListAsync(ct);

    /// <summary>
    /// Saves the schedule and the invited agencies together. <see cref="MaracScheduleInput.Version"/> is the version the
    /// form showed (1 for the default): if someone saved in between, nothing is saved and the form says so.
    /// </summary>
    public async Task<Result<MaracSchedule>> SaveAsync(int areaId, MaracScheduleInput input, IReadOnlyCollection<int> invited, CancellationToken ct = default)
    {
        var errors = new List<FieldError>();
        var first = DateOnly.TryParseExact(input.FirstMeeting?.Trim(), ["yyyy-MM-dd", "d/M/yyyy"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var f) ? f : (DateOnly?)null;
        if (first is null)
        {
            errors.Add(new("FirstMeeting", "Enter the date of a meeting, like 8/1/2026"));
        }

        var interval = Number(input.IntervalDays, 1, 91, "IntervalDays", "Enter how many days apart the meetings are, from 1 to 91", errors);
        var starts = Time(input.StartsAt, "StartsAt", "Enter the time the meeting starts, like 09:30", errors);
        if (input.PackReleaseDay is null)
        {
            errors.Add(new("PackReleaseDay", "Choose the day the pack is released"));
        }

        var release = Time(input.PackReleaseAt, "PackReleaseAt", "Enter the time the pack is released, like 17:00", errors);
        var minutes = new[]
        {
            Number(input.MinutesClaresLaw, 1, 120, "MinutesClaresLaw", "Enter the minutes for a Clare's Law case, from 1 to 120", errors),
            Number(input.MinutesInformationOnly, 1, 120, "MinutesInformationOnly", "Enter the minutes for an information-only case, from 1 to 120", errors),
            Number(input.MinutesSignificantUpdate, 1, 120, "MinutesSignificantUpdate", "Enter the minutes for a significant update, from 1 to 120", errors),
            Number(input.MinutesFullDiscussion, 1, 120, "MinutesFullDiscussion", "Enter the minutes for a full discussion, from 1 to 120", errors),
        };
        var agencies = invited.Distinct().ToList();
        if (agencies.Count > 0 && await db.Agencies.CountAsync(a => agencies.Contains(a.Id) && a.IsActive, ct) != agencies.Count)
        {
            errors.Add(new("Invited", "Choose agencies from the list"));
        }

        if (errors.Count > 0)
        {
            return Result<MaracSchedule>.Fail(errors);
        }

        await using var write = await audit.BeginAsync(ct);
        var saved = await db.MaracSchedules.FirstOrDefaultAsync(s => s.AreaId == areaId, ct);
        var before = saved is null ? MaracSchedule.Default(areaId) : Copy(saved);
        var beforeInvited = await InvitedAsync(areaId, ct);
        if ((saved?.Version ?? 1) != input.Version)
        {
            return Result<MaracSchedule>.Fail(new FieldError("FirstMeeting", "Someone else changed these settings while you were editing them: check them and save again"));
        }

        if (saved is null)
        {
            saved = new MaracSchedule { AreaId = areaId, Version = 0 };
            db.MaracSchedules.Add(saved);
        }

        saved.FirstMeeting = first!.Value;
        saved.IntervalDays = interval!.Value;
        saved.StartsAt = starts!.Value;
        saved.PackReleaseDay = input.PackReleaseDay!.Value;
        saved.PackReleaseAt = release!.Value;
        saved.MinutesClaresLaw = minutes[0]!.Value;
        saved.MinutesInformationOnly = minutes[1]!.Value;
        saved.MinutesSignificantUpdate = minutes[2]!.Value;
        saved.MinutesFullDiscussion = minutes[3]!.Value;
        saved.Version = before.Version + 1;
        await db.MaracInvitedAgencies.Where(a => a.AreaId == areaId).ExecuteDeleteAsync(ct);
        db.MaracInvitedAgencies.AddRange(agencies.Select(a => new MaracInvitedAgency { AreaId = areaId, AgencyId = a }));
        write.Record("marac.settings-changed", "Area", areaId.ToString(CultureInfo.InvariantCulture),
            before: Describe(before, beforeInvited), after: Describe(saved, agencies));
        try
        {
            await write.CommitAsync(ct);
        }
        catch (DbUpdateException)
        {
            return Result<MaracSchedule>.Fail(new FieldError("FirstMeeting", "Someone else changed these settings while you were editing them: check them and save again"));
        }

        return Result<MaracSchedule>.Ok(saved);
    }

    private static MaracSchedule Copy(MaracSchedule s) => new()
    {
        AreaId = s.AreaId, FirstMeeting = s.FirstMeeting, IntervalDays = s.IntervalDays, StartsAt = s.StartsAt, PackReleaseDay = s.PackReleaseDay,
        PackReleaseAt = s.PackReleaseAt, MinutesClaresLaw = s.MinutesClaresLaw, MinutesInformationOnly = s.MinutesInformationOnly,
        MinutesSignificantUpdate = s.MinutesSignificantUpdate, MinutesFullDiscussion = s.MinutesFullDiscussion, Version = s.Version,
    };

    private static object Describe(MaracSchedule s, IEnumerable<int> invited) => new
    {
        FirstMeeting = s.FirstMeeting.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), s.IntervalDays, StartsAt = s.StartsAt.ToString("HH:mm", CultureInfo.InvariantCulture),
        PackReleaseDay = s.PackReleaseDay.ToString(), PackReleaseAt = s.PackReleaseAt.ToString("HH:mm", CultureInfo.InvariantCulture),
        Minutes = $"{s.MinutesClaresLaw}/{s.MinutesInformationOnly}/{s.MinutesSignificantUpdate}/{s.MinutesFullDiscussion}",
        Invited = invited.Order().ToList(),
    };

    private static int? Number(string? text, int min, int max, string field, string message, List<FieldError> errors)
    {
        if (int.TryParse(text?.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= min && n <= max)
        {
            return n;
        }

        errors.Add(new(field, message));
        return null;
    }

    private static TimeOnly? Time(string? text, string field, string message, List<FieldError> errors)
    {
        if (TimeOnly.TryParseExact(text?.Trim(), ["HH:mm", "H:mm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var t))
        {
            return t;
        }

        errors.Add(new(field, message));
        return null;
    }
}
