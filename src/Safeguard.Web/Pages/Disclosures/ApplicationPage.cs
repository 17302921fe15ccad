using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Safeguard.Core.Common;
using Safeguard.Core.Disclosures;
using Safeguard.Web.Infrastructure;
using Safeguard.Web.Scopes;

namespace Safeguard.Web.Pages.Disclosures;

/// <summary>
/// What every page about one application shares: the record is loaded only through <see cref="RecordScope"/>
/// (null answers 404, so applications outside scope do not leak), forms carry the version they were read at,
/// and a good save goes back to the record with a message.
/// </summary>
public abstract class ApplicationPage(RecordScope scope) : PageModel
{
    public const string SuccessKey = "Success";

    protected RecordScope Scope { get; } = scope;

    [BindProperty(SupportsGet = true)]
    public int Id { get; set; }

    [BindProperty]
    public int Version { get; set; }

    public DisclosureApplication Application { get; private set; } = null!;

    public string RecordUrl => $"/disclosures/{Application.Id}";

    /// <summary>A page title with the reference, never a name: titles stay in browser history.</summary>
    public string TitleFor(string what) => $"{what} – Application {Application.Reference}";

    protected async Task<bool> LoadAsync(RecordOperation operation)
    {
        var app = await Scope.ApplicationAsync(Id, operation, HttpContext.RequestAborted);
        if (app is null)
        {
            return false;
        }

        Application = app;
        return true;
    }

    /// <summary>Shows a form for the first time: the version comes from the record.</summary>
    protected async Task<IActionResult> ShowAsync()
    {
        if (!await LoadAsync(RecordOperation.Change))
        {
            return NotFound();
        }

        Version = Application.Version;
        return Page();
    }

    /// <summary>A stage's form shown for the first time, or the record when the application is not at that stage.</summary>
    protected async Task<IActionResult> ShowAtAsync(DisclosureStage stage)
    {
        var shown = await ShowAsync();
        return shown is PageResult && Application.Stage != stage ? Redirect(RecordUrl) : shown;
    }

    /// <summary>Shows the service's errors on the form, or goes back to the record with the message.</summary>
    protected IActionResult Outcome<T>(Result<T> result, string success)
    {
        if (!result.Succeeded)
        {
            ModelState.AddErrors(result.Errors);
            return Page();
        }

        TempData[SuccessKey] = success;
        return Redirect($"/disclosures/{Id}");
    }

    protected static DateOnly? ReadDate(DateInput input, Microsoft.AspNetCore.Mvc.ModelBinding.ModelStateDictionary modelState, string message)
    {
        if (input.TryRead(out var date))
        {
            return date;
        }

        modelState.AddModelError(input.Name, message);
        return null;
    }
}
