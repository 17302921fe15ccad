using Xunit.Sdk;

namespace Safeguard.EndToEndTests;

/// <summary>A checker that never fails proves nothing: show it catches a known violation.</summary>
[Collection(AppCollection.Name)]
public sealed class AccessibilityCheckerTests(AppFixture app)
{
    [Fact]
    public async Task Accessibility_checker_reports_an_image_without_alt_text()
    {
        await using var context = await app.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.SetContentAsync(
            "<!DOCTYPE html><html lang=\"en\"><head><title>Bad page</title></head>" +
            "<body><main><h1>Bad page</h1><img src=\"data:,\"></main></body></html>");

        var failure = await Assert.ThrowsAnyAsync<XunitException>(() => Accessibility.AssertNoViolationsAsync(page));

        Assert.Contains("image-alt (critical)", failure.Message, StringComparison.Ordinal);
        Assert.Contains(" at img", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Accessibility_checker_runs_on_an_app_page_under_its_content_security_policy()
    {
        await using var context = await app.NewContextAsync();
        var page = await context.NewPageAsync();
        var response = await page.GotoAsync("/account/sign-in");

        // The CSP that would block an injected inline script is in force on this page.
        Assert.Contains("script-src 'self' 'nonce-", await response!.HeaderValueAsync("content-security-policy"), StringComparison.Ordinal);
        await Accessibility.AssertNoViolationsAsync(page);

        await page.EvaluateAsync("() => document.querySelector('main').append(document.createElement('img'))");
        var failure = await Assert.ThrowsAnyAsync<XunitException>(() => Accessibility.AssertNoViolationsAsync(page));
        Assert.Contains("image-alt", failure.Message, StringComparison.Ordinal);
    }
}
