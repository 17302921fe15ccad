using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Safeguard.Core.Disclosures;
using Safeguard.Web.Infrastructure;
using Safeguard.Web.Scopes;

namespace Safeguard.Web.Pages.Disclosures.Stages;

[Authorize(Policy = "Capability:ResearchDisclosures")]
public sealed class MeetingModel(RecordScope scope, DisclosureService service) : ApplicationPage(scope)
{
    [BindProperty] public string? MetOnDay { get; set; }
    [BindProperty] public string? MetOnMonth { get; set; }
    [BindProperty] public string? MetOnYear { get; set; }
    [BindProperty] public string? Place { get; set; }
    [BindProperty] public string? PhotoIdentity { get; set; }
    [BindProperty] public string? SecondIdentity { get; set; }
    [BindProperty] public string? Notes { get; set; }

    public DateInput MetOn => new("MetOn", "Date of the meeting", "For example, 27 3 2026", MetOnDay, MetOnMonth, MetOnYear);

    public Task<IActionResult> OnGetAsync() => ShowAtAsync(DisclosureStage.FaceToFace);

    public async Task<IActionResult> OnPostAsync()
    {
        if (!await LoadAsync(RecordOperation.Change))
        {
            return NotFound();
        }

        var metOn = ReadDate(MetOn, ModelState, "The date of the meeting must be a real date");
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var result = await service.RecordMeetingAsync(Id, Version, new MeetingInput(metOn, Place, PhotoIdentity, SecondIdentity, Notes), HttpContext.RequestAborted);
        return Outcome(result, "The face-to-face meeting was recorded");
    }
}
