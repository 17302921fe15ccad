using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Safeguard.Core.Accounts;
using Safeguard.Core.Common;
using Safeguard.Core.Disclosures;
using Safeguard.Web.Tests.People;

namespace Safeguard.Web.Tests.Disclosures;

/// <summary>The stage pages over HTTP: good answers move the application on; bad ones name the field or the rule and save nothing.</summary>
[Collection(AppCollection.Name)]
public sealed class StagePagesTests(SafeguardApp app)
{
    private async Task<(DisclosureStage Stage, int Version)> StateAsync(int id) =>
        await app.WithDbAsync(db => db.DisclosureApplications.Where(a => a.Id == id).Select(a => new ValueTuple<DisclosureStage, int>(a.Stage, a.Version)).FirstAsync());

    private static (string, string)[] Today(string name, DateOnly date) =>
    [
        (name + "Day", date.Day.ToString(CultureInfo.InvariantCulture)),
        (name + "Month", date.Month.ToString(CultureInfo.InvariantCulture)),
        (name + "Year", date.Year.ToString(CultureInfo.InvariantCulture)),
    ];

    private DateOnly Now => London.DateOf(app.Clock.GetUtcNow().UtcDateTime);

    [Fact]
    public async Task First_contact_names_each_missing_answer_and_creates_nothing_then_creates_after_checking()
    {
        var area = await app.HomeAreaAsync();
        var client = await app.SignInAsAsync(Roles.ControlRoom, area);
        var before = await app.WithDbAsync(db => db.DisclosureApplications.CountAsync());
        var page = await (await client.PostFormAsync("/disclosures/new", new Dictionary<string, string> { ["ReceivedTime"] = "25:99" }, "/disclosures/new?handler=Continue")).ReadDocumentAsync();
        var errors = page.ErrorSummary();
        Assert.Contains("Select the scheme and route", errors);
        Assert.Contains("Enter the date received", errors);
        Assert.Contains("Select how the application was received", errors);
        Assert.Contains("Select whether anyone is at immediate risk", errors);
        Assert.Contains("Enter what prompted the application", errors);

        var tomorrow = Now.AddDays(1);
        var fields = new Dictionary<string, string>
        {
            ["Scheme"] = "Dvds-RightToAsk", ["AreaId"] = area.ToString(CultureInfo.InvariantCulture), ["ReceivedTime"] = "09:00", ["Via"] = "Phone",
            ["WhatPrompted"] = "Worried about a partner", ["ImmediateRisk"] = "true",
        };
        foreach (var (k, v) in Today("Received", tomorrow))
        {
            fields[k] = v;
        }

        errors = (await (await client.PostFormAsync("/disclosures/new", fields, "/disclosures/new?handler=Create")).ReadDocumentAsync()).ErrorSummary();
        Assert.Contains("The date and time received must be in the past", errors);
        Assert.Contains("Enter who is at immediate risk and why", errors);
        Assert.Contains("Enter the safeguarding action taken", errors);
        Assert.Equal(before, await app.WithDbAsync(db => db.DisclosureApplications.CountAsync()));

        foreach (var (k, v) in Today("Received", Now.AddDays(-1)))
        {
            fields[k] = v;
        }

        fields["RiskDescription"] = "Threats made tonight";
        fields["SafeguardingAction"] = "Officers attended";
        var check = await (await client.PostFormAsync("/disclosures/new", fields, "/disclosures/new?handler=Continue")).ReadDocumentAsync();
        Assert.Equal("Check your answers before creating the application", check.QuerySelector("h1")!.TextContent);
        var created = await client.PostFormAsync("/disclosures/new", fields, "/disclosures/new?handler=Create");
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var record = await client.GetPageAsync(created.Location()!);
        Assert.Contains("Urgent", record.QuerySelector("main")!.TextContent);
        Assert.Contains("Add the applicant", record.QuerySelector("#next-step")!.TextContent);
        Assert.Equal(before + 1, await app.WithDbAsync(db => db.DisclosureApplications.CountAsync()));
    }

