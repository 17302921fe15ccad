using Microsoft.AspNetCore.Authorization;

namespace Safeguard.Web.Scopes;

/// <summary>What a user wants to do with one record. Handlers, one per record type, decide.</summary>
public sealed class RecordOperation(string name) : IAuthorizationRequirement
{
    public string Name { get; } = name;

    public static readonly RecordOperation View = new(nameof(View));
    public static readonly RecordOperation Change = new(nameof(Change));
}
