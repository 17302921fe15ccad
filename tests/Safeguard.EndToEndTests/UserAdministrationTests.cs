using Microsoft.Playwright;
using Safeguard.Core.Accounts;
using static Microsoft.Playwright.Assertions;
using static Safeguard.EndToEndTests.Browse;

namespace Safeguard.EndToEndTests;

[Collection(AppCollection.Name)]
public sealed class UserAdministrationTests(AppFixture app)
{
    [Fact]
    public async Task Administrator_creates_a_user_in_another_agency_who_enrols_2FA_and_sees_only_their_roles_pages()
    {
        await using var context = await app.NewContextAsync();
        var page = await context.NewPageAsync();
        await SignInAsDemoUserAsync(page, DemoAdmin, "c-01");

        // The administrator adds a housing representative.
        await page.GotoAsync("/admin/users");
        await CheckAsync(page, "c-02-users");
        await Link(page.Locator("main"), "Add a user").ClickAsync();
        await ExpectPathAsync(page, "/admin/users/new");
        await CheckAsync(page, "c-03-new-user");

        var email = $"e2e.{Guid.NewGuid().ToString("N")[..8]}@example.org";
        await page.FillAsync("#DisplayName", "Elliot Endtoend");
        await page.FillAsync("#Email", email);
        await page.SelectOptionAsync("#AgencyId", new SelectOptionValue { Label = "Northshire Housing (demo)" });
        await Checkbox(page, "AreaIds", "Northtown (demo)").CheckAsync();
        await Checkbox(page, "Roles", "Agency representative").CheckAsync();
        await Button(page, "Create user").ClickAsync();

        var temporaryPassword = (await page.Locator("#temporary-password").InnerTextAsync()).Trim();
        await CheckAsync(page, "c-04-user-created");

        await Button(page, "Sign out").ClickAsync();
        await ExpectPathAsync(page, "/account/signed-out");
        await CheckAsync(page, "c-05-signed-out");

        // The new user signs in with the temporary password and must choose their own.
        await page.GotoAsync("/account/sign-in");
        await page.FillAsync("#Email", email);
        await page.FillAsync("#Password", temporaryPassword);
        await Button(page, "Continue").ClickAsync();
        await ExpectPathAsync(page, "/account/setup/password");
        await CheckAsync(page, "c-06-choose-password");

        const string newPassword = "correct horse battery staple 42";
        await page.FillAsync("#NewPassword", newPassword);
        await page.FillAsync("#ConfirmPassword", newPassword);
        await Button(page, "Continue").ClickAsync();
        await ExpectPathAsync(page, "/account/setup/authenticator");
        await CheckAsync(page, "c-07-set-up-authenticator");

        // Until a second factor is enrolled, every other page sends them back to set-up.
        foreach (var path in new[] { "/", "/admin/users" })
        {
            await page.GotoAsync(path);
            await ExpectPathAsync(page, "/account/setup/authenticator");
        }

        // Enrol the key as an authenticator app would.
        var key = await page.InnerTextAsync("#shared-key");
        await page.FillAsync("#Code", Totp.Code(key, DateTimeOffset.UtcNow));
        await Button(page, "Continue").ClickAsync();
        await Expect(page.Locator("#recovery-codes li")).ToHaveCountAsync(10);
        await CheckAsync(page, "c-08-recovery-codes");

        await Link(page.Locator("main"), "I have saved my codes: continue").ClickAsync();
        await ExpectPathAsync(page, "/");
        await CheckAsync(page, "c-09-home");

        // An agency representative has their account, and none of the administration pages.
        var workAreas = page.Locator("#work-areas");
        await Expect(Link(workAreas, "Your account")).ToBeVisibleAsync();
        foreach (var hidden in new[] { "Users", "Agencies and areas", "Audit trail" })
        {
            await Expect(Link(workAreas, hidden)).ToHaveCountAsync(0);
        }

        var refused = await page.GotoAsync("/admin/users");
        Assert.Equal(403, refused?.Status);
        await Expect(page.GetByRole(AriaRole.Heading, new PageGetByRoleOptions { Name = "You do not have access to this page" })).ToBeVisibleAsync();
        await CheckAsync(page, "c-10-no-access");

        await Button(page, "Sign out").ClickAsync();
        await ExpectPathAsync(page, "/account/signed-out");
        await page.GotoAsync("/");
        await ExpectPathAsync(page, "/account/sign-in");
    }

    /// <summary>The checkbox in the named group whose label is this text.</summary>
    private static ILocator Checkbox(IPage page, string name, string label) =>
        page.Locator($"input[type=checkbox][name='{name}']").And(page.GetByLabel(label, new PageGetByLabelOptions { Exact = true }));
}
