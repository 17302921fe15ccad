using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Safeguard.Core.Audit;
using Safeguard.Core.Common;
using Safeguard.Core.Data;
using Safeguard.Core.Disclosures.Clocks;

namespace Safeguard.Core.Disclosures;

/// <summary>
/// An administrator's changes to the scheme settings: clocks, research sources and bank holidays. Each is audited
/// with before and after. A change that moves deadlines (a clock, or a bank holiday under a working-day clock)
/// recomputes the due dates of the open applications it touches in the same transaction, so the board never
/// shows a deadline worked out under rules that no longer apply.
/// </summary>
public sealed class DisclosureSettingsChanges(SafeguardDbContext db, AuditTrail audit, DisclosureSettings settings)
{
    public const int MaxDays = 365;
    public const int MaxHours = 720;
    private const int Batch = 500;

    public async Task<Result<DisclosureClock>> UpdateClockAsync(int clockId, int? amount, ClockUnit? unit, bool isActive, CancellationToken ct = default)
    {
        var clock = await db.DisclosureClocks.FirstOrDefaultAsync(c => c.Id == clockId, ct);
        if (clock is null)
        {
            return Result<DisclosureClock>.Fail(new FieldError("Amount", "There is no such clock"));
        }

        var errors = new List<FieldError>();
        if (unit is null || !Enum.IsDefined(unit.Value))
        {
            errors.Add(new("Unit", "Select hours, calendar days or working days"));
        }

        if (amount is null)
        {
            errors.Add(new("Amount", "Enter how long the clock runs"));
        }
        else if (unit == ClockUnit.Hours && amount is < 1 or > MaxHours)
        {
            errors.Add(new("Amount", $"A clock in hours must be between 1 and {MaxHours} hours"));
        }
        else if (unit is ClockUnit.CalendarDays or ClockUnit.WorkingDays && amount is < 1 or > MaxDays)
        {
            errors.Add(new("Amount", $"A clock in days must be between 1 and {MaxDays} days"));
        }

        if (!isActive && clock.Kind == ClockKind.EndToEnd)
        {
            errors.Add(new("IsActive", "The whole-process clock cannot be turned off: every application has an overall deadline"));
        }

        if (errors.Count > 0)
        {
            return Result<DisclosureClock>.Fail(errors);
        }

        var before = new { clock.Kind, clock.Amount, Unit = clock.Unit.ToString(), clock.IsActive };
        var scheme = await db.DisclosureSchemes.FirstAsync(s => s.Id == clock.SchemeId, ct);
        await using var write = await audit.BeginAsync(ct);
        clock.Amount = amount!.Value;
        clock.Unit = unit!.Value;
        clock.IsActive = isActive;
        scheme.Version++;
        write.Record("disclosure.settings-changed", "DisclosureClock", Id(clock.Id),
            summary: $"{scheme.Name}: {ClockKinds.Of(clock.Kind)}",
            before: new { before.Amount, before.Unit, before.IsActive },
            after: new { clock.Amount, Unit = clock.Unit.ToString(), clock.IsActive });
        await db.SaveChangesAsync(ct);
        await RecomputeAsync(db.DisclosureApplications.Where(a => a.SchemeId == scheme.Id), ct);
        await write.CommitAsync(ct);
        return Result<DisclosureClock>.Ok(clock);
    }

    public async Task<Result<ResearchSource>> AddSourceAsync(string? name, CancellationToken ct = default)
    {
        var (clean, errors) = await CheckSourceNameAsync(name, null, ct);
        if (errors.Count > 0)
        {
            return Result<ResearchSource>.Fail(errors);
        }

        await using var write = await audit.BeginAsync(ct);
        var source = new ResearchSource { Name = clean! };
        db.ResearchSources.Add(source);
        await db.SaveChangesAsync(ct);
        write.Record("disclosure.settings-changed", "ResearchSource", Id(source.Id), summary: "Research source added", after: new { source.Name, source.IsActive });
        await write.CommitAsync(ct);
        return Result<ResearchSource>.Ok(source);
    }

    /// <summary>Renames a source and sets whether it is offered for new checks. Checks already recorded keep it either way.</summary>
    public async Task<Result<ResearchSource>> UpdateSourceAsync(int id, string? name, bool isActive, CancellationToken ct = default)
    {
        var source = await db.ResearchSources.FirstOrDefaultAsync(s => s.Id == id, ct);
        if (source is null)
        {
            return Result<ResearchSource>.Fail(new FieldError("Name", "There is no such source"));
        }

        var (clean, errors) = await CheckSourceNameAsync(name, id, ct);
        if (errors.Count > 0)
        {
            return Result<ResearchSource>.Fail(errors);
        }

        var before = new { source.Name, source.IsActive };
        await using var write = await audit.BeginAsync(ct);
        source.Name = clean!;
        source.IsActive = isActive;
        write.Record("disclosure.settings-changed", "ResearchSource", Id(source.Id), summary: "Research source changed",
            before: before, after: new { source.Name, source.IsActive });
        await write.CommitAsync(ct);
        return Result<ResearchSource>.Ok(source);
    }

