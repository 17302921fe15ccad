using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Safeguard.Core.Accounts;
using Safeguard.Core.Audit;
using Safeguard.Core.Common;
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

    /// <summary>A Clare's Law Right to Ask application with its applicant, person at risk and subject, at triage.</summary>
    public static async Task<int> NewApplicationAsync(this SafeguardApp app, int? area = null)
    {
        var areaId = area ?? await app.FilesHomeAsync();
        var researcher = await app.FilesUserAsync(Roles.CruResearcher, area);
        var applicant = await app.AddPersonAsync("Alma", PeopleEditing.UniqueName("Appl"), null, areaId);
        var atRisk = await app.AddPersonAsync("Rita", PeopleEditing.UniqueName("Risk"), null, areaId);
        var subject = await app.AddPersonAsync("Sam", PeopleEditing.UniqueName("Subj"), null, areaId);
        using var scope = app.As(researcher);
        var service = scope.ServiceProvider.GetRequiredService<DisclosureService>();
        var created = await service.CreateAsync(new FirstContact(Scheme.Dvds, Route.RightToAsk, areaId, app.Clock.GetUtcNow().UtcDateTime.AddDays(-2),
            ReceivedVia.Phone, "Worried about a partner", null, null, false, null, null));
        Assert.True(created.Succeeded, string.Join("; ", created.Errors.Select(e => e.Message)));
        var id = created.Value!.Id;
        foreach (var (person, role) in new[] { (applicant, ApplicationRole.Applicant), (atRisk, ApplicationRole.PersonAtRisk), (subject, ApplicationRole.Subject) })
        {
            Assert.True((await service.AddPersonAsync(id, person, role, null)).Succeeded);
        }

        return id;
    }

    /// <summary>An application researched by the researcher and decided by a decision maker (never the same person).</summary>
    public static async Task<int> DecidedApplicationAsync(this SafeguardApp app, bool disclose)
    {
        var id = await app.NewApplicationAsync();
        var today = London.Today(app.Clock);
        var researcher = await app.FilesUserAsync(Roles.CruResearcher);
        var decider = await app.FilesUserAsync(Roles.CruDecisionMaker);
        var officer = await app.FilesUserAsync(Roles.DisclosureOfficer);
        using (var scope = app.As(researcher))
        {
            var service = scope.ServiceProvider.GetRequiredService<DisclosureService>();
            var db = scope.ServiceProvider.GetRequiredService<SafeguardDbContext>();
            int Version() => db.DisclosureApplications.AsNoTracking().Single(a => a.Id == id).Version;
            Ok(await service.CompleteTriageAsync(id, Version()));
            Ok(await service.RecordCriteriaReviewAsync(id, Version(), new CriteriaReviewInput(true, "Within the scheme", null)));
            Ok(await service.RecordMeetingAsync(id, Version(), new MeetingInput(today, "Police station", "Passport", "Bank statement", null)));
            var source = await db.ResearchSources.Where(s => s.IsActive).OrderBy(s => s.Id).Select(s => s.Id).FirstAsync();
            Assert.True((await service.AddCheckAsync(id, new CheckInput(source, today, CheckResult.InformationFound, "Convictions found"))).Succeeded);
            Ok(await service.CompleteResearchAsync(id, Version(), new ResearchInput(RiskLevel.Medium, "Medium", null)));
        }

        using (var scope = app.As(decider))
        {
            var service = scope.ServiceProvider.GetRequiredService<DisclosureService>();
            var db = scope.ServiceProvider.GetRequiredService<SafeguardDbContext>();
            var application = await db.DisclosureApplications.AsNoTracking().Include(a => a.People).SingleAsync(a => a.Id == id);
            var recipient = application.People.Single(p => p.Role == ApplicationRole.PersonAtRisk).PersonId;
            var input = disclose
                ? new DecisionInput(true, today, "The subject has convictions for violence against former partners.", recipient, officer.Id, false,
                    "Lawful", "Necessary", "Proportionate", "Pressing need", null, null)
                : new DecisionInput(false, today, null, null, null, null, "Lawful", "Necessary", "Proportionate", null, null, "Nothing can be shared.");
            Ok(await service.RecordDecisionAsync(id, application.Version, input));
        }

        return id;
    }

    /// <summary>A scope whose audit events and records name <paramref name="user"/>.</summary>
    public static IServiceScope As(this SafeguardApp app, TestUser user)
    {
        var scope = app.Services.CreateScope();
        scope.ServiceProvider.GetRequiredService<AuditContext>().ActorUserId = user.Id;
        return scope;
    }

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

    private static void Ok(Result<DisclosureApplication> result) =>
        Assert.True(result.Succeeded, string.Join("; ", result.Errors.Select(e => $"{e.Field}: {e.Message}")));
}
