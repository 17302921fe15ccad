using System.Net;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Safeguard.Core.Accounts;

namespace Safeguard.Web.Tests;

/// <summary>Deny by default: every page and endpoint the app maps, tried without the right credentials.</summary>
[Collection(AppCollection.Name)]
public sealed class AccessTests(SafeguardApp app)
{
    /// <summary>The only routes anyone may reach without signing in. Adding one here is a security decision.</summary>
    private static readonly HashSet<string> Public =
    [
        "account/sign-in", "account/two-factor", "account/recovery-code", "account/signed-out",
        "error/{code:int?}", "health",
    ];

    /// <summary>Reachable with a password but no second factor yet: only the steps that lead to one.</summary>
    private static readonly HashSet<string> PasswordOnly =
    [
        "account/setup", "account/setup/password", "account/setup/authenticator", "account/sign-out",
    ];

    private List<(string Pattern, string Url)> AppRoutes()
    {
        var sources = app.Services.GetRequiredService<IEnumerable<EndpointDataSource>>();
        return sources.SelectMany(s => s.Endpoints).OfType<RouteEndpoint>()
            .Select(e => e.RoutePattern.RawText?.TrimStart('/') ?? "")
            .Where(p => !IsStaticAsset(p))
            .Distinct()
            .Select(p => (p, "/" + Fill(p)))
            .ToList();
    }

    // A route only for POST (an API search with its body) has no GET to try; its POST is checked above.
    private bool AnswersGet(string pattern) =>
        app.Services.GetRequiredService<IEnumerable<EndpointDataSource>>().SelectMany(s => s.Endpoints).OfType<RouteEndpoint>()
            .Where(e => (e.RoutePattern.RawText?.TrimStart('/') ?? "") == pattern)
            .Any(e => e.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.HttpMethodMetadata>() is not { } methods || methods.HttpMethods.Contains("GET"));

    // Static files (CSS, JS) are public by design and carry no data.
    private static bool IsStaticAsset(string pattern) =>
        pattern.StartsWith("lib/", StringComparison.Ordinal) || pattern.StartsWith("js/", StringComparison.Ordinal)
        || pattern.StartsWith("css/", StringComparison.Ordinal);

    private static string Fill(string pattern) => System.Text.RegularExpressions.Regex.Replace(pattern, @"\{(\w+)[^}]*\}", m => m.Groups[1].Value switch
    {
        "documentName" => "v1",
        "code" => "404",
        _ when m.Value.Contains(":int", StringComparison.Ordinal) => "1",
        _ => Guid.NewGuid().ToString(),
    });

    [Fact]
    public void The_route_list_covers_the_pages_and_the_api()
    {
        var patterns = AppRoutes().Select(r => r.Pattern).ToList();
        Assert.Contains("admin/users", patterns);
        Assert.Contains("audit", patterns);
        Assert.Contains("api/v1/me", patterns);
        Assert.Contains("api/v1/people", patterns);
        Assert.Contains("people/{id:int}", patterns);
        Assert.True(patterns.Count > 20, string.Join(", ", patterns));
    }

    [Fact]
    public async Task Nothing_but_the_public_list_answers_an_anonymous_visitor()
    {
        var client = app.NewClient();
        var leaks = new List<string>();
        foreach (var (pattern, url) in AppRoutes().Where(r => !Public.Contains(r.Pattern)))
        {
            foreach (var method in new[] { HttpMethod.Get, HttpMethod.Post })
            {
                var response = await client.SendAsync(new HttpRequestMessage(method, url));
                var refused = response.StatusCode == HttpStatusCode.Unauthorized
                    || (response.StatusCode == HttpStatusCode.Redirect && response.RedirectPath() == "/account/sign-in")
                    || (method == HttpMethod.Post && response.StatusCode == HttpStatusCode.BadRequest) // antiforgery first
                    || response.StatusCode == HttpStatusCode.MethodNotAllowed;
                if (!refused)
                {
                    leaks.Add($"{method} {url} -> {(int)response.StatusCode} {response.Location()}");
                }
            }
        }

        Assert.Empty(leaks);
    }

    [Fact]
    public async Task A_password_without_a_second_factor_reaches_only_the_set_up_pages()
    {
        var user = await app.CreateUserAsync([Roles.Administrator, Roles.Auditor], enrolled: false);
        var client = app.NewClient();
        Assert.Equal("/account/setup", (await client.SubmitPasswordAsync(user.Email, user.Password)).Location());
        var leaks = new List<string>();
        foreach (var (pattern, url) in AppRoutes().Where(r => !Public.Contains(r.Pattern) && !PasswordOnly.Contains(r.Pattern) && AnswersGet(r.Pattern)))
        {
            var response = await client.GetAsync(url);
            var refused = response.StatusCode == HttpStatusCode.Unauthorized || response.RedirectPath() == "/account/setup";
            if (!refused)
            {
                leaks.Add($"GET {url} -> {(int)response.StatusCode} {response.Location()}");
            }
        }

        Assert.Empty(leaks);
        Assert.Equal("/account/setup/authenticator", (await client.GetAsync("/account/setup")).Location());
    }

