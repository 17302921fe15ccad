using Microsoft.AspNetCore.Identity;

namespace Safeguard.Core.Accounts;

/// <summary>A member of staff. Never deleted: their history in the audit trail and in cases stays theirs.</summary>
public sealed class User : IdentityUser
{
    public required string DisplayName { get; set; }
    public int AgencyId { get; set; }
    public bool IsDisabled { get; set; }

    /// <summary>Set when an administrator or operator issued a temporary password.</summary>
    public bool MustChangePassword { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? LastSignInAt { get; set; }
}
