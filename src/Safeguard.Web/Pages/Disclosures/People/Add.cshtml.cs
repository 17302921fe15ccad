using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Safeguard.Core.Disclosures;
using Safeguard.Web.Scopes;

namespace Safeguard.Web.Pages.Disclosures.People;

/// <summary>
/// Step one of adding someone: which role. Step two is the person index's own search-before-create journey,
/// which hands the chosen or new person back to <see cref="ConfirmModel"/>, so a returning subject is recognised.
/// </summary>
[Authorize(Policy = "Capability:RecordPeople")]
public sealed class AddModel(RecordScope scope) : ApplicationPage(scope)
{
    [BindProperty] public ApplicationRole? Role { get; set; }

    public static readonly ApplicationRole[] Choosable = [ApplicationRole.Applicant, ApplicationRole.PersonAtRisk, ApplicationRole.Subject, ApplicationRole.Child];

    public async Task<IActionResult> OnGetAsync() => await ShowAsync();

    public async Task<IActionResult> OnPostAsync()
    {
        if (!await LoadAsync(RecordOperation.Change))
        {
            return NotFound();
        }

        if (Role is not ApplicationRole role || !Choosable.Contains(role))
        {
            ModelState.AddModelError(nameof(Role), "Select the person's role in this application");
            return Page();
        }

        var back = $"/disclosures/{Id}/people/confirm?role={role}";
        return Redirect("/people/add?returnUrl=" + Uri.EscapeDataString(back));
    }
}
