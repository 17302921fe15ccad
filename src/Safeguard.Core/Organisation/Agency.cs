namespace Safeguard.Core.Organisation;

/// <summary>An organisation whose staff use Safeguard: the police force, a social care department, an IDVA service...</summary>
public sealed class Agency
{
    public int Id { get; set; }
    public required string Name { get; set; }
    public AgencyKind Kind { get; set; }
    public bool IsActive { get; set; } = true;
    public DateTime CreatedAt { get; set; }

    /// <summary>Optimistic concurrency: two administrators editing the same agency must not overwrite each other.</summary>
    public int Version { get; set; }
}

public enum AgencyKind
{
    Police,
    ChildrensSocialCare,
    AdultSocialCare,
    IdvaService,
    Health,
    Housing,
    Probation,
    SubstanceMisuse,
    Education,
    VoluntarySector,
    Other,
}
