using System.Net;
using Safeguard.Core.Accounts;
using Safeguard.Core.Disclosures;
using Safeguard.Web.Tests.People;

namespace Safeguard.Web.Tests.Disclosures;

/// <summary>
/// The permission matrix of the disclosure pages: every role, in the application's area and outside it, against
/// every page. The expectations are written out here by hand, not derived from the capability map, so a change
/// to who may do what has to be made twice: once in the code and once, deliberately, here.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class DisclosureAccessTests(SafeguardApp app)
{
    private const string Ok = "200";
    private const string Refused = "403";
    private const string Hidden = "404";

    private static readonly string[] Cru = [Roles.ControlRoom, Roles.CruResearcher, Roles.CruDecisionMaker, Roles.CruSupervisor, Roles.DisclosureOfficer];
    private static readonly string[] Researchers = [Roles.CruResearcher, Roles.CruSupervisor];

    private async Task<IReadOnlyList<(string Path, Func<string, string> Expected)>> RoutesAsync(int area)
    {
        var research = await app.CreateApplicationAsync(area, DisclosureStage.Research);
        var criteria = await app.CreateApplicationAsync(area, DisclosureStage.CriteriaReview);
        var meeting = await app.CreateApplicationAsync(area, DisclosureStage.FaceToFace);
        var decision = await app.CreateApplicationAsync(area, DisclosureStage.Decision);
        var disclose = await app.CreateApplicationAsync(area, DisclosureStage.Disclosure);
        var noDisclosure = await app.CreateApplicationAsync(area, DisclosureStage.Disclosure, disclose: false);
        Func<string, string> Only(params string[] roles) => role => roles.Contains(role) ? Ok : Refused;
        return
        [
            ("/disclosures", Only([.. Cru, Roles.Auditor])),
            ($"/disclosures/{research}", Only([.. Cru, Roles.Auditor])),
            ("/disclosures/board", Only(Roles.CruSupervisor, Roles.Auditor)),
            ("/disclosures/new", Only(Roles.ControlRoom, Roles.CruResearcher, Roles.CruSupervisor)),
            ($"/disclosures/{research}/people/add", Only(Cru)),
            ($"/disclosures/{criteria}/criteria", Only(Researchers)),
            ($"/disclosures/{meeting}/meeting", Only(Researchers)),
            ($"/disclosures/{research}/checks/add", Only(Researchers)),
            ($"/disclosures/{research}/research", Only(Researchers)),
            ($"/disclosures/{research}/close", Only(Researchers)),
            ($"/disclosures/{decision}/decision", Only(Roles.CruDecisionMaker)),
            ($"/disclosures/{disclose}/delivery", Only(Roles.DisclosureOfficer, Roles.CruSupervisor)),
            ($"/disclosures/{noDisclosure}/informed", Only(Roles.CruResearcher, Roles.CruSupervisor, Roles.DisclosureOfficer)),
            ($"/disclosures/{research}/allocate", Only(Roles.CruSupervisor)),
            // Auditors may read the application but change nothing: its forms are not found for them.
            ($"/disclosures/{research}/urgent", role => Cru.Contains(role) ? Ok : role == Roles.Auditor ? Hidden : Refused),
            ($"/disclosures/{research}/delay", role => Cru.Contains(role) ? Ok : role == Roles.Auditor ? Hidden : Refused),
        ];
    }

    private async Task<string> OutcomeAsync(HttpClient client, string path)
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
    public async Task Every_role_in_the_applications_area_gets_exactly_its_pages()
    {
        var area = await app.HomeAreaAsync();
        var routes = await RoutesAsync(area);
        var wrong = new List<string>();
        foreach (var role in Roles.All.Select(r => r.Name))
        {
            var client = await app.SignInAsAsync(role, area);
            foreach (var (path, expected) in routes)
            {
                var got = await OutcomeAsync(client, path);
                if (got != expected(role))
                {
                    wrong.Add($"{role} GET {path}: expected {expected(role)}, got {got}");
                }
            }
        }

        Assert.Empty(wrong);
    }

    [Fact]
    public async Task Outside_their_areas_the_cru_finds_nothing_and_auditors_read_everything()
    {
        var routes = await RoutesAsync(await app.HomeAreaAsync());
        var away = await app.AwayAreaAsync();
        var wrong = new List<string>();
        foreach (var role in Cru)
        {
            var client = await app.SignInAsAsync(role, away);
            // A page the role may use in its own area is not found for another area's application; the rest stay refused.
            foreach (var (path, inArea) in routes.Where(r => r.Path.StartsWith("/disclosures/", StringComparison.Ordinal) && char.IsDigit(r.Path[13])))
            {
                var expected = inArea(role) == Ok ? Hidden : Refused;
                var got = await OutcomeAsync(client, path);
                if (got != expected)
                {
                    wrong.Add($"{role} (other area) GET {path}: expected {expected}, got {got}");
                }
            }
        }

        var auditor = await app.SignInAsAsync(Roles.Auditor, away);
        Assert.Equal(Ok, await OutcomeAsync(auditor, routes[1].Path));
        Assert.Empty(wrong);
    }
}
