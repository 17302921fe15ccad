using Microsoft.AspNetCore.Identity;

namespace Safeguard.Core.Accounts;

/// <summary>
/// The account rules, in one place for the web app and the operator's command line: NCSC password guidance
/// (12 or more characters, no composition rules, common passwords refused) and lockout after 5 failures for 15 minutes.
/// </summary>
public static class AccountPolicy
{
    public const int MinimumPasswordLength = 12;
    public const int MaxFailedAttempts = 5;
    public static readonly TimeSpan LockoutPeriod = TimeSpan.FromMinutes(15);

    public static void Apply(IdentityOptions o)
    {
        o.Password.RequiredLength = MinimumPasswordLength;
        o.Password.RequireDigit = false;
        o.Password.RequireLowercase = false;
        o.Password.RequireUppercase = false;
        o.Password.RequireNonAlphanumeric = false;
        o.Password.RequiredUniqueChars = 1;
        o.Lockout.MaxFailedAccessAttempts = MaxFailedAttempts;
        o.Lockout.DefaultLockoutTimeSpan = LockoutPeriod;
        o.Lockout.AllowedForNewUsers = true;
        o.User.RequireUniqueEmail = true;
        o.SignIn.RequireConfirmedAccount = false;
    }
}