    public async Task<Result<BankHolidayDate>> AddBankHolidayAsync(DateOnly? date, string? name, CancellationToken ct = default)
    {
        var errors = new List<FieldError>();
        var clean = name?.Trim();
        if (date is null)
        {
            errors.Add(new("Date", "Enter the date of the bank holiday"));
        }
        else if (await db.BankHolidays.AnyAsync(h => h.Date == date, ct))
        {
            errors.Add(new("Date", $"{London.Format(date.Value)} is already a bank holiday"));
        }
        else if (date.Value.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday)
        {
            errors.Add(new("Date", "A bank holiday must fall on a weekday: enter the substitute day"));
        }

        if (string.IsNullOrEmpty(clean))
        {
            errors.Add(new("Name", "Enter the name of the bank holiday"));
        }
        else if (clean.Length > 100)
        {
            errors.Add(new("Name", "The name must be 100 characters or fewer"));
        }

        if (errors.Count > 0)
        {
            return Result<BankHolidayDate>.Fail(errors);
        }

        await using var write = await audit.BeginAsync(ct);
        var holiday = new BankHolidayDate { Date = date!.Value, Name = clean! };
        db.BankHolidays.Add(holiday);
        write.Record("disclosure.settings-changed", "BankHoliday", Key(holiday.Date), summary: "Bank holiday added", after: new { holiday.Date, holiday.Name });
        await db.SaveChangesAsync(ct);
        await RecomputeWorkingDayApplicationsAsync(ct);
        await write.CommitAsync(ct);
        return Result<BankHolidayDate>.Ok(holiday);
    }

    public async Task<Result<BankHolidayDate>> RemoveBankHolidayAsync(DateOnly date, CancellationToken ct = default)
    {
        var holiday = await db.BankHolidays.FirstOrDefaultAsync(h => h.Date == date, ct);
        if (holiday is null)
        {
            return Result<BankHolidayDate>.Fail(new FieldError("Date", "There is no bank holiday on that date"));
        }

        await using var write = await audit.BeginAsync(ct);
        db.BankHolidays.Remove(holiday);
        write.Record("disclosure.settings-changed", "BankHoliday", Key(holiday.Date), summary: "Bank holiday removed", before: new { holiday.Date, holiday.Name });
        await db.SaveChangesAsync(ct);
        await RecomputeWorkingDayApplicationsAsync(ct);
        await write.CommitAsync(ct);
        return Result<BankHolidayDate>.Ok(holiday);
    }

    private Task RecomputeWorkingDayApplicationsAsync(CancellationToken ct)
    {
        var schemes = db.DisclosureClocks.Where(c => c.IsActive && c.Unit == ClockUnit.WorkingDays).Select(c => c.SchemeId);
        return RecomputeAsync(db.DisclosureApplications.Where(a => schemes.Contains(a.SchemeId)), ct);
    }

    /// <summary>Puts the current clocks and calendar on the open applications of <paramref name="applications"/>, a batch at a time.</summary>
    private async Task RecomputeAsync(IQueryable<DisclosureApplication> applications, CancellationToken ct)
    {
        var calendar = await settings.CalendarAsync(ct);
        var clocks = (await db.DisclosureClocks.AsNoTracking().ToListAsync(ct)).ToLookup(c => c.SchemeId);
        var open = applications.Where(a => a.Stage != DisclosureStage.Closed);
        var after = 0;
        while (true)
        {
            var batch = await open.Where(a => a.Id > after).OrderBy(a => a.Id).Take(Batch).ToListAsync(ct);
            if (batch.Count == 0)
            {
                return;
            }

            foreach (var app in batch)
            {
                ApplicationClock.Apply(app, clocks[app.SchemeId], calendar);
            }

            await db.SaveChangesAsync(ct);
            foreach (var app in batch)
            {
                db.Entry(app).State = EntityState.Detached;
            }

            after = batch[^1].Id;
        }
    }

    private async Task<(string? Name, List<FieldError> Errors)> CheckSourceNameAsync(string? name, int? id, CancellationToken ct)
    {
        var errors = new List<FieldError>();
        var clean = name?.Trim();
        if (string.IsNullOrEmpty(clean))
        {
            errors.Add(new("Name", "Enter the name of the source"));
        }
        else if (clean.Length > 100)
        {
            errors.Add(new("Name", "The name must be 100 characters or fewer"));
        }
        else
        {
            var others = await db.ResearchSources.AsNoTracking().Where(s => s.Id != id).Select(s => s.Name).ToListAsync(ct);
            if (others.Any(o => string.Equals(o, clean, StringComparison.OrdinalIgnoreCase)))
            {
                errors.Add(new("Name", "There is already a source with this name"));
            }
        }

        return (clean, errors);
    }

    private static string Id(int id) => id.ToString(CultureInfo.InvariantCulture);

    private static string Key(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
