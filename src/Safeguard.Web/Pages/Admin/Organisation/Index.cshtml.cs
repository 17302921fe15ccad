using Microsoft.AspNetCore.Mvc.RazorPages;
using Safeguard.Core.Organisation;

namespace Safeguard.Web.Pages.Admin.Organisation;

public sealed class IndexModel(OrganisationService organisation) : PageModel
{
    public IReadOnlyList<Agency> Agencies { get; private set; } = [];
    public IReadOnlyList<Area> Areas { get; private set; } = [];

    public async Task OnGetAsync()
    {
        Agencies = await organisation.AgenciesAsync();
        Areas = await organisation.AreasAsync();
    }
}
