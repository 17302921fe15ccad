using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Safeguard.Core.Accounts;
using Safeguard.Core.Disclosures;
using Safeguard.Web.Tests.People;
using static Safeguard.Web.Tests.Disclosures.DisclosureApiData;

namespace Safeguard.Web.Tests.Disclosures;

[Collection(AppCollection.Name)]
public sealed class DisclosureApiTests(SafeguardApp app)
{
    private static readonly string[] ReadWrite = ["disclosures:read", "disclosures:write"];

    private string Today => Safeguard.Core.Common.London.Today(app.Clock).ToString("yyyy-MM-dd");

    [Fact]
    public async Task A_submission_is_created_with_201_and_its_people_are_kept_as_submitted_details_not_in_the_person_index()
    {
        var area = await app.NewAreaAsync();
        var (user, token) = await app.IssueTokenAsync([Roles.ControlRoom], [area], ReadWrite);
        var family = PeopleData.UniqueName();
        var body = DvdsBody(app, area, family: family);

        var response = await app.ApiClient(token).PostAsJsonAsync(Url, body);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var json = await response.JsonAsync();
        var id = json.GetProperty("id").GetInt32();
        Assert.Equal($"{Url}/{id}", response.Headers.Location!.OriginalString);
        Assert.Equal("dvds", json.GetProperty("scheme").GetString());
        Assert.Equal("rightToAsk", json.GetProperty("route").GetString());
        Assert.Equal("triage", json.GetProperty("stage").GetString());
        Assert.Equal("online", json.GetProperty("receivedVia").GetString());
        Assert.Equal(DisclosureApplication.FormatReference(Scheme.Dvds, id), json.GetProperty("reference").GetString());
        Assert.True(json.GetProperty("awaitingPersonMatch").GetBoolean());
        Assert.Equal(0, json.GetProperty("people").GetArrayLength());
        Assert.DoesNotContain(family, json.ToString());

        var row = await app.WithDbAsync(db => db.DisclosureApplications.SingleAsync(a => a.Id == id));
        Assert.Equal(ReceivedVia.Online, row.ReceivedVia);
        Assert.Equal(Route.RightToAsk, row.Route);
        Assert.Equal(area, row.AreaId);
        Assert.Equal(user.Id, row.CreatedByUserId);
        Assert.Equal((string)body["clientReference"]!, row.ClientReference);
        var submitted = JsonDocument.Parse(row.SubmittedDetails!).RootElement;
        Assert.Equal(family, submitted.GetProperty("applicant").GetProperty("familyName").GetString());
        Assert.Equal("1980-02-03", submitted.GetProperty("applicant").GetProperty("dateOfBirth").GetString());
        Assert.Equal("LS1 4AB", submitted.GetProperty("applicant").GetProperty("address").GetProperty("postcode").GetString());
        Assert.Equal("Anna", submitted.GetProperty("personAtRisk").GetProperty("givenName").GetString());
        Assert.Equal(0, await app.CountPeopleNamedAsync(family));
        Assert.Equal("POST /api/v1/disclosure-applications 201",
            await app.WithDbAsync(db => db.AuditEvents.Where(e => e.Action == "api.called" && e.ActorUserId == user.Id).Select(e => e.Summary).SingleAsync()));
        Assert.True(await app.AuditedAsync("disclosure.created", id.ToString(), user.Id));
    }