    [Fact]
    public async Task A_stage_posted_out_of_turn_is_refused_by_name_and_changes_nothing()
    {
        var area = await app.HomeAreaAsync();
        var id = await app.CreateApplicationAsync(area, DisclosureStage.Research);
        var state = await StateAsync(id);
        var decider = await app.SignInAsAsync(Roles.CruDecisionMaker, area);

        // The decision page is for the decision stage: the form is not offered before it...
        Assert.Equal($"/disclosures/{id}", (await decider.GetAsync($"/disclosures/{id}/decision")).RedirectPath());

        // ...and a decision posted anyway (from a form kept open) is refused by the service's rule.
        var fields = new List<(string, string)> { ("Version", state.Version.ToString(CultureInfo.InvariantCulture)), ("Disclose", "false"),
            ("NoDisclosureReason", "Nothing"), ("Lawful", "L"), ("Necessary", "N"), ("Proportionate", "P") };
        fields.AddRange(Today("DecidedOn", Now));
        var response = await decider.PostPairsAsync($"/disclosures/{id}", $"/disclosures/{id}/decision?handler=Save", [.. fields]);
        Assert.Contains("This application is at research, so a decision cannot be recorded now", (await response.ReadDocumentAsync()).ErrorSummary());
        Assert.Equal(state, await StateAsync(id));
    }

    [Fact]
    public async Task A_stale_form_is_refused_and_the_newer_answer_stands()
    {
        var area = await app.HomeAreaAsync();
        var id = await app.CreateApplicationAsync(area, DisclosureStage.CriteriaReview);
        var researcher = await app.SignInAsAsync(Roles.CruResearcher, area);
        var stale = (await StateAsync(id)).Version;

        // Someone else changes the application (an allocation) after this form was read.
        var supervisor = await app.SignInAsAsync(Roles.CruSupervisor, area);
        var staff = await app.StaffAsync(area);
        var allocated = await supervisor.PostFormAsync($"/disclosures/{id}/allocate", ("Version", stale.ToString(CultureInfo.InvariantCulture)), ("OwnerUserId", staff.Researcher.Id));
        Assert.Equal($"/disclosures/{id}", allocated.RedirectPath());

        var page = await (await researcher.PostPairsAsync($"/disclosures/{id}", $"/disclosures/{id}/criteria",
            ("Version", stale.ToString(CultureInfo.InvariantCulture)), ("WithinScheme", "true"))).ReadDocumentAsync();
        Assert.Contains("Someone else changed this application", page.ErrorSummary());
        Assert.Equal(DisclosureStage.CriteriaReview, (await StateAsync(id)).Stage);
    }

    [Fact]
    public async Task The_researcher_cannot_make_the_decision_even_holding_both_roles()
    {
        var area = await app.HomeAreaAsync();
        var id = await app.CreateApplicationAsync(area, DisclosureStage.Research);
        var both = await app.CreateUserAsync([Roles.CruResearcher, Roles.CruDecisionMaker], [area]);
        var client = await app.SignInAsync(both);
        var source = await app.WithDbAsync(db => db.ResearchSources.Select(s => s.Id).FirstAsync());
        var check = new List<(string, string)> { ("SourceId", source.ToString(CultureInfo.InvariantCulture)), ("Result", "NothingFound"), ("Summary", "Searched by name and date of birth") };
        check.AddRange(Today("CheckedOn", Now));
        Assert.Equal($"/disclosures/{id}", (await client.PostPairsAsync($"/disclosures/{id}/checks/add", $"/disclosures/{id}/checks/add", [.. check])).RedirectPath());
        var version = (await StateAsync(id)).Version;
        var research = await client.PostFormAsync($"/disclosures/{id}/research", ("Version", version.ToString(CultureInfo.InvariantCulture)),
            ("RiskLevel", "High"), ("RiskAssessment", "Escalating"));
        Assert.Equal($"/disclosures/{id}", research.RedirectPath());
        var record = await client.GetPageAsync($"/disclosures/{id}");
        Assert.Contains("someone else must make the decision", record.QuerySelector("#next-step")!.TextContent);
        Assert.Contains("refer to MARAC", record.QuerySelector("main")!.TextContent);

        version = (await StateAsync(id)).Version;
        var fields = new List<(string, string)> { ("Version", version.ToString(CultureInfo.InvariantCulture)), ("Disclose", "false"),
            ("NoDisclosureReason", "Nothing"), ("Lawful", "L"), ("Necessary", "N"), ("Proportionate", "P") };
        fields.AddRange(Today("DecidedOn", Now));
        var decided = await (await client.PostPairsAsync($"/disclosures/{id}/decision", $"/disclosures/{id}/decision?handler=Save", [.. fields])).ReadDocumentAsync();
        Assert.Contains("You researched this application, so someone else must make the decision", decided.ErrorSummary());
        Assert.Equal(DisclosureStage.Decision, (await StateAsync(id)).Stage);

        var other = await app.SignInAsAsync(Roles.CruDecisionMaker, area);
        var ok = await other.PostPairsAsync($"/disclosures/{id}/decision", $"/disclosures/{id}/decision?handler=Save", [.. fields]);
        Assert.Equal($"/disclosures/{id}", ok.RedirectPath());
        Assert.Equal(DisclosureStage.Disclosure, (await StateAsync(id)).Stage);
    }

