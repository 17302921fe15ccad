using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Safeguard.Core.Accounts;
using Safeguard.Core.Common;
using Safeguard.Core.Data;
using Safeguard.Core.Disclosures;
using Safeguard.Core.Disclosures.Reporting;
using Safeguard.Web.Pages.Disclosures;

namespace Safeguard.Web.Tests.Disclosures;

/// <summary>
/// Its own app and database, seeded once: applications in North (the supervisor's area) and South, received
/// inside the default period (the last 12 months) and in the latest complete Home Office year.
/// </summary>
public sealed class DashboardData : IAsyncLifetime
{
    public const string FormulaOwner = "=HYPERLINK(\"http://example.org\",\"x\")";

    public SafeguardApp App { get; } = new();
    public int HomeOfficeYear { get; private set; }

    public async Task InitializeAsync()
    {
        await ((IAsyncLifetime)App).InitializeAsync();
        var now = App.Clock.GetUtcNow().UtcDateTime;
        HomeOfficeYear = DisclosureFigures.LatestCompleteYearEndingMarch(London.Today(App.Clock));
        var owner = await App.CreateUserAsync([Roles.CruResearcher], [App.NorthAreaId]);
        await App.WithDbAsync(async db =>
        {
            var user = await db.Users.SingleAsync(u => u.Id == owner.Id);
            user.DisplayName = FormulaOwner;
            var schemes = await db.DisclosureSchemes.ToDictionaryAsync(s => (s.Scheme, s.Route), s => s.Id);
            DisclosureApplication App(Scheme scheme, Route route, int area, DateTime received, DateTime? closed = null, DisclosureOutcome? outcome = null,
                string? ownerId = null) => new()
            {
                SchemeId = schemes[(scheme, route)], Scheme = scheme, Route = route, AreaId = area, ReceivedAt = received, CreatedAt = received,
                Stage = closed is null ? DisclosureStage.Research : DisclosureStage.Closed, StageEnteredAt = closed ?? received,
                ReceivedVia = ReceivedVia.Phone, WhatPrompted = "Test", ClosedAt = closed, Outcome = outcome, OwnerUserId = ownerId,
                DueAt = received.AddDays(28), NextDueAt = closed is null ? received.AddDays(28) : null, Version = 1,
            };
            var hoReceived = FiguresPeriod.LondonMidnight(new DateOnly(HomeOfficeYear - 1, 6, 1)).AddHours(10);
            db.DisclosureApplications.AddRange(
                App(Scheme.Dvds, Route.RightToAsk, this.App.NorthAreaId, now.AddDays(-10), ownerId: owner.Id),
                App(Scheme.Csods, Route.RightToKnow, this.App.NorthAreaId, now.AddDays(-40), now.AddDays(-30), DisclosureOutcome.DisclosureMade),
                App(Scheme.Dvds, Route.RightToAsk, this.App.SouthAreaId, now.AddDays(-5)),
                App(Scheme.Dvds, Route.RightToAsk, this.App.SouthAreaId, now.AddDays(-6)),
                App(Scheme.Dvds, Route.RightToKnow, this.App.NorthAreaId, hoReceived, hoReceived.AddDays(9), DisclosureOutcome.DisclosureMade));
            return await db.SaveChangesAsync();
        });
        // Written straight into the table, so the monthly roll-up is recounted from them, as startup does for closed
        // work from before it existed.
        await App.WithDbAsync(db => new FigureCells(db).RebuildAsync());
    }

    public async Task DisposeAsync() => await ((IAsyncLifetime)App).DisposeAsync();
}

public sealed class DashboardTests(DashboardData data) : IClassFixture<DashboardData>
{
    private SafeguardApp App => data.App;

    private static string Cell(AngleSharp.Html.Dom.IHtmlDocument page, string table, string rowHeader, int column) =>
        page.QuerySelectorAll($"#table-{table} tbody tr")
            .Single(r => r.QuerySelector("th")!.TextContent.Trim() == rowHeader)
            .QuerySelectorAll("td")[column].TextContent.Trim();