    [Fact]
    public async Task A_sarahs_law_submission_needs_children_and_takes_them()
    {
        var area = await app.NewAreaAsync();
        var (_, token) = await app.IssueTokenAsync([Roles.ControlRoom], [area], ReadWrite);
        var body = DvdsBody(app, area);
        body["scheme"] = "csods";
        var people = (Dictionary<string, object?>)body["people"]!;
        people.Remove("personAtRisk");

        var missing = await app.ApiClient(token).PostAsJsonAsync(Url, body);
        people["children"] = new[] { Person("Lily", PeopleData.UniqueName(), "2018-01-01"), Person("Tom", PeopleData.UniqueName()) };
        var created = await app.ApiClient(token).PostAsJsonAsync(Url, body);

        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        Assert.True((await missing.JsonAsync()).GetProperty("errors").TryGetProperty("people.children", out _));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.JsonAsync()).GetProperty("id").GetInt32();
        var row = await app.WithDbAsync(db => db.DisclosureApplications.SingleAsync(a => a.Id == id));
        Assert.Equal(Scheme.Csods, row.Scheme);
        Assert.Equal(2, JsonDocument.Parse(row.SubmittedDetails!).RootElement.GetProperty("children").GetArrayLength());
    }

    public static TheoryData<string, string> BadSubmissions => new()
    {
        { "clientReference=", "clientReference" },
        { "clientReference=" + new string('r', 101), "clientReference" },
        { "scheme=", "scheme" },
        { "areaId=other", "areaId" },
        { "receivedAt=future", "receivedAt" },
        { "receivedAt=2026-11-20T10:00:00", "receivedAt" },
        { "whatPrompted=", "whatPrompted" },
        { "safeContact.way=", "safeContact.way" },
        { "immediateRisk=no-action", "immediateRisk.safeguardingAction" },
        { "people.subject.familyName=", "people.subject.familyName" },
        { "people.applicant.givenName=J4ne", "people.applicant.givenName" },
        { "people.applicant.dateOfBirth=after-received", "people.applicant.dateOfBirth" },
        { "people.personAtRisk=", "people.personAtRisk" },
        { "people.applicant.address.postcode=NOPE", "people.applicant.address.postcode" },
        { "people.applicant.relationship=long", "people.applicant.relationship" },
    };

    [Theory]
    [MemberData(nameof(BadSubmissions))]
    public async Task A_bad_submission_gets_400_naming_the_field_and_creates_nothing(string change, string field)
    {
        var area = await app.NewAreaAsync();
        var (_, token) = await app.IssueTokenAsync([Roles.ControlRoom], [area], ReadWrite);
        var body = DvdsBody(app, area);
        var people = (Dictionary<string, object?>)body["people"]!;
        var applicant = (Dictionary<string, object?>)people["applicant"]!;
        var now = app.Clock.GetUtcNow().UtcDateTime;
        switch (change)
        {
            case "areaId=other": body["areaId"] = app.SouthAreaId; break;
            case "receivedAt=future": body["receivedAt"] = now.AddHours(2).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'"); break;
            case "immediateRisk=no-action": body["immediateRisk"] = new { description = "He has threatened her tonight" }; break;
            case "people.subject.familyName=": ((Dictionary<string, object?>)people["subject"]!)["familyName"] = " "; break;
            case "people.applicant.givenName=J4ne": applicant["givenName"] = "J4ne"; break;
            case "people.applicant.dateOfBirth=after-received":
                body["receivedAt"] = now.AddDays(-10).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'");
                applicant["dateOfBirth"] = DateOnly.FromDateTime(now.AddDays(-5)).ToString("yyyy-MM-dd");
                break;
            case "people.personAtRisk=": people.Remove("personAtRisk"); break;
            case "people.applicant.address.postcode=NOPE": applicant["address"] = new { line1 = "1 High Street", postcode = "NOPE" }; break;
            case "people.applicant.relationship=long": applicant["relationship"] = new string('a', 201); break;
            case "safeContact.way=": body["safeContact"] = new { way = "", times = "Any" }; break;
            default:
                var (key, value) = (change.Split('=')[0], change.Split('=')[1]);
                body[key] = value;
                break;
        }

        var response = await app.ApiClient(token).PostAsJsonAsync(Url, body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("application/problem+json", response.Content.Headers.ContentType!.ToString());
        var json = await response.JsonAsync();
        Assert.True(json.GetProperty("errors").TryGetProperty(field, out var messages), json.ToString());
        Assert.NotEqual("", messages[0].GetString());
        var reference = (string)body["clientReference"]!;
        Assert.False(await app.WithDbAsync(db => db.DisclosureApplications.AnyAsync(a => a.ClientReference == reference)));
    }

    [Fact]
    public async Task Several_errors_are_named_together_and_a_value_of_the_wrong_type_is_named_by_its_path()
    {
        var area = await app.NewAreaAsync();
        var (user, token) = await app.IssueTokenAsync([Roles.ControlRoom], [area], ReadWrite);
        var body = DvdsBody(app, area);
        body["whatPrompted"] = null;
        ((Dictionary<string, object?>)((Dictionary<string, object?>)body["people"]!)["subject"]!)["familyName"] = null;
        body["safeContact"] = null;

        var many = await (await app.ApiClient(token).PostAsJsonAsync(Url, body)).JsonAsync();
        Assert.Equal(["people.subject.familyName", "safeContact", "whatPrompted"],
            many.GetProperty("errors").EnumerateObject().Select(p => p.Name).Order().ToArray());

        var badDate = await app.ApiClient(token).PostAsync(Url, new StringContent(
            """{"clientReference":"x","scheme":"dvds","people":{"subject":{"dateOfBirth":"03/02/1980"}}}""", Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, badDate.StatusCode);
        Assert.Contains("application/problem+json", badDate.Content.Headers.ContentType!.ToString());
        Assert.True((await badDate.JsonAsync()).GetProperty("errors").TryGetProperty("people.subject.dateOfBirth", out _));

        var badScheme = await app.ApiClient(token).PostAsync(Url, new StringContent("""{"scheme":"sarah"}""", Encoding.UTF8, "application/json"));
        Assert.True((await badScheme.JsonAsync()).GetProperty("errors").TryGetProperty("scheme", out _));

        var notJson = await app.ApiClient(token).PostAsync(Url, new StringContent("{", Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, notJson.StatusCode);
        Assert.DoesNotContain("<html", await notJson.Content.ReadAsStringAsync());

        // Refused bodies are audited like every other call.
        Assert.Equal(4, await app.WithDbAsync(db => db.AuditEvents.CountAsync(e => e.Action == "api.called" && e.ActorUserId == user.Id
            && e.Summary == "POST /api/v1/disclosure-applications 400")));
    }

    [Fact]
    public async Task A_second_submission_with_the_same_client_reference_answers_200_with_the_first_application_and_creates_nothing()
    {
        var area = await app.NewAreaAsync();
        var (_, token) = await app.IssueTokenAsync([Roles.ControlRoom], [area], ReadWrite);
        var body = DvdsBody(app, area);
        var reference = (string)body["clientReference"]!;

        var first = await app.ApiClient(token).PostAsJsonAsync(Url, body);
        var second = await app.ApiClient(token).PostAsJsonAsync(Url, body);

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Equal((await first.JsonAsync()).GetProperty("id").GetInt32(), (await second.JsonAsync()).GetProperty("id").GetInt32());
        Assert.Equal(1, await app.WithDbAsync(db => db.DisclosureApplications.CountAsync(a => a.ClientReference == reference)));
        Assert.Equal(1, await app.WithDbAsync(db => db.DisclosureApplications.CountAsync(a => a.AreaId == area)));
    }

    [Fact]
    public async Task A_client_reference_already_used_in_an_area_the_caller_cannot_see_answers_409_and_shows_nothing()
    {
        var area = await app.NewAreaAsync();
        var other = await app.NewAreaAsync();
        var (_, token) = await app.IssueTokenAsync([Roles.ControlRoom], [area], ReadWrite);
        var (_, otherToken) = await app.IssueTokenAsync([Roles.ControlRoom], [other], ReadWrite);
        var body = DvdsBody(app, area);
        await app.SubmitAsync(token, body);
        body["areaId"] = other;

        var response = await app.ApiClient(otherToken).PostAsJsonAsync(Url, body);

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.False((await response.JsonAsync()).TryGetProperty("id", out _));
    }

    [Fact]
    public async Task Concurrent_duplicates_end_as_one_application_and_every_answer_names_it()
    {
        var area = await app.NewAreaAsync();
        var (_, token) = await app.IssueTokenAsync([Roles.ControlRoom], [area], ReadWrite);
        var body = DvdsBody(app, area);
        var reference = (string)body["clientReference"]!;

        var responses = await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => app.ApiClient(token).PostAsJsonAsync(Url, body)));

        var answers = new List<(HttpStatusCode Status, int Id)>();
        foreach (var r in responses)
        {
            var text = await r.Content.ReadAsStringAsync();
            Assert.True(r.StatusCode is HttpStatusCode.Created or HttpStatusCode.OK, $"{(int)r.StatusCode} {text}");
            answers.Add((r.StatusCode, JsonDocument.Parse(text).RootElement.GetProperty("id").GetInt32()));
        }

        Assert.Single(answers.Select(a => a.Id).Distinct());
        Assert.Single(answers, a => a.Status == HttpStatusCode.Created);
        Assert.Equal(1, await app.WithDbAsync(db => db.DisclosureApplications.CountAsync(a => a.ClientReference == reference)));
    }

    [Fact]
    public async Task The_list_shows_only_applications_in_the_owners_areas_and_one_outside_answers_404()
    {
        var area = await app.NewAreaAsync();
        var other = await app.NewAreaAsync();
        var (_, writer) = await app.IssueTokenAsync([Roles.ControlRoom], [area], ReadWrite);
        var (_, otherWriter) = await app.IssueTokenAsync([Roles.ControlRoom], [other], ReadWrite);
        var (reader, token) = await app.IssueTokenAsync([Roles.CruResearcher], [area], ["disclosures:read"]);
        var mine = await app.SubmitAsync(writer, DvdsBody(app, area));
        var theirs = await app.SubmitAsync(otherWriter, DvdsBody(app, other));

        var ids = new List<int>();
        for (var page = 1; ; page++)
        {
            var json = await (await app.ApiClient(token).GetAsync($"{Url}?page={page}&pageSize=100")).JsonAsync();
            var items = json.GetProperty("items").EnumerateArray().ToList();
            ids.AddRange(items.Select(i => i.GetProperty("id").GetInt32()));
            Assert.All(items, i => Assert.Equal(area, i.GetProperty("areaId").GetInt32()));
            if (items.Count < 100)
            {
                break;
            }
        }

        Assert.Equal([mine], ids);
        var outside = await app.ApiClient(token).GetAsync($"{Url}/{theirs}");
        Assert.Equal(HttpStatusCode.NotFound, outside.StatusCode);
        Assert.Contains("application/problem+json", outside.Content.Headers.ContentType!.ToString());
        Assert.Equal(HttpStatusCode.NotFound, (await app.ApiClient(token).GetAsync($"{Url}/{int.MaxValue}")).StatusCode);
        Assert.True(await app.AuditedAsync("access.denied", theirs.ToString(), reader.Id));
        var inside = await app.ApiClient(token).GetAsync($"{Url}/{mine}");
        Assert.Equal(HttpStatusCode.OK, inside.StatusCode);
        Assert.True(await app.AuditedAsync("disclosure.viewed", mine.ToString(), reader.Id));
    }

    [Fact]
    public async Task The_list_pages_and_filters_and_names_a_bad_query_parameter()
    {
        var area = await app.NewAreaAsync();
        var (_, token) = await app.IssueTokenAsync([Roles.CruSupervisor], [area], ReadWrite);
        var first = await app.SubmitAsync(token, DvdsBody(app, area));
        var second = await app.SubmitAsync(token, DvdsBody(app, area));
        var csods = DvdsBody(app, area);
        csods["scheme"] = "csods";
        ((Dictionary<string, object?>)csods["people"]!).Remove("personAtRisk");
        ((Dictionary<string, object?>)csods["people"]!)["children"] = new[] { Person("Lily", PeopleData.UniqueName()) };
        var third = await app.SubmitAsync(token, csods);
        var client = app.ApiClient(token);

        async Task<List<int>> Ids(string query) =>
            (await (await client.GetAsync($"{Url}?{query}")).JsonAsync()).GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetInt32()).ToList();

        var all = await Ids("pageSize=100");
        Assert.Equal(3, all.Count);
        var page1 = await (await client.GetAsync($"{Url}?pageSize=2&page=1")).JsonAsync();
        Assert.Equal(3, page1.GetProperty("total").GetInt32());
        Assert.Equal(2, page1.GetProperty("items").GetArrayLength());
        Assert.Single(await Ids("pageSize=2&page=2"));
        Assert.Equal([third], await Ids("scheme=csods"));
        Assert.Equal([first, second], (await Ids("scheme=dvds&stage=triage&open=true")).Order());
        Assert.Empty(await Ids("open=false"));
        Assert.Empty(await Ids("stage=closed"));

        var item = (await (await client.GetAsync($"{Url}?scheme=csods")).JsonAsync()).GetProperty("items")[0];
        Assert.Equal(["areaId", "clockState", "dueAt", "id", "nextDueAt", "outcome", "ownerUserId", "receivedAt", "reference", "route", "scheme", "stage", "urgent"],
            item.EnumerateObject().Select(p => p.Name).Order().ToArray());
        var row = await app.WithDbAsync(db => db.DisclosureApplications.SingleAsync(a => a.Id == third));
        var state = ApplicationClock.StateOf(row, app.Clock.GetUtcNow().UtcDateTime).ToString();
        Assert.Equal(char.ToLowerInvariant(state[0]) + state[1..], item.GetProperty("clockState").GetString());

        foreach (var (query, field) in new[] { ("pageSize=101", "pageSize"), ("page=0", "page"), ("stage=finished", "stage"), ("scheme=both", "scheme"), ("open=maybe", "open") })
        {
            var bad = await client.GetAsync($"{Url}?{query}");
            Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
            Assert.True((await bad.JsonAsync()).GetProperty("errors").TryGetProperty(field, out _), query);
        }
    }

    [Fact]
    public async Task The_list_and_the_record_carry_no_names()
    {
        var area = await app.NewAreaAsync();
        var (_, token) = await app.IssueTokenAsync([Roles.CruSupervisor], [area], ReadWrite);
        var family = PeopleData.UniqueName();
        var id = await app.SubmitAsync(token, DvdsBody(app, area, family: family));

        var list = await (await app.ApiClient(token).GetAsync(Url + "?pageSize=100")).Content.ReadAsStringAsync();
        var record = await (await app.ApiClient(token).GetAsync($"{Url}/{id}")).Content.ReadAsStringAsync();

        Assert.Contains($"\"id\":{id}", list);
        foreach (var name in new[] { family, "Ruth", "Anna", "Mark", "High Street" })
        {
            Assert.DoesNotContain(name, list, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain(name, record, StringComparison.OrdinalIgnoreCase);
        }
    }

    [Fact]
    public async Task A_token_without_the_scope_gets_403()
    {
        var area = await app.NewAreaAsync();
        var (user, readOnly) = await app.IssueTokenAsync([Roles.CruSupervisor], [area], ["disclosures:read"]);
        var (_, meOnly) = await app.IssueTokenAsync([Roles.CruSupervisor], [area], ["me:read", "people:read"]);

        Assert.Equal(HttpStatusCode.Forbidden, (await app.ApiClient(readOnly).PostAsJsonAsync(Url, DvdsBody(app, area))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await app.ApiClient(readOnly).PostAsJsonAsync($"{Url}/1/close", new { version = 1 })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await app.ApiClient(meOnly).GetAsync(Url)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await app.ApiClient(meOnly).GetAsync($"{Url}/1")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.ApiClient(null).GetAsync(Url)).StatusCode);
        Assert.True(await app.AuditedAsync("api.refused", actor: user.Id));
        Assert.False(await app.WithDbAsync(db => db.DisclosureApplications.AnyAsync(a => a.AreaId == area)));
    }

    [Fact]
    public async Task An_agency_representatives_token_sees_nothing_and_submits_nothing()
    {
        var area = await app.NewAreaAsync();
        var (_, writer) = await app.IssueTokenAsync([Roles.ControlRoom], [area], ReadWrite);
        var id = await app.SubmitAsync(writer, DvdsBody(app, area));
        var (_, token) = await app.IssueTokenAsync([Roles.AgencyRepresentative], [area], ReadWrite);

        var list = await app.ApiClient(token).GetAsync(Url);
        Assert.Equal(HttpStatusCode.OK, list.StatusCode);
        var json = await list.JsonAsync();
        Assert.Equal(0, json.GetProperty("total").GetInt32());
        Assert.Equal(0, json.GetProperty("items").GetArrayLength());
        Assert.Equal(HttpStatusCode.NotFound, (await app.ApiClient(token).GetAsync($"{Url}/{id}")).StatusCode);
        var submit = await app.ApiClient(token).PostAsJsonAsync(Url, DvdsBody(app, area));
        Assert.Equal(HttpStatusCode.Forbidden, submit.StatusCode);
        Assert.Contains("application/problem+json", submit.Content.Headers.ContentType!.ToString());
        Assert.Equal(HttpStatusCode.Forbidden, (await app.ApiClient(token).PostAsJsonAsync($"{Url}/{id}/close",
            new { version = 1, outcome = "withdrawn", notes = "Applicant withdrew" })).StatusCode);
    }

    [Fact]
    public async Task People_from_the_index_are_put_on_a_submitted_application_and_triage_completes_through_the_api()
    {
        var area = await app.NewAreaAsync();
        var otherArea = await app.NewAreaAsync();
        var (_, token) = await app.IssueTokenAsync([Roles.CruResearcher], [area], ReadWrite);
        var client = app.ApiClient(token);
        var family = PeopleData.UniqueName();
        var id = await app.SubmitAsync(token, DvdsBody(app, area, family: family));
        var applicant = await app.AddPersonAsync("Ruth", family, new DateOnly(1980, 2, 3), area);
        var atRisk = await app.AddPersonAsync("Anna", family, new DateOnly(1985, 6, 7), area);
        var subject = await app.AddPersonAsync("Mark", "X" + family.ToLowerInvariant(), null, area, gender: Safeguard.Core.People.Gender.Male);
        var elsewhere = await app.AddPersonAsync("Olive", family, new DateOnly(1970, 1, 1), otherArea);
        var version = await app.VersionAsync(token, id);

        // Triage cannot complete without the people the scheme needs: 400 naming them.
        var early = await client.PostAsJsonAsync($"{Url}/{id}/triage-complete", new { version });
        Assert.Equal(HttpStatusCode.BadRequest, early.StatusCode);
        Assert.True((await early.JsonAsync()).GetProperty("errors").TryGetProperty("people", out _));

        // A person the user cannot see, a recipient role and a stale version are refused, and nothing is added.
        var hidden = await client.PostAsJsonAsync($"{Url}/{id}/people", new { version, personId = elsewhere, role = "subject" });
        Assert.True((await hidden.JsonAsync()).GetProperty("errors").TryGetProperty("personId", out _));
        var recipient = await client.PostAsJsonAsync($"{Url}/{id}/people", new { version, personId = applicant, role = "recipient" });
        Assert.True((await recipient.JsonAsync()).GetProperty("errors").TryGetProperty("role", out _));
        Assert.Equal(HttpStatusCode.Conflict, (await client.PostAsJsonAsync($"{Url}/{id}/people", new { version = version - 1, personId = applicant, role = "applicant" })).StatusCode);
        Assert.Equal(0, await app.WithDbAsync(db => db.ApplicationPeople.CountAsync(p => p.ApplicationId == id)));

        foreach (var (person, role) in new[] { (applicant, "applicant"), (atRisk, "personAtRisk"), (subject, "subject") })
        {
            var added = await client.PostAsJsonAsync($"{Url}/{id}/people", new { version, personId = person, role, relationship = "Partner" });
            Assert.Equal(HttpStatusCode.OK, added.StatusCode);
            version = (await added.JsonAsync()).GetProperty("version").GetInt32();
        }

        var triaged = await client.PostAsJsonAsync($"{Url}/{id}/triage-complete", new { version });
        Assert.Equal(HttpStatusCode.OK, triaged.StatusCode);
        var json = await triaged.JsonAsync();
        Assert.Equal("criteriaReview", json.GetProperty("stage").GetString());
        Assert.Equal(3, json.GetProperty("people").GetArrayLength());

        // An IDVA may record people, but disclosure work is not theirs to see: 404, as for any record out of scope.
        var (_, partner) = await app.IssueTokenAsync([Roles.Idva], [area], ReadWrite);
        Assert.Equal(HttpStatusCode.NotFound, (await app.ApiClient(partner).PostAsJsonAsync($"{Url}/{id}/people", new { version, personId = applicant, role = "child" })).StatusCode);
    }

    [Fact]
    public async Task An_application_moves_through_its_stages_with_409_for_a_stale_version_and_400_for_the_wrong_stage()
    {
        var area = await app.NewAreaAsync();
        var (researcherUser, researcher) = await app.IssueTokenAsync([Roles.CruResearcher], [area], ReadWrite);
        var (_, decider) = await app.IssueTokenAsync([Roles.CruDecisionMaker], [area], ReadWrite);
        var (id, _) = await app.AtCriteriaReviewAsync(researcher, area, researcherUser.Id);
        var client = app.ApiClient(researcher);
        var version = await app.VersionAsync(researcher, id);

        // A stale version: 409 with the message, nothing recorded.
        var stale = await client.PostAsJsonAsync($"{Url}/{id}/criteria-review", new { version = version - 1, withinScheme = true });
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Contains("application/problem+json", stale.Content.Headers.ContentType!.ToString());
        Assert.Equal(DisclosureService.StaleMessage, (await stale.JsonAsync()).GetProperty("detail").GetString());

        // The wrong stage: 400 naming the stage.
        var early = await client.PostAsJsonAsync($"{Url}/{id}/meeting", new { version, metOn = Today, place = "Station", photoIdentity = "Passport", secondIdentity = "Bill" });
        Assert.Equal(HttpStatusCode.BadRequest, early.StatusCode);
        Assert.True((await early.JsonAsync()).GetProperty("errors").TryGetProperty("stage", out _));

        // A missing version and a missing field are named.
        Assert.True((await (await client.PostAsJsonAsync($"{Url}/{id}/criteria-review", new { withinScheme = true })).JsonAsync())
            .GetProperty("errors").TryGetProperty("version", out _));
        Assert.True((await (await client.PostAsJsonAsync($"{Url}/{id}/criteria-review", new { version })).JsonAsync())
            .GetProperty("errors").TryGetProperty("withinScheme", out _));

        // The decision maker may not review criteria: 403.
        Assert.Equal(HttpStatusCode.Forbidden, (await app.ApiClient(decider).PostAsJsonAsync($"{Url}/{id}/criteria-review", new { version, withinScheme = true })).StatusCode);

        var reviewed = await client.PostAsJsonAsync($"{Url}/{id}/criteria-review", new { version, withinScheme = true, reasons = "Partner with a history" });
        Assert.Equal(HttpStatusCode.OK, reviewed.StatusCode);
        var json = await reviewed.JsonAsync();
        Assert.Equal("faceToFace", json.GetProperty("stage").GetString());
        Assert.True(json.GetProperty("criteriaReview").GetProperty("withinScheme").GetBoolean());
        version = json.GetProperty("version").GetInt32();

        json = await (await client.PostAsJsonAsync($"{Url}/{id}/meeting",
            new { version, metOn = Today, place = "Testtown police station", photoIdentity = "Passport", secondIdentity = "Council tax bill" })).JsonAsync();
        Assert.Equal("research", json.GetProperty("stage").GetString());
        version = json.GetProperty("version").GetInt32();

        // Research cannot complete without a check.
        var noChecks = await client.PostAsJsonAsync($"{Url}/{id}/research-complete", new { version, riskLevel = "medium", riskAssessment = "Pattern of control" });
        Assert.True((await noChecks.JsonAsync()).GetProperty("errors").TryGetProperty("checks", out _));

        var sources = await (await client.GetAsync("/api/v1/disclosure-research-sources")).JsonAsync();
        var sourceId = sources[0].GetProperty("id").GetInt32();
        var check = await client.PostAsJsonAsync($"{Url}/{id}/checks", new { version, sourceId, checkedOn = Today, result = "informationFound", summary = "Two call-outs" });
        Assert.Equal(HttpStatusCode.Created, check.StatusCode);
        Assert.Equal("informationFound", (await check.JsonAsync()).GetProperty("result").GetString());
        var badCheck = await client.PostAsJsonAsync($"{Url}/{id}/checks", new { version, sourceId, checkedOn = Today, result = "maybe", summary = "x" });
        Assert.True((await badCheck.JsonAsync()).GetProperty("errors").TryGetProperty("result", out _));

        json = await (await client.PostAsJsonAsync($"{Url}/{id}/research-complete", new { version, riskLevel = "medium", riskAssessment = "Pattern of control" })).JsonAsync();
        Assert.Equal("decision", json.GetProperty("stage").GetString());
        Assert.Single(json.GetProperty("research").GetProperty("checks").EnumerateArray());
        version = json.GetProperty("version").GetInt32();

        var decision = new
        {
            version, disclose = false, decidedOn = Today, noDisclosureReason = "Nothing to disclose", lawful = "Lawful", necessary = "Necessary",
            proportionate = "Proportionate",
        };

        // The researcher may not decide (four eyes): they lack the capability, so 403; the service's own rule stays behind it.
        Assert.Equal(HttpStatusCode.Forbidden, (await client.PostAsJsonAsync($"{Url}/{id}/decision", decision)).StatusCode);
        var decided = await app.ApiClient(decider).PostAsJsonAsync($"{Url}/{id}/decision", decision);
        Assert.Equal(HttpStatusCode.OK, decided.StatusCode);
        json = await decided.JsonAsync();
        Assert.Equal("disclosure", json.GetProperty("stage").GetString());
        Assert.False(json.GetProperty("decision").GetProperty("disclose").GetBoolean());
        version = json.GetProperty("version").GetInt32();

        json = await (await client.PostAsJsonAsync($"{Url}/{id}/applicant-informed", new { version, informedOn = Today, how = "By phone at the safe time" })).JsonAsync();
        Assert.Equal("closed", json.GetProperty("stage").GetString());
        Assert.Equal("noDisclosure", json.GetProperty("closure").GetProperty("outcome").GetString());
        var row = await app.WithDbAsync(db => db.DisclosureApplications.SingleAsync(a => a.Id == id));
        Assert.Equal(DisclosureStage.Closed, row.Stage);
        Assert.Equal(DisclosureOutcome.NoDisclosure, row.Outcome);
        Assert.True(await app.AuditedAsync("disclosure.stage-changed", id.ToString(), researcherUser.Id));
        Assert.True(await app.WithDbAsync(db => db.AuditEvents.AnyAsync(e => e.Action == "api.called" && e.ActorUserId == researcherUser.Id
            && e.Summary == "POST /api/v1/disclosure-applications/{id:int}/criteria-review 409")));
    }

    [Fact]
    public async Task A_disclosure_is_decided_and_delivered_through_the_api()
    {
        var area = await app.NewAreaAsync();
        var (researcherUser, researcher) = await app.IssueTokenAsync([Roles.CruResearcher], [area], ReadWrite);
        var (_, decider) = await app.IssueTokenAsync([Roles.CruDecisionMaker], [area], ReadWrite);
        var (officerUser, officer) = await app.IssueTokenAsync([Roles.DisclosureOfficer], [area], ReadWrite);
        var (id, applicant) = await app.AtCriteriaReviewAsync(researcher, area, researcherUser.Id);
        var client = app.ApiClient(researcher);
        var version = await app.VersionAsync(researcher, id);
        version = (await (await client.PostAsJsonAsync($"{Url}/{id}/criteria-review", new { version, withinScheme = true })).JsonAsync()).GetProperty("version").GetInt32();
        version = (await (await client.PostAsJsonAsync($"{Url}/{id}/meeting",
            new { version, metOn = Today, place = "Home visit", photoIdentity = "Driving licence", secondIdentity = "Bank statement" })).JsonAsync()).GetProperty("version").GetInt32();
        var sourceId = (await (await client.GetAsync("/api/v1/disclosure-research-sources")).JsonAsync())[0].GetProperty("id").GetInt32();
        Assert.Equal(HttpStatusCode.Created, (await client.PostAsJsonAsync($"{Url}/{id}/checks",
            new { version, sourceId, checkedOn = Today, result = "informationFound", summary = "Previous convictions for violence" })).StatusCode);
        version = (await (await client.PostAsJsonAsync($"{Url}/{id}/research-complete",
            new { version, riskLevel = "high", riskAssessment = "Serious risk" })).JsonAsync()).GetProperty("version").GetInt32();

        var decided = await app.ApiClient(decider).PostAsJsonAsync($"{Url}/{id}/decision", new
        {
            version, disclose = true, decidedOn = Today, wording = "He has convictions for violence against partners", recipientPersonId = applicant,
            disclosureOfficerUserId = officerUser.Id, subjectToBeTold = false, lawful = "Lawful", necessary = "Necessary", proportionate = "Proportionate",
            pressingNeed = "High risk",
        });
        Assert.Equal(HttpStatusCode.OK, decided.StatusCode);
        var json = await decided.JsonAsync();
        version = json.GetProperty("version").GetInt32();
        Assert.Contains(json.GetProperty("people").EnumerateArray(), p => p.GetProperty("personId").GetInt32() == applicant && p.GetProperty("role").GetString() == "recipient");

        // Applicant-informed belongs to a decision not to disclose: 400 naming the field.
        var wrong = await client.PostAsJsonAsync($"{Url}/{id}/applicant-informed", new { version, informedOn = Today, how = "Phone" });
        Assert.True((await wrong.JsonAsync()).GetProperty("errors").TryGetProperty("informedOn", out _));

        var delivered = await app.ApiClient(officer).PostAsJsonAsync($"{Url}/{id}/delivery", new
        {
            version, deliveredOn = Today, place = "Police station", present = "Applicant and officer", confidentialityExplained = true,
            recipientResponse = "Relieved", safetyPlan = "IDVA referral and panic alarm",
        });
        Assert.Equal(HttpStatusCode.OK, delivered.StatusCode);
        json = await delivered.JsonAsync();
        Assert.Equal("closed", json.GetProperty("stage").GetString());
        Assert.Equal("disclosureMade", json.GetProperty("closure").GetProperty("outcome").GetString());
        Assert.True(json.GetProperty("delivery").GetProperty("confidentialityExplained").GetBoolean());
    }

    [Fact]
    public async Task Closing_early_needs_a_changeable_application_and_a_listed_outcome()
    {
        var area = await app.NewAreaAsync();
        var other = await app.NewAreaAsync();
        var (_, token) = await app.IssueTokenAsync([Roles.CruSupervisor], [area], ReadWrite);
        var (_, outsider) = await app.IssueTokenAsync([Roles.CruSupervisor], [other], ReadWrite);
        var (_, auditor) = await app.IssueTokenAsync([Roles.Auditor], [other], ReadWrite);
        var id = await app.SubmitAsync(token, DvdsBody(app, area));
        var close = new { version = 1, outcome = "withdrawn", notes = "The applicant withdrew by phone" };

        Assert.Equal(HttpStatusCode.NotFound, (await app.ApiClient(outsider).PostAsJsonAsync($"{Url}/{id}/close", close)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await app.ApiClient(auditor).GetAsync($"{Url}/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await app.ApiClient(auditor).PostAsJsonAsync($"{Url}/{id}/close", close)).StatusCode);
        var notEarly = await app.ApiClient(token).PostAsJsonAsync($"{Url}/{id}/close", new { version = 1, outcome = "disclosureMade", notes = "x" });
        Assert.True((await notEarly.JsonAsync()).GetProperty("errors").TryGetProperty("outcome", out _));

        var closed = await app.ApiClient(token).PostAsJsonAsync($"{Url}/{id}/close", close);
        Assert.Equal(HttpStatusCode.OK, closed.StatusCode);
        var json = await closed.JsonAsync();
        Assert.Equal("closed", json.GetProperty("stage").GetString());
        Assert.Equal("withdrawn", json.GetProperty("closure").GetProperty("outcome").GetString());
        var again = await app.ApiClient(token).PostAsJsonAsync($"{Url}/{id}/close", close with { });
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
    }

    [Fact]
    public async Task The_openapi_document_describes_the_disclosure_endpoints()
    {
        var (_, token) = await app.IssueTokenAsync([Roles.CruSupervisor], [app.NorthAreaId], ["disclosures:read"]);
        var json = await (await app.ApiClient(token).GetAsync("/openapi/v1.json")).JsonAsync();
        var paths = json.GetProperty("paths");
        foreach (var path in new[] { "", "/{id}", "/{id}/criteria-review", "/{id}/meeting", "/{id}/checks", "/{id}/research-complete",
                     "/{id}/decision", "/{id}/delivery", "/{id}/applicant-informed", "/{id}/close" })
        {
            Assert.True(paths.TryGetProperty("/api/v1/disclosure-applications" + path, out _), path);
        }

        Assert.True(paths.GetProperty("/api/v1/disclosure-applications").GetProperty("post").TryGetProperty("requestBody", out _));
    }
}