    [Theory]
    [InlineData("/admin/users")]
    [InlineData("/admin/users/new")]
    [InlineData("/admin/organisation")]
    [InlineData("/audit")]
    [InlineData("/audit/verify")]
    [InlineData("/people")]
    [InlineData("/people/1")]
    [InlineData("/people/add")]
    [InlineData("/people/add/details")]
    public async Task A_role_without_the_capability_is_refused(string path)
    {
        var rep = await app.CreateUserAsync([Roles.AgencyRepresentative]);
        var client = await app.SignInAsync(rep);
        var response = await client.GetAsync(path);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/error/403", response.RedirectPath());
        var page = await client.GetPageAsync(response.Location()!, HttpStatusCode.Forbidden);
        Assert.Contains("You do not have access to this page", page.Body!.TextContent);
    }

    [Fact]
    public async Task Navigation_shows_only_the_roles_own_pages()
    {
        var auditor = await app.SignInAsync(await app.CreateUserAsync([Roles.Auditor]));
        var links = (await auditor.GetPageAsync("/")).QuerySelectorAll("#navigation a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Equal(["/", "/disclosures", "/people", "/referrals", "/marac/figures", "/incidents", "/audit", "/notifications", "/account"], links);
        var admin = await app.SignInAsync(await app.CreateUserAsync([Roles.Administrator]));
        links = (await admin.GetPageAsync("/")).QuerySelectorAll("#navigation a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Equal(["/", "/people", "/admin/users", "/admin/organisation", "/admin/merges", "/admin/disclosures", "/dramm/settings", "/admin/email",
            "/notifications", "/account"], links);
        var rep = await app.SignInAsync(await app.CreateUserAsync([Roles.AgencyRepresentative]));
        links = (await rep.GetPageAsync("/")).QuerySelectorAll("#navigation a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Equal(["/", "/dramm/shared", "/marac", "/actions", "/notifications", "/account"], links);
        var coordinator = await app.SignInAsync(await app.CreateUserAsync([Roles.MaracCoordinator]));
        links = (await coordinator.GetPageAsync("/")).QuerySelectorAll("#navigation a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Equal(["/", "/people", "/referrals", "/dramm", "/marac", "/actions", "/incidents", "/dramm/settings", "/notifications", "/account"], links);
    }

    [Fact]
    public async Task A_user_record_outside_the_administrators_areas_answers_404_as_if_it_did_not_exist()
    {
        var northAdmin = await app.SignInAsync(await app.CreateUserAsync([Roles.Administrator], [app.NorthAreaId]));
        var southUser = await app.CreateUserAsync([Roles.Idva], [app.SouthAreaId]);
        var northUser = await app.CreateUserAsync([Roles.Idva], [app.NorthAreaId]);

        await northAdmin.GetPageAsync($"/admin/users/{northUser.Id}");
        var outside = await northAdmin.GetAsync($"/admin/users/{southUser.Id}");
        var missing = await northAdmin.GetAsync($"/admin/users/{Guid.NewGuid()}");
        Assert.Equal(HttpStatusCode.NotFound, outside.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal(
            (await missing.ReadDocumentAsync()).QuerySelector("h1")!.TextContent,
            (await outside.ReadDocumentAsync()).QuerySelector("h1")!.TextContent);
        Assert.Equal(HttpStatusCode.NotFound, (await northAdmin.GetAsync($"/admin/users/{southUser.Id}/edit")).StatusCode);

        // A form posted at the out-of-scope user changes nothing.
        var disable = await northAdmin.PostPairsAsync($"/admin/users/{northUser.Id}", $"/admin/users/{southUser.Id}?handler=Disable");
        Assert.Equal(HttpStatusCode.NotFound, disable.StatusCode);
        Assert.False(await app.WithDbAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.AnyAsync(db.Users, u => u.Id == southUser.Id && u.IsDisabled)));
        Assert.True(await app.WithDbAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.AnyAsync(db.AuditEvents, e => e.Action == "access.denied" && e.RecordId == southUser.Id)));

        // Searched by email: the shared test database holds more users than one page of the list shows.
        var south = await (await northAdmin.PostFormAsync("/admin/users", ("Search", southUser.Email))).ReadDocumentAsync();
        Assert.DoesNotContain(southUser.Email, south.Body!.TextContent);
        var north = await (await northAdmin.PostFormAsync("/admin/users", ("Search", northUser.Email))).ReadDocumentAsync();
        Assert.Contains(northUser.Email, north.Body!.TextContent);
    }
}
