using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Safeguard.Core.Common;
using Safeguard.Web.Infrastructure;

namespace Safeguard.Web.Pages.Admin.Disclosures;

/// <summary>What the scheme settings pages share: a success message carried over a redirect, and the service's errors on the form.</summary>
public abstract class SettingsPage : PageModel
{
    public const string SuccessKey = "Success";

    public string? Notice { get; private set; }

    protected void ReadNotice() => Notice = TempData[SuccessKey] as string;

    protected async Task<IActionResult> OutcomeAsync<T>(Result<T> result, string success, string redirectTo, Func<Task> reload)
    {
        if (!result.Succeeded)
        {
            ModelState.AddErrors(result.Errors);
            await reload();
            return Page();
        }

        TempData[SuccessKey] = success;
        return Redirect(redirectTo);
    }
}
