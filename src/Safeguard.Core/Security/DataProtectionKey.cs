namespace Safeguard.Core.Security;

/// <summary>Data-protection keys live in the database so that every web node can read every cookie.</summary>
public sealed class DataProtectionKey
{
    public int Id { get; set; }
    public string? FriendlyName { get; set; }
    public required string Xml { get; set; }
}
