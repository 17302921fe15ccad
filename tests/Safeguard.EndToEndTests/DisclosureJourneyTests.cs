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
}
