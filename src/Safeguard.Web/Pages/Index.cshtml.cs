using Microsoft.AspNetCore.Mvc.RazorPages;
using Safeguard.Core.Accounts;

namespace Safeguard.Web.Pages;

/// <summary>The home page: the work areas the signed-in user's roles give them, and nothing else.</summary>
public sealed class IndexModel : PageModel
{
    public sealed record WorkArea(string Href, string Title, string Description);

    public IReadOnlyList<WorkArea> WorkAreas { get; private set; } = [];

    public void OnGet()
    {
        var areas = new List<WorkArea>();
        if (Capabilities.Has(User, Capability.WorkOnDisclosures) || Capabilities.Has(User, Capability.ReadAllDisclosures))
        {
            areas.Add(new("/disclosures", "Clare's Law and Sarah's Law", "Applications from first contact to closure: your work, the supervisor's board and the figures."));
        }

        if (Capabilities.Has(User, Capability.FindPeople))
        {
            areas.Add(new("/people", "People", "Find a person in your areas, see their history and safe contact, and add someone new after searching."));
        }

        if (Capabilities.Has(User, Capability.ManageUsers))
        {
            areas.Add(new("/admin/users", "Users", "Add users, set their agency, areas and roles, disable them and reset their second factor."));
        }

        if (Capabilities.Has(User, Capability.ManageOrganisation))
        {
            areas.Add(new("/admin/organisation", "Agencies and areas", "The agencies whose staff use Safeguard, and the MARAC areas they work in."));
        }

        if (Capabilities.Has(User, Capability.ReadAuditTrail))
        {
            areas.Add(new("/audit", "Audit trail", "Every sign-in, view and change: who, when and what. Check the chain has not been tampered with."));
        }

        areas.Add(new("/account", "Your account", "Your details, recovery codes, and signing out everywhere."));
        WorkAreas = areas;
    }
}
