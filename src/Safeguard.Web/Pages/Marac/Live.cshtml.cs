using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Safeguard.Core.Accounts;
using Safeguard.Core.Actions;
using Safeguard.Core.Audit;
using Safeguard.Core.Common;
using Safeguard.Core.Data;
using Safeguard.Core.Dramm;
using Safeguard.Core.Marac;
using Safeguard.Web.Infrastructure;
using Safeguard.Web.Scopes;

namespace Safeguard.Web.Pages.Marac;

/// <summary>
/// The one screen the co-ordinator or chair runs the meeting from: attendance, confidentiality, the earlier actions,
/// then one case at a time (?case=N). Every form posts one small save and comes back here (post, redirect, get) to the
/// part of the page it came from; a refused save shows the page again with the GOV.UK error summary and what was typed.
/// Field names carry the item's id (att-5-Status), so each small form on the page has its own error and anchor.
/// </summary>
public sealed class LiveModel(SafeguardDbContext db, MaracScope scope, MaracLive live, MaracCaseRecord record, AuditTrail audit) : PageModel
{
    public MaracMeeting Meeting { get; private set; } = null!;
    public IReadOnlyList<(MaracAttendance Row, string Agency)> Attendance { get; private set; } = [];
    public IReadOnlyList<(string Name, string Agency, DateTime At)> Attendees { get; private set; } = [];
    public IReadOnlyList<CaseAction> PreviousActions { get; private set; } = [];
    public IReadOnlyDictionary<int, string> AgencyNames { get; private set; } = new Dictionary<int, string>();
    public IReadOnlyList<(int Id, int Position, string Reference, bool Summarised)> Cases { get; private set; } = [];
    public MaracCaseView? Current { get; private set; }
    public IReadOnlyList<(string Id, string Name, int AgencyId, string Agency)> People { get; private set; } = [];

    /// <summary>What the person typed into the case form when another save got there first: shown so nothing is lost.</summary>
    public (string? VictimViews, string? RiskSummary)? Unsaved { get; private set; }

    public static string Link(int meetingId, int? position = null, string? anchor = null) =>
        $"/marac/meetings/{meetingId}/live{(position is int p ? $"?case={p}" : "")}{(anchor is null ? "" : $"#{anchor}")}";

    /// <summary>A posted value to show again after a refused save, or the saved one.</summary>
    public string? Shown(string field, string? saved) =>
        !ModelState.IsValid && Request.HasFormContentType && Request.Form.TryGetValue(field, out var v) ? v.ToString() : saved;

    public async Task<IActionResult> OnGetAsync(int id, int? @case)
    {
        if (!await LoadAsync(id, @case))
        {
            return NotFound();
        }

        await audit.RecordAsync("marac.live-viewed", "MaracMeeting", Id(id), summary: Current?.Case.Reference, ct: HttpContext.RequestAborted);
        return Page();
    }

    public Task<IActionResult> OnPostOpenAsync(int id) =>
        SaveAsync(id, null, "meeting", async ct => Errors(await live.OpenAsync(id, ct), f => f), "The meeting is open");

    public Task<IActionResult> OnPostCloseAsync(int id) =>
        SaveAsync(id, null, "meeting", async ct => Errors(await live.CloseAsync(id, ct), f => f), "The meeting is closed");

    public Task<IActionResult> OnPostAttendanceAsync(int id, int agencyId, int? @case)
    {
        var p = $"att-{agencyId}-";
        var input = new AttendanceInput(Enum.TryParse<AttendanceStatus>(Form(p + "Status"), out var s) ? s : null, Form(p + "Representative"),
            Form(p + "WrittenInformation"), Int(p + "Version"));
        return SaveAsync(id, @case, $"attendance-{agencyId}",
            async ct => Errors(await live.RecordAttendanceAsync(id, agencyId, input, ct), f => p + f), "Attendance recorded");
    }

