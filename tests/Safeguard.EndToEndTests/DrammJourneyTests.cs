using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Safeguard.Core.Common;
using Safeguard.Core.Data;
using Safeguard.Core.Dramm;
using static Microsoft.Playwright.Assertions;
using static Safeguard.EndToEndTests.Browse;

namespace Safeguard.EndToEndTests;

/// <summary>
/// A whole DRAMM in a real browser: the co-ordinator imports the night's incidents, prepares the day's list, two
/// agencies add what they know once it is released, the meeting agrees high risk and refers to MARAC, and the
/// minutes go out to the agencies.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class DrammJourneyTests(AppFixture app)
{
    private const string Coordinator = "marac.coordinator@demo.example.org";

    [Fact]
    public async Task A_coordinator_runs_a_dramm_from_the_incident_file_to_released_minutes()
    {
        var tag = Guid.NewGuid().ToString("N")[..6].ToUpperInvariant();
        var highIncident = $"NT-E2E-{tag}-1";
        var mediumIncident = $"NT-E2E-{tag}-2";

        await using var coordinatorContext = await app.NewContextAsync();
        var page = await coordinatorContext.NewPageAsync();
        await page.GotoAsync("/account/sign-in");
        await SignInAsDemoUserAsync(page, Coordinator, "dj");

        // The file: one high-risk incident with children (on the list), one medium with neither children nor
        // consent (left out), and one the force's system got wrong.
        await page.GotoAsync("/incidents/import");
        await CheckAsync(page, "dj-import");
        await page.SetInputFilesAsync("#File", new FilePayload { Name = "incidents.csv", MimeType = "text/csv", Buffer = IncidentFile(highIncident, mediumIncident, tag) });
        await Button(page, "Check the file").ClickAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync("Check the incident file");
        await Expect(page.Locator("#to-import")).ToHaveTextAsync("2");
        await Expect(page.Locator("#bad")).ToContainTextAsync("The risk level must be standard, medium or high");
        await CheckAsync(page, "dj-import-preview");
        await page.Locator("#Confirm").ClickAsync();
        await Expect(page.Locator("#notice")).ToContainTextAsync("2 incidents were imported");

        // Safeguard's own references for them, which the DRAMM's pages show.
        var high = await ReferenceOfAsync(highIncident);
        var medium = await ReferenceOfAsync(mediumIncident);

        // Housing and the IDVA service attend this area's DRAMM.
        await page.GotoAsync("/dramm/settings");
        await page.GetByLabel("Northshire Housing (demo)").CheckAsync();
        await page.GetByLabel("Northshire IDVA Service (demo)").CheckAsync();
        await Button(page, "Save the agencies").ClickAsync();
        await Expect(page.Locator(".govuk-notification-banner")).ToContainTextAsync("agencies attending");

        // The sitting whose list takes what arrived just now.
        var (areaId, date) = await SittingTakingNowAsync();
        await page.GotoAsync(DrammDayPath(areaId, date));
        await page.Locator("form button.govuk-button:not(.govuk-button--secondary)", new PageLocatorOptions { HasTextRegex = new("Prepare the list|Look for new cases") }).ClickAsync();
        await Expect(page.Locator(".govuk-notification-banner")).ToContainTextAsync("The list was prepared");
        var row = page.Locator("tr", new PageLocatorOptions { HasText = high });
        await Expect(row).ToContainTextAsync("High-risk police incident");
        await Expect(page.Locator("#left-out")).ToContainTextAsync(medium);
        await CheckAsync(page, "dj-list");
        var caseId = int.Parse((await row.Locator("a[href$='/outcome']").GetAttributeAsync("href"))!.Split('/')[3], CultureInfo.InvariantCulture);

        var meetingId = await MeetingOfCaseAsync(caseId);
        var original = await MeetingTimesAsync(meetingId);
        try
        {
            // The release time passes: the two agencies now see the case and say what they know.
            await MoveMeetingAsync(meetingId, releaseBy: DateTime.UtcNow.AddMinutes(-1), meetsAt: DateTime.UtcNow.AddHours(1));
            await AddAgencyInformationAsync("housing.rep@demo.example.org", "djh", high, known: true, "Tenancy at the family home; a report of damage to the door last month.");
            await AddAgencyInformationAsync("idva@demo.example.org", "dji", high, known: false, null);

            await page.GotoAsync($"/dramm/shared/cases/{caseId}");
            await Expect(page.Locator("#agency-information")).ToContainTextAsync("Northshire Housing (demo)");
            await Expect(page.Locator("#agency-information")).ToContainTextAsync("Northshire IDVA Service (demo)");
            await CheckAsync(page, "dj-case");

            // The pack for the meeting: the agenda and a page per case, downloaded by an attending agency's reader too.
            await page.GotoAsync(DrammDayPath(areaId, date));
            var pack = await page.RunAndWaitForDownloadAsync(() => page.Locator("#pack a").ClickAsync());
            Assert.True(new FileInfo((await pack.PathAsync())!).Length > 1000);
            Assert.DoesNotContain(high, pack.SuggestedFilename);

            // The meeting: children and details confirmed, high risk agreed, referred to MARAC.
            await page.GotoAsync($"/dramm/cases/{caseId}/outcome");
            await page.Locator("#ChildrenConfirmed").CheckAsync();
            await page.Locator("#DetailsConfirmed").CheckAsync();
            await page.Locator("#AgreedRisk-High").CheckAsync();
            await page.FillAsync("#RiskRationale", "Strangulation reported and escalation over the last month; children at home.");
            await Button(page, "Save the outcome").ClickAsync();
            await Expect(page.Locator(".govuk-error-summary")).ToContainTextAsync("Select whether the case is referred to MARAC");
            await CheckAsync(page, "dj-outcome-error");
            await page.Locator("#Decision").CheckAsync();
            await page.FillAsync("#DecisionRationale", "Visible high risk and professional judgement: full discussion needed.");
            await Button(page, "Save the outcome").ClickAsync();
            await ExpectPathAsync(page, "/dramm");
            await Expect(page.Locator("tr", new PageLocatorOptions { HasText = high })).ToContainTextAsync("High risk, referred to MARAC");

            // The meeting has started and every case has its outcome: the minutes go out.
            await MoveMeetingAsync(meetingId, releaseBy: DateTime.UtcNow.AddMinutes(-90), meetsAt: DateTime.UtcNow.AddMinutes(-1));
            await page.GotoAsync(DrammDayPath(areaId, date));
            await CloseOtherOpenCasesAsync(meetingId, caseId);
            await page.ReloadAsync();
            await page.Locator("#Minutes").ClickAsync();
            await Expect(page.Locator("#minutes-released")).ToContainTextAsync("Released to the attending agencies");
            await CheckAsync(page, "dj-minutes-released");

            // Housing is told, and downloads the minutes.
            await using var housing = await app.NewContextAsync();
            var hp = await housing.NewPageAsync();
            await hp.GotoAsync("/account/sign-in");
            await SignInAsDemoUserAsync(hp, "housing.rep@demo.example.org", "djm");
            await hp.GotoAsync("/notifications");
            await Expect(hp.Locator("main")).ToContainTextAsync("minutes");
            await hp.GotoAsync("/dramm/shared");
            var download = await hp.RunAndWaitForDownloadAsync(() => hp.Locator($"a[href='/dramm/meetings/{meetingId}/minutes']").First.ClickAsync());
            var path = await download.PathAsync();
            Assert.True(new FileInfo(path!).Length > 1000);
            Assert.DoesNotContain(high, download.SuggestedFilename);
        }
        finally
        {
            // Other journeys share this app and expect the sitting's real times.
            await MoveMeetingAsync(meetingId, original.ReleaseBy, original.MeetsAt);
        }
    }

    private async Task AddAgencyInformationAsync(string email, string shots, string reference, bool known, string? summary)
    {
        await using var context = await app.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync("/account/sign-in");
        await SignInAsDemoUserAsync(page, email, shots);
        await Link(page.Locator("#navigation"), "DRAMM cases").ClickAsync();
        await Link(page.Locator("main"), reference).ClickAsync();
        await page.Locator(known ? "#Known" : "#Known-No").CheckAsync();
        if (known)
        {
            await page.Locator("#Involvement").CheckAsync();
            await page.FillAsync("#Summary", summary!);
        }

        await Button(page, "Save your agency's information").ClickAsync();
        await Expect(page.Locator(".govuk-notification-banner")).ToBeVisibleAsync();
        await CheckAsync(page, shots + "-case");
    }

    private static byte[] IncidentFile(string high, string medium, string tag)
    {
        var occurred = TimeZoneInfo.ConvertTimeFromUtc(DateTime.UtcNow.AddHours(-3), London.Zone).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
        var reported = TimeZoneInfo.ConvertTimeFromUtc(DateTime.UtcNow.AddHours(-2), London.Zone).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
        var csv = new StringBuilder();
        csv.AppendLine("incident_reference,occurred_at,reported_at,area,risk_level,dash_yes_count,victim_given_name,victim_family_name,victim_date_of_birth,perpetrator_given_name,perpetrator_family_name,perpetrator_date_of_birth,children_linked,children_count,victim_consented,summary,officer_collar_number");
        csv.AppendLine($"{high},{occurred},{reported},Northtown (demo),high,15,Journey,Victim-{Letters(tag)},1991-04-02,Journey,Suspect-{Letters(tag)},1988-07-19,yes,2,yes,Fictional incident for the browser journey,NT 4821");
        csv.AppendLine($"{medium},{occurred},{reported},Northtown (demo),medium,6,Journey,Other-{Letters(tag)},1985-01-12,,,,no,,no,Fictional incident for the browser journey,NT 4821");
        csv.AppendLine($"NT-E2E-{tag}-3,{occurred},{reported},Northtown (demo),very high,,Journey,Wrong-{Letters(tag)},,,,,no,,no,Fictional,NT 4821");
        return Encoding.UTF8.GetBytes(csv.ToString());
    }

    // Names take letters only: the tag's digits become letters.
    private static string Letters(string tag) => new([.. tag.Select(c => char.IsDigit(c) ? (char)('a' + (c - '0')) : char.ToLowerInvariant(c))]);

    private static string DrammDayPath(int area, DateOnly date) => $"/dramm?area={area}&date={date:yyyy-MM-dd}";

    private async Task<(int AreaId, DateOnly Date)> SittingTakingNowAsync()
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<SafeguardDbContext>();
        var areaId = await db.Areas.Where(a => a.Name == "Northtown (demo)").Select(a => a.Id).SingleAsync();
        var calendar = await scope.ServiceProvider.GetRequiredService<DrammSettings>().CalendarAsync(areaId);
        var now = DateTime.UtcNow;
        for (var day = London.DateOf(now); ; day = day.AddDays(1))
        {
            if (calendar.SittingOn(day) is { } sitting && sitting.ReleaseByUtc > now.AddMinutes(2))
            {
                return (areaId, day);
            }
        }
    }

    private async Task<string> ReferenceOfAsync(string incidentReference)
    {
        using var scope = app.Services.CreateScope();
        var id = await scope.ServiceProvider.GetRequiredService<SafeguardDbContext>().PoliceIncidents
            .Where(i => i.IncidentReference == incidentReference).Select(i => i.Id).SingleAsync();
        return Safeguard.Core.Incidents.PoliceIncident.FormatReference(id);
    }

    private async Task<int> MeetingOfCaseAsync(int caseId)
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<SafeguardDbContext>();
        return await db.DrammCases.Where(c => c.Id == caseId).Select(c => c.MeetingId).SingleAsync();
    }

    private async Task<(DateTime ReleaseBy, DateTime MeetsAt)> MeetingTimesAsync(int meetingId)
    {
        using var scope = app.Services.CreateScope();
        var m = await scope.ServiceProvider.GetRequiredService<SafeguardDbContext>().DrammMeetings.AsNoTracking().SingleAsync(x => x.Id == meetingId);
        return (m.ReleaseByUtc, m.MeetsAtUtc);
    }

    private async Task MoveMeetingAsync(int meetingId, DateTime releaseBy, DateTime meetsAt)
    {
        using var scope = app.Services.CreateScope();
        await scope.ServiceProvider.GetRequiredService<SafeguardDbContext>().DrammMeetings.Where(m => m.Id == meetingId)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.ReleaseByUtc, releaseBy).SetProperty(m => m.MeetsAtUtc, meetsAt));
    }

    /// <summary>
    /// Other journeys' incidents may share this sitting; the minutes wait for every case's outcome, so those are taken
    /// off the list here (as a co-ordinator would with a reason), leaving this journey's case to be judged.
    /// </summary>
    private async Task CloseOtherOpenCasesAsync(int meetingId, int caseId)
    {
        using var scope = app.Services.CreateScope();
        await scope.ServiceProvider.GetRequiredService<SafeguardDbContext>().DrammCases
            .Where(c => c.MeetingId == meetingId && c.Id != caseId && c.OnList && c.OutcomeRecordedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.OnList, false).SetProperty(c => c.OverruledReason, "Not part of this journey"));
    }
}
