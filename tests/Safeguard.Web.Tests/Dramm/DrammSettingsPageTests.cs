using System.Net;
using Microsoft.EntityFrameworkCore;
using Safeguard.Core.Accounts;
using Safeguard.Web.Tests.Disclosures;

namespace Safeguard.Web.Tests.Dramm;

[Collection(AppCollection.Name)]
public sealed class DrammSettingsPageTests(SafeguardApp app)
{
    private static Dictionary<string, string> Week(string mondayRelease = "11:00", string mondayMeets = "13:00")
    {
        var form = new Dictionary<string, string>();
        DayOfWeek[] week = [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday, DayOfWeek.Saturday, DayOfWeek.Sunday];
        for (var i = 0; i < week.Length; i++)
        {
            form[$"Days[{i}].Day"] = week[i].ToString();
            if (week[i] is DayOfWeek.Saturday or DayOfWeek.Sunday)
            {
                continue;
            }

            form[$"Days[{i}].Meets"] = "true";
            form[$"Days[{i}].ReleaseBy"] = week[i] == DayOfWeek.Monday ? mondayRelease : "10:00";
            form[$"Days[{i}].MeetsAt"] = week[i] == DayOfWeek.Monday ? mondayMeets : "11:30";
        }

        return form;
    }

    [Fact]
    public async Task A_coordinator_sees_the_protocol_week_and_saves_their_areas_own()
    {
        var area = await app.NewAreaAsync();
        var coordinator = await app.CreateUserAsync([Roles.MaracCoordinator], [area]);
        var client = await app.SignInAsync(coordinator);

        var page = await client.GetPageAsync($"/dramm/settings?area={area}");
        Assert.Equal("13:00", page.QuerySelector("#MondayMeetsAt")!.GetAttribute("value"));
        Assert.Equal("11:30", page.QuerySelector("#TuesdayMeetsAt")!.GetAttribute("value"));
        Assert.Null(page.QuerySelector("#SundayMeets")!.GetAttribute("checked"));
        Assert.NotNull(page.QuerySelector("#navigation a[href='/dramm/settings']"));

        var form = Week("12:00", "14:00");
        form["area"] = area.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var saved = await client.PostFormAsync($"/dramm/settings?area={area}", form);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        page = await client.GetPageAsync(saved.Headers.Location!.OriginalString);
        Assert.Contains("were saved", page.QuerySelector(".govuk-notification-banner")!.TextContent);
        Assert.Equal("14:00", page.QuerySelector("#MondayMeetsAt")!.GetAttribute("value"));
        Assert.Equal(7, await app.WithDbAsync(db => db.DrammDays.CountAsync(d => d.AreaId == area)));
    }

    [Fact]
    public async Task A_release_after_the_meeting_is_named_in_the_error_summary_and_nothing_is_saved()
    {
        var area = await app.NewAreaAsync();
        var coordinator = await app.CreateUserAsync([Roles.MaracCoordinator], [area]);
        var client = await app.SignInAsync(coordinator);
        var form = Week("14:00", "13:00");
        form["area"] = area.ToString(System.Globalization.CultureInfo.InvariantCulture);

        var response = await client.PostFormAsync($"/dramm/settings?area={area}", form);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.ReadDocumentAsync();
        Assert.Contains("Monday's cases must be released before the meeting starts", page.ErrorSummary());
        Assert.NotNull(page.QuerySelector(".govuk-error-summary a[href='#MondayReleaseBy']"));
        Assert.Equal("14:00", page.QuerySelector("#MondayReleaseBy")!.GetAttribute("value"));
        Assert.Equal(0, await app.WithDbAsync(db => db.DrammDays.CountAsync(d => d.AreaId == area)));
    }

    [Fact]
    public async Task Another_area_is_not_found_and_a_role_without_the_capability_is_refused()
    {
        var mine = await app.NewAreaAsync();
        var theirs = await app.NewAreaAsync();
        var coordinator = await app.CreateUserAsync([Roles.MaracCoordinator], [mine]);
        var client = await app.SignInAsync(coordinator);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/dramm/settings?area={theirs}")).StatusCode);

        var idva = await app.CreateUserAsync([Roles.Idva], [mine]);
        var refused = await (await app.SignInAsync(idva)).GetAsync($"/dramm/settings?area={mine}");
        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        Assert.Equal("/error/403", refused.RedirectPath());
    }
}
