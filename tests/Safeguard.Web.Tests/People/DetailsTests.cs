using System.Net;
using Microsoft.EntityFrameworkCore;
using Safeguard.Core.Accounts;
using Safeguard.Core.People;
using static Safeguard.Web.Tests.People.PeopleEditing;

namespace Safeguard.Web.Tests.People;

[Collection(AppCollection.Name)]
public sealed class DetailsTests(SafeguardApp app)
{
    [Fact]
    public async Task A_caseworker_changes_details_and_safe_contact_and_it_is_audited()
    {
        var id = await app.CreatePersonAsync("Dana", UniqueName());
        var client = await app.SignInAsAsync(Roles.Idva);
        var page = await client.GetPageAsync($"/people/{id}/details");
        Assert.StartsWith($"Change details – Person {Person.FormatReference(id)}", page.Title);
        Assert.DoesNotContain("Dana", page.Title);

        var response = await client.PostWithVersionAsync($"/people/{id}/details",
            ("DateOfBirthDay", "3"), ("DateOfBirthMonth", "4"), ("DateOfBirthYear", "1990"), ("Gender", "Female"), ("Ethnicity", "WhiteIrish"),
            ("Disability", "No"), ("SexualOrientation", "Bisexual"), ("Lgbt", "Yes"), ("SafePhone", "07700 900 982"), ("SafeTimes", "Weekdays 10 to 12"),
            ("UnsafeChannels", "Letter"), ("UnsafeChannels", "HomeVisit"), ("SafeContactNotes", "Ask for Dana only"));
        await response.AssertRedirectsToProfileAsync(id);

        var person = await app.PersonAsync(id);
        Assert.Equal(new DateOnly(1990, 4, 3), person.DateOfBirth);
        Assert.Equal((Gender.Female, Ethnicity.WhiteIrish, SexualOrientation.Bisexual, Answer.Yes), (person.Gender, person.Ethnicity, person.SexualOrientation, person.Lgbt));
        Assert.Equal(ContactChannels.Letter | ContactChannels.HomeVisit, person.UnsafeChannels);
        Assert.Equal("07700 900 982", person.SafePhone);
        Assert.Contains("person.changed", await app.AuditActionsAsync(id));

        var again = await client.GetPageAsync($"/people/{id}/details");
        Assert.NotNull(again.QuerySelector("#UnsafeChannels-Letter[checked]"));
        Assert.Equal("1990", again.QuerySelector("#DateOfBirth-year")!.GetAttribute("value"));
    }

    [Fact]
    public async Task Bad_input_names_each_field_and_saves_nothing()
    {
        var id = await app.CreatePersonAsync("Eden", UniqueName());
        var client = await app.SignInAsAsync(Roles.Idva);
        var response = await client.PostWithVersionAsync($"/people/{id}/details",
            ("DateOfBirthDay", "31"), ("DateOfBirthMonth", "2"), ("DateOfBirthYear", "1990"), ("ApproximateAge", "old"),
            ("Gender", "NotKnown"), ("Ethnicity", "NotKnown"), ("Disability", "NotKnown"), ("SexualOrientation", "NotKnown"), ("Lgbt", "NotKnown"));
        var page = await response.ReadDocumentAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Date of birth must be a real date", page.ErrorSummary());
        Assert.Contains("Approximate age must be a whole number", page.ErrorSummary());
        Assert.NotNull(page.QuerySelector(".govuk-error-summary a[href='#DateOfBirth']"));
        Assert.NotNull(page.QuerySelector("#DateOfBirth"));

        var phone = await (await client.PostWithVersionAsync($"/people/{id}/details", ("SafePhone", "none"), ("Gender", "NotKnown"), ("Ethnicity", "NotKnown"),
            ("Disability", "NotKnown"), ("SexualOrientation", "NotKnown"), ("Lgbt", "NotKnown"))).ReadDocumentAsync();
        Assert.Contains("Enter a safe phone number", phone.ErrorSummary());
        Assert.NotNull(phone.QuerySelector("#SafePhone-error"));

        var person = await app.PersonAsync(id);
        Assert.Equal(1, person.Version);
        Assert.Null(person.DateOfBirth);
        Assert.DoesNotContain("person.changed", await app.AuditActionsAsync(id));
    }

    [Fact]
    public async Task A_stale_form_is_refused_with_a_clear_message()
    {
        var id = await app.CreatePersonAsync("Fern", UniqueName());
        var client = await app.SignInAsAsync(Roles.Idva);
        var response = await client.PostPairsAsync($"/people/{id}/details", $"/people/{id}/details", ("Version", "0"), ("Gender", "Male"),
            ("Ethnicity", "NotKnown"), ("Disability", "NotKnown"), ("SexualOrientation", "NotKnown"), ("Lgbt", "NotKnown"));
        Assert.Contains("Someone else changed this person", (await response.ReadDocumentAsync()).ErrorSummary());
        Assert.Equal(Gender.NotKnown, (await app.PersonAsync(id)).Gender);
    }

    [Fact]
    public async Task Outside_scope_is_404_and_audited_and_view_only_roles_cannot_change()
    {
        var id = await app.CreatePersonAsync("Gale", UniqueName());
        await app.AssertOutsideScopeAsync($"/people/{id}/details", id);
        await app.AssertCannotChangeAsync($"/people/{id}/details");
        Assert.False(await app.WithDbAsync(db => db.AuditEvents.AnyAsync(e => e.Action == "person.changed" && e.RecordId == Id(id))));
    }
}
