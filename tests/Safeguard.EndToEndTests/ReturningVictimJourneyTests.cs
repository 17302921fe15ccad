using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;
using static Safeguard.EndToEndTests.Browse;

namespace Safeguard.EndToEndTests;

/// <summary>
/// The journey: a MARAC co-ordinator adding a referral's victim types the name wrongly and the day and
/// month of birth the wrong way round, still finds the demo victim already known to DRAMM and MARAC, and opens
/// her profile to read how often and when she was heard before.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class ReturningVictimJourneyTests(AppFixture app)
{
    [Fact]
    public async Task Adding_a_referrals_victim_finds_the_misspelt_returning_victim_and_opens_her_profile()
    {
        await using var context = await app.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync("/account/sign-in");
        await SignInAsDemoUserAsync(page, "marac.coordinator@demo.example.org", "r");

        // Demo victim: Catherine Example, born 12 April 1988 (see Demo/DemoPeople.cs).
        await page.GotoAsync("/people/add");
        await page.FillAsync("#GivenName", "Kathryn");
        await page.FillAsync("#FamilyName", "Exampel");
        await page.FillAsync("#DateOfBirth", "4");
        await page.FillAsync("#BirthMonth", "12");
        await page.FillAsync("#BirthYear", "1988");
        await Button(page, "Search").ClickAsync();

        var row = page.Locator("#candidates tbody tr").Filter(new() { HasText = "Catherine Example" });
        await Expect(row).ToHaveCountAsync(1);
        await Expect(row).ToContainTextAsync("Date of birth with day and month swapped");
        await Expect(row).ToContainTextAsync("First name sounds the same");
        await CheckAsync(page, "r-returning-victim-candidates");

        await row.GetByRole(AriaRole.Link, new() { NameRegex = new System.Text.RegularExpressions.Regex("^This is the person") }).ClickAsync();
        await Expect(page.Locator("#person-name")).ToHaveTextAsync("Catherine Example");
        Assert.DoesNotContain("Example", await page.TitleAsync());
        await Expect(page.Locator("#dramm-hearings")).ToContainTextAsync("2 times");
        await Expect(page.Locator("#marac-hearings")).ToContainTextAsync("1 time");
        await Expect(page.Locator("#last-risk")).ToContainTextAsync("High");
        await Expect(page.Locator("#repeat")).ToContainTextAsync("would be a repeat");
        await Expect(page.Locator("#escalation")).ToContainTextAsync("3 police-reported incidents");
        await Expect(page.Locator("#unsafe-channels")).ToContainTextAsync("letter");
        await CheckAsync(page, "r-returning-victim-profile");
    }
}
