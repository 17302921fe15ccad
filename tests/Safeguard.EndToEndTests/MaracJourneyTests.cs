using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Safeguard.Core.Audit;
using Safeguard.Core.Common;
using Safeguard.Core.Data;
using Safeguard.Core.Marac;
using static Microsoft.Playwright.Assertions;
using static Safeguard.EndToEndTests.Browse;

namespace Safeguard.EndToEndTests;

/// <summary>
/// A MARAC in a real browser: the co-ordinator sets up the meeting, builds the agenda from the cases waiting,
/// releases the pack, and holds the meeting with three agencies (police, housing, the IDVA service), setting two
/// actions on a case. Housing completes its action on its own list; the next meeting shows only the IDVA's.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class MaracJourneyTests(AppFixture app)
{
    private const string Coordinator = "marac.coordinator@demo.example.org";

    [Fact]
    public async Task A_coordinator_holds_a_marac_and_the_next_meeting_shows_the_unfinished_action()
    {
        var tag = Guid.NewGuid().ToString("N")[..5].ToUpperInvariant();
        var first = $"MJ{tag}1";
        var second = $"MJ{tag}2";
        var areaId = await QueueAsync(first, MaracCategory.FullDiscussion, second, MaracCategory.InformationOnly);

        await using var coordinatorContext = await app.NewContextAsync();
        var page = await coordinatorContext.NewPageAsync();
        await page.GotoAsync("/account/sign-in");
        await SignInAsDemoUserAsync(page, Coordinator, "mj");

        // Set up the next meeting and build its agenda: information-only before full discussion.
        await Link(page.Locator("#navigation"), "MARAC").ClickAsync();
        await Expect(page.Locator("#waiting")).ToContainTextAsync(first);
        await CheckAsync(page, "mj-marac");
        await page.Locator("#meetings button").First.ClickAsync();
        await page.WaitForURLAsync(new Regex("/marac/meetings/\\d+$"));
        var meetingId = int.Parse(new Uri(page.Url).AbsolutePath.Split('/')[3], CultureInfo.InvariantCulture);
        await Button(page, "Build the agenda").ClickAsync();
        var agenda = page.Locator("#agenda tbody tr");
        await Expect(page.Locator("#agenda")).ToContainTextAsync(first);
        var order = await agenda.AllInnerTextsAsync();
        Assert.True(order.ToList().FindIndex(r => r.Contains(second, StringComparison.Ordinal)) < order.ToList().FindIndex(r => r.Contains(first, StringComparison.Ordinal)));
        await CheckAsync(page, "mj-agenda");

        // Release the pack; it reads on screen and downloads.
        await page.Locator("#Release").ClickAsync();
        await Expect(page.Locator("#pack-status")).ToContainTextAsync("Released");
        await page.GotoAsync($"/marac/meetings/{meetingId}/pack");
        await Expect(page.Locator("main")).ToContainTextAsync(first);
        await CheckAsync(page, "mj-pack");

        // The day comes: the meeting is moved to now (the app runs on the real clock).
        await MoveMeetingToNowAsync(meetingId);

        // Housing and the IDVA service read the pack and agree to the confidentiality statement.
        await AgreeAsync("housing.rep@demo.example.org", "mjh", meetingId);
        await AgreeAsync("idva@demo.example.org", "mji", meetingId);

        // The meeting, live: three agencies present, the rest sent apologies.
        await page.GotoAsync($"/marac/meetings/{meetingId}/live");
        await CheckAsync(page, "mj-live");
        await Button(page, "Open the meeting").ClickAsync();
        await Expect(page.Locator("#meeting-status")).ToContainTextAsync("Open since");
        await Expect(page.Locator("#attendees")).ToContainTextAsync("Northshire Housing (demo)");
        await RecordAttendanceAsync(page, "Northshire Police (demo)", "Mo Coordinate");
        await RecordAttendanceAsync(page, "Northshire Housing (demo)", "Harper Housing");
        await RecordAttendanceAsync(page, "Northshire IDVA Service (demo)", "Ivy Advocate");

        // The full-discussion case: the IDVA's account, the chair's summary and two actions.
        await Link(page.Locator("#case-links"), first).ClickAsync();
        await Expect(page.Locator("#case-heading")).ToContainTextAsync(first);
        await page.FillAsync("#VictimViews", "Wants to stay in the home with the locks changed; fears contact at the school gate.");
        await page.FillAsync("#RiskSummary", "High risk: recent strangulation, separation, and the perpetrator knows the new address.");
        await Button(page, "Save").ClickAsync();
        await Expect(page.Locator(".govuk-notification-banner")).ToBeVisibleAsync();
        await AddActionAsync(page, "Change the locks and fit a door alarm at the home", "Harper Housing (Northshire Housing (demo))");
        await AddActionAsync(page, "Safety plan with the victim, including the school run", "Ivy Advocate (Northshire IDVA Service (demo))");
        await Expect(page.Locator("#actions li")).ToHaveCountAsync(2);
        await CheckAsync(page, "mj-live-case");
        var housingAction = await ActionIdAsync(first, "Change the locks");
        var idvaAction = await ActionIdAsync(first, "Safety plan");

        // Housing completes its action on its own list, with the evidence.
        await using (var housing = await app.NewContextAsync())
        {
            var hp = await housing.NewPageAsync();
            await hp.GotoAsync("/account/sign-in");
            await SignInAsDemoUserAsync(hp, "housing.rep@demo.example.org", "mjd");
            await hp.GotoAsync("/notifications");
            await Expect(hp.Locator("main")).ToContainTextAsync("action");
            await hp.GotoAsync($"/actions/{housingAction}");
            await hp.Locator("#Status-Done").CheckAsync();
            await hp.FillAsync("#Note", "Locks changed and alarm fitted.");
            await Button(hp, "Save the update").ClickAsync();
            await Expect(hp.Locator(".govuk-error-summary")).ToContainTextAsync("evidence");
            await hp.FillAsync("#CompletionEvidence", "Job sheet 4471, fitted on the day");
            await Button(hp, "Save the update").ClickAsync();
            await Expect(hp.Locator("main")).ToContainTextAsync("Done");
            await CheckAsync(hp, "mjd-action-done");
        }

        // The next meeting: its live screen starts with what is unfinished, the IDVA's action and not Housing's.
        await page.GotoAsync("/marac");
        await page.Locator("#meetings button").First.ClickAsync();
        await page.WaitForURLAsync(new Regex("/marac/meetings/\\d+$"));
        var nextId = int.Parse(new Uri(page.Url).AbsolutePath.Split('/')[3], CultureInfo.InvariantCulture);
        Assert.NotEqual(meetingId, nextId);
        await page.GotoAsync($"/marac/meetings/{nextId}/live");
        await Expect(page.Locator($"#action-{idvaAction}")).ToContainTextAsync("Safety plan");
        await Expect(page.Locator($"#action-{housingAction}")).ToHaveCountAsync(0);
        await CheckAsync(page, "mj-next-meeting");
    }

    private async Task AgreeAsync(string email, string shots, int meetingId)
    {
        await using var context = await app.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync("/account/sign-in");
        await SignInAsDemoUserAsync(page, email, shots);
        await page.GotoAsync("/notifications");
        await Expect(page.Locator("main")).ToContainTextAsync("pack");
        await page.GotoAsync($"/marac/meetings/{meetingId}");
        await Link(page.Locator("#meeting-links"), "The confidentiality statement").ClickAsync();
        await CheckAsync(page, shots + "-confidentiality");
        await page.Locator("#Agree").ClickAsync();
        await Expect(page.Locator(".govuk-notification-banner")).ToBeVisibleAsync();
    }

    private static async Task RecordAttendanceAsync(IPage page, string agency, string representative)
    {
        var form = page.Locator("#attendance form", new PageLocatorOptions { HasText = agency });
        await form.Locator("input[value='Present']").CheckAsync();
        await form.Locator("input[name$='Representative']").FillAsync(representative);
        await form.Locator("button").ClickAsync();
        await Expect(page.Locator("#attendance form", new PageLocatorOptions { HasText = agency }).Locator("h3")).ToContainTextAsync($"present ({representative})");
    }

    private static async Task AddActionAsync(IPage page, string description, string owner)
    {
        var due = London.DateOf(DateTime.UtcNow).AddDays(14);
        await page.FillAsync("#Description", description);
        await page.Locator("#OwnerUserId").SelectOptionAsync(new SelectOptionValue { Label = owner });
        await page.FillAsync("#DueOn", due.Day.ToString(CultureInfo.InvariantCulture));
        await page.FillAsync("#DueOn-month", due.Month.ToString(CultureInfo.InvariantCulture));
        await page.FillAsync("#DueOn-year", due.Year.ToString(CultureInfo.InvariantCulture));
        await Button(page, "Set the action").ClickAsync();
        await Expect(page.Locator("#actions")).ToContainTextAsync(description);
    }

    /// <summary>Two cases waiting for the area's MARAC, as a DRAMM would have referred them.</summary>
    private async Task<int> QueueAsync(string first, MaracCategory firstCategory, string second, MaracCategory secondCategory)
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<SafeguardDbContext>();
        var areaId = await db.Areas.Where(a => a.Name == "Northtown (demo)").Select(a => a.Id).SingleAsync();
        scope.ServiceProvider.GetRequiredService<AuditContext>().ActorUserId = await db.Users.Where(u => u.Email == Coordinator).Select(u => u.Id).SingleAsync();
        await using var write = await scope.ServiceProvider.GetRequiredService<AuditTrail>().BeginAsync();
        var intake = scope.ServiceProvider.GetRequiredService<MaracIntake>();
        await intake.ReferAsync(new(areaId, MaracReferralSource.Dramm, firstCategory, DateTime.UtcNow.AddDays(-2), first, ChildrenLinked: true), write);
        await intake.ReferAsync(new(areaId, MaracReferralSource.Dramm, secondCategory, DateTime.UtcNow.AddDays(-1), second), write);
        await write.CommitAsync();
        return areaId;
    }

    private async Task MoveMeetingToNowAsync(int meetingId)
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<SafeguardDbContext>();
        var today = London.DateOf(DateTime.UtcNow);
        await db.MaracMeetings.Where(m => m.Id == meetingId)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.Date, today).SetProperty(m => m.StartsAtUtc, DateTime.UtcNow.AddMinutes(-1)));
    }

    private async Task<int> ActionIdAsync(string reference, string starts)
    {
        using var scope = app.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<SafeguardDbContext>().CaseActions
            .Where(a => a.Reference == reference && a.Description.StartsWith(starts)).Select(a => a.Id).SingleAsync();
    }
}
