using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Safeguard.Core.Audit;
using Safeguard.Core.Common;
using Safeguard.Core.Data;
using Safeguard.Core.Disclosures.Reporting;
using Safeguard.Web.Scopes;

namespace Safeguard.Web.Pages.Disclosures;

/// <summary>
/// The disclosure dashboard: volumes, outcomes, timeliness, time in stage, workload and the Home Office figures,
/// over the applications the user may see. Each chart is drawn from the table beside it; each table downloads as
/// CSV from <c>/disclosures/dashboard/csv?table=...</c>. Every view and download is audited.
/// </summary>
[Authorize(Policy = "Capability:ViewDisclosureFigures")]
public sealed class DashboardModel(DisclosureFigures figures, AuditTrail audit, TimeProvider clock) : PageModel
{
    /// <summary>Start of the period, a London date (yyyy-MM-dd): applications received on or after it.</summary>
    [BindProperty(SupportsGet = true)]
    public string? From { get; set; }

    /// <summary>End of the period, a London date, the whole day included.</summary>
    [BindProperty(SupportsGet = true)]
    public string? To { get; set; }

    /// <summary>The Home Office year, named by the March it ends in.</summary>
    [BindProperty(SupportsGet = true)]
    public int? Year { get; set; }

    public FiguresPeriod Period { get; private set; } = null!;
    public int HomeOfficeYear { get; private set; }
    public int LatestCompleteYear { get; private set; }
    public DashboardFigures? Figures { get; private set; }
    public IReadOnlyList<FigureTable> Tables { get; private set; } = [];

    public IEnumerable<int> YearChoices => Enumerable.Range(0, 10).Select(i => LatestCompleteYear + 1 - i);

    public async Task<IActionResult> OnGetAsync()
    {
        if (!ReadFilters())
        {
            return Page();
        }

        Figures = await figures.ComputeAsync(Scoped(), Period, HomeOfficeYear, HttpContext.RequestAborted);
        Tables = FigureTables.All(Figures);
        await audit.RecordAsync("disclosure.dashboard-viewed", summary: $"table=all; {Describe()}", ct: HttpContext.RequestAborted);
        return Page();
    }

    /// <summary>One table as CSV. The file name says which table and period; it names nobody.</summary>
    public async Task<IActionResult> OnGetCsvAsync(string? table)
    {
        if (table is null || !FigureTables.Keys.Contains(table))
        {
            return NotFound();
        }

        if (!ReadFilters())
        {
            return BadRequest();
        }

        var scoped = Scoped();
        var ct = HttpContext.RequestAborted;
        var figure = table switch
        {
            FigureTables.Volumes => FigureTables.VolumesTable(await figures.VolumesAsync(scoped, Period, ct)),
            FigureTables.Outcomes => FigureTables.OutcomesTable(await figures.OutcomesAsync(scoped, Period, ct)),
            FigureTables.Rationale => FigureTables.RationaleTable(await figures.OutcomesAsync(scoped, Period, ct)),
            FigureTables.Timeliness => FigureTables.TimelinessTable(await figures.TimelinessAsync(scoped, Period, ct)),
            FigureTables.Stages => FigureTables.StagesTable(await figures.StageTimesAsync(scoped, Period, ct)),
            FigureTables.Workload => FigureTables.WorkloadTable(await figures.WorkloadAsync(scoped, ct)),
            FigureTables.Waiting => FigureTables.WaitingTable(await figures.OverdueAsync(scoped, ct)),
            _ => FigureTables.HomeOfficeTable(await figures.HomeOfficeAsync(scoped, HomeOfficeYear, ct)),
        };
        var about = table == FigureTables.HomeOffice ? $"year ending March {Inv(HomeOfficeYear)}" : PeriodText();
        await audit.RecordAsync("disclosure.figures-downloaded", summary: $"table={table}; {about}", ct: ct);
        var name = table == FigureTables.HomeOffice
            ? $"disclosure-home-office-year-ending-march-{Inv(HomeOfficeYear)}.csv"
            : $"disclosure-{table}-{Iso(Period.From)}-to-{Iso(Period.To)}.csv";
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(FigureTables.ToCsv(figure))).ToArray();
        return File(bytes, "text/csv; charset=utf-8", name);
    }

    /// <summary>The CSV link of a table, for the period and year shown.</summary>
    public string CsvUrl(string table) =>
        $"/disclosures/dashboard/csv?table={table}&from={Iso(Period.From)}&to={Iso(Period.To)}&year={Inv(HomeOfficeYear)}";

    public static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Inv(int value) => value.ToString(CultureInfo.InvariantCulture);

    private FiguresScope Scoped() => ApplicationRecordScope.FiguresScopeFor(User);

    private string PeriodText() => $"period={Iso(Period.From)} to {Iso(Period.To)}";

    private string Describe() => $"{PeriodText()}; home office year ending March {Inv(HomeOfficeYear)}";

    /// <summary>Reads the period and year, defaulting to the last 12 months and the latest complete year ending March.</summary>
    private bool ReadFilters()
    {
        var today = London.Today(clock);
        LatestCompleteYear = DisclosureFigures.LatestCompleteYearEndingMarch(today);
        var fallback = FiguresPeriod.LastTwelveMonths(today);
        var from = ParseDate(From, nameof(From), "Start") ?? fallback.From;
        var to = ParseDate(To, nameof(To), "End") ?? fallback.To;
        Period = fallback;
        HomeOfficeYear = LatestCompleteYear;
        if (!ModelState.IsValid)
        {
            return false;
        }

        if (to < from)
        {
            ModelState.AddModelError(nameof(To), "The end date must be the same as or after the start date");
            return false;
        }

        if ((to.Year - from.Year) * 12 + to.Month - from.Month >= DisclosureFigures.MaxMonths)
        {
            ModelState.AddModelError(nameof(From), "The period must be 10 years or shorter");
            return false;
        }

        Period = new FiguresPeriod(from, to);
        if (Year is not null)
        {
            if (Year < 2000 || Year > LatestCompleteYear + 1)
            {
                ModelState.AddModelError(nameof(Year), $"Choose a year ending March between 2000 and {Inv(LatestCompleteYear + 1)}");
                return false;
            }

            HomeOfficeYear = Year.Value;
        }

        return true;
    }

    private DateOnly? ParseDate(string? value, string field, string label)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        if (DateOnly.TryParseExact(value.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            && date.Year is >= 2000 and <= 9998)
        {
            return date;
        }

        ModelState.AddModelError(field, $"{label} date must be a real date, like 2026-03-27");
        return null;
    }
}
