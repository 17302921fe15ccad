using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Safeguard.Core.Referrals;
using Safeguard.Web.Scopes;

namespace Safeguard.Web.Pages.Referrals.People;

/// <summary>
/// Step one of adding someone: which role. Step two is the person index's own search-before-create journey, which
/// hands the chosen or new person back to <see cref="ConfirmModel"/>, so someone known before is recognised.
/// </summary>
[Authorize(Policy = "Capability:RecordReferrals")]
public sealed class AddModel(RecordScope scope) : ReferralPage(scope)
{
    [BindProperty] public ReferralRole? Role { get; set; }

    public async Task<IActionResult> OnGetAsync() => await LoadAsync(RecordOperation.Change) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync()
    {
        if (!await LoadAsync(RecordOperation.Change))
        {
            return NotFound();
        }

        if (Role is not ReferralRole role || !Enum.IsDefined(role))
        {
            ModelState.AddModelError(nameof(Role), "Select the person's role in this referral");
            return Page();
        }

        var back = $"/referrals/{Id}/people/confirm?role={role}";
        return Redirect("/people/add?returnUrl=" + Uri.EscapeDataString(back));
    }
}