    public Task<IActionResult> OnPostActionUpdateAsync(int id, int actionId, int? @case)
    {
        var p = $"act-{actionId}-";
        var input = new ActionUpdateInput(Enum.TryParse<ActionStatus>(Form(p + "Status"), out var s) ? s : null, Form(p + "Note"), Form(p + "CompletionEvidence"), Int(p + "Version"));
        return SaveAsync(id, @case, $"action-{actionId}",
            async ct => Errors(await live.RecordActionUpdateAtMeetingAsync(id, actionId, Int(p + "ByAgencyId"), input, ct), f => p + f), "The action's update was recorded");
    }

    public async Task<IActionResult> OnPostCaseAsync(int id, int? @case, bool next)
    {
        var input = new CaseRecordInput(Form("VictimViews"), Form("RiskSummary"), Int("Version"));
        if (!await LoadAsync(id, @case) || Current is null)
        {
            return NotFound();
        }

        var result = await record.SaveCaseAsync(Current.Case.Id, input, HttpContext.RequestAborted);
        if (!result.Succeeded)
        {
            ModelState.AddErrors(result.Errors);
            if (result.Errors.Any(e => e.Message.Contains("while you were working on it", StringComparison.Ordinal)))
            {
                // Show what the other person saved in the form, and what this person typed beside it: nothing is lost.
                Unsaved = (input.VictimViews, input.RiskSummary);
            }

            return Page();
        }

        TempData["Notice"] = $"{Current.Case.Reference} saved";
        var position = Current.Case.Position;
        var nextPosition = next && Cases.Any(c => c.Position > position) ? Cases.First(c => c.Position > position).Position : position;
        return Redirect(Link(id, nextPosition, "case"));
    }

    public Task<IActionResult> OnPostInformationAsync(int id, int agencyId, int? @case)
    {
        var p = $"inf-{agencyId}-";
        var known = Form(p + "Known") switch { "Yes" => true, "No" => (bool?)false, _ => null };
        var input = new MaracInformationInput(known, Enum.TryParse<Involvement>(Form(p + "Involvement"), out var i) ? i : null, Form(p + "Summary"),
            Request.Form.ContainsKey(p + "Version") && Form(p + "Version") != "" ? Int(p + "Version") : null);
        return SaveAsync(id, @case, $"information-{agencyId}",
            async ct => Errors(await record.SaveAgencyInformationAsync(Current!.Case.Id, agencyId, input, true, ct), f => p + f), "The agency's information was recorded");
    }

    public Task<IActionResult> OnPostAddActionAsync(int id, int? @case)
    {
        var due = new DateInput("DueOn", "Due by", null, Form("DueOnDay"), Form("DueOnMonth"), Form("DueOnYear"));
        return SaveAsync(id, @case, "case-actions", async ct =>
        {
            var realDate = due.TryRead(out var dueOn);
            var owner = People.FirstOrDefault(x => x.Id == Form("OwnerUserId"));
            var result = await live.AddActionAsync(Current!.Case.Id, new NewMaracAction(owner.Id is null ? null : owner.AgencyId, owner.Id, Form("Description"), realDate ? dueOn : null), ct);
            var errors = result.Errors.Select(e => e.Field is "OwnerAgencyId" or "OwnerUserId" ? e with { Field = "OwnerUserId", Message = "Select who will do it, from an agency invited to this meeting" } : e)
                .Select(e => !realDate && e.Field == "DueOn" ? e with { Message = "The due date must be a real date, like 15 12 2026" } : e).ToList();
            return errors;
        }, "The action was set and its owner told");
    }

    /// <summary>Loads the screen, runs one save, and either redirects back to its anchor or shows the page with the errors.</summary>
    private async Task<IActionResult> SaveAsync(int id, int? position, string anchor, Func<CancellationToken, Task<IReadOnlyList<FieldError>>> save, string notice)
    {
        // A case's forms need a case: a meeting with none on its agenda has nothing to save them to.
        var forCase = anchor.StartsWith("information-", StringComparison.Ordinal) || anchor == "case-actions";
        if (!await LoadAsync(id, position) || (forCase && Current is null))
        {
            return NotFound();
        }

        var errors = await save(HttpContext.RequestAborted);
        if (errors.Count > 0)
        {
            ModelState.AddErrors(errors);
            // The screen again with the values saved meanwhile, so a refused form still shows the current state.
            await LoadAsync(id, position);
            return Page();
        }

        TempData["Notice"] = notice;
        return Redirect(Link(id, Current?.Case.Position, anchor));
    }

