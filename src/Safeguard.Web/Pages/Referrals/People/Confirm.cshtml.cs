using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Safeguard.Core.People;
using Safeguard.Core.Referrals;
using Safeguard.Web.Infrastructure;
using Safeguard.Web.Scopes;

namespace Safeguard.Web.Pages.Referrals.People;

/// <summary>The person chosen or added in the person index, confirmed in a role; a child's school is asked here.</summary>
[Authorize(Policy = "Capability:RecordReferrals")]
public sealed class ConfirmModel(RecordScope scope, ReferralService service) : ReferralPage(scope)
{
    [BindProperty(SupportsGet = true)] public ReferralRole Role { get; set; }
    [BindProperty(SupportsGet = true)] public int PersonId { get; set; }
    [BindProperty] public string? School { get; set; }

    public Person Person { get; private set; } = null!;

    public string PersonName => (Person.Names.FirstOrDefault(n => n.Kind == NameKind.Current) ?? Person.Names.FirstOrDefault())?.FullName ?? "(no name)";

    public async Task<IActionResult> OnGetAsync() => await LoadBothAsync() ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync()
    {
        if (!await LoadBothAsync())
        {
            return NotFound();
        }

        var result = await service.AddPersonAsync(Id, Person.Id, Role, School, HttpContext.RequestAborted);
        if (!result.Succeeded)
        {
            // The role and person are fixed on this page: their problems are shown at its one field.
            ModelState.AddErrors(result.Errors.Select(e => e with { Field = "School" }));
            return Page();
        }

        var routed = Role == ReferralRole.Victim && ReferralService.IsUnder16(Person, Core.Common.London.DateOf(Referral.ReceivedAt));
        return Done(routed ? ReferralService.ChildrensSafeguardingMessage : $"{PersonName} was added as {Role.ToString().ToLowerInvariant()}");
    }

    private async Task<bool> LoadBothAsync()
    {
        if (!Enum.IsDefined(Role) || !await LoadAsync(RecordOperation.Change))
        {
            return false;
        }

        var person = await Scope.PersonAsync(PersonId, RecordOperation.View, HttpContext.RequestAborted);
        if (person is null)
        {
            return false;
        }

        Person = person;
        return true;
    }
}
