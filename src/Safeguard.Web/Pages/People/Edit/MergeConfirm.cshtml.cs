using Microsoft.AspNetCore.Mvc;
using Safeguard.Core.Accounts;
using Safeguard.Core.People;
using Safeguard.Web.Infrastructure;
using Safeguard.Web.Scopes;

namespace Safeguard.Web.Pages.People.Edit;

/// <summary>
/// Compare two records side by side, choose which to keep and say why, then merge. Both records are loaded for
/// a change through the person scope on every request, and both versions must still be the ones shown.
/// </summary>
public sealed class MergeConfirmModel(RecordScope scope, PersonMerging merging, Safeguard.Core.Audit.AuditTrail audit) : PersonEditPage(scope)
{
    [BindProperty(SupportsGet = true)] public int OtherId { get; set; }
    [BindProperty] public int OtherVersion { get; set; }
    [BindProperty] public int? KeepId { get; set; }
    [BindProperty] public string? Reason { get; set; }

    public Person Other { get; private set; } = null!;

    public bool SameRecord => Other.Id == Person.Id;

    public Choice KeepChoice => new(nameof(KeepId), "Which record should be kept?",
        [(Person.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), $"Keep {Person.Reference}"),
         (Other.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), $"Keep {Other.Reference}")],
        KeepId?.ToString(System.Globalization.CultureInfo.InvariantCulture),
        Hint: "The other record is merged into it. Nothing is deleted: its names, addresses and cases show on the kept record.");

    public async Task<IActionResult> OnGetAsync()
    {
        var loaded = await LoadBothAsync();
        if (loaded is not null)
        {
            return loaded;
        }

        (Version, OtherVersion, KeepId) = (Person.Version, Other.Version, Person.Id);

        // Both records are shown in full: each is a view of a person, audited as one.
        foreach (var shown in new[] { Person, Other }.DistinctBy(p => p.Id))
        {
            await audit.RecordAsync("person.viewed", "Person", shown.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
                summary: "compared for a merge", ct: HttpContext.RequestAborted);
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var loaded = await LoadBothAsync();
        if (loaded is not null)
        {
            return loaded;
        }

        if (SameRecord)
        {
            return Page();
        }

        if (KeepId != Person.Id && KeepId != Other.Id)
        {
            ModelState.Remove(nameof(KeepId));
            ModelState.AddModelError(nameof(KeepId), "Select which record to keep");
        }

        if (Person.Version != Version || Other.Version != OtherVersion)
        {
            ModelState.AddModelError(nameof(KeepId), "Someone else changed one of these records while you were comparing them. Reload the page to see their changes");
        }

        if (ModelState.IsValid)
        {
            var (keep, drop) = KeepId == Person.Id ? (Person.Id, Other.Id) : (Other.Id, Person.Id);
            var result = await merging.MergeAsync(keep, drop, Reason, User.UserId()!, HttpContext.RequestAborted);
            if (result.Succeeded)
            {
                TempData[SuccessKey] = $"{Person.FormatReference(drop)} was merged into {Person.FormatReference(keep)}";
                return Redirect($"/people/{keep}");
            }

            ModelState.AddErrors(result.Errors);
        }
        else if (string.IsNullOrWhiteSpace(Reason))
        {
            ModelState.AddModelError(nameof(Reason), "Enter why these records are the same person");
        }

        return Page();
    }

    /// <summary>Null when both records are there to compare; otherwise the answer to give.</summary>
    private async Task<IActionResult?> LoadBothAsync()
    {
        if (!Capabilities.Has(User, Capability.MergePeople))
        {
            return Forbid();
        }

        if (!await LoadAsync(RecordOperation.Change))
        {
            return NotFound();
        }

        var other = await Scope.PersonAsync(OtherId, RecordOperation.Change, HttpContext.RequestAborted);
        if (other is null)
        {
            return NotFound();
        }

        Other = other;
        if (SameRecord)
        {
            ModelState.AddModelError(nameof(KeepId), "A record cannot be merged with itself");
        }

        return null;
    }
}
