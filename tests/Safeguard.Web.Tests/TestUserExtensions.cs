using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Safeguard.Core.Accounts;

namespace Safeguard.Web.Tests;

public static class TestUserExtensions
{
    public static async Task<List<string>> NewRecoveryCodesAsync(this SafeguardApp app, TestUser user)
    {
        using var scope = app.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<User>>();
        return (await users.GenerateNewTwoFactorRecoveryCodesAsync((await users.FindByIdAsync(user.Id))!, 10))!.ToList();
    }
}
