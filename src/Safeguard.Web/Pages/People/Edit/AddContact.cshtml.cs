using Microsoft.AspNetCore.Mvc;
using Safeguard.Core.Common;
using Safeguard.Core.People;
using Safeguard.Web.Infrastructure;
using Safeguard.Web.Scopes;

namespace Safeguard.Web.Pages.People.Edit;

/// <summary>
/// Record a contact with the person. This page is the product's safe-contact enforcement point for people:
/// every contact goes through <see cref="SafeContact.RecordContactAsync"/>, which refuses (and audits) a channel
/// marked unsafe on the person or any record merged with them. Nothing here may record a contact any other way.
/// </summary>
public sealed class AddContactModel(RecordScope scope, SafeContact safeContact, TimeProvider clock) : PersonEditPage(scope)
{
    [BindProperty] public ContactChannels? Channel { get; set; }
    [BindProperty] public string? OccurredAtDay { get; set; }
    [BindProperty] public string? OccurredAtMonth { get; set; }
    [BindProperty] public string? OccurredAtYear { get; set; }
    [BindProperty] public string? Note { get; set; }

    /// <summary>Channels that must not be used, shown before the user chooses.</summary>
    public IReadOnlyList<ContactChannels> Unsafe { get; private set; } = [];

    public Choice ChannelChoice => new(nameof(Channel), "How was the person contacted?",
        Choice.Of<ContactChannels>(DemographicNames.Of, c => c != ContactChannels.None), Channel?.ToString());

    public DateInput OccurredAt => new("OccurredAt", "Date of the contact", "For example, 27 3 2026", OccurredAtDay, OccurredAtMonth, OccurredAtYear);

    public async Task<IActionResult> OnGetAsync()
    {
        var shown = await ShowAsync();
        if (Person is not null)
        {
            (OccurredAtDay, OccurredAtMonth, OccurredAtYear) = DateInput.Parts(London.Today(clock));
            await LoadUnsafeAsync();
        }

        return shown;
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!await LoadAsync(RecordOperation.Change))
        {
            return NotFound();
        }

        await LoadUnsafeAsync();
        if (Channel is not ContactChannels channel || !Enum.IsDefined(channel) || channel == ContactChannels.None)
        {
            ModelState.Remove(nameof(Channel));
            ModelState.AddModelError(nameof(Channel), "Select how the person was contacted");
        }

        if (!OccurredAt.TryRead(out var date) || date is null)
        {
            ModelState.AddModelError("OccurredAt", "Enter the date of the contact, like 27 3 2026");
        }

        if (Person.Version != Version)
        {
            ModelState.AddModelError(nameof(Channel), "Someone else changed this person while you were editing. Reload the page to see their changes");
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var result = await safeContact.RecordContactAsync(Person.Id, Channel!.Value, ToUtc(date!.Value), Note, User.UserId()!, HttpContext.RequestAborted);
        if (!result.Succeeded)
        {
            ModelState.AddErrors(result.Errors);
            return Page();
        }

        return Done("The contact was recorded");
    }

    /// <summary>Today's contact is stamped now; an earlier day's at the start of that day in UK time.</summary>
    private DateTime ToUtc(DateOnly date) =>
        date == London.Today(clock)
            ? clock.GetUtcNow().UtcDateTime
            : TimeZoneInfo.ConvertTimeToUtc(date.ToDateTime(TimeOnly.MinValue), London.Zone);

    private async Task LoadUnsafeAsync() =>
        Unsafe = DemographicNames.Each(await safeContact.UnsafeChannelsAsync(Person.CanonicalId, HttpContext.RequestAborted)).ToList();
}
