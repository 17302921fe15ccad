using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Safeguard.Core.Accounts;

namespace Safeguard.Web.Tests;

[Collection(AppCollection.Name)]
public sealed class ApiTests(SafeguardApp app)
{
    private async Task<(TestUser User, string Token)> IssueAsync(string[] scopes, int days = 30)
    {
        var user = await app.CreateUserAsync([Roles.AgencyRepresentative]);
        using var scope = app.Services.CreateScope();
        var owner = await scope.ServiceProvider.GetRequiredService<Safeguard.Core.Data.SafeguardDbContext>().Users.SingleAsync(u => u.Id == user.Id);
        var result = await scope.ServiceProvider.GetRequiredService<ApiTokenService>()
            .IssueAsync(owner, "Records system", scopes, DateOnly.FromDateTime(DateTime.UtcNow).AddDays(days), "test");
        return (user, result.Value!.Secret);
    }

    private HttpClient Client(string? token)
    {
        var client = app.NewClient();
        if (token is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return client;
    }

    [Fact]
    public async Task Me_answers_who_the_token_is_and_the_call_is_audited()
    {
        var (user, token) = await IssueAsync(["me:read"]);
        var response = await Client(token).GetAsync("/api/v1/me");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(user.Id, json.GetProperty("userId").GetString());
        Assert.Equal("Testshire Police", json.GetProperty("agency").GetString());
        Assert.Equal("me:read", json.GetProperty("scopes")[0].GetString());
        Assert.True(await app.WithDbAsync(db => db.AuditEvents.AnyAsync(e => e.Action == "api.called" && e.ActorUserId == user.Id && e.Summary == "GET /api/v1/me 200")));
    }

    [Fact]
    public async Task No_token_a_wrong_token_or_a_revoked_one_gets_401()
    {
        Assert.Equal(HttpStatusCode.Unauthorized, (await Client(null).GetAsync("/api/v1/me")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await Client("sgp_not-a-real-token").GetAsync("/api/v1/me")).StatusCode);
        var (user, token) = await IssueAsync(["me:read"]);
        using (var scope = app.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<Safeguard.Core.Data.SafeguardDbContext>();
            await scope.ServiceProvider.GetRequiredService<ApiTokenService>().RevokeAsync(await db.ApiTokens.SingleAsync(t => t.UserId == user.Id));
        }

        var response = await Client(token).GetAsync("/api/v1/me");
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.DoesNotContain("<html", await response.Content.ReadAsStringAsync());
        Assert.True(await app.WithDbAsync(db => db.AuditEvents.AnyAsync(e => e.Action == "api.token-refused")));
    }

    [Fact]
    public async Task An_expired_token_gets_401()
    {
        var (_, token) = await IssueAsync(["me:read"], days: 1);
        app.Clock.Advance(TimeSpan.FromDays(2));
        try
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await Client(token).GetAsync("/api/v1/me")).StatusCode);
        }
        finally
        {
            app.Clock.Set(DateTimeOffset.UtcNow);
        }
    }

    [Fact]
    public async Task A_signed_in_browser_session_is_not_an_api_credential()
    {
        var browser = await app.SignInAsync(await app.CreateUserAsync([Roles.Administrator]));
        Assert.Equal(HttpStatusCode.Unauthorized, (await browser.GetAsync("/api/v1/me")).StatusCode);
    }

    [Fact]
    public async Task The_openapi_document_describes_the_api_to_token_holders_only()
    {
        var anonymous = await Client(null).GetAsync("/openapi/v1.json");
        Assert.True(anonymous.StatusCode == HttpStatusCode.Unauthorized || anonymous.RedirectPath() == "/account/sign-in", anonymous.StatusCode.ToString());
        var (_, token) = await IssueAsync(["me:read"]);
        var response = await Client(token).GetAsync("/openapi/v1.json");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.True(json.GetProperty("paths").TryGetProperty("/api/v1/me", out _));
    }

    [Fact]
    public async Task An_administrator_issues_a_token_shown_once_and_revokes_it_in_the_browser()
    {
        var admin = await app.SignInAsync(await app.CreateUserAsync([Roles.Administrator]));
        var owner = await app.CreateUserAsync([Roles.AgencyRepresentative]);
        var form = $"/admin/users/{owner.Id}/tokens/new";
        var bad = await (await admin.PostPairsAsync(form, form, ("Name", ""), ("ExpiresDay", "31"), ("ExpiresMonth", "2"), ("ExpiresYear", "2030"))).ReadDocumentAsync();
        Assert.Contains("real date", bad.ErrorSummary());

        var expires = DateTime.UtcNow.AddDays(60);
        var issued = await (await admin.PostPairsAsync(form, form, ("Name", "Force records"), ("Scopes", "me:read"),
            ("ExpiresDay", expires.Day.ToString()), ("ExpiresMonth", expires.Month.ToString()), ("ExpiresYear", expires.Year.ToString()))).ReadDocumentAsync();
        var token = issued.QuerySelector("#api-token")!.TextContent.Trim();
        Assert.Equal(HttpStatusCode.OK, (await Client(token).GetAsync("/api/v1/me")).StatusCode);

        var details = await admin.GetPageAsync($"/admin/users/{owner.Id}");
        Assert.DoesNotContain(token, details.Body!.InnerHtml);
        var tokenId = await app.WithDbAsync(db => db.ApiTokens.Where(t => t.UserId == owner.Id).Select(t => t.Id).SingleAsync());
        await admin.PostPairsAsync($"/admin/users/{owner.Id}", $"/admin/users/{owner.Id}?handler=RevokeToken&tokenId={tokenId}");
        Assert.Equal(HttpStatusCode.Unauthorized, (await Client(token).GetAsync("/api/v1/me")).StatusCode);
    }

    [Fact]
    public async Task A_good_token_without_the_scope_gets_403_and_is_audited()
    {
        var (user, token) = await IssueAsync(["me:read"]);
        using (var scope = app.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<Safeguard.Core.Data.SafeguardDbContext>();
            var stored = await db.ApiTokens.SingleAsync(t => t.UserId == user.Id);
            stored.Scopes = "reports:read";
            await db.SaveChangesAsync();
        }

        Assert.Equal(HttpStatusCode.Forbidden, (await Client(token).GetAsync("/api/v1/me")).StatusCode);
        Assert.True(await app.WithDbAsync(db => db.AuditEvents.AnyAsync(e => e.Action == "api.refused" && e.ActorUserId == user.Id)));
    }
}
