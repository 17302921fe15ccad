using System.Net;
using Microsoft.EntityFrameworkCore;
using Safeguard.Core.Accounts;
using Safeguard.Core.Referrals;
using Safeguard.Web.Tests.People;

namespace Safeguard.Web.Tests.Referrals;

/// <summary>The referral journey over HTTP: the form, people through the person index, a DASH checklist and its result.</summary>
[Collection(AppCollection.Name)]
public sealed class ReferralPagesTests(SafeguardApp app)
{
    private (string, string)[] Form(int area, string reason = "Fictional: threats after separation") =>
    [
        ("Kind", "AgencyReferral"), ("AreaId", area.ToString()), ("ReceivedOnDay", Today.Day.ToString()), ("ReceivedOnMonth", Today.Month.ToString()), ("ReceivedOnYear", Today.Year.ToString()),
        ("ReferrerName", "Riley Referrer"), ("ReferrerAgency", "Fictional Housing Trust"), ("ReferrerRole", "Housing officer"), ("ReferrerContact", "01632 960000"),
        ("ReferrerCriteria", "VisibleHighRisk"), ("ReferrerCriteria", "PotentialEscalation"), ("Reason", reason), ("VictimAware", "true"), ("VictimConsents", "Yes"),
    ];

    private DateOnly Today => Safeguard.Core.Common.London.Today(app.Clock);

    [Fact]
    public async Task A_coordinator_records_a_referral_adds_the_victim_through_the_person_index_and_sees_the_timeline()
    {
        var area = await app.HomeAreaAsync();
        var client = await app.SignInAsAsync(Roles.MaracCoordinator, area);
        var before = await app.WithDbAsync(db => db.Referrals.CountAsync());
        var check = await client.PostPairsAsync("/referrals/new", "/referrals/new?handler=Continue", Form(area));
        var checkPage = await check.ReadDocumentAsync();
        Assert.True(checkPage.Title!.StartsWith("Check your answers", StringComparison.Ordinal), checkPage.ErrorSummary());
        Assert.Contains("Fictional Housing Trust", checkPage.QuerySelector(".govuk-summary-list")!.TextContent);
        Assert.Equal(2, checkPage.QuerySelectorAll("input[type=hidden][name=ReferrerCriteria]").Length);
        Assert.Equal(before, await app.WithDbAsync(db => db.Referrals.CountAsync()));
        var created = await client.PostPairsAsync("/referrals/new", "/referrals/new?handler=Create", Form(area));
        Assert.True(HttpStatusCode.Redirect == created.StatusCode, (await created.ReadDocumentAsync()).ErrorSummary());
        var recordPath = created.RedirectPath()!;
        var id = int.Parse(recordPath.Split('/')[2]);

        var add = await client.PostFormAsync($"/referrals/{id}/people/add", ("Role", "Victim"));
        Assert.Equal("/people/add", add.RedirectPath());
        Assert.Contains(Uri.EscapeDataString($"/referrals/{id}/people/confirm?role=Victim"), add.Location());

        var victim = await app.CreatePersonAsync("Vicky", PeopleEditing.UniqueName("Victim"), new DateOnly(1991, 2, 3), area);
        var confirm = await client.PostFormAsync($"/referrals/{id}/people/confirm?role=Victim&personId={victim}", ("Role", "Victim"), ("PersonId", victim.ToString()));
        Assert.Equal(recordPath, confirm.RedirectPath());

        var page = await client.GetPageAsync(recordPath);
        Assert.Equal("Still to add from the person index: at least one perpetrator.", page.QuerySelector("#missing-people")!.TextContent);
        Assert.Contains("Referral received", page.QuerySelector(".app-timeline")!.TextContent);
        Assert.Contains("Victim added", page.QuerySelector(".app-timeline")!.TextContent);
        Assert.Contains("Fictional: threats after separation", page.Body!.TextContent);
        Assert.DoesNotContain("Vicky", page.Title);
        Assert.Contains("referral.viewed", await app.WithDbAsync(db => db.AuditEvents.Where(e => e.RecordType == "Referral" && e.RecordId == id.ToString()).Select(e => e.Action).ToListAsync()));
        Assert.Contains(id, await app.WithDbAsync(db => db.ReferralPeople.Where(p => p.PersonId == victim).Select(p => p.ReferralId).ToListAsync()));
    }

