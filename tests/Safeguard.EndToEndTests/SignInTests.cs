using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;
using static Safeguard.EndToEndTests.Browse;

namespace Safeguard.EndToEndTests;

[Collection(AppCollection.Name)]
public sealed class SignInTests(AppFixture app)
{
    [Fact]
    public async Task Demo_administrator_signs_in_with_password_and_authenticator_code()
    {
        await using var context = await app.NewContextAsync();
        var page = await context.NewPageAsync();

        await page.GotoAsync("/");
        await ExpectPathAsync(page, "/account/sign-in");

        await SignInAsDemoUserAsync(page, DemoAdmin, "a");
        var workAreas = page.Locator("#work-areas");
        await Expect(Link(workAreas, "Users")).ToBeVisibleAsync();
        await Expect(Link(workAreas, "Agencies and areas")).ToBeVisibleAsync();
        await Expect(Link(workAreas, "Your account")).ToBeVisibleAsync();
        await Expect(Link(workAreas, "Audit trail")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task Wrong_code_is_refused_with_an_error_summary()
    {
        await using var context = await app.NewContextAsync();
        var page = await context.NewPageAsync();
        var (code, _) = await SubmitDemoPasswordAsync(page, DemoAdmin, "b");

        await page.FillAsync("#Code", code == "000000" ? "111111" : "000000");
        await Button(page, "Sign in").ClickAsync();

        await Expect(page.Locator(".govuk-error-summary")).ToContainTextAsync("The code is not right");
        await ExpectPathAsync(page, "/account/two-factor");
        await CheckAsync(page, "b-wrong-code");
    }
}
