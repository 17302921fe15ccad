using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Safeguard.Core.Accounts;
using Safeguard.Core.Disclosures;
using Safeguard.Core.Disclosures.Clocks;
using Safeguard.Core.Disclosures.Documents;

namespace Safeguard.Web.Tests.Disclosures;

/// <summary>The disclosure settings pages: only administrators reach them, and each change is checked and audited.</summary>
[Collection(AppCollection.Name)]
public sealed class AdminSettingsTests(SafeguardApp app)
{
    private Task<HttpClient> AdminAsync() => app.FilesSignInAsync(Roles.Administrator);

    private Task<int> EndToEndClockAsync(Scheme scheme, Route route) => app.WithDbAsync(async db =>
    {
        var schemeId = await db.DisclosureSchemes.Where(s => s.Scheme == scheme && s.Route == route).Select(s => s.Id).SingleAsync();
        return await db.DisclosureClocks.Where(c => c.SchemeId == schemeId && c.Kind == ClockKind.EndToEnd).Select(c => c.Id).SingleAsync();
    });

    [Fact]
    public async Task The_settings_pages_are_for_administrators_only()
    {
        var clock = await EndToEndClockAsync(Scheme.Dvds, Route.RightToAsk);
        var source = await app.WithDbAsync(db => db.ResearchSources.Select(s => s.Id).FirstAsync());
        string[] paths = ["/admin/disclosures", $"/admin/disclosures/clocks/{clock}", "/admin/disclosures/bank-holidays", "/admin/disclosures/sources",
            $"/admin/disclosures/sources/{source}", "/admin/disclosures/templates"];

        var admin = await AdminAsync();
        foreach (var path in paths)
        {
            await admin.GetPageAsync(path);
        }

        var index = await admin.GetPageAsync("/admin/disclosures");
        Assert.Contains("28 calendar days", index.Body!.TextContent);
        Assert.Contains("Sarah's Law (CSODS) Right to Ask", index.Body.TextContent);
        Assert.NotNull(index.QuerySelector($"a[href='/admin/disclosures/clocks/{clock}']"));
        Assert.NotNull(index.QuerySelector("#navigation a[href='/admin/disclosures']"));

        foreach (var role in new[] { Roles.CruSupervisor, Roles.Auditor, Roles.AgencyRepresentative })
        {
            var client = await app.FilesSignInAsync(role);
            foreach (var path in paths)
            {
                var response = await client.GetAsync(path);
                Assert.True(response.RedirectPath() == "/error/403", $"{role} GET {path}: {(int)response.StatusCode} {response.Location()}");
            }
        }
    }

    [Fact]
    public async Task A_template_with_unknown_placeholders_is_refused_listing_the_valid_ones()
    {
        var admin = await AdminAsync();
        var page = await admin.GetPageAsync("/admin/disclosures/templates");
        Assert.Contains("{{RecipientName}}", page.QuerySelector("#placeholders ~ dl")!.TextContent);
        Assert.Contains("The person the disclosure is made to", page.QuerySelector("#placeholders ~ dl")!.TextContent);
        Assert.Equal(4, page.QuerySelectorAll("#templates tbody tr").Length);
        var before = await app.WithDbAsync(db => db.DocumentTemplates.CountAsync());

        var bad = SimpleDocx.Build("Letter", ["Dear {{Foo}}", "{{Reference}}"]);
        var refused = await admin.PostFileAsync("/admin/disclosures/templates", "letter.docx", bad, ("Scheme", "Csods"), ("Kind", "NonDisclosureLetter"));
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var summary = (await refused.ReadDocumentAsync()).ErrorSummary()!;
        Assert.Contains("Unknown placeholders: {{Foo}}", summary);
        Assert.Contains("Valid placeholders are: {{Reference}}, {{Scheme}}", summary);
        Assert.Contains("{{ChildrenNames}}", summary);

        var missing = await admin.PostFileAsync("/admin/disclosures/templates", "letter.docx", bad);
        var missingSummary = (await missing.ReadDocumentAsync()).ErrorSummary()!;
        Assert.Contains("Select the scheme", missingSummary);
        Assert.Contains("Select the kind of document", missingSummary);
        Assert.Equal(before, await app.WithDbAsync(db => db.DocumentTemplates.CountAsync()));

        // The default letter, uploaded again under a new name, replaces the one in use.
        var good = DefaultDisclosureTemplates.For(DefaultDisclosureTemplates.Csods, DefaultDisclosureTemplates.NonDisclosure);
        var uploaded = await admin.PostFileAsync("/admin/disclosures/templates", "Testshire CSODS letter.docx", good, ("Scheme", "Csods"), ("Kind", "NonDisclosureLetter"));
        await uploaded.AssertRedirectsToAsync("/admin/disclosures/templates");
        var listed = await admin.GetPageAsync("/admin/disclosures/templates");
        var link = listed.QuerySelectorAll("#templates a").Single(a => a.TextContent == "Testshire CSODS letter.docx");
        Assert.Equal(1, await app.WithDbAsync(db => db.DocumentTemplates.CountAsync(t => t.Scheme == Scheme.Csods && t.Kind == FileOrigin.NonDisclosureLetter && t.IsActive)));

        var download = await admin.GetAsync(link.GetAttribute("href")!);
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal(good, await download.Content.ReadAsByteArrayAsync());
        Assert.Equal("attachment", download.Content.Headers.ContentDisposition!.DispositionType);
    }