    [Fact]
    public async Task Bad_input_gets_an_error_summary_naming_each_field_and_saves_nothing()
    {
        var area = await app.HomeAreaAsync();
        var client = await app.SignInAsAsync(Roles.MaracCoordinator, area);
        var reason = "Fictional " + Guid.NewGuid();
        var response = await client.PostPairsAsync("/referrals/new", "/referrals/new?handler=Continue",
            [.. Form(area, reason).Where(f => f.Item1 is not ("ReferrerName" or "VictimConsents" or "ReceivedOnDay" or "ReceivedOnMonth")), ("ReceivedOnDay", "31"), ("ReceivedOnMonth", "2")]);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.ReadDocumentAsync();
        var links = page.QuerySelectorAll(".govuk-error-summary a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Contains("#ReceivedOn", links);
        Assert.Contains("Enter the date received as a real date", page.ErrorSummary());
        Assert.Equal(0, await app.WithDbAsync(db => db.Referrals.CountAsync(r => r.Reason == reason)));

        var missing = await client.PostPairsAsync("/referrals/new", "/referrals/new?handler=Continue", [.. Form(area, reason).Where(f => f.Item1 is not ("ReferrerName" or "VictimConsents"))]);
        var summary = (await missing.ReadDocumentAsync()).QuerySelectorAll(".govuk-error-summary a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Contains("#ReferrerName", summary);
        Assert.Contains("#VictimConsents", summary);
        Assert.Equal(0, await app.WithDbAsync(db => db.Referrals.CountAsync(r => r.Reason == reason)));
    }

    [Fact]
    public async Task A_checklist_with_14_yes_answers_shows_visible_high_risk_with_its_evidence_and_unanswered_questions_are_named()
    {
        var area = await app.HomeAreaAsync();
        var (referral, _) = await app.CreateReferralAsync(area);
        var client = await app.SignInAsAsync(Roles.Idva, area);
        var form = await client.GetPageAsync($"/referrals/{referral}/assessments/new?key=dash-partner");
        var questions = form.QuerySelectorAll("input[type=radio][name^='Answers[']").Select(i => i.GetAttribute("name")!).Distinct().ToList();
        Assert.Equal(24, questions.Count);

        var path = $"/referrals/{referral}/assessments/new?key=dash-partner";
        var partial = await client.PostPairsAsync(path, path, [("Key", "dash-partner"), ("DefinitionVersion", "1"), .. questions.Skip(1).Select(q => (q, "No"))]);
        Assert.Equal(HttpStatusCode.OK, partial.StatusCode);
        Assert.Contains("Answer question 1:", (await partial.ReadDocumentAsync()).ErrorSummary());

        var answers = questions.Select((q, i) => (q, i < 14 ? "Yes" : "No"));
        var saved = await client.PostPairsAsync(path, path, [("Key", "dash-partner"), ("DefinitionVersion", "1"), .. answers]);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var result = await client.GetPageAsync(saved.RedirectPath()!);
        var criteria = result.QuerySelector("#criteria")!.TextContent;
        Assert.Contains("Visible high risk", criteria);
        Assert.Contains("14 yes answers of 24", criteria);
        Assert.Equal(ReferralRouting.Marac, await app.WithDbAsync(db => db.Referrals.Where(r => r.Id == referral).Select(r => r.Routing).SingleAsync()));
    }

    [Fact]
    public async Task A_downgrade_of_an_actuarial_high_is_refused_with_a_clear_message()
    {
        var area = await app.HomeAreaAsync();
        var (referral, _) = await app.CreateReferralAsync(area);
        var client = await app.SignInAsAsync(Roles.MaracCoordinator, area);
        var path = $"/referrals/{referral}/assessments/new?key=dash-partner";
        var form = await client.GetPageAsync(path);
        var questions = form.QuerySelectorAll("input[type=radio][name^='Answers[']").Select(i => i.GetAttribute("name")!).Distinct().ToList();
        var response = await client.PostPairsAsync(path, path,
            [("Key", "dash-partner"), ("DefinitionVersion", "1"), .. questions.Select(q => (q, "Yes")), ("JudgedLevel", "Standard"), ("Rationale", "Fictional")]);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("cannot lower an actuarial high risk", (await response.ReadDocumentAsync()).ErrorSummary());
        Assert.Equal(0, await app.WithDbAsync(db => db.RiskAssessments.CountAsync(a => a.ReferralId == referral)));
    }

    [Fact]
    public async Task An_under_16_victim_is_routed_to_childrens_safeguarding_with_a_clear_message()
    {
        var area = await app.HomeAreaAsync();
        var (referral, _) = await app.CreateReferralAsync(area, victimBorn: new DateOnly(2012, 6, 1));
        var client = await app.SignInAsAsync(Roles.MaracCoordinator, area);
        var page = await client.GetPageAsync($"/referrals/{referral}");
        Assert.Contains("Routed to children's safeguarding", page.Body!.TextContent);
        Assert.Contains("MARAC takes victims aged 16 or over", page.Body!.TextContent);
    }

    [Fact]
    public async Task A_yes_to_the_stalking_question_offers_the_s_dash_screen_and_every_view_is_audited()
    {
        var area = await app.HomeAreaAsync();
        var (referral, assessment) = await app.CreateReferralAsync(area, yes: 8);
        var client = await app.SignInAsAsync(Roles.MaracCoordinator, area);
        var record = await client.GetPageAsync($"/referrals/{referral}");
        Assert.NotNull(record.QuerySelector($"a[href='/referrals/{referral}/assessments/new?key=sdash']"));

        var screen = await client.GetPageAsync($"/referrals/{referral}/assessments/new?key=sdash");
        Assert.Equal(11, screen.QuerySelectorAll("input[type=radio][name^='Answers[']").Select(i => i.GetAttribute("name")).Distinct().Count());

        await client.GetPageAsync($"/referrals/{referral}/assessments/{assessment}");
        await client.GetPageAsync("/referrals");
        var actions = await app.WithDbAsync(db => db.AuditEvents.Where(e => e.RecordType == "Referral" && e.RecordId == referral.ToString()).Select(e => e.Action).ToListAsync());
        Assert.Contains("referral.created", actions);
        Assert.Contains("referral.person-added", actions);
        Assert.Contains("referral.assessed", actions);
        Assert.Contains("referral.routed", actions);
        Assert.Contains("referral.viewed", actions);
        Assert.Contains("referral.assessment-viewed", actions);
        Assert.True(await app.WithDbAsync(db => db.AuditEvents.AnyAsync(e => e.Action == "referral.list-viewed")));
    }

    [Fact]
    public async Task A_referral_outside_scope_is_audited_as_access_denied()
    {
        var (referral, _) = await app.CreateReferralAsync(await app.HomeAreaAsync());
        var away = await app.SignInAsAsync(Roles.Idva, await app.AwayAreaAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await away.GetAsync($"/referrals/{referral}")).StatusCode);
        Assert.True(await app.WithDbAsync(db => db.AuditEvents.AnyAsync(e => e.Action == "access.denied" && e.RecordType == "Referral" && e.RecordId == referral.ToString())));
    }
}
