using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;
using static Safeguard.EndToEndTests.Browse;

namespace Safeguard.EndToEndTests;

/// <summary>The pages the other journeys do not reach, walked by the demo users whose roles own them.</summary>
[Collection(AppCollection.Name)]
public sealed class AuditAndAdministrationPagesTests(AppFixture app)
{
    [Fact]
    public async Task Administrator_opens_a_user_and_the_agencies_and_areas_pages()
    {
        await using var context = await app.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync("/account/sign-in");
        await SignInAsDemoUserAsync(page, DemoAdmin, "d");

        await page.GotoAsync("/admin/users");
        await Link(page.Locator("#users"), "Ivy Advocate").ClickAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync("Ivy Advocate");
        await CheckAsync(page, "d-user-details");

        await Link(page.Locator("main"), "Change details").ClickAsync();
        await CheckAsync(page, "d-user-edit");

        await page.GotoAsync("/admin/organisation");
        await Expect(page.Locator("#agencies")).ToContainTextAsync("Northshire Housing (demo)");
        await CheckAsync(page, "d-organisation");

        await Link(page.Locator("main"), "Add an area").ClickAsync();
        await Button(page, "Save").ClickAsync();
        await Expect(page.Locator(".govuk-error-summary")).ToContainTextAsync("Enter the area's name");
        await CheckAsync(page, "d-area-error");

        await page.GotoAsync("/account");
        await CheckAsync(page, "d-your-account");

        await page.GotoAsync("/admin/email");
        await Expect(page.Locator("h1")).ToHaveTextAsync("Email");
        await CheckAsync(page, "d-email");

        await Link(page.Locator("#navigation"), "Notifications").ClickAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync("Notifications");
        await CheckAsync(page, "d-notifications");
    }

    [Fact]
    public async Task Auditor_reads_and_filters_the_trail_and_checks_the_chain()
    {
        await using var context = await app.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync("/account/sign-in");
        await SignInAsDemoUserAsync(page, "auditor@demo.example.org", "e");

        await Link(page.Locator("#work-areas"), "Audit trail").ClickAsync();
        await Expect(page.Locator("#audit-events")).ToContainTextAsync("signin.succeeded");
        await CheckAsync(page, "e-audit");

        await page.FillAsync("#From", "not a date");
        await Button(page, "Filter").ClickAsync();
        await Expect(page.Locator(".govuk-error-summary")).ToContainTextAsync("Start date must be a real date");
        await CheckAsync(page, "e-audit-error");

        await page.GotoAsync("/audit/verify");
        await Button(page, "Check now").ClickAsync();
        await Expect(page.Locator("#verify-result")).ToContainTextAsync("The audit trail is intact");
        await CheckAsync(page, "e-audit-verified");
    }

    [Fact]
    public async Task Marac_coordinator_sets_the_dramm_week_and_agencies_and_prepares_a_list()
    {
        await using var context = await app.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync("/account/sign-in");
        await SignInAsDemoUserAsync(page, "marac.coordinator@demo.example.org", "g");

        await Link(page.Locator("#navigation"), "DRAMM settings").ClickAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync("DRAMM days and times");
        await page.FillAsync("#MondayReleaseBy", "14:00");
        await Button(page, "Save the days and times").ClickAsync();
        await Expect(page.Locator(".govuk-error-summary")).ToContainTextAsync("Monday's cases must be released before the meeting starts");
        await CheckAsync(page, "g-dramm-settings-error");
        await page.FillAsync("#MondayReleaseBy", "11:00");
        await Button(page, "Save the days and times").ClickAsync();
        await Expect(page.Locator(".govuk-notification-banner")).ToContainTextAsync("were saved");
        await page.GetByLabel("Northshire Housing (demo)").CheckAsync();
        await Button(page, "Save the agencies").ClickAsync();
        await Expect(page.Locator(".govuk-notification-banner")).ToContainTextAsync("agencies attending");
        await CheckAsync(page, "g-dramm-settings");

        await Link(page.Locator("#navigation"), "DRAMM").ClickAsync();
        await Expect(page.Locator("#sitting")).ToContainTextAsync("Northshire Housing (demo)");
        // Another journey may have prepared this sitting already; then the button looks for new cases instead.
        await page.Locator("form button.govuk-button:not(.govuk-button--secondary)", new PageLocatorOptions { HasTextRegex = new("Prepare the list|Look for new cases") }).ClickAsync();
        await Expect(page.Locator(".govuk-notification-banner")).ToContainTextAsync("The list was prepared");
        await CheckAsync(page, "g-dramm-list");

        await Link(page.Locator("#navigation"), "Actions").ClickAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync("Your agency's actions");
        await CheckAsync(page, "g-actions");
    }
}
