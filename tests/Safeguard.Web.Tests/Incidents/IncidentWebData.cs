using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Safeguard.Core.Common;
using Safeguard.Core.Incidents;
using Safeguard.Core.Organisation;
using Safeguard.Web.Tests.Disclosures;

namespace Safeguard.Web.Tests.Incidents;

/// <summary>Areas, users and incident files for the incident page and API tests, which share one app and database.</summary>
public static class IncidentWebData
{
    public const string Home = "Incidents home";
    public const string Away = "Incidents away";

    private static readonly ConcurrentDictionary<(SafeguardApp, string), int> Areas = new();
    private static readonly ConcurrentDictionary<(SafeguardApp, string, int), TestUser> Users = new();

    public static async Task<int> IncidentAreaAsync(this SafeguardApp app, string name)
    {
        if (Areas.TryGetValue((app, name), out var id))
        {
            return id;
        }

        using var scope = app.Services.CreateScope();
        var saved = await scope.ServiceProvider.GetRequiredService<OrganisationService>().SaveAreaAsync(null, name, true, 0);
        return Areas.GetOrAdd((app, name), saved.Value!.Id);
    }

    /// <summary>A user with one role in one area, made once and signed in afresh each time.</summary>
    public static async Task<HttpClient> IncidentSignInAsync(this SafeguardApp app, string role, string area = Home, int? agency = null)
    {
        var areaId = await app.IncidentAreaAsync(area);
        var key = (app, role + "/" + agency, areaId);
        if (!Users.TryGetValue(key, out var user))
        {
            user = Users.GetOrAdd(key, await app.CreateUserAsync([role], [areaId], agency));
        }

        return await app.SignInAsync(user);
    }

    /// <summary>A reference no other test uses: the shared database keeps every test's incidents.</summary>
    public static string NewReference() => "T-" + Guid.NewGuid().ToString("N")[..12].ToUpperInvariant();

    /// <summary>Yesterday evening, UK time, as the file writes it.</summary>
    public static string Yesterday(SafeguardApp app, int hour = 21) =>
        TimeZoneInfo.ConvertTimeFromUtc(app.Clock.GetUtcNow().UtcDateTime, London.Zone).Date.AddDays(-1).AddHours(hour)
            .ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    /// <summary>A good row (fictional people); replace any column by name.</summary>
    public static string Row(SafeguardApp app, string reference, string area = Home, params (string Column, string Value)[] changes)
    {
        var values = new Dictionary<string, string>
        {
            [IncidentCsv.IncidentReference] = reference, [IncidentCsv.OccurredAt] = Yesterday(app), [IncidentCsv.ReportedAt] = Yesterday(app, 22),
            [IncidentCsv.Area] = area, [IncidentCsv.RiskLevel] = "high", [IncidentCsv.DashYesCount] = "16",
            [IncidentCsv.VictimGivenName] = "Testa", [IncidentCsv.VictimFamilyName] = "Webfictional", [IncidentCsv.VictimDateOfBirth] = "1991-04-05",
            [IncidentCsv.PerpetratorGivenName] = "Madeup", [IncidentCsv.PerpetratorFamilyName] = "Webexample", [IncidentCsv.PerpetratorDateOfBirth] = "",
            [IncidentCsv.ChildrenLinked] = "yes", [IncidentCsv.ChildrenCount] = "1", [IncidentCsv.VictimConsented] = "yes",
            [IncidentCsv.Summary] = "Fictional test incident, neighbour reported shouting", [IncidentCsv.OfficerCollarNumber] = "PC 4321",
        };
        foreach (var (column, value) in changes)
        {
            values[column] = value;
        }

        return string.Join(',', IncidentCsv.Columns.Select(c => values[c].Contains(',') ? "\"" + values[c] + "\"" : values[c]));
    }

    public static byte[] File(params string[] rows) => Encoding.UTF8.GetBytes(IncidentCsv.HeaderRow + "\n" + string.Join("\n", rows) + "\n");

    public static Task<PoliceIncident?> IncidentAsync(this SafeguardApp app, string reference) =>
        app.WithDbAsync(db => db.PoliceIncidents.AsNoTracking().FirstOrDefaultAsync(i => i.IncidentReference == reference));

    /// <summary>An incident recorded through the real import, as a control-room user of the area would; returns its id.</summary>
    public static async Task<int> RecordIncidentAsync(this SafeguardApp app, string area = Home)
    {
        var reference = NewReference();
        var client = await app.IncidentSignInAsync(Safeguard.Core.Accounts.Roles.ControlRoom, area);
        var upload = await client.PostFileAsync("/incidents/import", "incidents.csv", File(Row(app, reference, area)));
        var preview = upload.Location()!;
        var confirm = await client.PostPairsAsync(preview, preview + "?handler=Confirm");
        Assert.Equal("/incidents", confirm.RedirectPath());
        return (await app.IncidentAsync(reference))!.Id;
    }
}
