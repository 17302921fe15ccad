using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Safeguard.Core.Referrals;
using Safeguard.Web.Scopes;

namespace Safeguard.Web.Pages.Referrals;

/// <summary>
/// What every page about one referral shares: the record is loaded only through <see cref="RecordScope"/> (null
/// answers 404, so referrals outside scope do not leak) and titles carry the reference, never a name.
/// </summary>
public abstract class ReferralPage(RecordScope scope) : PageModel
{
    public const string SuccessKey = "Success";

    protected RecordScope Scope { get; } = scope;

    [BindProperty(SupportsGet = true)]
    public int Id { get; set; }

    public Referral Referral { get; private set; } = null!;

    public string RecordUrl => $"/referrals/{Referral.Id}";

    public string TitleFor(string what) => $"{what} – Referral {Referral.Reference}";

    protected async Task<bool> LoadAsync(RecordOperation operation)
    {
        var referral = await Scope.ReferralAsync(Id, operation, HttpContext.RequestAborted);
        if (referral is null)
        {
            return false;
        }

        Referral = referral;
        return true;
    }

    protected IActionResult Done(string message)
    {
        TempData[SuccessKey] = message;
        return Redirect(RecordUrl);
    }
}
