using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Safeguard.Core.Accounts;
using Safeguard.Core.Audit;
using Safeguard.Core.Data;
using Safeguard.Core.Disclosures;
using Safeguard.Core.Disclosures.Clocks;
using Safeguard.Core.People;
using Safeguard.Web.Scopes;

namespace Safeguard.Web.Pages.Disclosures;

/// <summary>
/// One application, top to bottom like the work: where it stands and what is next, its clocks, its people,
/// what each stage recorded, its files and its timeline. Every view is audited.
/// </summary>
public sealed class RecordModel(RecordScope scope, SafeguardDbContext db, DisclosureSettings settings, AuditTrail audit, TimeProvider clock)
    : ApplicationPage(scope)
{
    public sealed record PersonRow(int PersonId, string Reference, string Name, ApplicationRole Role, string? Relationship, DateOnly? DateOfBirth);

    public sealed record CheckRow(string Source, DateOnly CheckedOn, CheckResult Result, string Summary);

    public sealed record FileRow(int Id, FileOrigin Origin, string FileName, long Length, DateTime AddedAt, string? By);

    public sealed record EventRow(DateTime At, string Title, string? Detail, string? By);

    public IReadOnlyList<PersonRow> People { get; private set; } = [];
    public IReadOnlyList<ClockReading> Clocks { get; private set; } = [];
    public IReadOnlyList<CheckRow> Checks { get; private set; } = [];
    public IReadOnlyList<FileRow> Files { get; private set; } = [];
    public IReadOnlyList<EventRow> Events { get; private set; } = [];
    public IReadOnlyList<DelayRecord> Delays { get; private set; } = [];
    public IReadOnlyDictionary<string, string> UserNames { get; private set; } = new Dictionary<string, string>();
    public IReadOnlyList<string> MissingPeople { get; private set; } = [];
    public bool MeetsApplicant { get; private set; }
    public bool MayChange { get; private set; }
    public bool NeedsDelayReason { get; private set; }
    public DateTime Now { get; private set; }
    public string? Notice { get; private set; }

    /// <summary>The MARAC referral made from this application, and whether this user may open it (the referral scope decides).</summary>
    public int? MaracReferralId { get; private set; }

    public bool MaySeeMaracReferral { get; private set; }

    /// <summary>A high-risk DVDS application not yet referred, shown to those who may work on it.</summary>
    public bool OfferMaracReferral { get; private set; }
    public IReadOnlyList<string> Problems { get; private set; } = [];

    public string UserName(string? id) => id is not null && UserNames.TryGetValue(id, out var name) ? name : "";

    public string PersonName(int? personId) => People.FirstOrDefault(p => p.PersonId == personId)?.Name ?? "";

    public bool Can(Capability capability) => MayChange && Capabilities.Has(User, capability);

    public async Task<IActionResult> OnGetAsync()
    {
        if (!await LoadAsync(RecordOperation.View))
        {
            return NotFound();
        }

        var ct = HttpContext.RequestAborted;
        var app = Application;
        Now = clock.GetUtcNow().UtcDateTime;
        Notice = TempData[SuccessKey] as string;
        Problems = (TempData["Problems"] as string)?.Split('\n') ?? [];
        MayChange = ApplicationRecordScope.MayChange(User, app);

        var personIds = app.People.Select(p => p.PersonId).Distinct().ToList();
        var names = await db.PersonNames.Where(n => personIds.Contains(n.PersonId))
            .OrderBy(n => n.Kind == NameKind.Current ? 0 : 1).ThenBy(n => n.Id)
            .Select(n => new { n.PersonId, Name = n.GivenName + " " + n.FamilyName }).ToListAsync(ct);
        var births = await db.People.Where(p => personIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.DateOfBirth, ct);
        People = app.People.OrderBy(p => p.Role).ThenBy(p => p.Id)
            .Select(p => new PersonRow(p.PersonId, Person.FormatReference(p.PersonId), names.FirstOrDefault(n => n.PersonId == p.PersonId)?.Name ?? "(no name)",
                p.Role, p.Relationship, births.GetValueOrDefault(p.PersonId)))
            .ToList();

        var scheme = (await settings.SchemeAsync(app.SchemeId, ct))!;
        MeetsApplicant = scheme.MeetsApplicant;
        var periods = await db.StagePeriods.AsNoTracking().Where(p => p.ApplicationId == app.Id).ToListAsync(ct);
        Clocks = ApplicationClock.Read(app, scheme.Clocks, periods, await settings.CalendarAsync(ct), Now);

        Checks = await db.ResearchChecks.Where(c => c.ApplicationId == app.Id).OrderBy(c => c.CheckedOn).ThenBy(c => c.Id)
            .Select(c => new CheckRow(db.ResearchSources.Where(s => s.Id == c.SourceId).Select(s => s.Name).First(), c.CheckedOn, c.Result, c.Summary))
            .ToListAsync(ct);
        Files = await db.ApplicationFiles.Where(f => f.ApplicationId == app.Id).OrderBy(f => f.AddedAt)
            .Select(f => new FileRow(f.Id, f.Origin, f.FileName, f.Length, f.AddedAt, f.AddedByUserId)).ToListAsync(ct);
        Events = await db.ApplicationEvents.Where(e => e.ApplicationId == app.Id).OrderByDescending(e => e.At).ThenByDescending(e => e.Id)
            .Select(e => new EventRow(e.At, e.Title, e.Detail, e.ByUserId)).ToListAsync(ct);
        Delays = await db.DelayRecords.AsNoTracking().Where(d => d.ApplicationId == app.Id).OrderByDescending(d => d.RecordedAt).ToListAsync(ct);
        NeedsDelayReason = DisclosureService.NeedsDelayReason(app, Delays.FirstOrDefault()?.RecordedAt, Now);
        var marac = await db.Referrals.AsNoTracking().Where(r => r.DisclosureApplicationId == app.Id).FirstOrDefaultAsync(ct);
        MaracReferralId = marac?.Id;
        MaySeeMaracReferral = marac is not null && ReferralRecordScope.MayView(User, marac);
        OfferMaracReferral = marac is null && MayChange && Core.Marac.ClaresLawReferrals.Offered(app);
        MissingPeople = app.Stage == DisclosureStage.Triage ? DisclosureService.MissingPeople(app).ToList() : [];

        var userIds = new[] { app.OwnerUserId, app.DisclosureOfficerUserId, app.ResearcherUserId, app.DecidedByUserId, app.CreatedByUserId }
            .Concat(Events.Select(e => e.By)).Concat(Files.Select(f => f.By)).Concat(Delays.Select(d => d.RecordedByUserId))
            .OfType<string>().Distinct().ToList();
        UserNames = await db.Users.Where(u => userIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);

        await audit.RecordAsync("disclosure.viewed", "DisclosureApplication", app.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), ct: ct);
        return Page();
    }

    /// <summary>A supervisor has seen the urgent alert.</summary>
    public async Task<IActionResult> OnPostAcknowledgeAsync([FromServices] DisclosureService service)
    {
        if (!Capabilities.Has(User, Capability.AllocateDisclosures) || !await LoadAsync(RecordOperation.Change))
        {
            return NotFound();
        }

        var result = await service.AcknowledgeUrgentAsync(Id, Version, HttpContext.RequestAborted);
        TempData[SuccessKey] = result.Succeeded ? "The urgent alert was acknowledged" : result.Errors[0].Message;
        return Redirect(RecordUrl);
    }

    /// <summary>Triage is complete: the people are on the application and it goes to the CRU.</summary>
    public async Task<IActionResult> OnPostCompleteTriageAsync([FromServices] DisclosureService service)
    {
        if (!Capabilities.Has(User, Capability.RecordFirstContact) || !await LoadAsync(RecordOperation.Change))
        {
            return NotFound();
        }

        var result = await service.CompleteTriageAsync(Id, Version, HttpContext.RequestAborted);
        if (!result.Succeeded)
        {
            TempData["Problems"] = string.Join("\n", result.Errors.Select(e => e.Message));
            return Redirect(RecordUrl);
        }

        TempData[SuccessKey] = "Triage completed: the application is ready for criteria review";
        return Redirect(RecordUrl);
    }
}
