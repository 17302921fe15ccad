using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Safeguard.Core.Data;
using Safeguard.Core.Disclosures;
using Safeguard.Web.Infrastructure;

namespace Safeguard.Web.Pages.Admin.Disclosures;

/// <summary>The England and Wales bank holidays that working-day clocks skip: shipped with the product, kept up to date here.</summary>
public sealed class BankHolidaysModel(SafeguardDbContext db, DisclosureSettingsChanges changes) : SettingsPage
{
    [BindProperty]
    public string? DateDay { get; set; }

    [BindProperty]
    public string? DateMonth { get; set; }

    [BindProperty]
    public string? DateYear { get; set; }

    [BindProperty]
    public string? Name { get; set; }

    public IReadOnlyList<IGrouping<int, BankHolidayDate>> Years { get; private set; } = [];

    public DateInput DateField => new("Date", "Date", "For example, 25 12 2027", DateDay, DateMonth, DateYear);

    public async Task OnGetAsync()
    {
        ReadNotice();
        await LoadAsync();
    }

    public async Task<IActionResult> OnPostAddAsync()
    {
        if (!DateField.TryRead(out var date))
        {
            ModelState.AddModelError("Date", "The date must be a real date, like 25 12 2027");
            if (string.IsNullOrWhiteSpace(Name))
            {
                ModelState.AddModelError(nameof(Name), "Enter the name of the bank holiday");
            }

            await LoadAsync();
            return Page();
        }

        var result = await changes.AddBankHolidayAsync(date, Name, HttpContext.RequestAborted);
        return await OutcomeAsync(result, $"{Name?.Trim()} on {(date is DateOnly d ? Safeguard.Core.Common.London.Format(d) : "")} was added",
            "/admin/disclosures/bank-holidays", LoadAsync);
    }

    public async Task<IActionResult> OnPostRemoveAsync(string? remove)
    {
        if (!DateOnly.TryParseExact(remove, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return NotFound();
        }

        var result = await changes.RemoveBankHolidayAsync(date, HttpContext.RequestAborted);
        return await OutcomeAsync(result, $"The bank holiday on {Safeguard.Core.Common.London.Format(date)} was removed", "/admin/disclosures/bank-holidays", LoadAsync);
    }

    private async Task LoadAsync() =>
        Years = (await db.BankHolidays.AsNoTracking().OrderBy(h => h.Date).ToListAsync(HttpContext.RequestAborted))
            .GroupBy(h => h.Date.Year).OrderByDescending(g => g.Key).ToList();
}
