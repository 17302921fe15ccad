using Microsoft.EntityFrameworkCore;
using Safeguard.Core.Data;
using Safeguard.Core.Disclosures.Clocks;
using Safeguard.Core.Disclosures.Documents;

namespace Safeguard.Core.Disclosures;

/// <summary>
/// The scheme settings: the four schemes and their clocks, research sources, bank holidays and document
/// templates. Defaults are written on start-up when missing, so a new installation works at once and an
/// administrator's changes are never overwritten.
/// </summary>
public sealed class DisclosureSettings(SafeguardDbContext db, TimeProvider clock)
{
    public static readonly IReadOnlyList<string> DefaultResearchSources =
    [
        "Police records (local)",
        "Police National Computer",
        "Police National Database",
        "Probation",
        "Prison service",
        "Children's social care",
        "Adult social care",
        "Health",
        "Education",
        "IDVA service",
        "Other police force",
    ];

    /// <summary>The defaults of the process model: DVDS 28 days and initial checks in 24 hours; CSODS 24 hours, 10 days, 28 days, 45 days.</summary>
    public static IReadOnlyList<(ClockKind Kind, ClockRule Rule)> DefaultClocks(Scheme scheme, Route route) => scheme switch
    {
        Scheme.Dvds => [(ClockKind.InitialChecks, new(24, ClockUnit.Hours)), (ClockKind.EndToEnd, new(28, ClockUnit.CalendarDays))],
        _ => route == Route.RightToAsk
            ? [(ClockKind.InitialChecks, new(24, ClockUnit.Hours)), (ClockKind.Interview, new(10, ClockUnit.CalendarDays)),
               (ClockKind.FullAssessment, new(28, ClockUnit.CalendarDays)), (ClockKind.EndToEnd, new(45, ClockUnit.CalendarDays))]
            : [(ClockKind.InitialChecks, new(24, ClockUnit.Hours)), (ClockKind.FullAssessment, new(28, ClockUnit.CalendarDays)),
               (ClockKind.EndToEnd, new(45, ClockUnit.CalendarDays))],
    };

    public async Task EnsureDefaultsAsync(CancellationToken ct = default)
    {
        if (!await db.DisclosureSchemes.AnyAsync(ct))
        {
            foreach (var scheme in Enum.GetValues<Scheme>())
            {
                foreach (var route in Enum.GetValues<Route>())
                {
                    db.DisclosureSchemes.Add(new DisclosureScheme
                    {
                        Scheme = scheme, Route = route, MeetsApplicant = route == Route.RightToAsk, Version = 1,
                        Clocks = DefaultClocks(scheme, route).Select(c => new DisclosureClock { Kind = c.Kind, Amount = c.Rule.Amount, Unit = c.Rule.Unit }).ToList(),
                    });
                }
            }
        }

        if (!await db.ResearchSources.AnyAsync(ct))
        {
            db.ResearchSources.AddRange(DefaultResearchSources.Select(n => new ResearchSource { Name = n }));
        }

        if (!await db.BankHolidays.AnyAsync(ct))
        {
            db.BankHolidays.AddRange(BankHolidays.EnglandAndWales.Select(h => new BankHolidayDate { Date = h.Date, Name = h.Name }));
        }

        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var scheme in Enum.GetValues<Scheme>())
        {
            foreach (var kind in new[] { FileOrigin.DisclosureDocument, FileOrigin.NonDisclosureLetter })
            {
                if (!await db.DocumentTemplates.AnyAsync(t => t.Scheme == scheme && t.Kind == kind, ct))
                {
                    db.DocumentTemplates.Add(new DocumentTemplate
                    {
                        Scheme = scheme, Kind = kind, UploadedAt = now,
                        FileName = $"{SchemeNames.Short(scheme)} {(kind == FileOrigin.DisclosureDocument ? "disclosure document" : "non-disclosure letter")} (default).docx",
                        Content = DefaultDisclosureTemplates.For(scheme.ToString(), kind == FileOrigin.DisclosureDocument ? "Disclosure" : "NonDisclosure"),
                    });
                }
            }
        }

        await db.SaveChangesAsync(ct);
    }

    public async Task<WorkingCalendar> CalendarAsync(CancellationToken ct = default) =>
        new(await db.BankHolidays.AsNoTracking().Select(h => h.Date).ToListAsync(ct));

    public Task<DisclosureScheme?> SchemeAsync(Scheme scheme, Route route, CancellationToken ct = default) =>
        db.DisclosureSchemes.AsNoTracking().Include(s => s.Clocks).FirstOrDefaultAsync(s => s.Scheme == scheme && s.Route == route, ct);

    public Task<DisclosureScheme?> SchemeAsync(int id, CancellationToken ct = default) =>
        db.DisclosureSchemes.AsNoTracking().Include(s => s.Clocks).FirstOrDefaultAsync(s => s.Id == id, ct);
}
