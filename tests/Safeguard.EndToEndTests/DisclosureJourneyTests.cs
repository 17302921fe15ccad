using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;
using static Safeguard.EndToEndTests.Browse;
using static Safeguard.EndToEndTests.DisclosureSteps;

namespace Safeguard.EndToEndTests;

/// <summary>
/// The journeys, each role in its own browser: a Clare's Law Right to Ask from first contact to a
/// disclosure made and closed; a Sarah's Law application ending with no disclosure; an urgent triage.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class DisclosureJourneyTests(AppFixture app)
{
    [Fact]
    public async Task A_clares_law_right_to_ask_goes_from_first_contact_to_a_disclosure_made_and_closed()
    {
        await using var control = await app.NewContextAsync();
        var page = await SignInAsync(app, control, "control.room@demo.example.org", "d1");
        var url = await StartApplicationAsync(page, "Scheme", "Applicant worried about her partner's temper and his past", urgent: false, "d1");
        await Expect(page.Locator("#next-step")).ToContainTextAsync("Add the applicant");
        await CheckAsync(page, "d1-record-new");
        await AddPersonAsync(page, url, "Role", "Robin", "Journeyapplicant", (3, 6, 1991), "d1-add-applicant");
        await AddPersonAsync(page, url, "Role-PersonAtRisk", "Robin", "Journeyapplicant", (3, 6, 1991), "d1-add-at-risk");
        await AddPersonAsync(page, url, "Role-Subject", "Jordan", "Sample", (30, 9, 1985), "d1-add-subject");
        await CompleteTriageAsync(page, url);
        var reference = (await page.TitleAsync()).Split(' ')[1];
        Assert.DoesNotContain("Journeyapplicant", await page.TitleAsync());
        Assert.DoesNotContain("Journeyapplicant", page.Url);

        await using var supervisorContext = await app.NewContextAsync();
        var supervisor = await SignInAsync(app, supervisorContext, "supervisor@demo.example.org", "d1-supervisor");
        await supervisor.GotoAsync("/disclosures/board");
        await Expect(supervisor.Locator("main")).ToContainTextAsync(reference);
        await CheckAsync(supervisor, "d1-board");
        await AllocateAsync(supervisor, url, "Rita Research", "d1-allocate");

        await using var researcherContext = await app.NewContextAsync();
        var researcher = await SignInAsync(app, researcherContext, "researcher@demo.example.org", "d1-researcher");
        await researcher.GotoAsync("/disclosures");
        await Expect(researcher.Locator("main")).ToContainTextAsync("My work");
        await CheckAsync(researcher, "d1-my-work");
        await ResearchAsync(researcher, url, meet: true, csods: false, "d1");

        await using var deciderContext = await app.NewContextAsync();
        var decider = await SignInAsync(app, deciderContext, "decision.maker@demo.example.org", "d1-decider");
        await decider.GotoAsync(url + "/decision");
        await decider.Locator("#Disclose").CheckAsync();
        await decider.FillAsync("#Wording", "Your partner has a history of violence towards a former partner.");
        await decider.Locator("#RecipientPersonId").CheckAsync();
        await decider.GetByLabel("Dan Disclose", new() { Exact = true }).CheckAsync();
        await decider.Locator("[id='SubjectToBeTold-false']").CheckAsync();
        await FillTodayAsync(decider, "DecidedOn");
        await decider.FillAsync("#Lawful", "Common-law power to prevent crime");
        await decider.FillAsync("#Necessary", "To protect the applicant from harm");
        await decider.FillAsync("#Proportionate", "Only what she needs to stay safe");
        await decider.FillAsync("#PressingNeed", "Recent controlling behaviour");
        await CheckAsync(decider, "d1-decision");
        await Button(decider, "Continue").ClickAsync();
        await Expect(decider.Locator("h1")).ToHaveTextAsync("Check the decision before saving it");
        await CheckAsync(decider, "d1-decision-check");
        await Button(decider, "Save decision").ClickAsync();
        await Expect(decider.Locator("#notice")).ToContainTextAsync("Decision recorded: disclose");

        await using var officerContext = await app.NewContextAsync();
        var officer = await SignInAsync(app, officerContext, "disclosure@demo.example.org", "d1-officer");
        await officer.GotoAsync(url + "/delivery");
        await FillTodayAsync(officer, "DeliveredOn");
        await officer.FillAsync("#Place", "Northtown police station");
        await officer.FillAsync("#Present", "Applicant, disclosure officer, IDVA");
        await officer.Locator("#ConfidentialityExplained").CheckAsync();
        await officer.FillAsync("#RecipientResponse", "Upset but glad to know");
        await officer.FillAsync("#SafetyPlan", "Safety plan agreed with the IDVA");
        await CheckAsync(officer, "d1-delivery");
        await Button(officer, "Save and close the application").ClickAsync();
        await Expect(officer.Locator("#notice")).ToContainTextAsync("application closed");
        await Expect(officer.Locator("#closure")).ToBeVisibleAsync();
        await Expect(officer.Locator("main")).ToContainTextAsync("Disclosure made");
        await Expect(officer.Locator("main")).ToContainTextAsync("Disclose");
        await CheckAsync(officer, "d1-closed");
    }

    [Fact]
    public async Task A_sarahs_law_application_ends_in_no_disclosure_with_the_letter_created_and_the_applicant_told()
    {
        await using var control = await app.NewContextAsync();
        var page = await SignInAsync(app, control, "control.room@demo.example.org", "d2");
        var url = await StartApplicationAsync(page, "Scheme-Csods-RightToAsk", "Grandmother worried about a lodger who babysits", urgent: false, "d2");
        await AddPersonAsync(page, url, "Role", "Morgan", "Journeygrandparent", (8, 2, 1958), "d2-add-applicant");
        await AddPersonAsync(page, url, "Role-Child", "Alfie", "Journeychild", (14, 7, 2017), "d2-add-child");
        await AddPersonAsync(page, url, "Role-Subject", "Lee", "Journeylodger", (1, 1, 1980), "d2-add-subject");
        await CompleteTriageAsync(page, url);

        await using var researcherContext = await app.NewContextAsync();
        var researcher = await SignInAsync(app, researcherContext, "researcher@demo.example.org", "d2-researcher");
        await ResearchAsync(researcher, url, meet: true, csods: true, "d2");

        await using var deciderContext = await app.NewContextAsync();
        var decider = await SignInAsync(app, deciderContext, "decision.maker@demo.example.org", "d2-decider");
        await decider.GotoAsync(url + "/decision");
        await decider.Locator("#Disclose-no").CheckAsync();
        await decider.FillAsync("#NoDisclosureReason", "The checks found nothing that meets the test for disclosure");
        await FillTodayAsync(decider, "DecidedOn");
        await decider.FillAsync("#Lawful", "Considered under the common-law power");
        await decider.FillAsync("#Necessary", "Not necessary: no relevant convictions");
        await decider.FillAsync("#Proportionate", "A disclosure would not be proportionate");
        await Button(decider, "Continue").ClickAsync();
        await Button(decider, "Save decision").ClickAsync();
        await Expect(decider.Locator("#notice")).ToContainTextAsync("no disclosure");

        await researcher.GotoAsync(url);
        await Button(researcher, "Create the non-disclosure letter").ClickAsync();
        await Expect(researcher.Locator("#files")).ToBeVisibleAsync();
        await Expect(researcher.Locator("main")).ToContainTextAsync("non-disclosure letter.docx");
        await researcher.GotoAsync(url + "/informed");
        await FillTodayAsync(researcher, "InformedOn");
        await researcher.FillAsync("#How", "By phone at a safe time, then by letter");
        await CheckAsync(researcher, "d2-informed");
        await Button(researcher, "Save and close the application").ClickAsync();
        await Expect(researcher.Locator("#notice")).ToContainTextAsync("application closed");
        await Expect(researcher.Locator("#closure")).ToBeVisibleAsync();
        await Expect(researcher.Locator("main")).ToContainTextAsync("No disclosure");
        await CheckAsync(researcher, "d2-closed");
    }

    [Fact]
    public async Task An_urgent_triage_alerts_supervisors_until_one_acknowledges_it()
    {
        await using var control = await app.NewContextAsync();
        var page = await SignInAsync(app, control, "control.room@demo.example.org", "d3");
        var url = await StartApplicationAsync(page, "Scheme", "Caller says her partner threatened her tonight; she wants to know his past", urgent: true, "d3");
        await Expect(page.Locator("main")).ToContainTextAsync("Urgent");
        await Expect(page.Locator(".govuk-warning-text").First).ToContainTextAsync("The subject has threatened the applicant tonight");
        await CheckAsync(page, "d3-record-urgent");
        var reference = (await page.TitleAsync()).Split(' ')[1];

        await using var supervisorContext = await app.NewContextAsync();
        var supervisor = await SignInAsync(app, supervisorContext, "supervisor@demo.example.org", "d3-supervisor");
        await supervisor.GotoAsync("/disclosures/board");
        var alerts = supervisor.Locator(".govuk-notification-banner").Filter(new() { HasText = "Urgent alerts" });
        await Expect(alerts).ToContainTextAsync(reference);
        await CheckAsync(supervisor, "d3-board-alert");
        await Link(alerts, reference).ClickAsync();
        await Button(supervisor, "Acknowledge urgent alert").ClickAsync();
        await Expect(supervisor.Locator("#notice")).ToContainTextAsync("acknowledged");
        await Expect(supervisor.Locator("main")).ToContainTextAsync("Urgent alert acknowledged by a supervisor");
        await supervisor.GotoAsync("/disclosures/board");
        var stillAlerted = supervisor.Locator(".govuk-notification-banner").Filter(new() { HasText = reference });
        await Expect(stillAlerted).ToHaveCountAsync(0);
        await Expect(supervisor.Locator("table").Filter(new() { HasText = reference })).ToContainTextAsync("Urgent");

        // The figures: each chart has its table, and the charts draw under the app's content security policy.
        var errors = new List<string>();
        supervisor.Console += (_, m) => { if (m.Type == "error") { errors.Add(m.Text); } };
        await supervisor.GotoAsync("/disclosures/dashboard");
        await Expect(supervisor.Locator("h1")).ToHaveTextAsync("Disclosure dashboard");
        await Expect(supervisor.Locator("main")).ToContainTextAsync("Home Office");
        await Expect(supervisor.Locator("canvas").First).ToBeVisibleAsync();
        await CheckAsync(supervisor, "d3-dashboard");
        Assert.Empty(errors);
    }
}
