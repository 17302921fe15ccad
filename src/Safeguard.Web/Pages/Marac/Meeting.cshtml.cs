using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Safeguard.Core.Audit;
using Safeguard.Core.Common;
using Safeguard.Core.Data;
using Safeguard.Core.Marac;
using Safeguard.Web.Infrastructure;
using Safeguard.Web.Scopes;

namespace Safeguard.Web.Pages.Marac;

/// <summary>
/// One MARAC's agenda: its cases in order with their approximate times, and the 12-month notices. The area's
/// co-ordinators and chairs build it, move or remove cases (saying why) and release the pack; the invited agencies'
/// people see the released agenda and the pack. Outside <see cref="MaracScope"/>: not found. Every view is audited.
/// </summary>
public sealed class MeetingModel(MaracScope scope, SafeguardDbContext db, MaracAgenda agenda, MaracPackRelease release, MaracPackReader reader, AuditTrail audit) : PageModel
{
    public MaracMeeting Meeting { get; private set; } = null!;
    public string AreaName { get; private set; } = "";
    public bool Runs { get; private set; }
    public IReadOnlyList<TimedCase> Cases { get; private set; } = [];
    public IReadOnlyList<string> Invited { get; private set; } = [];
    public IReadOnlyList<TwelveMonthNotice> Notices { get; private set; } = [];

    [BindProperty] public int? MoveCaseId { get; set; }
    [BindProperty] public string? MovePosition { get; set; }
    [BindProperty] public string? MoveReason { get; set; }
    [BindProperty] public int? RemoveCaseId { get; set; }
    [BindProperty] public string? RemoveReason { get; set; }

    [TempData]
    public string? Notice { get; set; }

    public async Task<IActionResult> OnGetAsync(int id)
    {
        if (!await LoadAsync(id))
        {
            return NotFound();
        }

        await audit.RecordAsync("marac.agenda-viewed", "MaracMeeting", Id(id), summary: MaracMeetings.Name(Meeting), ct: HttpContext.RequestAborted);
        return Page();
    }

    public Task<IActionResult> OnPostBuildAsync(int id) => RunAsync(id, async ct =>
    {
        var result = await agenda.BuildAsync(id, ct);
        return (result.Errors, $"The agenda was built: {result.Value?.Cases.Count} case(s)");
    });

    public Task<IActionResult> OnPostReleaseAsync(int id) => RunAsync(id, async ct =>
    {
        var result = await release.ReleaseAsync(id, ct);
        return (result.Errors, "The pack was released to the invited agencies, and their people were told");
    });

    public Task<IActionResult> OnPostMoveAsync(int id) => RunAsync(id, async ct =>
    {
        if (MoveCaseId is not int caseId || Cases.All(c => c.Case.Id != caseId))
        {
            return ([new FieldError("MoveCaseId", "Choose the case to move")], "");
        }

        if (!int.TryParse(MovePosition?.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var position))
        {
            return ([new FieldError("MovePosition", $"Enter a place from 1 to {Cases.Count}")], "");
        }

        var result = await agenda.MoveAsync(caseId, position, MoveReason, ct);
        return (Rename(result.Errors, "Move"), $"{result.Value?.Reference} was moved to place {position}");
    });

    public Task<IActionResult> OnPostRemoveAsync(int id) => RunAsync(id, async ct =>
    {
        if (RemoveCaseId is not int caseId || Cases.All(c => c.Case.Id != caseId))
        {
            return ([new FieldError("RemoveCaseId", "Choose the case to take off the agenda")], "");
        }

        var reference = Cases.First(c => c.Case.Id == caseId).Case.Reference;
        var result = await agenda.RemoveAsync(caseId, RemoveReason, ct);
        return (Rename(result.Errors, "Remove"), $"{reference} was taken off the agenda and waits for the next meeting");
    });

    /// <summary>A co-ordinator's change: not found for anyone who does not run the meeting; errors shown on the page.</summary>
    private async Task<IActionResult> RunAsync(int id, Func<CancellationToken, Task<(IReadOnlyList<FieldError> Errors, string Done)>> change)
    {
        if (!await LoadAsync(id) || !Runs)
        {
            return NotFound();
        }

        var (errors, done) = await change(HttpContext.RequestAborted);
        if (errors.Count > 0)
        {
            ModelState.AddErrors(errors);
            await LoadAsync(id);
            return Page();
        }

        Notice = done;
        return Redirect($"/marac/meetings/{id}");
    }

    private static List<FieldError> Rename(IReadOnlyList<FieldError> errors, string prefix) =>
        [.. errors.Select(e => e.Field == "Agenda" ? e with { Field = prefix + "CaseId" } : e with { Field = prefix + e.Field })];

    private async Task<bool> LoadAsync(int id)
    {
        var ct = HttpContext.RequestAborted;
        if (await scope.MeetingAsync(User, id, ct) is not { } meeting)
        {
            return false;
        }

        Meeting = meeting;
        Runs = MaracScope.Runs(User, meeting);
        AreaName = await db.Areas.Where(a => a.Id == meeting.AreaId).Select(a => a.Name).FirstAsync(ct);
        var cases = await db.MaracCases.AsNoTracking().Where(c => c.MeetingId == id).ToListAsync(ct);
        Cases = MaracAgenda.Times(meeting, cases);
        Invited = await reader.InvitedAsync(meeting, ct);
        Notices = await agenda.TwelveMonthNoticesAsync(meeting, ct);
        return true;
    }

    private static string Id(int id) => id.ToString(CultureInfo.InvariantCulture);
}
