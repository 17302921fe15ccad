using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Safeguard.Core.Common;
using Safeguard.Core.Data;
using Safeguard.Core.Disclosures;
using Safeguard.Web.Infrastructure;
using Route = Safeguard.Core.Disclosures.Route;

namespace Safeguard.Web.Pages.Disclosures.New;

/// <summary>
/// First contact: one page of questions, then "check your answers", then the application exists and people are
/// added from the person index. The answers travel in the form, not in a session, so any server can finish it.
/// </summary>
[Authorize(Policy = "Capability:RecordFirstContact")]
public sealed class IndexModel(SafeguardDbContext db, DisclosureService service, TimeProvider clock) : PageModel
{
    [BindProperty] public string? Scheme { get; set; }
    [BindProperty] public int? AreaId { get; set; }
    [BindProperty] public string? ReceivedDay { get; set; }
    [BindProperty] public string? ReceivedMonth { get; set; }
    [BindProperty] public string? ReceivedYear { get; set; }
    [BindProperty] public string? ReceivedTime { get; set; }
    [BindProperty] public ReceivedVia? Via { get; set; }
    [BindProperty] public string? WhatPrompted { get; set; }
    [BindProperty] public string? SafeContactWay { get; set; }
    [BindProperty] public string? SafeContactTimes { get; set; }
    [BindProperty] public bool? ImmediateRisk { get; set; }
    [BindProperty] public string? RiskDescription { get; set; }
    [BindProperty] public string? SafeguardingAction { get; set; }

    public bool Checking { get; private set; }
    public IReadOnlyList<(string Value, string Text)> Areas { get; private set; } = [];

    public DateInput Received => new("Received", "Date received", "For example, 27 3 2026", ReceivedDay, ReceivedMonth, ReceivedYear);

    public static readonly IReadOnlyList<(string Value, string Text)> Schemes =
    [
        ("Dvds-RightToAsk", SchemeNames.Of(Core.Disclosures.Scheme.Dvds, Route.RightToAsk)),
        ("Dvds-RightToKnow", SchemeNames.Of(Core.Disclosures.Scheme.Dvds, Route.RightToKnow)),
        ("Csods-RightToAsk", SchemeNames.Of(Core.Disclosures.Scheme.Csods, Route.RightToAsk)),
        ("Csods-RightToKnow", SchemeNames.Of(Core.Disclosures.Scheme.Csods, Route.RightToKnow)),
    ];

    public async Task OnGetAsync()
    {
        await LoadAreasAsync();
        var now = Display.ToLondon(clock.GetUtcNow().UtcDateTime);
        (ReceivedDay, ReceivedMonth, ReceivedYear) = DateInput.Parts(DateOnly.FromDateTime(now));
        ReceivedTime = now.ToString("HH:mm", CultureInfo.InvariantCulture);
        AreaId = Areas.Count == 1 ? int.Parse(Areas[0].Value, CultureInfo.InvariantCulture) : null;
    }

    public async Task<IActionResult> OnPostContinueAsync()
    {
        await LoadAreasAsync();
        Read();
        Checking = ModelState.IsValid;
        return Page();
    }

    public async Task<IActionResult> OnPostChangeAsync()
    {
        await LoadAreasAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostCreateAsync()
    {
        await LoadAreasAsync();
        var input = Read();
        if (input is null)
        {
            return Page();
        }

        var result = await service.CreateAsync(input, HttpContext.RequestAborted);
        if (!result.Succeeded)
        {
            ModelState.AddErrors(result.Errors.Select(e => e.Field == "ReceivedOn" ? e with { Field = "Received" } : e));
            return Page();
        }

        TempData[ApplicationPage.SuccessKey] = $"Application {result.Value!.Reference} created. Now add the people.";
        return Redirect($"/disclosures/{result.Value.Id}");
    }

    public string SchemeText => Schemes.FirstOrDefault(s => s.Value == Scheme).Text ?? "";

    public string AreaText => Areas.FirstOrDefault(a => a.Value == AreaId?.ToString(CultureInfo.InvariantCulture)).Text ?? "";

    /// <summary>The answers as a first contact, or null with the page's own errors (a scheme not chosen, a date that is not a date).</summary>
    private FirstContact? Read()
    {
        var parts = Scheme?.Split('-');
        Core.Disclosures.Scheme scheme = default;
        Route route = default;
        if (parts is not { Length: 2 } || !Enum.TryParse(parts[0], out scheme) || !Enum.TryParse(parts[1], out route))
        {
            ModelState.AddModelError(nameof(Scheme), "Select the scheme and route");
        }

        if (AreaId is null || Areas.All(a => a.Value != AreaId.Value.ToString(CultureInfo.InvariantCulture)))
        {
            ModelState.AddModelError(nameof(AreaId), "Select the area");
        }

        DateTime? received = null;
        if (!Received.TryRead(out var date) || date is null)
        {
            ModelState.AddModelError("Received", "Enter the date received as a real date");
        }
        else if (!TimeOnly.TryParseExact(ReceivedTime?.Trim(), ["H:mm", "HH:mm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var time))
        {
            ModelState.AddModelError(nameof(ReceivedTime), "Enter the time received in 24-hour time, like 14:30");
        }
        else
        {
            received = TimeZoneInfo.ConvertTimeToUtc(date.Value.ToDateTime(time), London.Zone);
        }

        if (Via is null)
        {
            ModelState.AddModelError(nameof(Via), "Select how the application was received");
        }

        if (ImmediateRisk is null)
        {
            ModelState.AddModelError(nameof(ImmediateRisk), "Select whether anyone is at immediate risk");
        }

        if (string.IsNullOrWhiteSpace(WhatPrompted))
        {
            ModelState.AddModelError(nameof(WhatPrompted), "Enter what prompted the application");
        }

        if (ImmediateRisk == true && string.IsNullOrWhiteSpace(RiskDescription))
        {
            ModelState.AddModelError(nameof(RiskDescription), "Enter who is at immediate risk and why");
        }

        if (ImmediateRisk == true && string.IsNullOrWhiteSpace(SafeguardingAction))
        {
            ModelState.AddModelError(nameof(SafeguardingAction), "Enter the safeguarding action taken");
        }

        if (received > clock.GetUtcNow().UtcDateTime)
        {
            ModelState.AddModelError("Received", "The date and time received must be in the past");
        }

        return ModelState.IsValid
            ? new FirstContact(scheme, route, AreaId!.Value, received!.Value, Via!.Value, WhatPrompted, SafeContactWay, SafeContactTimes,
                ImmediateRisk == true, RiskDescription, SafeguardingAction)
            : null;
    }

    private async Task LoadAreasAsync()
    {
        var mine = User.AreaIds().ToList();
        Areas = (await db.Areas.Where(a => mine.Contains(a.Id) && a.IsActive).OrderBy(a => a.Name).ToListAsync(HttpContext.RequestAborted))
            .Select(a => (a.Id.ToString(CultureInfo.InvariantCulture), a.Name)).ToList();
    }
}
