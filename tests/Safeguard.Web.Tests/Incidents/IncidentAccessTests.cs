using System.Net;
using Safeguard.Web.Tests.Disclosures;
using Safeguard.Web.Tests.People;
using Safeguard.Core.Accounts;

namespace Safeguard.Web.Tests.Incidents;

/// <summary>
/// The permission matrix of the incident pages, written out by hand: police roles who triage see their areas'
/// incidents, the control room and the MARAC co-ordinator import, auditors read everything and import nothing,
/// partner agencies and everyone else are refused. Outside their areas the record is not found.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class IncidentAccessTests(SafeguardApp app)
{
    private const string Ok = "200";
    private const string Refused = "403";
    private const string Hidden = "404";

    private static readonly string[] Viewers = [Roles.ControlRoom, Roles.MaracCoordinator, Roles.CruSupervisor, Roles.MeetingChair, Roles.Auditor];
    private static readonly string[] Importers = [Roles.ControlRoom, Roles.MaracCoordinator];

    private static async Task<string> OutcomeAsync(HttpClient client, string path)
    {
        var response = await client.GetAsync(path);
        return response.StatusCode switch
        {
            HttpStatusCode.OK => Ok,
            HttpStatusCode.NotFound => Hidden,
            HttpStatusCode.Redirect when response.RedirectPath() == "/error/403" => Refused,
            _ => $"{(int)response.StatusCode} {response.Location()}",
        };
    }

    [Fact]
    public async Task Every_role_in_the_incidents_area_gets_exactly_its_pages()
    {
        var id = await app.RecordIncidentAsync();
        (string Path, string[] Allowed)[] routes =
        [
            ("/incidents", Viewers),
            ($"/incidents/{id}", Viewers),
            ("/incidents/import", Importers),
        ];
        var wrong = new List<string>();
        foreach (var role in Roles.All.Select(r => r.Name))
        {
            var client = await app.IncidentSignInAsync(role);
            foreach (var (path, allowed) in routes)
            {
                var expected = allowed.Contains(role) ? Ok : Refused;
                var got = await OutcomeAsync(client, path);
                if (got != expected)
                {
                    wrong.Add($"{role} GET {path}: expected {expected}, got {got}");
                }
            }
        }

        Assert.Empty(wrong);
    }

    [Fact]
    public async Task Outside_their_areas_police_users_find_nothing_and_auditors_read_everything()
    {
        var id = await app.RecordIncidentAsync();
        var reference = (await app.WithDbAsync(db => Task.FromResult(db.PoliceIncidents.Single(i => i.Id == id)))).IncidentReference;
        foreach (var role in Viewers.Where(r => r != Roles.Auditor))
        {
            var client = await app.IncidentSignInAsync(role, IncidentWebData.Away);
            Assert.Equal(Hidden, await OutcomeAsync(client, $"/incidents/{id}"));
            Assert.DoesNotContain(reference, (await client.GetPageAsync("/incidents")).Body!.TextContent, StringComparison.Ordinal);
        }

        Assert.True(await app.AuditedAsync("access.denied", id.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        var auditor = await app.IncidentSignInAsync(Roles.Auditor, IncidentWebData.Away);
        Assert.Equal(Ok, await OutcomeAsync(auditor, $"/incidents/{id}"));
        Assert.Equal(Refused, await OutcomeAsync(auditor, "/incidents/import"));
    }

    [Fact]
    public async Task A_partner_agency_user_is_refused_and_has_no_nav_item()
    {
        var representative = await app.IncidentSignInAsync(Roles.AgencyRepresentative, agency: app.OtherAgencyId);
        Assert.Equal(Refused, await OutcomeAsync(representative, "/incidents"));
        var home = await representative.GetPageAsync("/");
        Assert.DoesNotContain("Police incidents", home.QuerySelector("nav")!.TextContent, StringComparison.Ordinal);
        var police = await app.IncidentSignInAsync(Roles.ControlRoom);
        Assert.Contains("Police incidents", (await police.GetPageAsync("/")).QuerySelector("nav")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_area_outside_the_users_areas_is_refused_in_the_file()
    {
        await app.IncidentAreaAsync(IncidentWebData.Away);
        var client = await app.IncidentSignInAsync(Roles.ControlRoom);
        var upload = await client.PostFileAsync("/incidents/import", "away.csv",
            IncidentWebData.File(IncidentWebData.Row(app, IncidentWebData.NewReference(), IncidentWebData.Away)));
        var page = await client.GetPageAsync(upload.Location()!);
        Assert.Contains("area: The area must be one of your areas", page.QuerySelector("#bad")!.TextContent, StringComparison.Ordinal);
    }
}
