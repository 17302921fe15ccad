using System.Text.Json;
using Microsoft.Playwright;

namespace Safeguard.EndToEndTests;

/// <summary>axe-core checks against WCAG 2.2 AA, run in the page under test.</summary>
public static class Accessibility
{
    private static readonly Lazy<string> AxeSource = new(() => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "axe.min.js")));

    public static async Task AssertNoViolationsAsync(IPage page)
    {
        // The app's CSP forbids inline scripts without its nonce, so AddScriptTagAsync(Content) would be blocked.
        // EvaluateAsync runs through the DevTools protocol, which the page's CSP does not govern: the CSP stays
        // in force for the app's own scripts during the test.
        if (!await page.EvaluateAsync<bool>("() => typeof window.axe === 'object'"))
        {
            await page.EvaluateAsync(AxeSource.Value);
        }

        var violations = await page.EvaluateAsync<JsonElement>(
            """
            async () => {
              const result = await axe.run(document, {
                runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] },
              });
              return result.violations.map(v => ({
                id: v.id, impact: v.impact, help: v.help, targets: v.nodes.map(n => n.target.join(' ')),
              }));
            }
            """);

        var lines = violations.EnumerateArray().Select(v =>
            $"{v.GetProperty("id").GetString()} ({v.GetProperty("impact").GetString()}): {v.GetProperty("help").GetString()}" +
            $" at {string.Join(", ", v.GetProperty("targets").EnumerateArray().Select(t => t.GetString()))}").ToList();
        Assert.True(lines.Count == 0, $"Accessibility violations on {page.Url}:\n" + string.Join("\n", lines));
    }
}
