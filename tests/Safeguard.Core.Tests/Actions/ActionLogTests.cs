using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Safeguard.Core.Accounts;
using Safeguard.Core.Actions;
using Safeguard.Core.Audit;
using Safeguard.Core.Common;
using Safeguard.Core.Data;
using Safeguard.Core.Notifications;
using Safeguard.Core.Organisation;

namespace Safeguard.Core.Tests.Actions;

public sealed class ActionLogTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 12, 0, 0, TimeSpan.Zero);
    private CoreHost _host = null!;
    private (int Agency, int AreaA, int AreaB) _org;
    private int _housing;
    private string _police = null!;
    private string _housingOfficer = null!;

    public async Task InitializeAsync()
    {
        _host = await CoreHost.StartAsync();
        _host.Clock.Set(Now);
        _org = await _host.SeedOrganisationAsync();
        using var scope = _host.Scope();
        _housing = (await scope.ServiceProvider.GetRequiredService<OrganisationService>().SaveAgencyAsync(null, "Testshire Homes", AgencyKind.Housing, true, 0)).Value!.Id;
        var users = scope.ServiceProvider.GetRequiredService<UserAdministration>();
        _police = (await users.CreateAsync(new UserDetails("Pat Police", "pat.police@example.org", _org.Agency, [_org.AreaA], [Roles.AgencyRepresentative]), null)).Value!.User.Id;
        _housingOfficer = (await users.CreateAsync(new UserDetails("Hana Homes", "hana.homes@example.org", _housing, [_org.AreaA], [Roles.AgencyRepresentative]), null)).Value!.User.Id;
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private async Task<T> LogAsync<T>(Func<ActionLog, Task<T>> call)
    {
        using var scope = _host.Scope();
        scope.ServiceProvider.GetRequiredService<AuditContext>().ActorUserId = _police;
        return await call(scope.ServiceProvider.GetRequiredService<ActionLog>());
    }

    private NewAction Action(int? agency, string? owner, DateOnly? due, string? description = "Offer a lock change") =>
        new(ActionSource.DrammCase, 7, "RF000007", _org.AreaA, agency, owner, description, due);

    [Fact]
    public async Task An_action_needs_what_an_owner_of_that_agency_and_a_due_date_not_in_the_past()
    {
        var today = new DateOnly(2026, 12, 1);
        var none = await LogAsync(l => l.AddAsync(Action(null, null, null, " ")));
        Assert.Equal(["Description", "OwnerAgencyId", "DueOn"], none.Errors.Select(e => e.Field));
        var wrongAgency = await LogAsync(l => l.AddAsync(Action(_housing, _police, today)));
        Assert.Equal("OwnerUserId", Assert.Single(wrongAgency.Errors).Field);
        var past = await LogAsync(l => l.AddAsync(Action(_housing, _housingOfficer, today.AddDays(-1))));
        Assert.Equal("The due date must be today or in the future", Assert.Single(past.Errors).Message);

        using var scope = _host.Scope();
        Assert.Empty(await scope.ServiceProvider.GetRequiredService<SafeguardDbContext>().CaseActions.ToListAsync());
    }

    [Fact]
    public async Task The_owner_is_told_and_only_the_owner_agency_updates_with_a_current_version()
    {
        var added = await LogAsync(l => l.AddAsync(Action(_housing, _housingOfficer, new DateOnly(2026, 12, 8))));
        Assert.True(added.Succeeded, string.Join("; ", added.Errors));
        var id = added.Value!.Id;
        using (var scope = _host.Scope())
        {
            var told = await scope.ServiceProvider.GetRequiredService<SafeguardDbContext>().Notifications.SingleAsync();
            Assert.Equal((_housingOfficer, NotificationKind.ActionAssigned, $"/actions/{id}", "RF000007"), (told.UserId, told.Kind, told.Link, told.Reference));
        }

        var byPolice = await LogAsync(l => l.UpdateAsync(id, _org.Agency, new ActionUpdateInput(ActionStatus.NotDone, "Not ours", null, 1)));
        Assert.Equal("Only the agency that owns this action can update it", Assert.Single(byPolice.Errors).Message);
        var progress = await LogAsync(l => l.UpdateAsync(id, _housing, new ActionUpdateInput(ActionStatus.InProgress, "Locksmith booked", null, 1)));
        Assert.True(progress.Succeeded, string.Join("; ", progress.Errors));
        var stale = await LogAsync(l => l.UpdateAsync(id, _housing, new ActionUpdateInput(ActionStatus.Done, "Done", "Invoice 12", 1)));
        Assert.Equal(ActionLog.StaleMessage, Assert.Single(stale.Errors).Message);

        using var check = _host.Scope();
        var saved = await check.ServiceProvider.GetRequiredService<SafeguardDbContext>().CaseActions.Include(a => a.Updates).SingleAsync();
        Assert.Equal(ActionStatus.InProgress, saved.Status);
        Assert.Single(saved.Updates);
        Assert.False(saved.IsOverdue(new DateOnly(2026, 12, 8)));
        Assert.True(saved.IsOverdue(new DateOnly(2026, 12, 9)));
    }
}
