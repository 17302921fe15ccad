using Microsoft.AspNetCore.Mvc.RazorPages;
using Safeguard.Core.Audit;

namespace Safeguard.Web.Pages.Audit;

/// <summary>Recomputes the whole hash chain and names the first broken link, if any.</summary>
public sealed class VerifyModel(AuditChainVerifier verifier, AuditTrail audit) : PageModel
{
    public AuditChainResult? Result { get; private set; }

    public void OnGet()
    {
    }

    public async Task OnPostAsync()
    {
        Result = await verifier.VerifyAsync(HttpContext.RequestAborted);
        await audit.RecordAsync("audit.verified", summary: Result.IsIntact ? $"intact, {Result.EventsChecked} events" : $"broken at {Result.FirstBrokenSequence}");
    }
}
