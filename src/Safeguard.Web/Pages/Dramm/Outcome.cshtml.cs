using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Safeguard.Core.Data;
using Safeguard.Core.Dramm;
using Safeguard.Core.People;
using Safeguard.Web.Infrastructure;

namespace Safeguard.Web.Pages.Dramm;

/// <summary>The chair's or co-ordinator's record of what the meeting agreed on one case. A case of another area is not found.</summary>
[Authorize(Policy = "Capability:PrepareDramm")]
public sealed class OutcomeModel(SafeguardDbContext db, DrammOutcomes outcomes) : PageModel
{
    [BindProperty] public string? ChildrenConfirmed { get; set; }
    [BindProperty] public string? DetailsConfirmed { get; set; }
    [BindProperty] public RiskLevel? AgreedRisk { get; set; }
    [BindProperty] public string? RiskRationale { get; set; }
    [BindProperty] public MaracDecision? Decision { get; set; }
    [BindProperty] public string? DecisionRationale { get; set; }
    [BindProperty] public int Version { get; set; }

    public DrammCase Case { get; private set; } = null!;
    public DrammMeeting Meeting { get; private set; } = null!;

    public static IReadOnlyList<(string Value, string Text)> Decisions =>
    [
        (nameof(MaracDecision.FullDiscussion), "Refer to MARAC for full discussion"),
        (nameof(MaracDecision.SignificantUpdate), "Refer to MARAC as a significant update"),
        (nameof(MaracDecision.InformationOnly), "Refer to MARAC for information only"),
        (nameof(MaracDecision.NotReferred), "Do not refer to MARAC"),
    ];

    public async Task<IActionResult> OnGetAsync(int id)
    {
        if (!await LoadAsync(id))
        {
            return NotFound();
        }

        ChildrenConfirmed = YesNo(Case.ChildrenConfirmed);
        DetailsConfirmed = YesNo(Case.DetailsConfirmed);
        AgreedRisk = Case.AgreedRisk;
        RiskRationale = Case.RiskRationale;
        Decision = Case.Decision;
        DecisionRationale = Case.DecisionRationale;
        Version = Case.Version;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id)
    {
        if (!await LoadAsync(id))
        {
            return NotFound();
        }

        var result = await outcomes.RecordAsync(id, new OutcomeInput(Bool(ChildrenConfirmed), Bool(DetailsConfirmed), AgreedRisk, RiskRationale, Decision,
            DecisionRationale, Version), HttpContext.RequestAborted);
        if (!result.Succeeded)
        {
            ModelState.AddErrors(result.Errors);
            return Page();
        }

        TempData["Notice"] = $"The outcome for {Case.Reference} was recorded";
        return Redirect(IndexModel.Link(Meeting.AreaId, Meeting.Date));
    }

    private static string? YesNo(bool? value) => value switch { true => "Yes", false => "No", _ => null };

    private static bool? Bool(string? value) => value switch { "Yes" => true, "No" => false, _ => null };

    private async Task<bool> LoadAsync(int id)
    {
        var found = await db.DrammCases.AsNoTracking().FirstOrDefaultAsync(c => c.Id == id && c.OnList, HttpContext.RequestAborted);
        if (found is null)
        {
            return false;
        }

        var meeting = await db.DrammMeetings.AsNoTracking().FirstAsync(m => m.Id == found.MeetingId, HttpContext.RequestAborted);
        if (!User.AreaIds().Contains(meeting.AreaId))
        {
            return false;
        }

        (Case, Meeting) = (found, meeting);
        return true;
    }
}
