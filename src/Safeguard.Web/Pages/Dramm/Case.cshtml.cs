using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Safeguard.Core.Data;
using Safeguard.Core.Dramm;
using Safeguard.Web.Infrastructure;

namespace Safeguard.Web.Pages.Dramm;

/// <summary>Puts one case on the day's list, or takes it off, with the co-ordinator's reason. A case of another area is not found.</summary>
[Authorize(Policy = "Capability:PrepareDramm")]
public sealed class CaseModel(SafeguardDbContext db, DrammLists lists) : PageModel
{
    [BindProperty]
    public string? Reason { get; set; }

    /// <summary>What the form asked for when it was shown: a stale form must not do the opposite.</summary>
    [BindProperty]
    public bool? PutOnList { get; set; }

    public DrammCase Case { get; private set; } = null!;
    public DrammMeeting Meeting { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int id) => await LoadAsync(id) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(int id)
    {
        if (!await LoadAsync(id))
        {
            return NotFound();
        }

        var onList = PutOnList ?? !Case.OnList;
        var result = await lists.SetOnListAsync(id, onList, Reason, HttpContext.RequestAborted);
        if (!result.Succeeded)
        {
            ModelState.AddErrors(result.Errors);
            return Page();
        }

        TempData["Notice"] = onList ? $"{Case.Reference} was added to the list" : $"{Case.Reference} was taken off the list";
        return Redirect(IndexModel.Link(Meeting.AreaId, Meeting.Date));
    }

    private async Task<bool> LoadAsync(int id)
    {
        var found = await db.DrammCases.AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, HttpContext.RequestAborted);
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