    [Fact]
    public async Task A_supervisor_sees_the_figures_of_their_own_areas_and_the_view_is_audited()
    {
        var supervisor = await App.CreateUserAsync([Roles.CruSupervisor], [App.NorthAreaId]);
        var client = await App.SignInAsync(supervisor);

        var page = await client.GetPageAsync("/disclosures/dashboard");

        Assert.StartsWith("Disclosure dashboard", page.Title, StringComparison.Ordinal);
        Assert.Equal("Disclosure dashboard", page.QuerySelector("h1")!.TextContent.Trim());
        Assert.Equal("2", Cell(page, FigureTables.Volumes, "Total", 4));
        Assert.Equal("1", Cell(page, FigureTables.Volumes, "Total", 0));
        Assert.Equal("1", Cell(page, FigureTables.Volumes, "Total", 3));
        Assert.Equal("1", Cell(page, FigureTables.Outcomes, "Disclosure made", 0));
        Assert.Equal("1", Cell(page, FigureTables.Workload, DashboardData.FormulaOwner, 0));
        Assert.Equal("0", Cell(page, FigureTables.Workload, "Unallocated", 0));
        Assert.Equal("1", Cell(page, FigureTables.HomeOffice, "DVDS Right to Know: applications", 0));
        Assert.Equal("1", Cell(page, FigureTables.HomeOffice, "DVDS Right to Know: disclosures", 0));
        Assert.Single(page.QuerySelectorAll($"#table-{FigureTables.Waiting} tbody tr"));
        Assert.Contains("counted in the year they were closed", page.QuerySelector("#home-office-rule")!.TextContent, StringComparison.Ordinal);

        var audited = await App.WithDbAsync(db => db.AuditEvents.Where(e => e.ActorUserId == supervisor.Id && e.Action == "disclosure.dashboard-viewed")
            .Select(e => e.Summary).ToListAsync());
        var summary = Assert.Single(audited);
        var today = London.Today(App.Clock);
        Assert.Contains($"period={new DateOnly(today.Year, today.Month, 1).AddMonths(-11):yyyy-MM-dd} to {today:yyyy-MM-dd}", summary, StringComparison.Ordinal);
        Assert.Contains($"year ending March {data.HomeOfficeYear}", summary, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_auditor_sees_every_area()
    {
        var client = await App.SignInAsync(await App.CreateUserAsync([Roles.Auditor]));

        var page = await client.GetPageAsync("/disclosures/dashboard");

        Assert.Equal("4", Cell(page, FigureTables.Volumes, "Total", 4));
        Assert.Equal("3", Cell(page, FigureTables.Volumes, "Total", 0));
        Assert.Equal("2", Cell(page, FigureTables.Workload, "Unallocated", 0));
        Assert.Equal(3, page.QuerySelectorAll($"#table-{FigureTables.Waiting} tbody tr").Length);
    }

    [Fact]
    public async Task Each_chart_is_hidden_from_assistive_technology_and_each_table_has_its_csv_link()
    {
        var client = await App.SignInAsync(await App.CreateUserAsync([Roles.Auditor]));
        var page = await client.GetPageAsync("/disclosures/dashboard");

        var canvases = page.QuerySelectorAll("canvas[data-chart]");
        Assert.Equal(5, canvases.Length);
        Assert.All(canvases, c => Assert.Equal("true", c.ParentElement!.GetAttribute("aria-hidden")));
        Assert.All(canvases, c => Assert.NotNull(page.QuerySelector("#table-" + c.Id!["chart-".Length..])));
        var links = page.QuerySelectorAll("a[data-csv]").Select(a => a.GetAttribute("data-csv")!).ToList();
        Assert.Equal(FigureTables.Keys, links);
        Assert.NotNull(page.QuerySelector("script[src^='/lib/chart.umd.min.js']"));
    }

    [Fact]
    public async Task A_researcher_without_the_capability_is_refused_the_page_and_the_csv()
    {
        var client = await App.SignInAsync(await App.CreateUserAsync([Roles.CruResearcher], [App.NorthAreaId]));

        foreach (var path in new[] { "/disclosures/dashboard", "/disclosures/dashboard/csv?table=volumes" })
        {
            var response = await client.GetAsync(path);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.Equal("/error/403", response.RedirectPath());
        }

        var page = await client.GetPageAsync("/error/403", HttpStatusCode.Forbidden);
        Assert.Contains("You do not have access to this page", page.Body!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_volumes_csv_has_a_header_row_the_scoped_numbers_a_safe_name_and_is_audited()
    {
        var supervisor = await App.CreateUserAsync([Roles.CruSupervisor], [App.NorthAreaId]);
        var client = await App.SignInAsync(supervisor);
        var today = London.Today(App.Clock);
        var from = today.AddDays(-60).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var to = today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

        var response = await client.GetAsync($"/disclosures/dashboard/csv?table=volumes&from={from}&to={to}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("utf-8", response.Content.Headers.ContentType.CharSet);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition!.DispositionType);
        Assert.Equal($"disclosure-volumes-{from}-to-{to}.csv", response.Content.Headers.ContentDisposition.FileName?.Trim('"'));
        var lines = (await response.Content.ReadAsStringAsync()).TrimStart('\uFEFF').Split("\r\n");
        Assert.Equal("Month,DVDS Right to Ask,DVDS Right to Know,CSODS Right to Ask,CSODS Right to Know,Total", lines[0]);
        Assert.Equal("Total,1,0,0,1,2", lines[^2]);
        Assert.Equal("", lines[^1]);

        var summary = await App.WithDbAsync(db => db.AuditEvents.Where(e => e.ActorUserId == supervisor.Id && e.Action == "disclosure.figures-downloaded")
            .Select(e => e.Summary).SingleAsync());
        Assert.Equal($"table=volumes; period={from} to {to}", summary);
    }

    [Fact]
    public async Task Csv_cells_that_a_spreadsheet_would_run_as_formulas_are_made_text()
    {
        var client = await App.SignInAsync(await App.CreateUserAsync([Roles.CruSupervisor], [App.NorthAreaId]));

        var csv = await (await client.GetAsync("/disclosures/dashboard/csv?table=workload")).Content.ReadAsStringAsync();

        var lines = csv.TrimStart('\uFEFF').Split("\r\n");
        Assert.Equal("Owner,Open applications,Overdue", lines[0]);
        Assert.Equal("\"'=HYPERLINK(\"\"http://example.org\"\",\"\"x\"\")\",1,0", lines[1]);
        Assert.Equal("Unallocated,0,0", lines[2]);
    }

    [Fact]
    public async Task The_home_office_csv_is_for_the_chosen_year_ending_March()
    {
        var client = await App.SignInAsync(await App.CreateUserAsync([Roles.Auditor]));
        var year = data.HomeOfficeYear;

        var response = await client.GetAsync($"/disclosures/dashboard/csv?table=homeoffice&year={year}");
        var lines = (await response.Content.ReadAsStringAsync()).TrimStart('\uFEFF').Split("\r\n");

        Assert.Equal($"disclosure-home-office-year-ending-march-{year}.csv", response.Content.Headers.ContentDisposition!.FileName?.Trim('"'));
        Assert.Equal("Measure,Number", lines[0]);
        Assert.Contains("DVDS Right to Know: applications,1", lines);
        Assert.Contains("DVDS Right to Know: disclosures,1", lines);
        Assert.Contains("CSODS: applications,0", lines);

        var before = await (await client.GetAsync($"/disclosures/dashboard/csv?table=homeoffice&year={year - 1}")).Content.ReadAsStringAsync();
        Assert.Contains("DVDS Right to Know: applications,0", before, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unknown_tables_and_bad_dates_are_refused()
    {
        var client = await App.SignInAsync(await App.CreateUserAsync([Roles.Auditor]));

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/disclosures/dashboard/csv?table=people")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await client.GetAsync("/disclosures/dashboard/csv?table=volumes&from=2026-02-31")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/disclosures/dashboard/other")).StatusCode);

        var page = await client.GetPageAsync("/disclosures/dashboard?From=2026-05-01&To=2026-04-01");
        Assert.Contains("The end date must be the same as or after the start date", page.ErrorSummary(), StringComparison.Ordinal);
        Assert.Empty(page.QuerySelectorAll("table"));
    }
}

public sealed class DashboardCsvTests
{
    [Theory]
    [InlineData("plain", "plain")]
    [InlineData("=1+2", "'=1+2")]
    [InlineData("+44", "'+44")]
    [InlineData("-3", "'-3")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    [InlineData("a,b", "\"a,b\"")]
    [InlineData("say \"hi\"", "\"say \"\"hi\"\"\"")]
    [InlineData("=a,b", "\"'=a,b\"")]
    [InlineData("two\nlines", "\"two\nlines\"")]
    [InlineData("", "")]
    public void Cells_are_quoted_and_guarded(string value, string expected) => Assert.Equal(expected, FigureTables.Cell(value));
}
