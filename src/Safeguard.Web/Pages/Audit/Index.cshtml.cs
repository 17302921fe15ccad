using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Safeguard.Core.Audit;
using Safeguard.Core.Data;

namespace Safeguard.Web.Pages.Audit;

/// <summary>The auditor's view of the trail, newest first, filtered by user, record and date. Reading it is audited too.</summary>
public sealed class IndexModel(SafeguardDbContext db, AuditTrail audit) : PageModel
{
    public const int PageSize = 100;

    [BindProperty(SupportsGet = true)]
    public string? UserId { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? RecordType { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? RecordId { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? From { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? To { get; set; }

    /// <summary>Show events older than this sequence number (keyset paging: fast on tens of millions of rows).</summary>
    [BindProperty(SupportsGet = true)]
    public long? Before { get; set; }

    public IReadOnlyList<AuditEvent> Events { get; private set; } = [];
    public IReadOnlyDictionary<string, string> UserNames { get; private set; } = new Dictionary<string, string>();
    public IReadOnlyList<string> RecordTypes { get; private set; } = [];
    public bool HasOlder { get; private set; }

    public async Task OnGetAsync()
    {
        var from = ParseDate(From, nameof(From));
        var to = ParseDate(To, nameof(To));
        if (from is not null && to is not null && to < from)
        {
            ModelState.AddModelError(nameof(To), "The end date must be the same as or after the start date");
        }

        UserNames = await db.Users.AsNoTracking().OrderBy(u => u.DisplayName).ToDictionaryAsync(u => u.Id, u => u.DisplayName);
        RecordTypes = await db.AuditEvents.AsNoTracking().Where(e => e.RecordType != null).Select(e => e.RecordType!).Distinct().OrderBy(t => t).ToListAsync();
        if (!ModelState.IsValid)
        {
            return;
        }

        var query = db.AuditEvents.AsNoTracking();
        if (!string.IsNullOrEmpty(UserId))
        {
            query = query.Where(e => e.ActorUserId == UserId || (e.RecordType == "User" && e.RecordId == UserId));
        }

        if (!string.IsNullOrEmpty(RecordType))
        {
            query = query.Where(e => e.RecordType == RecordType);
        }

        if (!string.IsNullOrWhiteSpace(RecordId))
        {
            var id = RecordId.Trim();
            query = query.Where(e => e.RecordId == id);
        }

        if (from is not null)
        {
            var start = ToUtc(from.Value);
            query = query.Where(e => e.OccurredAt >= start);
        }

        if (to is not null)
        {
            var end = ToUtc(to.Value.AddDays(1));
            query = query.Where(e => e.OccurredAt < end);
        }

        if (Before is not null)
        {
            query = query.Where(e => e.Sequence < Before);
        }

        var page = await query.OrderByDescending(e => e.Sequence).Take(PageSize + 1).ToListAsync();
        HasOlder = page.Count > PageSize;
        Events = page.Take(PageSize).ToList();
        await audit.RecordAsync("audit.viewed", summary: Describe());
    }

    public string NameOf(string? userId) =>
        userId is null ? "Nobody signed in" : UserNames.TryGetValue(userId, out var name) ? name : userId;

    private string Describe() =>
        string.Join("; ", new[] { ("user", UserId), ("type", RecordType), ("record", RecordId), ("from", From), ("to", To) }
            .Where(p => !string.IsNullOrWhiteSpace(p.Item2)).Select(p => $"{p.Item1}={p.Item2}"));

    private DateOnly? ParseDate(string? value, string field)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        if (DateOnly.TryParseExact(value.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            && date.Year is >= 1900 and <= 9998)
        {
            return date;
        }

        ModelState.AddModelError(field, $"{(field == nameof(From) ? "Start" : "End")} date must be a real date, like 2026-03-27");
        return null;
    }

    // Dates are days in the UK: midnight London time, whatever the season.
    private static DateTime ToUtc(DateOnly day) => TimeZoneInfo.ConvertTimeToUtc(
        day.ToDateTime(TimeOnly.MinValue), TimeZoneInfo.FindSystemTimeZoneById("Europe/London"));
}
