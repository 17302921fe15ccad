using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Safeguard.Core.Audit;
using Safeguard.Core.Disclosures;
using Safeguard.Core.Organisation;
using Safeguard.Web.Tests.People;

namespace Safeguard.Web.Tests.Disclosures;

/// <summary>Clients, bodies and applications for the disclosure API tests, made through the real API and services.</summary>
public static class DisclosureApiData
{
    public const string Url = "/api/v1/disclosure-applications";

    public static HttpClient ApiClient(this SafeguardApp app, string? token)
    {
        var client = app.NewClient();
        if (token is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return client;
    }

    /// <summary>An area of its own per test, so tests sharing one database never list each other's applications.</summary>
    public static async Task<int> NewAreaAsync(this SafeguardApp app)
    {
        using var scope = app.Services.CreateScope();
        var result = await scope.ServiceProvider.GetRequiredService<OrganisationService>()
            .SaveAreaAsync(null, "Area " + Guid.NewGuid().ToString("N")[..12], true, 0);
        Assert.True(result.Succeeded, string.Join("; ", result.Errors.Select(e => e.Message)));
        return result.Value!.Id;
    }

    public static Dictionary<string, object?> Person(string given, string family, string? dateOfBirth = null) => new()
    {
        ["givenName"] = given, ["familyName"] = family, ["dateOfBirth"] = dateOfBirth,
    };

    /// <summary>A good Clare's Law submission, received an hour before the test clock's now.</summary>
    public static Dictionary<string, object?> DvdsBody(SafeguardApp app, int areaId, string? clientReference = null, string? family = null)
    {
        family ??= PeopleData.UniqueName();
        return new Dictionary<string, object?>
        {
            ["clientReference"] = clientReference ?? "web-" + Guid.NewGuid().ToString("N"),
            ["scheme"] = "dvds",
            ["areaId"] = areaId,
            ["receivedAt"] = app.Clock.GetUtcNow().UtcDateTime.AddHours(-1).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'"),
            ["whatPrompted"] = "My sister's new partner was violent to his last partner, friends say",
            ["safeContact"] = new { way = "Text the mobile first", times = "Weekdays after 6pm" },
            ["people"] = new Dictionary<string, object?>
            {
                ["applicant"] = new Dictionary<string, object?>
                {
                    ["givenName"] = "Ruth", ["familyName"] = family, ["dateOfBirth"] = "1980-02-03", ["relationship"] = "Sister",
                    ["address"] = new { line1 = "1 High Street", town = "Testtown", postcode = "LS1 4AB" },
                },
                ["personAtRisk"] = Person("Anna", family, "1985-06-07"),
                ["subject"] = Person("Mark", "X" + family.ToLowerInvariant()),
            },
        };
    }

    public static async Task<JsonElement> JsonAsync(this HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

    public static async Task<int> SubmitAsync(this SafeguardApp app, string token, object body)
    {
        var response = await app.ApiClient(token).PostAsJsonAsync(Url, body);
        Assert.True(response.StatusCode == System.Net.HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.JsonAsync()).GetProperty("id").GetInt32();
    }

    /// <summary>
    /// An online application whose people the CRU has matched to the person index and whose triage is done, as a person
    /// would do it on the pages: that step is deliberately not in the API. Returns the application and its applicant's person id.
    /// </summary>
    public static async Task<(int Id, int ApplicantId)> AtCriteriaReviewAsync(this SafeguardApp app, string token, int areaId, string actorUserId)
    {
        var family = PeopleData.UniqueName();
        var id = await app.SubmitAsync(token, DvdsBody(app, areaId, family: family));
        var applicant = await app.AddPersonAsync("Ruth", family, new DateOnly(1980, 2, 3), areaId);
        var atRisk = await app.AddPersonAsync("Anna", family, new DateOnly(1985, 6, 7), areaId);
        var subject = await app.AddPersonAsync("Mark", "X" + family.ToLowerInvariant(), null, areaId, gender: Safeguard.Core.People.Gender.Male);
        using var scope = app.Services.CreateScope();
        scope.ServiceProvider.GetRequiredService<AuditContext>().ActorUserId = actorUserId;
        var service = scope.ServiceProvider.GetRequiredService<DisclosureService>();
        foreach (var (person, role) in new[] { (applicant, ApplicationRole.Applicant), (atRisk, ApplicationRole.PersonAtRisk), (subject, ApplicationRole.Subject) })
        {
            var added = await service.AddPersonAsync(id, person, role, null);
            Assert.True(added.Succeeded, string.Join("; ", added.Errors.Select(e => e.Message)));
        }

        var triaged = await service.CompleteTriageAsync(id, 1);
        Assert.True(triaged.Succeeded, string.Join("; ", triaged.Errors.Select(e => e.Message)));
        return (id, applicant);
    }

    public static async Task<int> VersionAsync(this SafeguardApp app, string token, int id) =>
        (await (await app.ApiClient(token).GetAsync($"{Url}/{id}")).JsonAsync()).GetProperty("version").GetInt32();
}
