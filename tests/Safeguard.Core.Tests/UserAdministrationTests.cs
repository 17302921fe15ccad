using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Safeguard.Core.Accounts;
using Safeguard.Core.Data;
using Safeguard.Core.Organisation;

namespace Safeguard.Core.Tests;

public sealed class UserAdministrationTests : IAsyncLifetime
{
    private CoreHost _host = null!;
    private (int Agency, int AreaA, int AreaB) _org;

    public async Task InitializeAsync()
    {
        _host = await CoreHost.StartAsync();
        _org = await _host.SeedOrganisationAsync();
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private UserDetails Valid(string email = "new.user@example.org") =>
        new("New User", email, _org.Agency, [_org.AreaA], [Roles.AgencyRepresentative]);

    private async Task<CreatedUser> CreateAsync(UserDetails details)
    {
        using var scope = _host.Scope();
        var result = await scope.ServiceProvider.GetRequiredService<UserAdministration>().CreateAsync(details, null);
        Assert.True(result.Succeeded, string.Join("; ", result.Errors));
        return result.Value!;
    }

    [Fact]
    public async Task Creating_a_user_saves_them_with_a_temporary_password_and_audits_it()
    {
        var created = await CreateAsync(Valid());
        using var scope = _host.Scope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<User>>();
        var user = await users.FindByEmailAsync("new.user@example.org");
        Assert.NotNull(user);
        Assert.True(user.MustChangePassword);
        Assert.False(user.TwoFactorEnabled);
        Assert.True(await users.CheckPasswordAsync(user, created.TemporaryPassword));
        Assert.Equal([Roles.AgencyRepresentative], await users.GetRolesAsync(user));
        var db = scope.ServiceProvider.GetRequiredService<SafeguardDbContext>();
        var e = await db.AuditEvents.SingleAsync(x => x.Action == "user.created");
        Assert.Equal(user.Id, e.RecordId);
        Assert.Contains("\"Roles\":[\"AgencyRepresentative\"]", e.After);
        Assert.Contains("Area A", e.After);
    }

    public static TheoryData<string?, string?, bool, bool, string?, string> BadInput => new()
    {
        { "", "a@example.org", true, true, Roles.Idva, "DisplayName" },
        { new string('x', 201), "a@example.org", true, true, Roles.Idva, "DisplayName" },
        { "Name", "", true, true, Roles.Idva, "Email" },
        { "Name", "not-an-email", true, true, Roles.Idva, "Email" },
        { "Name", "a@b", true, true, Roles.Idva, "Email" },
        { "Name", "a@example.org", false, true, Roles.Idva, "AgencyId" },
        { "Name", "a@example.org", true, false, Roles.Idva, "AreaIds" },
        { "Name", "a@example.org", true, true, null, "Roles" },
        { "Name", "a@example.org", true, true, "SuperUser", "Roles" },
    };

    [Theory]
    [MemberData(nameof(BadInput))]
    public async Task Bad_input_names_the_field_and_saves_nothing(string? name, string? email, bool agency, bool area, string? role, string field)
    {
        using var scope = _host.Scope();
        var details = new UserDetails(name, email, agency ? _org.Agency : 9999, area ? [_org.AreaA] : [], role is null ? [] : [role]);
        var result = await scope.ServiceProvider.GetRequiredService<UserAdministration>().CreateAsync(details, null);
        Assert.False(result.Succeeded);
        Assert.Contains(result.Errors, e => e.Field == field);
        var db = scope.ServiceProvider.GetRequiredService<SafeguardDbContext>();
        Assert.Equal(0, await db.Users.CountAsync());
        Assert.False(await db.AuditEvents.AnyAsync(e => e.Action == "user.created"));
    }

    [Fact]
    public async Task A_second_user_with_the_same_email_is_refused()
    {
        await CreateAsync(Valid());
        using var scope = _host.Scope();
        var result = await scope.ServiceProvider.GetRequiredService<UserAdministration>().CreateAsync(Valid("NEW.USER@example.org"), null);
        Assert.Contains(result.Errors, e => e.Field == "Email" && e.Message.Contains("already exists"));
    }

    [Fact]
    public async Task An_administrator_cannot_give_an_area_they_do_not_administer()
    {
        using var scope = _host.Scope();
        var details = Valid() with { AreaIds = [_org.AreaB] };
        var result = await scope.ServiceProvider.GetRequiredService<UserAdministration>().CreateAsync(details, new HashSet<int> { _org.AreaA });
        Assert.Contains(result.Errors, e => e.Field == "AreaIds");
    }

    [Fact]
    public async Task Changing_a_user_keeps_areas_the_administrator_cannot_see_and_refuses_a_stale_form()
    {
        var created = await CreateAsync(Valid() with { AreaIds = [_org.AreaA, _org.AreaB] });
        using var scope = _host.Scope();
        var admin = scope.ServiceProvider.GetRequiredService<UserAdministration>();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<User>>();
        var user = (await users.FindByIdAsync(created.User.Id))!;
        var stamp = user.ConcurrencyStamp!;

        // An administrator of area A removes area A and adds the Auditor role; area B must survive.
        var changed = await admin.UpdateAsync(user, Valid() with { AreaIds = [], Roles = [Roles.Auditor] }, stamp, new HashSet<int> { _org.AreaA });
        Assert.Contains(changed.Errors, e => e.Field == "AreaIds");
        changed = await admin.UpdateAsync(user, Valid() with { DisplayName = "Renamed", AreaIds = [_org.AreaA], Roles = [Roles.Auditor] }, stamp, new HashSet<int> { _org.AreaA });
        Assert.True(changed.Succeeded, string.Join("; ", changed.Errors));
        Assert.Equal([Roles.Auditor], await users.GetRolesAsync(user));
        var db = scope.ServiceProvider.GetRequiredService<SafeguardDbContext>();
        Assert.Equal(2, await db.UserAreas.CountAsync(ua => ua.UserId == user.Id));

        var stale = await admin.UpdateAsync(user, Valid() with { DisplayName = "Overwrite" }, stamp, null);
        Assert.Contains(stale.Errors, e => e.Message.Contains("Someone else changed"));
        var audit = await db.AuditEvents.SingleAsync(e => e.Action == "user.changed");
        Assert.Contains("New User", audit.Before);
        Assert.Contains("Renamed", audit.After);
    }

    [Fact]
    public async Task Disabling_ends_sessions_and_is_reversible_and_audited()
    {
        var created = await CreateAsync(Valid());
        using var scope = _host.Scope();
        var admin = scope.ServiceProvider.GetRequiredService<UserAdministration>();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<User>>();
        var user = (await users.FindByIdAsync(created.User.Id))!;
        var stampBefore = user.SecurityStamp;
        await admin.DisableAsync(user);
        Assert.True(user.IsDisabled);
        Assert.NotEqual(stampBefore, user.SecurityStamp);
        await admin.EnableAsync(user);
        Assert.False(user.IsDisabled);
        var db = scope.ServiceProvider.GetRequiredService<SafeguardDbContext>();
        Assert.Equal(["user.disabled", "user.enabled"],
            await db.AuditEvents.Where(e => e.RecordId == user.Id && e.Action.StartsWith("user.") && e.Action != "user.created").OrderBy(e => e.Sequence).Select(e => e.Action).ToListAsync());
        Assert.Equal(1, await db.Users.CountAsync());
    }

    [Fact]
    public async Task Resetting_the_second_factor_clears_the_key_and_recovery_codes()
    {
        var created = await CreateAsync(Valid());
        using var scope = _host.Scope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<User>>();
        var user = (await users.FindByIdAsync(created.User.Id))!;
        await users.ResetAuthenticatorKeyAsync(user);
        var oldKey = await users.GetAuthenticatorKeyAsync(user);
        await users.SetTwoFactorEnabledAsync(user, true);
        await users.GenerateNewTwoFactorRecoveryCodesAsync(user, 10);

        await scope.ServiceProvider.GetRequiredService<UserAdministration>().ResetTwoFactorAsync(user);
        Assert.False(await users.GetTwoFactorEnabledAsync(user));
        Assert.NotEqual(oldKey, await users.GetAuthenticatorKeyAsync(user));
        Assert.Equal(0, await users.CountRecoveryCodesAsync(user));
    }

    [Fact]
    public async Task Agency_names_are_unique_and_a_stale_edit_is_refused()
    {
        using var scope = _host.Scope();
        var organisation = scope.ServiceProvider.GetRequiredService<OrganisationService>();
        var duplicate = await organisation.SaveAgencyAsync(null, "Testshire Police", AgencyKind.Police, true, 0);
        Assert.Contains(duplicate.Errors, e => e.Field == "Name" && e.Message.Contains("already exists"));
        var noKind = await organisation.SaveAgencyAsync(null, "Other", null, true, 0);
        Assert.Contains(noKind.Errors, e => e.Field == "Kind");

        var agency = (await organisation.AgenciesAsync()).Single();
        var first = await organisation.SaveAgencyAsync(agency.Id, "Testshire Constabulary", AgencyKind.Police, true, agency.Version);
        Assert.True(first.Succeeded);
        using var other = _host.Scope();
        var stale = await other.ServiceProvider.GetRequiredService<OrganisationService>()
            .SaveAgencyAsync(agency.Id, "Lost update", AgencyKind.Police, true, agency.Version);
        Assert.Contains(stale.Errors, e => e.Message.Contains("Someone else changed"));
    }

    [Fact]
    public async Task The_last_active_administrator_can_be_neither_disabled_nor_demoted()
    {
        var created = await CreateAsync(Valid() with { Roles = [Roles.Administrator] });
        using var scope = _host.Scope();
        var admin = scope.ServiceProvider.GetRequiredService<UserAdministration>();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<User>>();
        var last = (await users.FindByIdAsync(created.User.Id))!;
        var disabled = await admin.DisableAsync(last);
        Assert.Contains(disabled.Errors, e => e.Message.Contains("last active administrator"));
        Assert.False(last.IsDisabled);
        var demoted = await admin.UpdateAsync(last, Valid() with { Roles = [Roles.Idva] }, last.ConcurrencyStamp!, null);
        Assert.Contains(demoted.Errors, e => e.Message.Contains("last active administrator"));

        await CreateAsync(Valid("second.admin@example.org") with { Roles = [Roles.Administrator] });
        Assert.True((await admin.DisableAsync(last)).Succeeded);
    }

    [Fact]
    public async Task Nobody_changes_their_own_roles_or_areas()
    {
        var created = await CreateAsync(Valid() with { Roles = [Roles.Administrator] });
        using var scope = _host.Scope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<User>>();
        var me = (await users.FindByIdAsync(created.User.Id))!;
        var result = await scope.ServiceProvider.GetRequiredService<UserAdministration>().UpdateAsync(
            me, Valid() with { Roles = [Roles.Administrator, Roles.Auditor] }, me.ConcurrencyStamp!, null, actingUserId: me.Id);
        Assert.Contains(result.Errors, e => e.Message.Contains("cannot change your own roles"));
        var renamed = await scope.ServiceProvider.GetRequiredService<UserAdministration>().UpdateAsync(
            me, Valid() with { DisplayName = "New Name", Roles = [Roles.Administrator] }, me.ConcurrencyStamp!, null, actingUserId: me.Id);
        Assert.True(renamed.Succeeded);
    }
}
