using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Safeguard.Core.Accounts;
using Safeguard.Core.Data;
using Safeguard.Core.Incidents;

namespace Safeguard.Core.Tests.Incidents;

/// <summary>A migrated database with two areas, a control-room user in area A, and helpers to write incident files.</summary>
public abstract class IncidentFixture : IAsyncLifetime
{
    /// <summary>A Monday morning in November (GMT): the fixed "now" of these tests.</summary>
    protected static readonly DateTimeOffset Start = new(2026, 11, 30, 9, 0, 0, TimeSpan.Zero);

    protected CoreHost Host { get; private set; } = null!;
    protected (int Agency, int AreaA, int AreaB) Org { get; private set; }
    protected string UserId { get; private set; } = null!;
    protected Importer Importer => new(UserId, Org.Agency, new HashSet<int> { Org.AreaA });

    public async Task InitializeAsync()
    {
        Host = await CoreHost.StartAsync();
        Host.Clock.Set(Start);
        Org = await Host.SeedOrganisationAsync();
        using var scope = Host.Scope();
        var created = await scope.ServiceProvider.GetRequiredService<UserAdministration>()
            .CreateAsync(new UserDetails("Robin Control", "robin.control@example.org", Org.Agency, [Org.AreaA], [Roles.ControlRoom]), null);
        UserId = created.Value!.User.Id;
    }

    public async Task DisposeAsync() => await Host.DisposeAsync();

    protected static string Row(string reference, params (string Column, string Value)[] changes) => IncidentRows.Row(reference, changes);

    protected static byte[] File(params string[] rows) => IncidentRows.File(rows);

    protected async Task<T> WithAsync<T>(Func<IServiceProvider, Task<T>> act)
    {
        using var scope = Host.Scope();
        return await act(scope.ServiceProvider);
    }

    protected Task<IncidentImport> StageAsync(byte[] content) => WithAsync(async s =>
    {
        var staged = await s.GetRequiredService<IncidentImports>().StageAsync(content, Importer);
        Assert.True(staged.Succeeded, string.Join("; ", staged.Errors));
        return staged.Value!;
    });

    protected Task<ImportPreview> PreviewAsync(string token) => WithAsync(async s => (await s.GetRequiredService<IncidentImports>().PreviewAsync(token, Importer))!);

    protected Task<ImportOutcome> ConfirmAsync(string token) => WithAsync(async s =>
    {
        var result = await s.GetRequiredService<IncidentImports>().ConfirmAsync(token, Importer);
        Assert.True(result.Succeeded, string.Join("; ", result.Errors));
        return result.Value!;
    });

    protected Task<int> CountAsync<T>(Func<SafeguardDbContext, IQueryable<T>> query) =>
        WithAsync(s => query(s.GetRequiredService<SafeguardDbContext>()).CountAsync());
}

/// <summary>Incident files written as a police export would write them, from one good row changed column by column.</summary>
public static class IncidentRows
{
    /// <summary>A good row; pass a replacement for any column by name.</summary>
    public static string Row(string reference, params (string Column, string Value)[] changes)
    {
        var values = new Dictionary<string, string>
        {
            [IncidentCsv.IncidentReference] = reference,
            [IncidentCsv.OccurredAt] = "2026-11-29 22:15",
            [IncidentCsv.ReportedAt] = "2026-11-29 22:40",
            [IncidentCsv.Area] = "Area A",
            [IncidentCsv.RiskLevel] = "high",
            [IncidentCsv.DashYesCount] = "15",
            [IncidentCsv.VictimGivenName] = "Testa",
            [IncidentCsv.VictimFamilyName] = "Fictional",
            [IncidentCsv.VictimDateOfBirth] = "1990-03-27",
            [IncidentCsv.PerpetratorGivenName] = "Madeup",
            [IncidentCsv.PerpetratorFamilyName] = "Example",
            [IncidentCsv.PerpetratorDateOfBirth] = "1988-07-01",
            [IncidentCsv.ChildrenLinked] = "yes",
            [IncidentCsv.ChildrenCount] = "2",
            [IncidentCsv.VictimConsented] = "no",
            [IncidentCsv.Summary] = "Verbal argument, \"pushed\", neighbours called police",
            [IncidentCsv.OfficerCollarNumber] = "PC 1234",
        };
        foreach (var (column, value) in changes)
        {
            values[column] = value;
        }

        return string.Join(',', IncidentCsv.Columns.Select(c => Quote(values[c])));
    }

    public static string Quote(string v) => v.Contains(',') || v.Contains('"') || v.Contains('\n') ? "\"" + v.Replace("\"", "\"\"") + "\"" : v;

    public static byte[] File(params string[] rows) => Encoding.UTF8.GetBytes(IncidentCsv.HeaderRow + "\n" + string.Join("\n", rows) + "\n");

}