    [Fact]
    public async Task A_clock_is_changed_within_its_limits_and_the_whole_process_clock_stays_on()
    {
        var clock = await EndToEndClockAsync(Scheme.Csods, Route.RightToKnow);
        var path = $"/admin/disclosures/clocks/{clock}";
        var admin = await AdminAsync();

        var tooLong = await admin.PostFormAsync(path, ("Amount", "400"), ("Unit", "CalendarDays"), ("IsActive", "true"));
        var page = await tooLong.ReadDocumentAsync();
        Assert.Contains("between 1 and 365 days", page.ErrorSummary());
        Assert.NotNull(page.QuerySelector(".govuk-error-summary a[href='#Amount']"));

        var notANumber = await admin.PostFormAsync(path, ("Amount", "ten"), ("Unit", "CalendarDays"), ("IsActive", "true"));
        Assert.Contains("whole number", (await notANumber.ReadDocumentAsync()).ErrorSummary());

        var off = await admin.PostFormAsync(path, ("Amount", "45"), ("Unit", "CalendarDays"), ("IsActive", "false"));
        Assert.Contains("cannot be turned off", (await off.ReadDocumentAsync()).ErrorSummary());
        var unchanged = await app.WithDbAsync(db => db.DisclosureClocks.AsNoTracking().SingleAsync(c => c.Id == clock));
        Assert.Equal((45, ClockUnit.CalendarDays, true), (unchanged.Amount, unchanged.Unit, unchanged.IsActive));

        await (await admin.PostFormAsync(path, ("Amount", "40"), ("Unit", "WorkingDays"), ("IsActive", "true"))).AssertRedirectsToAsync("/admin/disclosures");
        var changed = await app.WithDbAsync(db => db.DisclosureClocks.AsNoTracking().SingleAsync(c => c.Id == clock));
        Assert.Equal((40, ClockUnit.WorkingDays), (changed.Amount, changed.Unit));
        Assert.Contains("40 working days", (await admin.GetPageAsync("/admin/disclosures")).Body!.TextContent);
        Assert.True(await app.WithDbAsync(db => db.AuditEvents.AnyAsync(e => e.Action == "disclosure.settings-changed" && e.RecordType == "DisclosureClock"
            && e.RecordId == clock.ToString(CultureInfo.InvariantCulture))));

        // Put it back: the app and its clocks are shared by the other test classes.
        await (await admin.PostFormAsync(path, ("Amount", "45"), ("Unit", "CalendarDays"), ("IsActive", "true"))).AssertRedirectsToAsync("/admin/disclosures");
    }

    [Fact]
    public async Task Bank_holidays_are_added_once_and_removed()
    {
        var admin = await AdminAsync();
        const string path = "/admin/disclosures/bank-holidays";
        var date = new DateOnly(2031, 6, 11);
        Assert.Equal(DayOfWeek.Wednesday, date.DayOfWeek);
        var fields = new Dictionary<string, string> { ["DateDay"] = "11", ["DateMonth"] = "6", ["DateYear"] = "2031", ["Name"] = "Testshire jubilee" };

        await (await admin.PostFormAsync(path, fields, path + "?handler=Add")).AssertRedirectsToAsync(path);
        var listed = await admin.GetPageAsync(path);
        Assert.Contains("Testshire jubilee", listed.QuerySelector("#year-2031")!.TextContent);

        var again = await (await admin.PostFormAsync(path, fields, path + "?handler=Add")).ReadDocumentAsync();
        Assert.Contains("11 June 2031 is already a bank holiday", again.ErrorSummary());
        var invalid = await (await admin.PostFormAsync(path, new Dictionary<string, string> { ["DateDay"] = "31", ["DateMonth"] = "2", ["DateYear"] = "2031", ["Name"] = "" },
            path + "?handler=Add")).ReadDocumentAsync();
        Assert.Contains("real date", invalid.ErrorSummary());
        Assert.Contains("Enter the name of the bank holiday", invalid.ErrorSummary());

        await (await admin.PostFormAsync(path, new Dictionary<string, string> { ["remove"] = "2031-06-11" }, path + "?handler=Remove")).AssertRedirectsToAsync(path);
        Assert.False(await app.WithDbAsync(db => db.BankHolidays.AnyAsync(h => h.Date == date)));
        Assert.Equal(2, await app.WithDbAsync(db => db.AuditEvents.CountAsync(e => e.Action == "disclosure.settings-changed" && e.RecordId == "2031-06-11")));
    }

    [Fact]
    public async Task Research_sources_are_added_and_renamed_or_turned_off()
    {
        var admin = await AdminAsync();
        var name = "Youth team " + Guid.NewGuid().ToString("N")[..6];
        var blank = await (await admin.PostFormAsync("/admin/disclosures/sources", ("Name", " "))).ReadDocumentAsync();
        Assert.Contains("Enter the name of the source", blank.ErrorSummary());

        await (await admin.PostFormAsync("/admin/disclosures/sources", ("Name", name))).AssertRedirectsToAsync("/admin/disclosures/sources");
        var id = await app.WithDbAsync(db => db.ResearchSources.Where(s => s.Name == name).Select(s => s.Id).SingleAsync());
        var duplicate = await (await admin.PostFormAsync("/admin/disclosures/sources", ("Name", name.ToUpperInvariant()))).ReadDocumentAsync();
        Assert.Contains("already a source with this name", duplicate.ErrorSummary());

        await (await admin.PostFormAsync($"/admin/disclosures/sources/{id}", ("Name", name + " (old)"), ("IsActive", "false")))
            .AssertRedirectsToAsync("/admin/disclosures/sources");
        var source = await app.WithDbAsync(db => db.ResearchSources.AsNoTracking().SingleAsync(s => s.Id == id));
        Assert.Equal((name + " (old)", false), (source.Name, source.IsActive));
        Assert.Contains("Turned off", (await admin.GetPageAsync("/admin/disclosures/sources")).QuerySelector("#sources")!.TextContent);
    }
}
