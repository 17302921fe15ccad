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
}
