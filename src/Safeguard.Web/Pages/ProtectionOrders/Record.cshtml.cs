using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Safeguard.Core.Accounts;
using Safeguard.Core.Audit;
using Safeguard.Core.Data;
using Safeguard.Core.People;
using Safeguard.Core.ProtectionOrders;
using Safeguard.Web.Infrastructure;

namespace Safeguard.Web.Pages.ProtectionOrders;

/// <summary>
/// One protection order with links to its people. The people who record referrals and run the DRAMM see the orders
/// of their own areas (the DRAMM list links here); auditors who read every referral see every area. Anyone else, or
/// another area: not found. Every view is audited.
/// </summary>
[Authorize(Policy = SafeguardServices.ReferralsPolicy)]
public sealed class RecordModel(SafeguardDbContext db, AuditTrail audit) : PageModel
{
    public sealed record PersonRow(int Id, string Reference, string Name, DateOnly? DateOfBirth);

    [FromRoute]
    public int Id { get; set; }

    [TempData(Key = "ProtectionOrderNotice")]
    public string? Notice { get; set; }

    public ProtectionOrder Order { get; private set; } = null!;
    public string Area { get; private set; } = "";
    public PersonRow? Victim { get; private set; }
    public PersonRow? Perpetrator { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        var ct = HttpContext.RequestAborted;
        var order = await db.ProtectionOrders.AsNoTracking().FirstOrDefaultAsync(o => o.Id == Id, ct);
        if (order is null || !(Capabilities.Has(User, Capability.ReadAllReferrals) || User.AreaIds().Contains(order.AreaId)))
        {
            return NotFound();
        }

        Order = order;
        Area = await db.Areas.Where(a => a.Id == order.AreaId).Select(a => a.Name).FirstAsync(ct);
        var ids = new[] { order.VictimPersonId, order.PerpetratorPersonId };
        var people = await db.People.AsNoTracking().Where(p => ids.Contains(p.Id))
            .Select(p => new
            {
                p.Id, p.DateOfBirth,
                Name = p.Names.OrderBy(n => n.Kind != NameKind.Current).ThenBy(n => n.Id).Select(n => n.GivenName + " " + n.FamilyName).FirstOrDefault(),
            })
            .ToListAsync(ct);
        PersonRow? Row(int id) => people.FirstOrDefault(p => p.Id == id) is { } p ? new PersonRow(p.Id, Person.FormatReference(p.Id), p.Name ?? "(no name)", p.DateOfBirth) : null;
        Victim = Row(order.VictimPersonId);
        Perpetrator = Row(order.PerpetratorPersonId);
        await audit.RecordAsync("protection-order.viewed", "ProtectionOrder", Id.ToString(CultureInfo.InvariantCulture), ct: ct);
        return Page();
    }
}
