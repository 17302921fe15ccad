using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Safeguard.Core.Accounts;
using Safeguard.Core.Actions;
using Safeguard.Core.Data;
using Safeguard.Core.Dramm;
using Safeguard.Web.Infrastructure;

namespace Safeguard.Web.Pages.Dramm;

/// <summary>
/// An action the meeting agreed on a case: what, who (a person in one of the agencies the case was shared with, in
/// the meeting's area) and by when. The person is told at once.
/// </summary>
[Authorize(Policy = "Capability:PrepareDramm")]
public sealed class AddActionModel(SafeguardDbContext db, ActionLog actions) : PageModel
{
    [BindProperty] public string? Description { get; set; }
    [BindProperty] public string? OwnerUserId { get; set; }
    [BindProperty] public string? DueOnDay { get; set; }
    [BindProperty] public string? DueOnMonth { get; set; }
    [BindProperty] public string? DueOnYear { get; set; }

    public DrammCase Case { get; private set; } = null!;
    public DrammMeeting Meeting { get; private set; } = null!;
    public IReadOnlyList<(string Id, string Name, int AgencyId, string Agency)> People { get; private set; } = [];
    public IReadOnlyList<CaseAction> Existing { get; private set; } = [];

    public DateInput DueOnField => new("DueOn", "Due by", "For example, 15 12 2026", DueOnDay, DueOnMonth, DueOnYear);

    public async Task<IActionResult> OnGetAsync(int id) => await LoadAsync(id) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(int id)
    {
        if (!await LoadAsync(id))
        {
            return NotFound();
        }

        // A date that is not a real date is named with the rest of the form's problems, not instead of them.
        var realDate = DueOnField.TryRead(out var due);
        var owner = People.FirstOrDefault(p => p.Id == OwnerUserId);
        var result = await actions.AddAsync(new NewAction(ActionSource.DrammCase, Case.Id, Case.Reference, Meeting.AreaId,
            owner.Id is null ? null : owner.AgencyId, owner.Id, Description, realDate ? due : null), HttpContext.RequestAborted);
        if (!realDate || !result.Succeeded)
        {
            // Someone not offered here is named as a missing choice, whatever the service made of them.
            var errors = result.Errors.Select(e => e.Field == "OwnerAgencyId" ? e with { Field = "OwnerUserId", Message = "Select who will do it" } : e)
                .Select(e => !realDate && e.Field == "DueOn" ? e with { Message = "The due date must be a real date, like 15 12 2026" } : e);
            ModelState.AddErrors(errors);
            return Page();
        }

        TempData["Notice"] = $"The action on {Case.Reference} was set and {owner.Name} was told";
        return Redirect($"/dramm/cases/{id}/actions/add");
    }

    private async Task<bool> LoadAsync(int id)
    {
        var ct = HttpContext.RequestAborted;
        var found = await db.DrammCases.AsNoTracking().FirstOrDefaultAsync(c => c.Id == id && c.OnList, ct);
        if (found is null)
        {
            return false;
        }

        var meeting = await db.DrammMeetings.AsNoTracking().FirstAsync(m => m.Id == found.MeetingId, ct);
        if (!User.AreaIds().Contains(meeting.AreaId))
        {
            return false;
        }

        (Case, Meeting) = (found, meeting);
        var areaId = meeting.AreaId;
        var meetingId = meeting.Id;
        // People who can open the action when told of it: their role sees DRAMM cases.
        var roles = Capabilities.RolesWith(Capability.ViewDrammCases).ToList();
        var roleIds = db.Roles.Where(r => roles.Contains(r.Name!)).Select(r => r.Id);
        People = (await db.Users.AsNoTracking()
                .Where(u => !u.IsDisabled && db.UserAreas.Any(ua => ua.UserId == u.Id && ua.AreaId == areaId)
                    && db.UserRoles.Any(ur => ur.UserId == u.Id && roleIds.Contains(ur.RoleId))
                    && db.DrammMeetingAgencies.Any(x => x.MeetingId == meetingId && x.AgencyId == u.AgencyId))
                .Join(db.Agencies, u => u.AgencyId, a => a.Id, (u, a) => new { u.Id, u.DisplayName, u.AgencyId, Agency = a.Name })
                .OrderBy(x => x.Agency).ThenBy(x => x.DisplayName)
                .ToListAsync(ct))
            .Select(x => (x.Id, x.DisplayName, x.AgencyId, x.Agency)).ToList();
        Existing = await db.CaseActions.AsNoTracking().Where(a => a.Source == ActionSource.DrammCase && a.SourceId == id).OrderBy(a => a.Id).ToListAsync(ct);
        return true;
    }
}
