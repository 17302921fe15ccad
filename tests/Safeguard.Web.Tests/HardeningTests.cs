using System.Net;
using Safeguard.Core.Accounts;

namespace Safeguard.Web.Tests;

[Collection(AppCollection.Name)]
public sealed class HardeningTests(SafeguardApp app)
{
    [Fact]
    public async Task Every_page_carries_the_security_headers_and_no_server_name()
    {
        var response = await app.NewClient().GetAsync("/account/sign-in");
        var csp = response.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Contains("script-src 'self' 'nonce-", csp);
        Assert.DoesNotContain("unsafe-inline", csp);
        Assert.Contains("frame-ancestors 'none'", csp);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("no-referrer", response.Headers.GetValues("Referrer-Policy").Single());
        Assert.False(response.Headers.Contains("Server"));
        Assert.Contains("no-store", response.Headers.CacheControl!.ToString());

        // The one inline script carries this response's nonce, and the nonce changes every time.
        var page = await response.ReadDocumentAsync();
        var nonce = csp.Split("'nonce-")[1].Split('\'')[0];
        Assert.Equal(nonce, page.QuerySelector("script:not([src])")!.GetAttribute("nonce"));
        var again = (await app.NewClient().GetAsync("/account/sign-in")).Headers.GetValues("Content-Security-Policy").Single();
        Assert.NotEqual(csp, again);
    }

    [Fact]
    public async Task Session_and_antiforgery_cookies_are_secure_httponly_and_strict()
    {
        var user = await app.CreateUserAsync([Roles.Idva]);
        var client = app.NewClient();
        var signInPage = await client.GetAsync("/account/sign-in");
        var cookies = signInPage.Headers.GetValues("Set-Cookie").ToList();
        await client.SubmitPasswordAsync(user.Email, user.Password);
        var code = await client.PostFormAsync("/account/two-factor", ("Code", Totp.Code(user.AuthenticatorKey!, DateTimeOffset.UtcNow)));
        cookies.AddRange(code.Headers.GetValues("Set-Cookie"));
        Assert.Contains(cookies, c => c.StartsWith("safeguard.session=", StringComparison.Ordinal));
        Assert.Contains(cookies, c => c.StartsWith("safeguard.af=", StringComparison.Ordinal));
        Assert.All(cookies.Where(c => !c.Contains("expires=Thu, 01 Jan 1970", StringComparison.OrdinalIgnoreCase)), c =>
        {
            Assert.Contains("secure", c, StringComparison.OrdinalIgnoreCase);
            Assert.Contains("httponly", c, StringComparison.OrdinalIgnoreCase);
            Assert.Contains("samesite=strict", c, StringComparison.OrdinalIgnoreCase);
        });
    }

    [Fact]
    public async Task A_form_posted_without_its_antiforgery_token_is_refused_with_a_plain_page()
    {
        var user = await app.CreateUserAsync([Roles.Idva]);
        var client = app.NewClient();
        var response = await client.PostAsync("/account/sign-in", new FormUrlEncodedContent([new("Email", user.Email), new("Password", user.Password)]));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        Assert.Contains("Sorry, there is a problem with your request", body);
        Assert.DoesNotContain("Exception", body);
        Assert.DoesNotContain("   at ", body);
    }

    [Fact]
    public async Task An_unknown_page_answers_a_plain_404_page()
    {
        var user = await app.SignInAsync(await app.CreateUserAsync([Roles.Idva]));
        var response = await user.GetAsync("/no/such/page");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("Page not found", (await response.ReadDocumentAsync()).QuerySelector("h1")!.TextContent);
    }

    [Fact]
    public async Task The_error_page_shows_a_reference_and_no_details()
    {
        var response = await app.NewClient().GetAsync("/error/500");
        var page = await response.ReadDocumentAsync();
        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Contains("Sorry, there is a problem with the service", page.QuerySelector("h1")!.TextContent);
        Assert.Contains("Reference:", page.Body!.TextContent);
    }

    [Theory]
    [InlineData("/error/5")]
    [InlineData("/error/0")]
    [InlineData("/error/302")]
    public async Task The_error_page_refuses_codes_that_are_not_errors(string path) =>
        Assert.Equal(HttpStatusCode.NotFound, (await app.NewClient().GetAsync(path)).StatusCode);

    [Fact]
    public async Task Health_answers_json_with_the_database_state()
    {
        var response = await app.NewClient().GetAsync("/health");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var json = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("Healthy", json.GetProperty("status").GetString());
        Assert.Equal(Safeguard.Tests.TestDatabase.ProviderName, json.GetProperty("database").GetProperty("provider").GetString());
    }

    [Fact]
    public async Task Logs_never_hold_emails_names_or_passwords()
    {
        var user = await app.CreateUserAsync([Roles.Administrator]);
        var client = app.NewClient();
        await client.SubmitPasswordAsync(user.Email, "a wrong password for the log test");
        var admin = await app.SignInAsync(user);
        await admin.GetAsync("/admin/users");
        await admin.GetAsync($"/admin/users/{user.Id}");
        var logs = string.Join('\n', app.Logs);
        Assert.NotEmpty(app.Logs);
        Assert.DoesNotContain(user.Email, logs, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("a wrong password for the log test", logs);
        Assert.DoesNotContain(SafeguardApp.Password, logs);
        Assert.DoesNotContain("Test " + user.Email[..8], logs);
    }
}
