using System.Globalization;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Safeguard.Core.Audit;
using Safeguard.Core.Common;
using Safeguard.Core.Data;
using Safeguard.Core.Organisation;

namespace Safeguard.Core.Accounts;

public sealed record UserDetails(string? DisplayName, string? Email, int? AgencyId, IReadOnlyCollection<int> AreaIds, IReadOnlyCollection<string> Roles);

public sealed record CreatedUser(User User, string TemporaryPassword);

/// <summary>
/// What the force's administrators (and the operator's command line) do to accounts. Users are never deleted:
/// they are disabled, and their history stays theirs. Every change is audited with before and after.
/// </summary>
public sealed class UserAdministration(
    SafeguardDbContext db, UserManager<User> users, AuditTrail audit, TimeProvider clock)
{
    public async Task<Result<CreatedUser>> CreateAsync(UserDetails details, IReadOnlySet<int>? assignableAreaIds, CancellationToken ct = default)
    {
        var errors = await ValidateAsync(details, null, assignableAreaIds, ct);
        if (errors.Count > 0)
        {
            return Result<CreatedUser>.Fail(errors);
        }

        var email = details.Email!.Trim();
        var user = new User
        {
            UserName = email,
            Email = email,
            EmailConfirmed = true,
            DisplayName = details.DisplayName!.Trim(),
            AgencyId = details.AgencyId!.Value,
            CreatedAt = clock.GetUtcNow().UtcDateTime,
            MustChangePassword = true,
            LockoutEnabled = true,
        };
        var password = NewTemporaryPassword();

        await using var write = await audit.BeginAsync(ct);
        var created = await users.CreateAsync(user, password);
        if (!created.Succeeded)
        {
            return Result<CreatedUser>.Fail(created.Errors.Select(e => new FieldError("Email", e.Description)).ToList());
        }

        foreach (var role in details.Roles.Distinct())
        {
            await EnsureRoleAsync(role, ct);
        }

        await users.AddToRolesAsync(user, details.Roles.Distinct());
        db.UserAreas.AddRange(details.AreaIds.Distinct().Select(a => new UserArea { UserId = user.Id, AreaId = a }));
        await db.SaveChangesAsync(ct);
        write.Record("user.created", "User", user.Id, after: await SnapshotAsync(user, ct));
        await write.CommitAsync(ct);
        return Result<CreatedUser>.Ok(new CreatedUser(user, password));
    }

    /// <param name="actingUserId">Who is making the change: nobody may change their own roles or areas.</param>
    public async Task<Result<User>> UpdateAsync(User user, UserDetails details, string concurrencyStamp, IReadOnlySet<int>? assignableAreaIds,
        string? actingUserId = null, CancellationToken ct = default)
    {
        var errors = await ValidateAsync(details, user.Id, assignableAreaIds, ct);
        if (errors.Count > 0)
        {
            return Result<User>.Fail(errors);
        }

        var currentRoles = await users.GetRolesAsync(user);
        var currentAreas = await db.UserAreas.Where(ua => ua.UserId == user.Id).Select(ua => ua.AreaId).ToListAsync(ct);
        if (user.Id == actingUserId && (!currentRoles.ToHashSet().SetEquals(details.Roles) || !currentAreas.ToHashSet().SetEquals(details.AreaIds)))
        {
            // Separation of duties: an administrator cannot make themselves an auditor, or widen their own reach.
            return Result<User>.Fail(new FieldError("Roles", "You cannot change your own roles or areas. Ask another administrator"));
        }

        if (currentRoles.Contains(Roles.Administrator) && !details.Roles.Contains(Roles.Administrator) && !await AnotherAdministratorAsync(user.Id, ct))
        {
            return Result<User>.Fail(new FieldError("Roles", "This is the last active administrator. Make someone else an administrator first"));
        }

        if (user.ConcurrencyStamp != concurrencyStamp)
        {
            return Result<User>.Fail(new FieldError("DisplayName", "Someone else changed this user while you were editing. Reload the page to see their changes"));
        }

        await using var write = await audit.BeginAsync(ct);
        var before = await SnapshotAsync(user, ct);
        user.DisplayName = details.DisplayName!.Trim();
        user.Email = details.Email!.Trim();
        user.UserName = user.Email;
        user.AgencyId = details.AgencyId!.Value;

        var current = currentRoles;
        var wanted = details.Roles.Distinct().ToList();
        foreach (var role in wanted)
        {
            await EnsureRoleAsync(role, ct);
        }

        await users.RemoveFromRolesAsync(user, current.Except(wanted));
        await users.AddToRolesAsync(user, wanted.Except(current));

        // Areas the administrator cannot assign are kept as they were: one area's administrator
        // must not strip another area's access.
        var existing = await db.UserAreas.Where(ua => ua.UserId == user.Id).ToListAsync(ct);
        var keep = details.AreaIds.ToHashSet();
        db.UserAreas.RemoveRange(existing.Where(ua => !keep.Contains(ua.AreaId) && (assignableAreaIds is null || assignableAreaIds.Contains(ua.AreaId))));
        db.UserAreas.AddRange(keep.Where(a => existing.All(e => e.AreaId != a)).Select(a => new UserArea { UserId = user.Id, AreaId = a }));

        // UpdateAsync also renews the concurrency stamp, which tells the user's session to reload its roles.
        var updated = await users.UpdateAsync(user);
        if (!updated.Succeeded)
        {
            return Result<User>.Fail(updated.Errors.Select(e => new FieldError("Email", e.Description)).ToList());
        }

        write.Record("user.changed", "User", user.Id, before: before, after: await SnapshotAsync(user, ct));
        await write.CommitAsync(ct);
        return Result<User>.Ok(user);
    }

    public async Task<Result<User>> DisableAsync(User user, CancellationToken ct = default)
    {
        if (await users.IsInRoleAsync(user, Roles.Administrator) && !await AnotherAdministratorAsync(user.Id, ct))
        {
            return Result<User>.Fail(new FieldError("IsDisabled", "This is the last active administrator. Make someone else an administrator first"));
        }

        await SetDisabledAsync(user, true, ct);
        return Result<User>.Ok(user);
    }

    public Task EnableAsync(User user, CancellationToken ct = default) => SetDisabledAsync(user, false, ct);

    /// <summary>Whether an enabled administrator other than this user exists: the force must never lose its last one.</summary>
    private async Task<bool> AnotherAdministratorAsync(string userId, CancellationToken ct)
    {
        var role = Roles.Administrator.ToUpperInvariant();
        return await db.UserRoles
            .Join(db.Roles.Where(r => r.NormalizedName == role), ur => ur.RoleId, r => r.Id, (ur, _) => ur.UserId)
            .Join(db.Users.Where(u => !u.IsDisabled && u.Id != userId), id => id, u => u.Id, (id, _) => id)
            .AnyAsync(ct);
    }

    private async Task SetDisabledAsync(User user, bool disabled, CancellationToken ct)
    {
        await using var write = await audit.BeginAsync(ct);
        user.IsDisabled = disabled;
        await users.UpdateAsync(user);

        // A new security stamp ends every session the user has open, at their next request.
        await users.UpdateSecurityStampAsync(user);
        write.Record(disabled ? "user.disabled" : "user.enabled", "User", user.Id,
            before: new { IsDisabled = !disabled }, after: new { IsDisabled = disabled });
        await write.CommitAsync(ct);
    }

    /// <summary>The user lost their authenticator: they must enrol a new one at their next sign-in.</summary>
    public async Task ResetTwoFactorAsync(User user, CancellationToken ct = default)
    {
        await using var write = await audit.BeginAsync(ct);
        await users.SetTwoFactorEnabledAsync(user, false);
        await users.ResetAuthenticatorKeyAsync(user);
        await users.RemoveAuthenticationTokenAsync(user, "[AspNetUserStore]", "RecoveryCodes");
        await users.UpdateSecurityStampAsync(user);
        write.Record("user.two-factor-reset", "User", user.Id, before: new { TwoFactorEnabled = true }, after: new { TwoFactorEnabled = false });
        await write.CommitAsync(ct);
    }

    /// <summary>A new temporary password, to be given to the user out of band; they choose their own at sign-in.</summary>
    public async Task<string> IssueTemporaryPasswordAsync(User user, CancellationToken ct = default)
    {
        var password = NewTemporaryPassword();
        await using var write = await audit.BeginAsync(ct);
        await users.RemovePasswordAsync(user);
        await users.AddPasswordAsync(user, password);
        user.MustChangePassword = true;
        await users.UpdateAsync(user);
        await users.UpdateSecurityStampAsync(user);
        write.Record("user.temporary-password-issued", "User", user.Id);
        await write.CommitAsync(ct);
        return password;
    }

    public async Task<object> SnapshotAsync(User user, CancellationToken ct = default)
    {
        var agency = await db.Agencies.Where(a => a.Id == user.AgencyId).Select(a => a.Name).FirstOrDefaultAsync(ct);
        var areas = await db.UserAreas.Where(ua => ua.UserId == user.Id)
            .Join(db.Areas, ua => ua.AreaId, a => a.Id, (ua, a) => a.Name).OrderBy(n => n).ToListAsync(ct);
        var roles = (await users.GetRolesAsync(user)).Order().ToList();
        return new { user.DisplayName, user.Email, Agency = agency, Areas = areas, Roles = roles, user.IsDisabled, user.TwoFactorEnabled };
    }

    private async Task<List<FieldError>> ValidateAsync(UserDetails d, string? userId, IReadOnlySet<int>? assignableAreaIds, CancellationToken ct)
    {
        var errors = new List<FieldError>();
        var name = d.DisplayName?.Trim();
        if (string.IsNullOrEmpty(name))
        {
            errors.Add(new("DisplayName", "Enter the user's full name"));
        }
        else if (name.Length > 200)
        {
            errors.Add(new("DisplayName", "Full name must be 200 characters or fewer"));
        }

        var email = d.Email?.Trim();
        if (string.IsNullOrEmpty(email))
        {
            errors.Add(new("Email", "Enter the user's work email address"));
        }
        else if (email.Length > 256 || !IsEmail(email))
        {
            errors.Add(new("Email", "Enter an email address in the correct format, like name@example.org"));
        }
        else
        {
            var normalised = users.NormalizeEmail(email);
            if (await db.Users.AnyAsync(u => u.NormalizedEmail == normalised && u.Id != userId, ct))
            {
                errors.Add(new("Email", "A user with this email address already exists"));
            }
        }

        if (d.AgencyId is null || !await db.Agencies.AnyAsync(a => a.Id == d.AgencyId && a.IsActive, ct))
        {
            errors.Add(new("AgencyId", "Select the user's agency"));
        }

        var areaIds = d.AreaIds.Distinct().ToList();
        if (areaIds.Count == 0)
        {
            errors.Add(new("AreaIds", "Select at least one area the user works in"));
        }
        else if (await db.Areas.CountAsync(a => areaIds.Contains(a.Id) && a.IsActive, ct) != areaIds.Count
            || (assignableAreaIds is not null && !areaIds.All(assignableAreaIds.Contains)))
        {
            errors.Add(new("AreaIds", "Select only areas that you administer"));
        }

        if (d.Roles.Count == 0)
        {
            errors.Add(new("Roles", "Select at least one role"));
        }
        else if (!d.Roles.All(Roles.IsKnown))
        {
            errors.Add(new("Roles", "Select roles from the list"));
        }

        return errors;
    }

    private static bool IsEmail(string email)
    {
        var at = email.IndexOf('@', StringComparison.Ordinal);
        return at > 0 && at == email.LastIndexOf('@') && email.IndexOf('.', at) > at + 1
            && !email.EndsWith('.') && !email.Any(char.IsWhiteSpace);
    }

    private async Task EnsureRoleAsync(string role, CancellationToken ct)
    {
        var normalised = role.ToUpperInvariant();
        if (!await db.Roles.AnyAsync(r => r.NormalizedName == normalised, ct))
        {
            db.Roles.Add(new IdentityRole(role) { NormalizedName = normalised });
            await db.SaveChangesAsync(ct);
        }
    }

    /// <summary>Four groups of four from an alphabet with no look-alike characters: easy to read out, hard to guess.</summary>
    public static string NewTemporaryPassword()
    {
        const string alphabet = "abcdefghjkmnpqrstuvwxyz23456789";
        var chars = new char[16];
        for (var i = 0; i < chars.Length; i++)
        {
            chars[i] = alphabet[RandomNumberGenerator.GetInt32(alphabet.Length)];
        }

        return string.Join('-', chars.Chunk(4).Select(c => new string(c)));
    }

    public static string Id(int id) => id.ToString(CultureInfo.InvariantCulture);
}
