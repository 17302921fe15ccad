using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Safeguard.Core.Accounts;
using Safeguard.Core.People;

namespace Safeguard.Web.Tests.People;

/// <summary>People made straight through the Core services (the add journey is another page's), and small checks on them.</summary>
public static class PeopleEditing
{
    private const string Letters = "bcdfghjklmnprstv";

    /// <summary>A family name no other test uses, so searches in the shared database find only this test's people.</summary>
    public static string UniqueName(string start = "Test") =>
        start + string.Concat(Guid.NewGuid().ToString("N")[..8].Select(c => $"{Letters[Convert.ToInt32(c.ToString(), 16)]}o"));

    /// <summary>A person in this class's home area unless another is given, gender not known.</summary>
    public static async Task<int> CreatePersonAsync(this SafeguardApp app, string given, string family, DateOnly? dob = null, int? area = null,
        ContactChannels unsafeChannels = ContactChannels.None, string? postcode = null) =>
        await app.AddPersonAsync(given, family, dob, area ?? await app.HomeAreaAsync(), unsafeChannels, postcode, Gender.NotKnown);

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<(SafeguardApp, string, int), TestUser> Users = new();
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<(SafeguardApp, string), int> Areas = new();

    /// <summary>
    /// The area these tests' people and users live in. Their own areas (not North and South) keep them out of the
    /// users lists other test classes page through in the shared app.
    /// </summary>
    public static Task<int> HomeAreaAsync(this SafeguardApp app) => app.AreaAsync("People home");

    /// <summary>Another area of their own, for the user or person outside scope.</summary>
    public static Task<int> AwayAreaAsync(this SafeguardApp app) => app.AreaAsync("People away");

    private static async Task<int> AreaAsync(this SafeguardApp app, string name)
    {
        if (Areas.TryGetValue((app, name), out var id))
        {
            return id;
        }

        using var scope = app.Services.CreateScope();
        var saved = await scope.ServiceProvider.GetRequiredService<Safeguard.Core.Organisation.OrganisationService>().SaveAreaAsync(null, name, true, 0);
        return Areas.GetOrAdd((app, name), saved.Value!.Id);
    }

    /// <summary>
    /// A fresh session for a user with one role in one area. The users are made once per role and area and reused:
    /// the app is shared by every test class, and other tests page through its users list.
    /// </summary>
    public static async Task<HttpClient> SignInAsAsync(this SafeguardApp app, string role, int? area = null)
    {
        var key = (app, role, area ?? await app.HomeAreaAsync());
        if (!Users.TryGetValue(key, out var user))
        {
            user = Users.GetOrAdd(key, await app.CreateUserAsync([role], [key.Item3]));
        }

        return await app.SignInAsync(user);
    }

    public static Task<List<string>> AuditActionsAsync(this SafeguardApp app, int personId) =>
        app.WithDbAsync(db => db.AuditEvents.Where(e => e.RecordType == "Person" && e.RecordId == Id(personId)).Select(e => e.Action).ToListAsync());

    public static Task<Person> PersonAsync(this SafeguardApp app, int id) =>
        app.WithDbAsync(db => db.People.AsNoTracking().Include(p => p.Names).Include(p => p.Addresses).Include(p => p.Identifiers).AsSplitQuery().SingleAsync(p => p.Id == id));

    public static string Id(int id) => id.ToString(CultureInfo.InvariantCulture);

    /// <summary>Posts the form at <paramref name="path"/> with its own hidden version and antiforgery token, plus the fields given.</summary>
    public static async Task<HttpResponseMessage> PostWithVersionAsync(this HttpClient client, string path, params (string Key, string Value)[] fields)
    {
        var page = await client.GetPageAsync(path);
        var version = page.QuerySelector("input[name=Version]")!.GetAttribute("value")!;
        return await client.PostPairsAsync(path, path, [("Version", version), .. fields]);
    }

    public static async Task AssertRedirectsToProfileAsync(this HttpResponseMessage response, int id)
    {
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"expected a redirect, got {(int)response.StatusCode}: {(await response.ReadDocumentAsync()).ErrorSummary()}");
        Assert.Equal($"/people/{id}", response.Location());
    }

    /// <summary>A user in another area gets 404 for GET and POST (nothing changes), and the refusal is audited.</summary>
    public static async Task AssertOutsideScopeAsync(this SafeguardApp app, string path, int personId)
    {
        var before = (await app.PersonAsync(personId)).Version;
        var outsider = await app.SignInAsAsync(Roles.CruSupervisor, await app.AwayAreaAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.GetAsync(path)).StatusCode);

        // A form token from a page the outsider may use: the post itself must still be refused.
        var own = await app.CreatePersonAsync("Own", UniqueName(), area: await app.AwayAreaAsync());
        var post = await outsider.PostPairsAsync($"/people/{own}/names/add", path, ("Version", Id(before)), ("GivenName", "Outside"), ("FamilyName", "Scope"),
            ("Kind", "Alias"), ("Value", "X1"), ("Scheme", "Other"), ("Line1", "1 Road"), ("Channel", "Email"), ("Reason", "no"));
        Assert.Equal(HttpStatusCode.NotFound, post.StatusCode);
        Assert.Equal(before, (await app.PersonAsync(personId)).Version);
        Assert.Contains("access.denied", await app.AuditActionsAsync(personId));
    }

    /// <summary>Roles that may see people but not change them get 404 on a change page: the record is outside what they may change.</summary>
    public static async Task AssertCannotChangeAsync(this SafeguardApp app, string path)
    {
        var auditor = await app.SignInAsAsync(Roles.Auditor);
        Assert.Equal(HttpStatusCode.NotFound, (await auditor.GetAsync(path)).StatusCode);
        var representative = await app.SignInAsAsync(Roles.AgencyRepresentative);
        Assert.NotEqual(HttpStatusCode.OK, (await representative.GetAsync(path)).StatusCode);
    }
}
