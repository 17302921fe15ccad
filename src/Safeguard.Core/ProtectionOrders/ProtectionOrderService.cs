using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Safeguard.Core.Audit;
using Safeguard.Core.Common;
using Safeguard.Core.Data;
using Safeguard.Core.Disclosures;
using Safeguard.Core.People;

namespace Safeguard.Core.ProtectionOrders;

/// <summary>What the record page sends: the answers as typed, the people already found in the person index.</summary>
public sealed record ProtectionOrderInput(
    ProtectionOrderKind? Kind,
    int? AreaId,
    DateOnly? IssuedOn,
    string? IssuedTime,
    DateOnly? ExpiresOn,
    string? ExpiresTime,
    int? VictimPersonId,
    int? PerpetratorPersonId,
    string? ProtectedPremises,
    string? Terms,
    string? Breaches);

/// <summary>
/// Records a protection order: every answer checked first, each problem named by its field, then saved with its audit
/// event in one transaction, so bad input saves nothing. Times are typed in UK time and kept in UTC. Which areas
/// and people the user may use is the page's business; it passes the areas allowed.
/// </summary>
public sealed class ProtectionOrderService(SafeguardDbContext db, AuditTrail audit, AuditContext actor, TimeProvider clock)
{
    public const int MaxPremises = 500;
    public const int MaxText = 4000;

    public async Task<Result<ProtectionOrder>> RecordAsync(ProtectionOrderInput input, IReadOnlyCollection<int> allowedAreas, CancellationToken ct = default)
    {
        var checkedForm = await CheckAsync(input, allowedAreas, ct);
        if (!checkedForm.Succeeded)
        {
            return checkedForm;
        }

        var order = checkedForm.Value!;
        await using var write = await audit.BeginAsync(ct);
        db.ProtectionOrders.Add(order);
        await db.SaveChangesAsync(ct);
        // References, never names or the order's wording: the audit trail is read more widely than the record.
        write.Record("protection-order.recorded", "ProtectionOrder", order.Id.ToString(CultureInfo.InvariantCulture), after: new
        {
            Kind = order.Kind.ToString(), order.AreaId, order.IssuedAt, order.ExpiresAt,
            Victim = Person.FormatReference(order.VictimPersonId), Perpetrator = Person.FormatReference(order.PerpetratorPersonId),
            HasBreaches = order.Breaches is not null,
        });
        await write.CommitAsync(ct);
        return Result<ProtectionOrder>.Ok(order);
    }

    /// <summary>The form checked as it would be saved, saving nothing: every problem, by field.</summary>
    public async Task<Result<ProtectionOrder>> CheckAsync(ProtectionOrderInput input, IReadOnlyCollection<int> allowedAreas, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var now = clock.GetUtcNow().UtcDateTime;
        var rules = new FormRules(London.Today(clock), DateOnly.MinValue);
        var kind = input.Kind is ProtectionOrderKind k && Enum.IsDefined(k) ? k : (ProtectionOrderKind?)null;
        if (kind is null)
        {
            rules.Fail("Kind", "Select the kind of notice or order");
        }

        if (input.AreaId is not int area || !allowedAreas.Contains(area) || !await db.Areas.AnyAsync(a => a.Id == area && a.IsActive, ct))
        {
            rules.Fail("AreaId", "Select the area");
        }

        var issued = UkTime(rules, "IssuedOn", "IssuedTime", input.IssuedOn, input.IssuedTime, "the date it was issued", "the time it was issued");
        if (issued is DateTime i && i > now)
        {
            rules.Fail("IssuedOn", "The date and time it was issued must be now or in the past");
        }

        DateTime? expires = null;
        if (input.ExpiresOn is null && string.IsNullOrWhiteSpace(input.ExpiresTime))
        {
            if (kind is ProtectionOrderKind known && !ProtectionOrderNames.MayBeOpenEnded(known))
            {
                rules.Fail("ExpiresOn", "Enter the date it ends: only a DAPO may be made without an end date");
            }
        }
        else
        {
            expires = UkTime(rules, "ExpiresOn", "ExpiresTime", input.ExpiresOn, input.ExpiresTime, "the date it ends", "the time it ends");
            if (expires is DateTime e && issued is DateTime from && e <= from)
            {
                rules.Fail("ExpiresOn", "The date and time it ends must be after it was issued");
            }
        }

        var victim = await PersonAsync(rules, "VictimReference", input.VictimPersonId, "the victim", ct);
        var perpetrator = await PersonAsync(rules, "PerpetratorReference", input.PerpetratorPersonId, "the perpetrator", ct);
        if (victim is int v && perpetrator is int p && v == p)
        {
            rules.Fail("PerpetratorReference", "The perpetrator must be a different person from the victim");
        }

        var premises = rules.Text("ProtectedPremises", input.ProtectedPremises, "the protected premises", required: false, max: MaxPremises);
        var terms = rules.Text("Terms", input.Terms, "the terms of the order", max: MaxText);
        var breaches = rules.Text("Breaches", input.Breaches, "the breaches", required: false, max: MaxText);
        if (!rules.Ok)
        {
            return Result<ProtectionOrder>.Fail(rules.Errors);
        }

        return Result<ProtectionOrder>.Ok(new ProtectionOrder
        {
            Kind = kind!.Value, AreaId = input.AreaId!.Value, IssuedAt = issued!.Value, ExpiresAt = expires, VictimPersonId = victim!.Value,
            PerpetratorPersonId = perpetrator!.Value, ProtectedPremises = premises, Terms = terms!, Breaches = breaches,
            RecordedAt = now, RecordedByUserId = actor.ActorUserId, Version = 1,
        });
    }

    /// <summary>A date and a 24-hour time as the UK clock read them, in UTC; the hour skipped when the clocks go forward is refused.</summary>
    private static DateTime? UkTime(FormRules rules, string dateField, string timeField, DateOnly? date, string? time, string dateLabel, string timeLabel)
    {
        if (date is null)
        {
            rules.Fail(dateField, $"Enter {dateLabel} as a real date");
        }

        var text = time?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            rules.Fail(timeField, $"Enter {timeLabel}, like 14:30");
            return null;
        }

        if (!TimeOnly.TryParseExact(text, ["H:mm", "HH:mm", "H.mm", "HH.mm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var clockTime))
        {
            rules.Fail(timeField, $"Enter {timeLabel} in the 24-hour clock, like 14:30");
            return null;
        }

        if (date is not DateOnly day)
        {
            return null;
        }

        var local = day.ToDateTime(clockTime, DateTimeKind.Unspecified);
        if (London.Zone.IsInvalidTime(local))
        {
            rules.Fail(timeField, $"{char.ToUpperInvariant(timeLabel[0])}{timeLabel[1..]} did not happen in the UK: the clocks went forward then");
            return null;
        }

        return TimeZoneInfo.ConvertTimeToUtc(local, London.Zone);
    }

    private async Task<int?> PersonAsync(FormRules rules, string field, int? personId, string label, CancellationToken ct)
    {
        if (personId is not int id)
        {
            rules.Fail(field, $"Enter {label}'s person index reference, like P000123");
            return null;
        }

        // A record merged into another is recorded against the one it was merged into.
        var canonical = await db.People.Where(p => p.Id == id).Select(p => (int?)p.CanonicalId).FirstOrDefaultAsync(ct);
        if (canonical is null)
        {
            rules.Fail(field, $"There is no person {Person.FormatReference(id)} in the person index");
        }

        return canonical;
    }
}
