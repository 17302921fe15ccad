using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Safeguard.Core.Audit;
using Safeguard.Core.Common;
using Safeguard.Core.Data;
using Safeguard.Core.People;
using Safeguard.Web.Scopes;

namespace Safeguard.Web.Pages.Incidents;

/// <summary>
/// The police incidents the user may see, newest first, filtered by the UK dates they happened on and by risk. The
/// filters are dates and a risk level, never names, so the query string holds no personal data. Every view is audited.
/// </summary>
public sealed class IndexModel(SafeguardDbContext db, AuditTrail audit) : PageModel
{
    public const int PageSize = 50;

    public sealed record Row(int Id, string IncidentReference, DateTime OccurredAt, string Area, RiskLevel RiskLevel, bool ChildrenLinked,
        bool VictimConsented, string Victim);

    [FromQuery(Name = "from")]
    public string? From { get; set; }

    [FromQuery(Name = "to")]
    public string? To { get; set; }

    [FromQuery(Name = "risk")]
    public string? Risk { get; set; }

    [FromQuery(Name = "page")]
    public int PageNumber { get; set; } = 1;

    public IReadOnlyList<Row> Rows { get; private set; } = [];
    public int Total { get; private set; }
    public string? Notice { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        var ct = HttpContext.RequestAborted;
        Notice = TempData["IncidentNotice"] as string;
        var from = Date("from", From);
        var to = Date("to", To);
        RiskLevel? risk = null;
        if (!string.IsNullOrEmpty(Risk))
        {
            if (Enum.TryParse<RiskLevel>(Risk, ignoreCase: true, out var r) && Enum.IsDefined(r))
            {
                risk = r;
            }
            else
            {
                ModelState.AddModelError("risk", "Select a risk level from the list");
            }
        }

        if (from is DateOnly f && to is DateOnly t && t < f)
        {
            ModelState.AddModelError("to", "The end date must be the same as or after the start date");
        }

        PageNumber = Math.Max(1, PageNumber);
        var query = IncidentRecordScope.VisibleTo(db.PoliceIncidents.AsNoTracking(), User);
        if (ModelState.IsValid)
        {
            if (from is DateOnly start)
            {
                var at = Utc(start);
                query = query.Where(i => i.OccurredAt >= at);
            }

            if (to is DateOnly end)
            {
                var before = Utc(end.AddDays(1));
                query = query.Where(i => i.OccurredAt < before);
            }

            if (risk is RiskLevel level)
            {
                query = query.Where(i => i.RiskLevel == level);
            }

            Total = await query.CountAsync(ct);
            var page = await query.OrderByDescending(i => i.OccurredAt).ThenByDescending(i => i.Id)
                .Skip((PageNumber - 1) * PageSize).Take(PageSize)
                .Select(i => new
                {
                    i.Id, i.IncidentReference, i.OccurredAt, i.RiskLevel, i.ChildrenLinked, i.VictimConsented, i.VictimPersonId,
                    Area = db.Areas.Where(a => a.Id == i.AreaId).Select(a => a.Name).First(),
                })
                .ToListAsync(ct);
            var victimIds = page.Select(p => p.VictimPersonId).Distinct().ToList();
            var names = (await db.PersonNames.AsNoTracking().Where(n => victimIds.Contains(n.PersonId) && n.Kind == NameKind.Current)
                    .Select(n => new { n.PersonId, n.GivenName, n.FamilyName }).ToListAsync(ct))
                .GroupBy(n => n.PersonId).ToDictionary(g => g.Key, g => $"{g.First().GivenName} {g.First().FamilyName}");
            Rows = page.Select(p => new Row(p.Id, p.IncidentReference, p.OccurredAt, p.Area, p.RiskLevel, p.ChildrenLinked, p.VictimConsented,
                names.GetValueOrDefault(p.VictimPersonId, Person.FormatReference(p.VictimPersonId)))).ToList();
        }

        await audit.RecordAsync("incident.list-viewed", summary: $"from={From}; to={To}; risk={Risk}; page={PageNumber}; shown={Rows.Count}", ct: ct);
        return Page();
    }

    private DateOnly? Date(string field, string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        if (DateOnly.TryParseExact(value.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
        {
            return d;
        }

        ModelState.AddModelError(field, field == "from" ? "Enter the start date as a real date, like 2026-11-27" : "Enter the end date as a real date, like 2026-11-30");
        return null;
    }

    /// <summary>The start of a UK calendar day, in UTC.</summary>
    private static DateTime Utc(DateOnly day) =>
        TimeZoneInfo.ConvertTimeToUtc(day.ToDateTime(TimeOnly.MinValue), London.Zone);

    public string PageUrl(int page) =>
        $"/incidents?from={Uri.EscapeDataString(From ?? "")}&to={Uri.EscapeDataString(To ?? "")}&risk={Uri.EscapeDataString(Risk ?? "")}&page={page}";
}
