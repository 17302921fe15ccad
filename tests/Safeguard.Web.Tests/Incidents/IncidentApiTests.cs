using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Safeguard.Core.Accounts;
using Safeguard.Web.Tests.Disclosures;
using Safeguard.Web.Tests.People;

namespace Safeguard.Web.Tests.Incidents;

/// <summary>POST /api/v1/incidents: one or a batch, idempotent by reference, problem+json naming fields, scopes and capabilities.</summary>
[Collection(AppCollection.Name)]
public sealed class IncidentApiTests(SafeguardApp app)
{
    private const string Url = "/api/v1/incidents";

    private async Task<string> TokenAsync(string role = Roles.ControlRoom, string scope = "incidents:write", string area = IncidentWebData.Home) =>
        (await app.IssueTokenAsync([role], [await app.IncidentAreaAsync(area)], [scope])).Token;

    private async Task<Dictionary<string, object?>> BodyAsync(string? reference = null, string area = IncidentWebData.Home) => new()
    {
        ["incidentReference"] = reference ?? IncidentWebData.NewReference(),
        ["occurredAt"] = app.Clock.GetUtcNow().UtcDateTime.AddHours(-5).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'"),
        ["reportedAt"] = app.Clock.GetUtcNow().UtcDateTime.AddHours(-4).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'"),
        ["areaId"] = await app.IncidentAreaAsync(area),
        ["riskLevel"] = "medium",
        ["dashYesCount"] = 9,
        ["victim"] = new { givenName = "Testa", familyName = "Apifictional", dateOfBirth = "1993-05-06" },
        ["perpetrator"] = new { givenName = "Madeup", familyName = "Apiexample" },
        ["childrenLinked"] = false,
        ["victimConsented"] = true,
        ["summary"] = "Fictional API incident",
        ["officerCollarNumber"] = "PC 777",
    };

    private static async Task<JsonElement> JsonAsync(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

    [Fact]
    public async Task A_new_incident_answers_201_and_a_repeat_200_with_the_same_record()
    {
        var client = app.ApiClient(await TokenAsync());
        var body = await BodyAsync();
        var first = await client.PostAsJsonAsync(Url, body);
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        var created = await JsonAsync(first);
        Assert.Equal("medium", created.GetProperty("riskLevel").GetString());
        Assert.False(created.TryGetProperty("victim", out _)); // people travel as ids, never names

        var again = await client.PostAsJsonAsync(Url, body);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal(created.GetProperty("id").GetInt32(), (await JsonAsync(again)).GetProperty("id").GetInt32());
        Assert.Equal(1, await app.WithDbAsync(db => Task.FromResult(db.PoliceIncidents.Count(i => i.IncidentReference == (string)body["incidentReference"]!))));
        Assert.True(await app.AuditedAsync("incident.recorded", created.GetProperty("id").GetInt32().ToString(System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Fact]
    public async Task A_batch_reports_each_item_and_saves_nothing_when_any_is_bad()
    {
        var client = app.ApiClient(await TokenAsync());
        var old = await BodyAsync();
        Assert.Equal(HttpStatusCode.Created, (await client.PostAsJsonAsync(Url, old)).StatusCode);
        var fresh = await BodyAsync();
        var batch = await client.PostAsJsonAsync(Url, new { incidents = new[] { old, fresh } });
        Assert.Equal(HttpStatusCode.Created, batch.StatusCode);
        var answer = await JsonAsync(batch);
        Assert.Equal((1, 1), (answer.GetProperty("created").GetInt32(), answer.GetProperty("alreadyRecorded").GetInt32()));
        Assert.False(answer.GetProperty("items")[0].GetProperty("created").GetBoolean());

        var bad = await BodyAsync();
        bad["riskLevel"] = "severe";
        bad["victim"] = new { givenName = "Testa", dateOfBirth = "06/05/1993x" };
        var unsaved = await BodyAsync();
        var refused = await client.PostAsJsonAsync(Url, new[] { unsaved, bad });
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        var errors = (await JsonAsync(refused)).GetProperty("errors");
        Assert.True(errors.TryGetProperty("[1].riskLevel", out _));
        Assert.True(errors.TryGetProperty("[1].victim.familyName", out _));
        Assert.True(errors.TryGetProperty("[1].victim.dateOfBirth", out _));
        Assert.Null(await app.IncidentAsync((string)unsaved["incidentReference"]!));
    }

    [Fact]
    public async Task Missing_fields_and_wrong_types_are_named()
    {
        var client = app.ApiClient(await TokenAsync());
        var missing = await client.PostAsJsonAsync(Url, new { incidentReference = IncidentWebData.NewReference() });
        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        var errors = (await JsonAsync(missing)).GetProperty("errors");
        foreach (var field in new[] { "occurredAt", "reportedAt", "areaId", "riskLevel", "victim.givenName", "victim.familyName", "childrenLinked", "victimConsented", "summary", "officerCollarNumber" })
        {
            Assert.True(errors.TryGetProperty(field, out _), field);
        }

        var body = await BodyAsync();
        body["childrenLinked"] = "perhaps";
        var wrongType = await client.PostAsJsonAsync(Url, body);
        Assert.True((await JsonAsync(wrongType)).GetProperty("errors").TryGetProperty("childrenLinked", out _));
    }

    [Fact]
    public async Task Scope_capability_and_area_are_all_checked()
    {
        var readOnly = app.ApiClient(await TokenAsync(scope: "people:read"));
        Assert.Equal(HttpStatusCode.Forbidden, (await readOnly.PostAsJsonAsync(Url, await BodyAsync())).StatusCode);

        var auditor = app.ApiClient(await TokenAsync(role: Roles.Auditor));
        var refused = await auditor.PostAsJsonAsync(Url, await BodyAsync());
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);

        var client = app.ApiClient(await TokenAsync());
        var away = await client.PostAsJsonAsync(Url, await BodyAsync(area: IncidentWebData.Away));
        Assert.Equal(HttpStatusCode.BadRequest, away.StatusCode);
        Assert.True((await JsonAsync(away)).GetProperty("errors").TryGetProperty("areaId", out _));

        Assert.Equal(HttpStatusCode.Unauthorized, (await app.ApiClient(null).PostAsJsonAsync(Url, await BodyAsync())).StatusCode);
    }

    [Fact]
    public async Task A_reference_recorded_in_an_area_the_caller_cannot_see_is_a_conflict_not_a_leak()
    {
        var body = await BodyAsync(area: IncidentWebData.Away);
        Assert.Equal(HttpStatusCode.Created, (await app.ApiClient(await TokenAsync(area: IncidentWebData.Away)).PostAsJsonAsync(Url, body)).StatusCode);
        body["areaId"] = await app.IncidentAreaAsync(IncidentWebData.Home);
        var conflict = await app.ApiClient(await TokenAsync()).PostAsJsonAsync(Url, body);
        Assert.Equal(HttpStatusCode.Conflict, conflict.StatusCode);
        Assert.False((await JsonAsync(conflict)).TryGetProperty("id", out _));
    }
}
