using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Safeguard.Core.Accounts;
using Safeguard.Web.Infrastructure;
using Safeguard.Web.Scopes;

namespace Safeguard.Web.Pages.Admin.Users;

[Authorize(Policy = "Capability:IssueApiTokens")]
public sealed class IssueTokenModel(RecordScope scope, ApiTokenService tokens, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string Id { get; set; } = "";

    [BindProperty]
    public string? Name { get; set; }

    [BindProperty]
    public List<string> Scopes { get; set; } = [];

    [BindProperty]
    public string? ExpiresDay { get; set; }

    [BindProperty]
    public string? ExpiresMonth { get; set; }

    [BindProperty]
    public string? ExpiresYear { get; set; }

    public IssuedApiToken? Issued { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        if (await scope.UserAsync(Id, RecordOperation.Change, HttpContext.RequestAborted) is null)
        {
            return NotFound();
        }

        var suggested = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime).AddDays(90);
        (ExpiresDay, ExpiresMonth, ExpiresYear) = (suggested.Day.ToString(CultureInfo.InvariantCulture),
            suggested.Month.ToString(CultureInfo.InvariantCulture), suggested.Year.ToString(CultureInfo.InvariantCulture));
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var owner = await scope.UserAsync(Id, RecordOperation.Change, HttpContext.RequestAborted);
        if (owner is null)
        {
            return NotFound();
        }

        DateOnly? expires = null;
        if (int.TryParse(ExpiresDay, out var d) && int.TryParse(ExpiresMonth, out var m) && int.TryParse(ExpiresYear, out var y)
            && y is >= 2000 and <= 9999 && m is >= 1 and <= 12 && d >= 1 && d <= DateTime.DaysInMonth(y, m))
        {
            expires = new DateOnly(y, m, d);
        }
        else if (!string.IsNullOrWhiteSpace(ExpiresDay + ExpiresMonth + ExpiresYear))
        {
            ModelState.AddModelError("ExpiresOn", "The expiry date must be a real date, like 27 3 2027");
            return Page();
        }

        var result = await tokens.IssueAsync(owner, Name, Scopes, expires, User.UserId()!, HttpContext.RequestAborted);
        if (!result.Succeeded)
        {
            ModelState.AddErrors(result.Errors);
            return Page();
        }

        Issued = result.Value;
        return Page();
    }
}
