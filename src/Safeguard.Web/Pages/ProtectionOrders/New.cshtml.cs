using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Safeguard.Core.Data;
using Safeguard.Core.Organisation;
using Safeguard.Core.ProtectionOrders;
using Safeguard.Web.Infrastructure;
using Safeguard.Web.Scopes;

namespace Safeguard.Web.Pages.ProtectionOrders;

/// <summary>
/// Records a protection notice or order on one page. For the police people who record referrals: the police issue
/// these, so a partner agency's people are refused. The victim and perpetrator are given by their person index
/// references (found or added on "People" first) and must be people the user may see. Bad answers are named by
/// field and nothing is saved.
/// </summary>
[Authorize(Policy = "Capability:RecordReferrals")]
public sealed class NewModel(SafeguardDbContext db, ProtectionOrderService service, RecordScope scope) : PageModel
{
    [BindProperty] public ProtectionOrderKind? Kind { get; set; }
    [BindProperty] public int? AreaId { get; set; }
    [BindProperty] public string? IssuedOnDay { get; set; }
    [BindProperty] public string? IssuedOnMonth { get; set; }
    [BindProperty] public string? IssuedOnYear { get; set; }
    [BindProperty] public string? IssuedTime { get; set; }
    [BindProperty] public string? ExpiresOnDay { get; set; }
    [BindProperty] public string? ExpiresOnMonth { get; set; }
    [BindProperty] public string? ExpiresOnYear { get; set; }
    [BindProperty] public string? ExpiresTime { get; set; }
    [BindProperty] public string? VictimReference { get; set; }
    [BindProperty] public string? PerpetratorReference { get; set; }
    [BindProperty] public string? ProtectedPremises { get; set; }
    [BindProperty] public string? Terms { get; set; }
    [BindProperty] public string? Breaches { get; set; }

    public IReadOnlyList<(string Value, string Text)> Areas { get; private set; } = [];

    public DateInput Issued => new("IssuedOn", "Date issued", "For example, 27 3 2026", IssuedOnDay, IssuedOnMonth, IssuedOnYear);

    public DateInput Expires => new("ExpiresOn", "Date it ends", "Leave blank only for a DAPO made without an end date", ExpiresOnDay, ExpiresOnMonth, ExpiresOnYear);

    public async Task<IActionResult> OnGetAsync()
    {
        if (!await LoadAsync())
        {
            return Forbid();
        }

        AreaId = Areas.Count == 1 ? int.Parse(Areas[0].Value, CultureInfo.InvariantCulture) : null;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!await LoadAsync())
        {
            return Forbid();
        }

        // Binding problems (a kind that is not a kind) are reported by the service as a missing answer instead.
        ModelState.Clear();
        var ct = HttpContext.RequestAborted;
        var issuedOk = Issued.TryRead(out var issuedOn);
        var expiresOk = Expires.TryRead(out var expiresOn);
        var victim = await PersonAsync(VictimReference, ct);
        var perpetrator = await PersonAsync(PerpetratorReference, ct);
        var input = new ProtectionOrderInput(Kind, AreaId, issuedOn, IssuedTime, expiresOn, ExpiresTime, victim.Id, perpetrator.Id, ProtectedPremises, Terms, Breaches);
        var areas = Areas.Select(a => int.Parse(a.Value, CultureInfo.InvariantCulture)).ToList();
        // What the page itself could not read (a date that is not a date, a reference not found) stops the save:
        // the service then only checks, so every problem is listed and nothing is saved.
        var pageProblems = !issuedOk || !expiresOk || victim.Problem is not null || perpetrator.Problem is not null;
        var result = pageProblems ? await service.CheckAsync(input, areas, ct) : await service.RecordAsync(input, areas, ct);
        var errors = result.Errors.ToList();
        if (!issuedOk)
        {
            errors.RemoveAll(e => e.Field == "IssuedOn");
            errors.Add(new("IssuedOn", "Enter the date it was issued as a real date"));
        }

        if (!expiresOk)
        {
            errors.RemoveAll(e => e.Field == "ExpiresOn");
            errors.Add(new("ExpiresOn", "Enter the date it ends as a real date"));
        }

        // A reference typed but not found is named as such, not as a missing answer.
        foreach (var (field, typed, label) in new[] { ("VictimReference", victim, "victim"), ("PerpetratorReference", perpetrator, "perpetrator") })
        {
            if (typed.Problem is { } problem)
            {
                errors.RemoveAll(e => e.Field == field);
                errors.Add(new(field, problem.Replace("{role}", label, StringComparison.Ordinal)));
            }
        }

        if (errors.Count > 0 || pageProblems)
        {
            ModelState.AddErrors(Order(errors));
            return Page();
        }

        TempData["ProtectionOrderNotice"] = $"Protection order {result.Value!.Reference} recorded";
        return Redirect($"/protection-orders/{result.Value.Id}");
    }

    // The summary reads in the page's order.
    private static readonly string[] FieldOrder =
        ["Kind", "AreaId", "IssuedOn", "IssuedTime", "ExpiresOn", "ExpiresTime", "VictimReference", "PerpetratorReference", "ProtectedPremises", "Terms", "Breaches"];

    private static List<Core.Common.FieldError> Order(List<Core.Common.FieldError> errors) =>
        [.. errors.OrderBy(e => Array.IndexOf(FieldOrder, e.Field) is var i && i < 0 ? int.MaxValue : i)];

    /// <summary>A person index reference ("P000123" or "123") as an id the user may see; a problem to name otherwise.</summary>
    private async Task<(int? Id, string? Problem)> PersonAsync(string? typed, CancellationToken ct)
    {
        var text = typed?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            return (null, null);
        }

        var digits = text.StartsWith('P') || text.StartsWith('p') ? text[1..] : text;
        if (digits.Length is 0 or > 9 || !int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var id))
        {
            return (null, "Enter the {role}'s person index reference as P and digits, like P000123");
        }

        // Someone outside the user's scope cannot be told from someone who does not exist.
        return await scope.PersonAsync(id, RecordOperation.View, ct) is { } person
            ? (person.Id, null)
            : (null, $"There is no person {Core.People.Person.FormatReference(id)} in the person index that you can see");
    }

    /// <summary>The user's areas; false when their agency is not a police force (the police issue these orders).</summary>
    private async Task<bool> LoadAsync()
    {
        var ct = HttpContext.RequestAborted;
        var agency = User.AgencyId();
        if (agency is null || !await db.Agencies.AnyAsync(a => a.Id == agency && a.Kind == AgencyKind.Police && a.IsActive, ct))
        {
            return false;
        }

        var mine = User.AreaIds().ToList();
        Areas = (await db.Areas.AsNoTracking().Where(a => mine.Contains(a.Id) && a.IsActive).OrderBy(a => a.Name).ToListAsync(ct))
            .Select(a => (a.Id.ToString(CultureInfo.InvariantCulture), a.Name)).ToList();
        return true;
    }
}
