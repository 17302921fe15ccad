using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.AspNetCore.DataProtection;
using Safeguard.Core.People;

namespace Safeguard.Web.Pages.People;

/// <summary>
/// Carries a <see cref="SearchReceipt"/> from the search step to the create step in a hidden field. It is
/// encrypted and signed with Data Protection (keys in the database, so any node can read it) and bound to the
/// user who searched: a receipt cannot be made up, altered, or passed to someone else.
/// </summary>
public sealed class SearchReceipts(IDataProtectionProvider provider)
{
    public const string Purpose = "Safeguard.People.SearchReceipt.v1";

    private IDataProtector For(string userId) => provider.CreateProtector(Purpose, userId);

    public string Protect(SearchReceipt receipt, string userId) =>
        For(userId).Protect(JsonSerializer.Serialize(receipt));

    /// <summary>The receipt, or null if it is missing, altered or another user's.</summary>
    public SearchReceipt? Unprotect(string? value, string? userId)
    {
        if (string.IsNullOrWhiteSpace(value) || string.IsNullOrEmpty(userId) || value.Length > 4000)
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize<SearchReceipt>(For(userId).Unprotect(value));
        }
        catch (Exception e) when (e is CryptographicException or JsonException or FormatException)
        {
            return null;
        }
    }
}
