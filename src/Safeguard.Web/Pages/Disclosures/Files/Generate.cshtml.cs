using Microsoft.AspNetCore.Mvc;
using Safeguard.Core.Disclosures;
using Safeguard.Web.Infrastructure;
using Safeguard.Web.Scopes;

namespace Safeguard.Web.Pages.Disclosures.Files;

/// <summary>
/// Makes the disclosure document or the non-disclosure letter from the force's template, once the decision is
/// recorded. A POST from the record's button; a GET just goes back to the record.
/// </summary>
public sealed class GenerateModel(RecordScope scope, DisclosureFiles files) : ApplicationPage(scope)
{
    public IActionResult OnGet() => Redirect($"/disclosures/{Id}");

    public async Task<IActionResult> OnPostAsync()
    {
        if (!await LoadAsync(RecordOperation.Change))
        {
            return NotFound();
        }

        var disclose = Application.Disclose;
        var result = await files.GenerateDocumentAsync(Id, HttpContext.RequestAborted);
        if (!result.Succeeded)
        {
            ModelState.AddErrors(result.Errors);
            return Page();
        }

        TempData[SuccessKey] = disclose == true ? "The disclosure document was created" : "The non-disclosure letter was created";
        return Redirect(RecordUrl);
    }
}
