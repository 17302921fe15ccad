using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Safeguard.Core.Data;
using Safeguard.Core.People;
using Safeguard.Core.Referrals;
using Safeguard.Web.Infrastructure;

namespace Safeguard.Web.Pages.Referrals.New;

/// <summary>
/// The SafeLives referral form on one page: the referrer, the reason against the four criteria and the victim's
/// view and safety. The people (victim, perpetrators, children) are added next from the person index.
/// </summary>
[Authorize(Policy = "Capability:RecordReferrals")]
public sealed class IndexModel(SafeguardDbContext db, ReferralService service, TimeProvider clock) : PageModel
{
    [BindProperty] public ReferralKind? Kind { get; set; }
    [BindProperty] public int? AreaId { get; set; }
    [BindProperty] public string? ReceivedOnDay { get; set; }
    [BindProperty] public string? ReceivedOnMonth { get; set; }
    [BindProperty] public string? ReceivedOnYear { get; set; }
    [BindProperty] public string? PoliceReference { get; set; }
    [BindProperty] public string? ReferrerName { get; set; }
    [BindProperty] public string? ReferrerAgency { get; set; }
    [BindProperty] public string? ReferrerRole { get; set; }
    [BindProperty] public string? ReferrerContact { get; set; }
    [BindProperty] public List<ReferralCriteria> ReferrerCriteria { get; set; } = [];
    [BindProperty] public string? Reason { get; set; }
    [BindProperty] public bool? VictimAware { get; set; }
    [BindProperty] public Answer? VictimConsents { get; set; }
    [BindProperty] public string? VictimFears { get; set; }
    [BindProperty] public string? SafeToTalkTo { get; set; }
    [BindProperty] public string? UnsafeToTalkTo { get; set; }
    [BindProperty] public string? PreviousMarac { get; set; }
    [BindProperty] public string? ActionsTaken { get; set; }

    public IReadOnlyList<(string Value, string Text)> Areas { get; private set; } = [];

    public DateInput Received => new("ReceivedOn", "Date received", "For example, 27 3 2026", ReceivedOnDay, ReceivedOnMonth, ReceivedOnYear);

    public static readonly IReadOnlyList<(string Value, string Text)> Consents =
        [(nameof(Answer.Yes), "Yes"), (nameof(Answer.No), "No"), (nameof(Answer.NotKnown), "Not known")];

    public async Task OnGetAsync()
    {
        await LoadAreasAsync();
        (ReceivedOnDay, ReceivedOnMonth, ReceivedOnYear) = DateInput.Parts(Core.Common.London.Today(clock));
        AreaId = Areas.Count == 1 ? int.Parse(Areas[0].Value, CultureInfo.InvariantCulture) : null;
    }

    /// <summary>Shown on "check your answers", then carried in hidden fields: no session, so any server can finish it.</summary>
    public bool Checking { get; private set; }

    public string AreaText => Areas.FirstOrDefault(a => a.Value == AreaId?.ToString(CultureInfo.InvariantCulture)).Text ?? "";

    public async Task<IActionResult> OnPostContinueAsync()
    {
        await LoadAreasAsync();
        if (Read() is { } input)
        {
            var result = await service.CheckAsync(input, HttpContext.RequestAborted);
            ModelState.AddErrors(result.Errors);
            Checking = result.Succeeded;
        }

        return Page();
    }

    public async Task<IActionResult> OnPostChangeAsync()
    {
        await LoadAreasAsync();
        ModelState.Clear();
        return Page();
    }

    public async Task<IActionResult> OnPostCreateAsync()
    {
        await LoadAreasAsync();
        if (Read() is not { } input)
        {
            return Page();
        }

        var result = await service.CreateAsync(input, HttpContext.RequestAborted);
        if (!result.Succeeded)
        {
            ModelState.AddErrors(result.Errors);
            return Page();
        }

        TempData[ReferralPage.SuccessKey] = $"Referral {result.Value!.Reference} created. Now add the victim, the perpetrators and any children.";
        return Redirect($"/referrals/{result.Value.Id}");
    }

    /// <summary>The form as the service takes it, or null with the page's own errors (a date that is not a date).</summary>
    private NewReferral? Read()
    {
        // Binding problems (a value that is not a choice) are reported by the service as a missing answer instead.
        ModelState.Clear();
        if (!Received.TryRead(out var received))
        {
            ModelState.AddModelError("ReceivedOn", "Enter the date received as a real date");
            return null;
        }

        // A Clare's Law referral is made from its application (so its people and link come with it), never typed here.
        if (Kind == ReferralKind.ClaresLaw)
        {
            Kind = null;
        }

        var area = AreaId is int a && Areas.Any(x => x.Value == a.ToString(CultureInfo.InvariantCulture)) ? a : 0;
        var criteria = ReferrerCriteria.Aggregate(ReferralCriteria.None, (all, c) => all | c);
        return new NewReferral(Kind, area, received, PoliceReference, ReferrerName, ReferrerAgency, ReferrerRole, ReferrerContact, criteria, Reason,
            VictimAware, VictimConsents, VictimFears, SafeToTalkTo, UnsafeToTalkTo, PreviousMarac, ActionsTaken);
    }

    private async Task LoadAreasAsync()
    {
        var mine = User.AreaIds().ToList();
        Areas = (await db.Areas.Where(a => mine.Contains(a.Id) && a.IsActive).OrderBy(a => a.Name).ToListAsync(HttpContext.RequestAborted))
            .Select(a => (a.Id.ToString(CultureInfo.InvariantCulture), a.Name)).ToList();
    }
}