    private static IReadOnlyList<FieldError> Errors<T>(Result<T> result, Func<string, string> field) =>
        result.Errors.Select(e => e with { Field = field(e.Field) }).ToList();

    private string? Form(string name) => Request.Form.TryGetValue(name, out var v) ? v.ToString() : null;

    private int Int(string name) => int.TryParse(Form(name), NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) ? v : 0;

    private static string Id(int id) => id.ToString(CultureInfo.InvariantCulture);

    private async Task<bool> LoadAsync(int id, int? position)
    {
        var ct = HttpContext.RequestAborted;
        if (await scope.MeetingAsync(User, id, ct) is not { } meeting || !MaracScope.Runs(User, meeting))
        {
            return false;
        }

        Meeting = meeting;
        Attendance = (await db.MaracAttendance.AsNoTracking().Where(a => a.MeetingId == id)
                .Join(db.Agencies, a => a.AgencyId, g => g.Id, (a, g) => new { Row = a, g.Name }).ToListAsync(ct))
            .Select(x => (x.Row, x.Name)).OrderBy(x => x.Name, StringComparer.Ordinal).ToList();
        AgencyNames = await db.Agencies.AsNoTracking().ToDictionaryAsync(a => a.Id, a => a.Name, ct);
        Attendees = (await db.MaracAttendees.AsNoTracking().Where(a => a.MeetingId == id)
                .Join(db.Users, a => a.UserId, u => u.Id, (a, u) => new { u.DisplayName, a.AgencyId, a.AcknowledgedAt }).ToListAsync(ct))
            .Select(x => (x.DisplayName, AgencyNames.GetValueOrDefault(x.AgencyId, ""), x.AcknowledgedAt)).OrderBy(x => x.AcknowledgedAt).ToList();
        PreviousActions = await live.PreviousActionsAsync(id, ct);
        Cases = (await db.MaracCases.AsNoTracking().Where(c => c.MeetingId == id).OrderBy(c => c.Position)
                .Select(c => new { c.Id, c.Position, c.Reference, Summarised = c.RiskSummary != null }).ToListAsync(ct))
            .Select(c => (c.Id, c.Position, c.Reference, c.Summarised)).ToList();
        var chosen = Cases.FirstOrDefault(c => c.Position == position);
        if (chosen.Reference is null && Cases.Count > 0)
        {
            chosen = Cases.FirstOrDefault(c => !c.Summarised) is { Reference: not null } waiting ? waiting : Cases[0];
        }

        Current = chosen.Reference is null ? null : await record.LoadAsync(chosen.Id, ct);
        await LoadPeopleAsync(meeting, ct);
        return true;
    }

    // People who can be given an action: in the area, in an invited agency, and able to open MARAC cases when told.
    private async Task LoadPeopleAsync(MaracMeeting meeting, CancellationToken ct)
    {
        var roles = Capabilities.RolesWith(Capability.ViewMaracCases).ToList();
        var roleIds = db.Roles.Where(r => roles.Contains(r.Name!)).Select(r => r.Id);
        var areaId = meeting.AreaId;
        var meetingId = meeting.Id;
        People = (await db.Users.AsNoTracking()
                .Where(u => !u.IsDisabled && db.UserAreas.Any(ua => ua.UserId == u.Id && ua.AreaId == areaId)
                    && db.UserRoles.Any(ur => ur.UserId == u.Id && roleIds.Contains(ur.RoleId))
                    && db.MaracAttendance.Any(a => a.MeetingId == meetingId && a.AgencyId == u.AgencyId))
                .Select(u => new { u.Id, u.DisplayName, u.AgencyId })
                .ToListAsync(ct))
            .Select(x => (x.Id, x.DisplayName, x.AgencyId, AgencyNames.GetValueOrDefault(x.AgencyId, "")))
            .OrderBy(x => x.Item4, StringComparer.Ordinal).ThenBy(x => x.DisplayName, StringComparer.Ordinal).ToList();
    }
}
