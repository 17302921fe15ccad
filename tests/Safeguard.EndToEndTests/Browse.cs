using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Safeguard.EndToEndTests;

/// <summary>Steps every journey shares: waiting for a page, checking it, and signing in as a demo user.</summary>
public static class Browse
{
    public const string DemoAdmin = "admin@demo.example.org";

    private static readonly string ScreenshotDir = FindScreenshotDir();

    /// <summary>Waits until the browser has loaded a page at this path (after any redirects).</summary>
    public static async Task ExpectPathAsync(IPage page, string path)
    {
        try
        {
            // Wait for the navigation to commit and the document to be parsed, not for the "load" event: on a busy
            // machine that event was seen to arrive too late (or be missed) for a page already at the right address.
            await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == path, new PageWaitForURLOptions { WaitUntil = WaitUntilState.Commit });
            await page.WaitForLoadStateAsync(LoadState.DOMContentLoaded);
        }
        catch (TimeoutException)
        {
            // Say where the browser is instead, and what that page says, e.g. a validation error.
            var errors = await page.Locator(".govuk-error-summary").AllInnerTextsAsync();
            Assert.Fail($"Expected {path} but the browser is on {page.Url}: \"{await page.TitleAsync()}\" {string.Join(" ", errors)}");
        }
    }

    /// <summary>Runs the accessibility check on the page now shown and saves a screenshot for people to look at.</summary>
    public static async Task CheckAsync(IPage page, string name)
    {
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ScreenshotDir, name + ".png"), FullPage = true });
        await Accessibility.AssertNoViolationsAsync(page);
    }

    public static ILocator Button(IPage page, string name) =>
        page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = name, Exact = true });

    public static ILocator Link(ILocator scope, string name) =>
        scope.GetByRole(AriaRole.Link, new LocatorGetByRoleOptions { Name = name, Exact = true });

    /// <summary>
    /// Enters a demo user's email and the shared demo password and continues, ending on the two-factor page.
    /// Returns that user's code as the demo panel showed it, and the 30-second step it belongs to.
    /// </summary>
    public static async Task<(string Code, long Step)> SubmitDemoPasswordAsync(IPage page, string email, string shots)
    {
        var (code, step) = await LoadDemoCodeAsync(page, email);
        await CheckAsync(page, shots + "-sign-in");
        await page.FillAsync("#Email", email);
        await page.FillAsync("#Password", await page.InnerTextAsync("#demo-password"));
        await Button(page, "Continue").ClickAsync();
        await ExpectPathAsync(page, "/account/two-factor");
        await CheckAsync(page, shots + "-two-factor");
        return (code, step);
    }

    /// <summary>Signs a demo user in with password and authenticator code, ending on the home page.</summary>
    public static async Task SignInAsDemoUserAsync(IPage page, string email, string shots)
    {
        var (code, step) = await SubmitDemoPasswordAsync(page, email, shots);

        // The code changes every 30 seconds: if it has since the panel was read, read the panel again.
        if (CurrentStep() != step)
        {
            var other = await page.Context.NewPageAsync();
            (code, _) = await LoadDemoCodeAsync(other, email);
            await other.CloseAsync();
        }

        await page.FillAsync("#Code", code);
        await Button(page, "Sign in").ClickAsync();
        await ExpectPathAsync(page, "/");
        await CheckAsync(page, shots + "-home");
    }

    /// <summary>Opens the sign-in page and reads a demo user's current code from its demo panel.</summary>
    private static async Task<(string Code, long Step)> LoadDemoCodeAsync(IPage page, string email)
    {
        var cell = page.Locator("tr")
            .Filter(new LocatorFilterOptions { Has = page.Locator("td[data-demo-email]", new PageLocatorOptions { HasTextRegex = new Regex($"^\\s*{Regex.Escape(email)}\\s*$") }) })
            .Locator("td[data-demo-code]");

        // The page was made at some moment between request and reading; if a step boundary passed in
        // between, we cannot tell which step the code is for, so load it again.
        while (true)
        {
            var before = CurrentStep();
            await page.GotoAsync("/account/sign-in");
            var code = (await cell.InnerTextAsync()).Trim();
            if (CurrentStep() == before)
            {
                return (code, before);
            }
        }
    }

    private static long CurrentStep() => DateTimeOffset.UtcNow.ToUnixTimeSeconds() / 30;

    private static string FindScreenshotDir()
    {
        // bin/screenshots in the project folder: git-ignored with the rest of bin/, and easy to find.
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Safeguard.EndToEndTests.csproj")))
        {
            dir = dir.Parent;
        }

        var path = Path.Combine(dir?.FullName ?? AppContext.BaseDirectory, "bin", "screenshots");
        Directory.CreateDirectory(path);
        return path;
    }
}
