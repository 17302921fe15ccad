namespace Safeguard.Core.Organisation;

/// <summary>A MARAC area: a district or a whole force. Users work in one or more areas.</summary>
public sealed class Area
{
    public int Id { get; set; }
    public required string Name { get; set; }
    public bool IsActive { get; set; } = true;
    public DateTime CreatedAt { get; set; }
    public int Version { get; set; }
}

public sealed class UserArea
{
    public required string UserId { get; set; }
    public int AreaId { get; set; }
}
