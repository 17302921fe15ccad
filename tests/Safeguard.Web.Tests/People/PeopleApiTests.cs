using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Safeguard.Core.Accounts;

namespace Safeguard.Web.Tests.People;

[Collection(AppCollection.Name)]
public sealed class PeopleApiTests(SafeguardApp app)
{
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
    public async Task Without_a_token_401_and_without_the_scope_403()
    {
        Assert.Equal(HttpStatusCode.Unauthorized, (await Client(null).GetAsync("/api/v1/people?q=Jane+Smith")).StatusCode);
        var (user, token) = await app.IssueTokenAsync([Roles.Idva], [app.NorthAreaId], ["me:read"]);
        Assert.Equal(HttpStatusCode.Forbidden, (await Client(token).GetAsync("/api/v1/people?q=Jane+Smith")).StatusCode);
        Assert.True(await app.AuditedAsync("api.refused", actor: user.Id));
        Assert.False(await app.AuditedAsync("people.searched", actor: user.Id));
    }

    [Fact]
    public async Task An_owner_who_may_not_find_people_gets_403_even_with_the_scope()
    {
        var (user, token) = await app.IssueTokenAsync([Roles.AgencyRepresentative], [app.NorthAreaId], ["people:read"]);
        var response = await Client(token).GetAsync("/api/v1/people?q=Jane+Smith");
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("application/problem+json", response.Content.Headers.ContentType!.ToString());
        Assert.False(await app.AuditedAsync("people.searched", actor: user.Id));
    }

    [Fact]
    public async Task The_search_answers_candidates_in_the_owners_areas_only_and_is_audited_without_the_query_in_the_summary()
    {
        var family = PeopleData.UniqueName();
        var north = await app.AddPersonAsync("Kate", family, new DateOnly(1979, 5, 6), app.NorthAreaId);
        var south = await app.AddPersonAsync("Kate", family, new DateOnly(1979, 5, 6), app.SouthAreaId);
        var (user, token) = await app.IssueTokenAsync([Roles.Idva], [app.NorthAreaId], ["people:read"]);

        var response = await Client(token).GetAsync($"/api/v1/people?q=Katie+{family}&dateOfBirth=1979-05-06");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        var ids = json.GetProperty("candidates").EnumerateArray().Select(c => c.GetProperty("id").GetInt32()).ToList();
        Assert.Contains(north, ids);
        Assert.DoesNotContain(south, ids);
        var first = json.GetProperty("candidates").EnumerateArray().Single(c => c.GetProperty("id").GetInt32() == north);
        Assert.Equal(Safeguard.Core.People.Person.FormatReference(north), first.GetProperty("reference").GetString());
        Assert.Equal("1979-05-06", first.GetProperty("dateOfBirth").GetString());
        Assert.True(first.GetProperty("score").GetInt32() >= 50);
        Assert.NotEqual(0, first.GetProperty("reasons").GetArrayLength());

        Assert.True(await app.AuditedAsync("people.searched", actor: user.Id));
        var called = await app.WithDbAsync(db => db.AuditEvents.Where(e => e.Action == "api.called" && e.ActorUserId == user.Id).Select(e => e.Summary).SingleAsync());
        Assert.Equal("GET /api/v1/people 200", called);
    }

    [Theory]
    [InlineData("q=Smith", "q")]
    [InlineData("q=", "q")]
    [InlineData("q=J4ne+Smith", "q")]
    [InlineData("q=Jane+Smith&dateOfBirth=06-05-1979", "dateOfBirth")]
    [InlineData("q=Jane+Smith&dateOfBirth=1899-12-31", "dateOfBirth")]
    public async Task A_bad_query_gets_a_400_problem_naming_the_field(string query, string field)
    {
        var (_, token) = await app.IssueTokenAsync([Roles.Idva], [app.NorthAreaId], ["people:read"]);
        var response = await Client(token).GetAsync("/api/v1/people?" + query);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("application/problem+json", response.Content.Headers.ContentType!.ToString());
        var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.True(json.GetProperty("errors").TryGetProperty(field, out _), json.ToString());
    }

    [Fact]
    public async Task A_searched_name_appears_in_no_log_line()
    {
        var family = PeopleData.UniqueName();
        var given = PeopleData.UniqueName();
        var (_, token) = await app.IssueTokenAsync([Roles.Idva], [app.NorthAreaId], ["people:read"]);
        Assert.Equal(HttpStatusCode.OK, (await Client(token).GetAsync($"/api/v1/people?q={given}+{family}&dateOfBirth=1970-01-01")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await Client(token).GetAsync($"/api/v1/people?q={family}")).StatusCode);
        var browser = await app.SignInAsync(await app.CreateUserAsync([Roles.Idva], [app.NorthAreaId]));
        await browser.PostFormAsync("/people", ("GivenName", given), ("FamilyName", family), ("BirthDay", ""), ("BirthMonth", ""), ("BirthYear", ""));
        await browser.PostFormAsync("/people/add", ("GivenName", given), ("FamilyName", family), ("BirthDay", ""), ("BirthMonth", ""), ("BirthYear", ""));

        Assert.NotEmpty(app.Logs);
        Assert.DoesNotContain(app.Logs, line => line.Contains(family, StringComparison.OrdinalIgnoreCase) || line.Contains(given, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task The_same_search_can_be_posted_so_no_name_is_in_the_url()
    {
        var family = PeopleData.UniqueName();
        var north = await app.AddPersonAsync("Kate", family, new DateOnly(1979, 5, 6), app.NorthAreaId);
        var (user, token) = await app.IssueTokenAsync([Roles.Idva], [app.NorthAreaId], ["people:read"]);

        var response = await Client(token).PostAsJsonAsync("/api/v1/people/search", new { q = "Katie " + family, dateOfBirth = "1979-05-06" });
        var bad = await Client(token).PostAsJsonAsync("/api/v1/people/search", new { q = "Smith" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var ids = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("candidates").EnumerateArray().Select(c => c.GetProperty("id").GetInt32());
        Assert.Contains(north, ids);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.True(await app.AuditedAsync("people.searched", actor: user.Id));
    }
}
