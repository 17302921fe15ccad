using System.Globalization;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;
using static Safeguard.EndToEndTests.Browse;

namespace Safeguard.EndToEndTests;

/// <summary>Steps the Clare's Law and Sarah's Law journeys share: signing in as each CRU role and filling the stage forms.</summary>
public static class DisclosureSteps
{
    private static readonly TimeZoneInfo London = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");

    public static DateTime Today => TimeZoneInfo.ConvertTimeFromUtc(DateTime.UtcNow, London).Date;

    public static async Task<IPage> SignInAsync(AppFixture app, IBrowserContext context, string email, string shots)
    {
        var page = await context.NewPageAsync();
        await page.GotoAsync("/account/sign-in");
        await SignInAsDemoUserAsync(page, email, shots);
        return page;
    }

    public static async Task FillTodayAsync(IPage page, string name)
    {
        await page.FillAsync($"[id='{name}']", Today.Day.ToString(CultureInfo.InvariantCulture));
        await page.FillAsync($"[id='{name}-month']", Today.Month.ToString(CultureInfo.InvariantCulture));
        await page.FillAsync($"[id='{name}-year']", Today.Year.ToString(CultureInfo.InvariantCulture));
    }

    /// <summary>Adds someone in a role through the person index: picks them if found, otherwise adds them new.</summary>
    public static async Task AddPersonAsync(IPage page, string applicationUrl, string roleId, string given, string family, (int D, int M, int Y) born, string shots)
    {
        await page.GotoAsync(applicationUrl + "/people/add");
        await page.Locator($"[id='{roleId}']").CheckAsync();
        await Button(page, "Continue to search").ClickAsync();
        await ExpectPathAsync(page, "/people/add");
        await page.FillAsync("#GivenName", given);
        await page.FillAsync("#FamilyName", family);
        await page.FillAsync("#DateOfBirth", born.D.ToString(CultureInfo.InvariantCulture));
        await page.FillAsync("#BirthMonth", born.M.ToString(CultureInfo.InvariantCulture));
        await page.FillAsync("#BirthYear", born.Y.ToString(CultureInfo.InvariantCulture));
        await Button(page, "Search").ClickAsync();
        var known = page.Locator("#candidates tbody tr").Filter(new() { HasText = $"{given} {family}" });
        if (await known.CountAsync() > 0)
        {
            await known.First.GetByRole(AriaRole.Link, new() { NameRegex = new System.Text.RegularExpressions.Regex("^This is the person") }).ClickAsync();
        }
        else
        {
            await page.Locator("#add-new button").ClickAsync();
            await ExpectPathAsync(page, "/people/add/details");
            await page.Locator("#AreaId").CheckAsync();
            await Button(page, "Add this person").ClickAsync();
        }

        await Expect(page.Locator("h1")).ToContainTextAsync($"Add {given} {family} as");
        await CheckAsync(page, shots);
        await Button(page, "Add to the application").ClickAsync();
        await Expect(page.Locator("#notice")).ToContainTextAsync("was added as");
    }

    /// <summary>The first contact form, for a non-urgent application, ending on the new record.</summary>
    public static async Task<string> StartApplicationAsync(IPage page, string schemeRadioId, string prompted, bool urgent, string shots)
    {
        await page.GotoAsync("/disclosures");
        await Link(page.Locator("main"), "Start a new application").ClickAsync();
        await ExpectPathAsync(page, "/disclosures/new");
        await page.Locator($"[id='{schemeRadioId}']").CheckAsync();
        await page.Locator("#AreaId").CheckAsync();
        await page.Locator("[id='Via-Phone']").CheckAsync();
        await page.FillAsync("#WhatPrompted", prompted);
        await page.FillAsync("#SafeContactWay", "Mobile 07700 900777, text first");
        if (urgent)
        {
            await page.Locator("#ImmediateRisk").CheckAsync();
            await page.FillAsync("#RiskDescription", "The subject has threatened the applicant tonight");
            await page.FillAsync("#SafeguardingAction", "Officers sent to the address; applicant moved to a relative's");
        }
        else
        {
            await page.Locator("#ImmediateRisk-no").CheckAsync();
        }

        await CheckAsync(page, shots + "-first-contact");
        await Button(page, "Continue").ClickAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync("Check your answers before creating the application");
        await CheckAsync(page, shots + "-check-answers");
        await Button(page, "Create application").ClickAsync();
        await Expect(page.Locator("#notice")).ToContainTextAsync("created");
        return new Uri(page.Url).AbsolutePath;
    }

    public static async Task CompleteTriageAsync(IPage page, string url)
    {
        await page.GotoAsync(url);
        await Button(page, "Complete triage").ClickAsync();
        await Expect(page.Locator("#notice")).ToContainTextAsync("Triage completed");
    }

    public static async Task AllocateAsync(IPage page, string url, string name, string shots)
    {
        await page.GotoAsync(url + "/allocate");
        await page.GetByLabel(name, new() { Exact = true }).CheckAsync();
        await CheckAsync(page, shots);
        await Button(page, "Allocate").ClickAsync();
        await Expect(page.Locator("#notice")).ToContainTextAsync("allocated to " + name);
    }

    public static async Task ResearchAsync(IPage page, string url, bool meet, bool csods, string shots)
    {
        await page.GotoAsync(url + "/criteria");
        await page.Locator("#WithinScheme").CheckAsync();
        await page.FillAsync("#Reasons", "The subject has contact with the person at risk");
        await CheckAsync(page, shots + "-criteria");
        await Button(page, "Save criteria review").ClickAsync();
        await Expect(page.Locator("#notice")).ToContainTextAsync("within the scheme");

        if (meet)
        {
            await page.GotoAsync(url + "/meeting");
            await FillTodayAsync(page, "MetOn");
            await page.FillAsync("#Place", "Northtown police station");
            await page.FillAsync("#PhotoIdentity", "Passport");
            await page.FillAsync("#SecondIdentity", "Council tax bill");
            await CheckAsync(page, shots + "-meeting");
            await Button(page, "Save meeting").ClickAsync();
            await Expect(page.Locator("#notice")).ToContainTextAsync("meeting was recorded");
        }

        await page.GotoAsync(url + "/checks/add");
        await page.Locator("#SourceId").CheckAsync();
        await FillTodayAsync(page, "CheckedOn");
        await page.Locator("[id='Result-InformationFound']").CheckAsync();
        await page.FillAsync("#Summary", "Two domestic abuse incidents against a former partner");
        await CheckAsync(page, shots + "-check");
        await Button(page, "Save check").ClickAsync();
        await Expect(page.Locator("#notice")).ToContainTextAsync("check was recorded");

        await page.GotoAsync(url + "/research");
        await page.Locator("[id='RiskLevel-Medium']").CheckAsync();
        await page.FillAsync("#RiskAssessment", "Previous violence to a partner; recent controlling behaviour");
        if (csods)
        {
            await page.Locator("#SubjectIsRegisteredSexOffender").CheckAsync();
        }

        await CheckAsync(page, shots + "-research");
        await Button(page, "Complete research").ClickAsync();
        await Expect(page.Locator("#notice")).ToContainTextAsync("ready for a decision");
    }
}
