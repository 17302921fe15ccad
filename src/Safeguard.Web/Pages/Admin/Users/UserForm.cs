using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Safeguard.Core.Accounts;
using Safeguard.Core.Organisation;
using Safeguard.Web.Infrastructure;

namespace Safeguard.Web.Pages.Admin.Users;

/// <summary>The fields an administrator fills in for a user, shared by the add and change pages (_UserFields).</summary>
public abstract class UserForm(OrganisationService organisation) : PageModel
{
    [BindProperty]
    public string? DisplayName { get; set; }

    [BindProperty]
    public string? Email { get; set; }

    [BindProperty]
    public int? AgencyId { get; set; }

    [BindProperty]
    public List<int> AreaIds { get; set; } = [];

    [BindProperty]
    public List<string> Roles { get; set; } = [];

    public IReadOnlyList<Agency> Agencies { get; private set; } = [];

    /// <summary>Only the areas this administrator works in can be given to a user.</summary>
    public IReadOnlyList<Area> AssignableAreas { get; private set; } = [];

    protected UserDetails Details => new(DisplayName, Email, AgencyId, AreaIds, Roles);

    protected async Task LoadChoicesAsync()
    {
        Agencies = (await organisation.AgenciesAsync()).Where(a => a.IsActive || a.Id == AgencyId).ToList();
        var mine = User.AreaIds();
        AssignableAreas = (await organisation.AreasAsync()).Where(a => a.IsActive && mine.Contains(a.Id)).ToList();
    }
}
