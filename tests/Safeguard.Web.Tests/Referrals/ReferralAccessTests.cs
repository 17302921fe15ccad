using System.Net;
using Safeguard.Core.Accounts;
using Safeguard.Web.Tests.People;

namespace Safeguard.Web.Tests.Referrals;

/// <summary>
/// The permission matrix of the referral pages, every role against every page, in the referral's area and outside
/// it. Written out by hand, not derived from the capability map, so a change of who may do what is made twice.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class ReferralAccessTests(SafeguardApp app)
{
    private const string Ok = "200";
    private const string Refused = "403";
    private const string Hidden = "404";

    private static readonly string[] Recorders = [Roles.MaracCoordinator, Roles.MeetingChair, Roles.Idva, Roles.ControlRoom];

    private async Task<IReadOnlyList<(string Path, Func<string, string> Expected)>> RoutesAsync(int area)
    {
        var (referral, assessment) = await app.CreateReferralAsync(area, yes: 14);
        Func<string, string> Readers = role => Recorders.Contains(role) || role == Roles.Auditor ? Ok : Hidden;
        Func<string, string> Writers = role => Recorders.Contains(role) ? Ok : Refused;
        return
        [
            ("/referrals", role => Recorders.Contains(role) || role == Roles.Auditor ? Ok : Refused),
            ("/referrals/new", Writers),
            ($"/referrals/{referral}", Readers),
            ($"/referrals/{referral}/assessments/{assessment}", Readers),
            ($"/referrals/{referral}/people/add", Writers),
            ($"/referrals/{referral}/assessments/new", Writers),
        ];
    }

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
    public async Task Every_role_in_the_referrals_area_gets_exactly_its_pages()
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
    public async Task Outside_their_areas_recorders_find_nothing_and_auditors_read_but_change_nothing()
    {
        var (referral, assessment) = await app.CreateReferralAsync(await app.HomeAreaAsync(), yes: 3);
        var away = await app.AwayAreaAsync();
        foreach (var role in Recorders)
        {
            var client = await app.SignInAsAsync(role, away);
            foreach (var path in new[] { $"/referrals/{referral}", $"/referrals/{referral}/assessments/{assessment}", $"/referrals/{referral}/people/add", $"/referrals/{referral}/assessments/new" })
            {
                Assert.True(Hidden == await OutcomeAsync(client, path), $"{role} (other area) GET {path}");
            }

            Assert.DoesNotContain($"/referrals/{referral}\"", await (await client.GetAsync("/referrals")).Content.ReadAsStringAsync());
        }

        var auditor = await app.SignInAsAsync(Roles.Auditor, away);
        Assert.Equal(Ok, await OutcomeAsync(auditor, $"/referrals/{referral}"));
        Assert.Contains($"/referrals/{referral}\"", await (await auditor.GetAsync("/referrals")).Content.ReadAsStringAsync());
        var record = await auditor.GetPageAsync($"/referrals/{referral}");
        Assert.Null(record.QuerySelector($"a[href='/referrals/{referral}/people/add']"));
        Assert.Null(record.QuerySelector($"a[href='/referrals/{referral}/assessments/new']"));
    }

    [Fact]
    public async Task A_partner_agency_representative_finds_no_referral_and_no_nav_item()
    {
        var area = await app.HomeAreaAsync();
        var (referral, _) = await app.CreateReferralAsync(area);
        var partner = await app.SignInAsAsync(Roles.AgencyRepresentative, area);
        Assert.Equal(Hidden, await OutcomeAsync(partner, $"/referrals/{referral}"));
        Assert.Equal(Hidden, await OutcomeAsync(partner, "/referrals/999999"));
        Assert.Null((await partner.GetPageAsync("/")).QuerySelector("a[href='/referrals']"));
        var coordinator = await app.SignInAsAsync(Roles.MaracCoordinator, area);
        Assert.NotNull((await coordinator.GetPageAsync("/")).QuerySelector("a[href='/referrals']"));
    }
}
