using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;
using static Safeguard.EndToEndTests.Browse;

namespace Safeguard.EndToEndTests;

/// <summary>Finding and adding a person in a real browser: search first, then add, then the profile.</summary>
[Collection(AppCollection.Name)]
public sealed class PeopleJourneyTests(AppFixture app)
{
    [Fact]
    public async Task An_idva_searches_adds_a_person_after_searching_and_finds_them_again()
    {
        await using var context = await app.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync("/account/sign-in");
        await SignInAsDemoUserAsync(page, "idva@demo.example.org", "p");

        await Link(page.Locator("#work-areas"), "People").ClickAsync();
        await ExpectPathAsync(page, "/people");
        await CheckAsync(page, "p-people");
        await Button(page, "Search").ClickAsync();
        await Expect(page.Locator(".govuk-error-summary")).ToContainTextAsync("Enter the person's first name");
        await CheckAsync(page, "p-people-error");

        await Link(page.Locator("main"), "Add a person").ClickAsync();
        await ExpectPathAsync(page, "/people/add");
        await page.FillAsync("#GivenName", "Robin");
        await page.FillAsync("#FamilyName", "Journeytest");
        await page.FillAsync("#DateOfBirth", "1");
        await page.FillAsync("#BirthMonth", "2");
        await page.FillAsync("#BirthYear", "1990");
        await Button(page, "Search").ClickAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync("Is this one of these people?");
        await CheckAsync(page, "p-add-candidates");

        await page.Locator("#add-new button").ClickAsync();
        await ExpectPathAsync(page, "/people/add/details");
        await Expect(page.Locator("#searched")).ToContainTextAsync("Robin Journeytest");
        await CheckAsync(page, "p-add-details");
        await page.Locator("#AreaId").CheckAsync();
        await page.Locator("label[for='Form.UnsafeChannels-TextMessage']").ClickAsync();
        await page.FillAsync("[id='Form.SafePhone']", "07700 900 982");
        await Button(page, "Add this person").ClickAsync();
        await Expect(page.Locator("#notice")).ToContainTextAsync("added");
        await Expect(page.Locator("#unsafe-channels")).ToContainTextAsync("text message");
        Assert.DoesNotContain("Journeytest", await page.TitleAsync());
        await CheckAsync(page, "p-profile");

        await page.GotoAsync("/people");
        await page.FillAsync("#GivenName", "Robyn");
        await page.FillAsync("#FamilyName", "Journeytest");
        await Button(page, "Search").ClickAsync();
        await Expect(page.Locator("#name-only")).ToBeVisibleAsync();
        await page.FillAsync("#DateOfBirth", "1");
        await page.FillAsync("#BirthMonth", "2");
        await page.FillAsync("#BirthYear", "1990");
        await Button(page, "Search").ClickAsync();
        await Expect(page.Locator("#candidates")).ToContainTextAsync("Robin Journeytest");
        await CheckAsync(page, "p-people-results");
    }
}
