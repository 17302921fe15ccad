using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Safeguard.Core.Accounts;
using Safeguard.Core.Data;
using Safeguard.Core.Disclosures;
using Safeguard.Core.Organisation;
using Safeguard.Core.People;
using Safeguard.Web.Tests.People;

namespace Safeguard.Web.Tests.Disclosures;

/// <summary>
/// Applications for the file and settings tests, made through the real <see cref="DisclosureService"/> in areas of
/// their own, and uploads posted as a browser posts them (multipart, with the page's antiforgery token).
/// </summary>
public static class FilesTestData
{
    private static readonly ConcurrentDictionary<(SafeguardApp, string), int> Areas = new();
    private static readonly ConcurrentDictionary<(SafeguardApp, string, string), TestUser> Users = new();

    public static Task<int> FilesHomeAsync(this SafeguardApp app) => app.FilesAreaAsync("Disclosure files home");

    public static Task<int> FilesAwayAsync(this SafeguardApp app) => app.FilesAreaAsync("Disclosure files away");

    /// <summary>One user per role and area, made once and reused: other tests page through the shared users list.</summary>
    public static async Task<TestUser> FilesUserAsync(this SafeguardApp app, string role, int? area = null)
    {
        var areaName = area is int a ? a.ToString(System.Globalization.CultureInfo.InvariantCulture) : "home";
        var key = (app, role, areaName);
        if (!Users.TryGetValue(key, out var user))
        {
            user = Users.GetOrAdd(key, await app.CreateUserAsync([role], [area ?? await app.FilesHomeAsync()]));
        }

        return user;
    }

    public static async Task<HttpClient> FilesSignInAsync(this SafeguardApp app, string role, int? area = null) =>
        await app.SignInAsync(await app.FilesUserAsync(role, area));

    /// <summary>A Clare's Law Right to Ask application with its people, at triage, in this class's area unless another is given.</summary>
    public static async Task<int> NewApplicationAsync(this SafeguardApp app, int? area = null) =>
        await app.CreateApplicationAsync(area ?? await app.FilesHomeAsync(), DisclosureStage.Triage);

    /// <summary>An application researched by one user and decided by another, waiting for its disclosure or letter.</summary>
    public static async Task<int> DecidedApplicationAsync(this SafeguardApp app, bool disclose) =>
        await app.CreateApplicationAsync(await app.FilesHomeAsync(), DisclosureStage.Disclosure, disclose: disclose);

    /// <summary>Posts a multipart form as the page at <paramref name="formPage"/> would, with its antiforgery token and a file.</summary>
    public static async Task<HttpResponseMessage> PostFileAsync(this HttpClient client, string formPage, string fileName, byte[] content,
        params (string Key, string Value)[] fields)
    {
        var page = await client.GetPageAsync(formPage);
        var token = page.QuerySelector("form[enctype='multipart/form-data'] input[name=__RequestVerificationToken]")?.GetAttribute("value")
            ?? throw new InvalidOperationException($"{formPage} has no upload form with an antiforgery token");
        using var body = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
        };
        foreach (var (key, value) in fields)
        {
            body.Add(new StringContent(value), key);
        }

        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        body.Add(file, "File", fileName);
        return await client.PostAsync(formPage, body);
    }

    public static Task<List<ApplicationFile>> FilesOfAsync(this SafeguardApp app, int applicationId) =>
        app.WithDbAsync(db => db.ApplicationFiles.AsNoTracking().Where(f => f.ApplicationId == applicationId).OrderBy(f => f.Id).ToListAsync());

    public static async Task AssertRedirectsToAsync(this HttpResponseMessage response, string path)
    {
        Assert.True(response.StatusCode == HttpStatusCode.Redirect,
            $"expected a redirect to {path}, got {(int)response.StatusCode}: {(await response.ReadDocumentAsync()).ErrorSummary()}");
        Assert.Equal(path, response.Location());
    }

    private static async Task<int> FilesAreaAsync(this SafeguardApp app, string name)
    {
        if (Areas.TryGetValue((app, name), out var id))
        {
            return id;
        }

        using var scope = app.Services.CreateScope();
        var saved = await scope.ServiceProvider.GetRequiredService<OrganisationService>().SaveAreaAsync(null, name, true, 0);
        return Areas.GetOrAdd((app, name), saved.Value!.Id);
    }
}
