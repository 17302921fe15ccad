using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Safeguard.Web.Tests;

/// <summary>Behaviour that needs a host of its own: another environment or other settings.</summary>
public sealed class SeparateHostTests
{
    private static async Task WithAppAsync(SafeguardApp app, Func<SafeguardApp, Task> test)
    {
        try
        {
            await app.InitializeAsync();
            await test(app);
        }
        finally
        {
            await ((IAsyncLifetime)app).DisposeAsync();
        }
    }

    [Fact]
    public async Task Demo_mode_is_refused_at_start_outside_development()
    {
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            WithAppAsync(new SafeguardApp { Environment = "Production" }.WithSetting("Demo:Enabled", "true"), _ => Task.CompletedTask));
        Assert.Contains("Demo mode is only allowed in Development", error.Message);
    }

    [Fact]
    public Task Production_sends_hsts_to_real_host_names() => WithAppAsync(new SafeguardApp { Environment = "Production" }, async app =>
    {
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://safeguard.example.org"), AllowAutoRedirect = false });
        var response = await client.GetAsync("/account/sign-in");
        Assert.Contains("max-age=", response.Headers.GetValues("Strict-Transport-Security").Single());
    });

    [Fact]
    public Task Sign_in_pages_are_rate_limited_per_client_address() =>
        WithAppAsync(new SafeguardApp().WithSetting("Security:SignInAttemptsPerMinute", "3"), async app =>
        {
            var client = app.NewClient();
            var statuses = new List<HttpStatusCode>();
            for (var i = 0; i < 5; i++)
            {
                statuses.Add((await client.GetAsync("/account/sign-in")).StatusCode);
            }

            Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests], statuses);
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health")).StatusCode);
        });
}
