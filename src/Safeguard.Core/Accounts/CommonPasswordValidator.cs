using System.Reflection;
using Microsoft.AspNetCore.Identity;

namespace Safeguard.Core.Accounts;

/// <summary>
/// NCSC guidance: a long password that is not on a list of the most common ones, and no composition rules.
/// The list ships with the product (Accounts/common-passwords.txt).
/// </summary>
public sealed class CommonPasswordValidator : IPasswordValidator<User>
{
    private static readonly Lazy<HashSet<string>> List = new(Load);

    public static bool IsCommon(string password) => List.Value.Contains(password.Trim().ToLowerInvariant());

    public Task<IdentityResult> ValidateAsync(UserManager<User> manager, User user, string? password)
    {
        if (password is not null && (IsCommon(password) || IsAboutTheUser(user, password)))
        {
            return Task.FromResult(IdentityResult.Failed(new IdentityError
            {
                Code = "CommonPassword",
                Description = "Choose a password that is harder to guess: this one is on a list of common passwords or uses your name or email",
            }));
        }

        return Task.FromResult(IdentityResult.Success);
    }

    private static bool IsAboutTheUser(User user, string password)
    {
        var p = password.ToLowerInvariant();
        var email = user.Email?.ToLowerInvariant();
        return (email is not null && (p.Contains(email, StringComparison.Ordinal) || p == email.Split('@')[0]))
            || p == user.DisplayName.Replace(" ", "", StringComparison.Ordinal).ToLowerInvariant();
    }

    private static HashSet<string> Load()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("Safeguard.Core.Accounts.common-passwords.txt")
            ?? throw new InvalidOperationException("The common password list is missing from the build.");
        using var reader = new StreamReader(stream);
        var set = new HashSet<string>(StringComparer.Ordinal);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length > 0 && line[0] != '#')
            {
                set.Add(line.Trim().ToLowerInvariant());
            }
        }

        return set;
    }
}