    [Fact]
    public async Task A_person_born_after_the_application_was_received_is_refused_with_the_reason()
    {
        var area = await app.HomeAreaAsync();
        var id = await app.CreateApplicationAsync(area, DisclosureStage.Triage);
        var baby = await app.CreatePersonAsync("Newly", PeopleEditing.UniqueName("Born"), Now);
        await app.WithDbAsync(async db =>
        {
            var application = await db.DisclosureApplications.FirstAsync(a => a.Id == id);
            application.ReceivedAt = app.Clock.GetUtcNow().UtcDateTime.AddDays(-3);
            return await db.SaveChangesAsync();
        });
        var client = await app.SignInAsAsync(Roles.ControlRoom, area);
        var page = await (await client.PostFormAsync($"/disclosures/{id}/people/confirm?role=Child&personId={baby}", ("Role", "Child"),
            ("PersonId", baby.ToString(CultureInfo.InvariantCulture)))).ReadDocumentAsync();
        Assert.Contains("is after the date the application was received", page.ErrorSummary());
        Assert.False(await app.WithDbAsync(db => db.ApplicationPeople.AnyAsync(p => p.ApplicationId == id && p.PersonId == baby)));
    }

    [Fact]
    public async Task A_dvds_right_to_ask_walks_every_stage_over_http_to_disclosure_made()
    {
        var area = await app.HomeAreaAsync();
        var id = await app.CreateApplicationAsync(area, DisclosureStage.Disclosure);
        var officer = await app.SignInAsAsync(Roles.DisclosureOfficer, area);
        var version = (await StateAsync(id)).Version;
        var fields = new List<(string, string)> { ("Version", version.ToString(CultureInfo.InvariantCulture)), ("Place", "Station"), ("Present", "Both"),
            ("RecipientResponse", "Thanked us"), ("SafetyPlan", "Plan") };
        fields.AddRange(Today("DeliveredOn", Now));
        var refused = await (await officer.PostPairsAsync($"/disclosures/{id}/delivery", $"/disclosures/{id}/delivery", [.. fields])).ReadDocumentAsync();
        Assert.Contains("Confirm that confidentiality was explained", refused.ErrorSummary());
        fields.Add(("ConfidentialityExplained", "true"));
        var done = await officer.PostPairsAsync($"/disclosures/{id}/delivery", $"/disclosures/{id}/delivery", [.. fields]);
        Assert.Equal($"/disclosures/{id}", done.RedirectPath());
        var record = await officer.GetPageAsync($"/disclosures/{id}");
        Assert.Contains("Disclosure made", record.QuerySelector("#closure")!.ParentElement!.TextContent);
        Assert.True(await app.AuditedAsync("disclosure.stage-changed", id.ToString(CultureInfo.InvariantCulture)));
        Assert.True(await app.AuditedAsync("disclosure.viewed", id.ToString(CultureInfo.InvariantCulture)));
    }
}
