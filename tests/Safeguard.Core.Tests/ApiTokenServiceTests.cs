using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Safeguard.Core.Accounts;
using Safeguard.Core.Data;

namespace Safeguard.Core.Tests;

public sealed class ApiTokenServiceTests : IAsyncLifetime
{
    private CoreHost _host = null!;
    private User _owner = null!;

    public async Task InitializeAsync()
    {
        _host = await CoreHost.StartAsync();
        var org = await _host.SeedOrganisationAsync();
        using var scope = _host.Scope();
        var created = await scope.ServiceProvider.GetRequiredService<UserAdministration>()
            .CreateAsync(new UserDetails("Records System", "records@example.org", org.Agency, [org.AreaA], [Roles.AgencyRepresentative]), null);
        _owner = created.Value!.User;
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private DateOnly Today => DateOnly.FromDateTime(_host.Clock.GetUtcNow().UtcDateTime);

    private async Task<IssuedApiToken> IssueAsync()
    {
        using var scope = _host.Scope();
        var result = await scope.ServiceProvider.GetRequiredService<ApiTokenService>().IssueAsync(_owner, "Records", ["me:read"], Today.AddDays(30), "admin");
        Assert.True(result.Succeeded);
        return result.Value!;
    }

    private async Task<(ApiToken, User)?> AuthenticateAsync(string secret)
    {
        using var scope = _host.Scope();
        return await scope.ServiceProvider.GetRequiredService<ApiTokenService>().AuthenticateAsync(secret);
    }

    [Fact]
    public async Task A_token_is_stored_only_as_a_hash_and_authenticates_until_it_expires()
    {
        var issued = await IssueAsync();
        using (var scope = _host.Scope())
        {
            var stored = await scope.ServiceProvider.GetRequiredService<SafeguardDbContext>().ApiTokens.SingleAsync();
            Assert.NotEqual(issued.Secret, stored.TokenHash);
            Assert.DoesNotContain(issued.Secret, stored.TokenHash + stored.Prefix + stored.Name);
            Assert.Equal(ApiTokenService.Hash(issued.Secret), stored.TokenHash);
        }

        Assert.NotNull(await AuthenticateAsync(issued.Secret));
        Assert.Null(await AuthenticateAsync(issued.Secret + "x"));
        _host.Clock.Advance(TimeSpan.FromDays(31));
        Assert.Null(await AuthenticateAsync(issued.Secret));
    }

    [Fact]
    public async Task A_revoked_token_or_a_disabled_owner_no_longer_authenticates()
    {
        var revoked = await IssueAsync();
        var other = await IssueAsync();
        using (var scope = _host.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<SafeguardDbContext>();
            var token = await db.ApiTokens.SingleAsync(t => t.Id == revoked.Token.Id);
            Assert.True(await scope.ServiceProvider.GetRequiredService<ApiTokenService>().RevokeAsync(token));
            Assert.True(await db.AuditEvents.AnyAsync(e => e.Action == "api-token.revoked"));
        }

        Assert.Null(await AuthenticateAsync(revoked.Secret));
        Assert.NotNull(await AuthenticateAsync(other.Secret));
        using (var scope = _host.Scope())
        {
            var user = await scope.ServiceProvider.GetRequiredService<SafeguardDbContext>().Users.SingleAsync();
            await scope.ServiceProvider.GetRequiredService<UserAdministration>().DisableAsync(user);
        }

        Assert.Null(await AuthenticateAsync(other.Secret));
    }

    [Theory]
    [InlineData("", "me:read", 30, "Name")]
    [InlineData("Records", "everything", 30, "Scopes")]
    [InlineData("Records", "me:read", 0, "ExpiresOn")]
    [InlineData("Records", "me:read", -3, "ExpiresOn")]
    [InlineData("Records", "me:read", 400, "ExpiresOn")]
    public async Task Bad_token_requests_name_the_field(string name, string scope, int days, string field)
    {
        using var s = _host.Scope();
        var result = await s.ServiceProvider.GetRequiredService<ApiTokenService>().IssueAsync(_owner, name, [scope], Today.AddDays(days), "admin");
        Assert.Contains(result.Errors, e => e.Field == field);
        Assert.Equal(0, await s.ServiceProvider.GetRequiredService<SafeguardDbContext>().ApiTokens.CountAsync());
    }

    [Theory]
    [InlineData("2026-06-30", "2026-06-30T23:00:00")] // British Summer Time
    [InlineData("2026-12-30", "2026-12-31T00:00:00")] // Greenwich Mean Time
    public void A_token_works_until_midnight_uk_time_at_the_end_of_its_last_day(string lastDay, string expiresUtc)
    {
        var day = DateOnly.Parse(lastDay, System.Globalization.CultureInfo.InvariantCulture);
        var expires = ApiTokenService.EndOfDayInLondon(day);
        Assert.Equal(DateTime.Parse(expiresUtc, System.Globalization.CultureInfo.InvariantCulture), expires);
        Assert.Equal(day, ApiTokenService.LastDay(new ApiToken { UserId = "u", Name = "n", Prefix = "p", TokenHash = "h", Scopes = "s", CreatedByUserId = "c", ExpiresAt = expires }));
    }
}
