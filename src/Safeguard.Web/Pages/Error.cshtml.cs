using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Safeguard.Web.Pages;

/// <summary>Every error ends here: a plain message, the request id for support, never a stack trace or personal data.</summary>
[AllowAnonymous]
[IgnoreAntiforgeryToken]
[ResponseCache(Duration = 0, Location = ResponseCacheLocation.None, NoStore = true)]
public sealed class ErrorModel : PageModel
{
    public int Status { get; private set; }
    public string RequestId { get; private set; } = "";

    public IActionResult OnGet(int? code) => Show(code);

    public IActionResult OnPost(int? code) => Show(code);

    private PageResult Show(int? code)
    {
        // The code comes from the URL: anything that is not an error status is shown as "not found". Without one,
        // this is the exception handler's re-run, which has already set the status it chose.
        Status = code is >= 400 and <= 599 ? code.Value
            : code is not null ? StatusCodes.Status404NotFound
            : Response.StatusCode is >= 400 and <= 599 ? Response.StatusCode : StatusCodes.Status500InternalServerError;
        RequestId = HttpContext.TraceIdentifier;
        Response.StatusCode = Status;
        return Page();
    }
}
