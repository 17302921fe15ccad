using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Safeguard.Core.Accounts;
using Safeguard.Core.Audit;
using Safeguard.Core.Data;
using Safeguard.Core.Disclosures;
using Safeguard.Core.Marac;
using Safeguard.Core.People;
using Safeguard.Core.Referrals;
using Safeguard.Core.Referrals.Dash;
using Safeguard.Web.Infrastructure;
using Safeguard.Web.Scopes;

namespace Safeguard.Web.Pages.Referrals;

/// <summary>One referral: the form as received, its people, its risk assessments and its timeline. Every view is audited.</summary>
public sealed class RecordModel(RecordScope scope, SafeguardDbContext db, AuditTrail audit, DashDefinitions definitions, PartnerReferrals partners) : ReferralPage(scope)
{
    public sealed record PersonRow(int PersonId, string Reference, string Name, ReferralRole Role, DateOnly? DateOfBirth, string? School);

    public sealed record AssessmentRow(int Id, string Title, int YesCount, RiskLevel Level, ReferralCriteria CriteriaMet, DateTime AssessedAt);

    public sealed record EventRow(DateTime At, string Title, string? Detail, string? By);

    public IReadOnlyList<PersonRow> People { get; private set; } = [];
    public IReadOnlyList<AssessmentRow> Assessments { get; private set; } = [];
    public IReadOnlyList<EventRow> Events { get; private set; } = [];
    public IReadOnlyDictionary<string, string> UserNames { get; private set; } = new Dictionary<string, string>();
    public string Area { get; private set; } = "";
    public bool MayChange { get; private set; }
    public string? Notice { get; private set; }

    /// <summary>The Clare's Law application this referral came from, and whether this user may open it (the application scope decides).</summary>
    public DisclosureApplication? Application { get; private set; }

    public bool MaySeeApplication { get; private set; }

    /// <summary>The MARAC queue entry for this case, however it got there (here, the DRAMM or Clare's Law).</summary>
    public MaracReferral? Queued { get; private set; }

    /// <summary>A co-ordinator may add a referral routed to MARAC to the queue, unless it is there already.</summary>
    public bool OfferQueue { get; private set; }

    [BindProperty] public MaracCategory? Category { get; set; }
    [BindProperty] public int Version { get; set; }

    /// <summary>S-DASH is offered when the latest checklist says the victim is being stalked or harassed.</summary>
    public bool OfferStalkingScreen { get; private set; }

    public string UserName(string? id) => id is not null && UserNames.TryGetValue(id, out var name) ? name : "";

    public async Task<IActionResult> OnGetAsync()
    {
        if (!await LoadAsync(RecordOperation.View))
        {
            return NotFound();
        }

        await ReadAsync();
        return Page();
    }

    /// <summary>"Add to the MARAC queue": a partner's referral to MARAC without the DRAMM, in the category the co-ordinator chooses.</summary>
    public async Task<IActionResult> OnPostQueueAsync()
    {
        if (!Capabilities.Has(User, Capability.PrepareMarac) || !await LoadAsync(RecordOperation.Change))
        {
            return NotFound();
        }

        var result = await partners.AddAsync(Id, Category, Version, HttpContext.RequestAborted);
        if (result.Succeeded)
        {
            return Done($"Added to the MARAC queue: {MaracNames.Of(result.Value!.Category).ToLowerInvariant()}");
        }

        db.ChangeTracker.Clear();
        await LoadAsync(RecordOperation.View);
        await ReadAsync();
        ModelState.AddErrors(result.Errors);
        return Page();
    }

    private async Task ReadAsync()
    {
        var ct = HttpContext.RequestAborted;
        var r = Referral;
        Notice = TempData[SuccessKey] as string;
        MayChange = ReferralRecordScope.MayChange(User, r);
        Area = await db.Areas.Where(a => a.Id == r.AreaId).Select(a => a.Name).FirstAsync(ct);

        var ids = r.People.Select(p => p.PersonId).ToList();
        var names = await db.PersonNames.Where(n => ids.Contains(n.PersonId))
            .OrderBy(n => n.Kind == NameKind.Current ? 0 : 1).ThenBy(n => n.Id)
            .Select(n => new { n.PersonId, Name = n.GivenName + " " + n.FamilyName }).ToListAsync(ct);
        var births = await db.People.Where(p => ids.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.DateOfBirth, ct);
        People = r.People.OrderBy(p => p.Role).ThenBy(p => p.Id)
            .Select(p => new PersonRow(p.PersonId, Person.FormatReference(p.PersonId), names.FirstOrDefault(n => n.PersonId == p.PersonId)?.Name ?? "(no name)",
                p.Role, births.GetValueOrDefault(p.PersonId), p.School))
            .ToList();

        var assessments = await db.RiskAssessments.AsNoTracking().Where(a => a.ReferralId == r.Id).OrderByDescending(a => a.AssessedAt).ThenByDescending(a => a.Id).ToListAsync(ct);
        var titles = await db.QuestionnaireDefinitions.AsNoTracking().Select(d => new { d.Key, d.Version, d.Title }).ToListAsync(ct);
        Assessments = assessments.Select(a => new AssessmentRow(a.Id,
            titles.FirstOrDefault(t => t.Key == a.DefinitionKey && t.Version == a.DefinitionVersion)?.Title + $" (version {a.DefinitionVersion})",
            a.YesCount, a.RiskLevel, a.CriteriaMet, a.AssessedAt)).ToList();
        var latest = assessments.FirstOrDefault(a => a.DefinitionKey != DashKeys.Stalking);
        if (latest is not null && !assessments.Any(a => a.DefinitionKey == DashKeys.Stalking))
        {
            var definition = await definitions.FindAsync(latest.DefinitionKey, latest.DefinitionVersion, ct);
            OfferStalkingScreen = definition?.StalkingQuestion is string q && latest.ReadAnswers().GetValueOrDefault(q, DashAnswer.No) == DashAnswer.Yes;
        }

        Events = await db.ReferralEvents.Where(e => e.ReferralId == r.Id).OrderByDescending(e => e.At).ThenByDescending(e => e.Id)
            .Select(e => new EventRow(e.At, e.Title, e.Detail, e.ByUserId)).ToListAsync(ct);
        var userIds = Events.Select(e => e.By).Append(r.CreatedByUserId).OfType<string>().Distinct().ToList();
        UserNames = await db.Users.Where(u => userIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);

        if (r.DisclosureApplicationId is int appId)
        {
            Application = await db.DisclosureApplications.AsNoTracking().FirstOrDefaultAsync(a => a.Id == appId, ct);
            MaySeeApplication = Application is not null && ApplicationRecordScope.MayView(User, Application);
        }

        Queued = await partners.QueuedAsync(r, ct);
        OfferQueue = Queued is null && MayChange && r.Routing == ReferralRouting.Marac && Capabilities.Has(User, Capability.PrepareMarac);
        Category ??= MaracCategory.FullDiscussion;
        Version = r.Version;

        await audit.RecordAsync("referral.viewed", "Referral", r.Id.ToString(CultureInfo.InvariantCulture), ct: ct);
    }
}
