namespace Safeguard.Core.People;

/// <summary>
/// A tie between two people, read from <see cref="PersonId"/> to <see cref="RelatedPersonId"/>:
/// "PersonId is the parent of RelatedPersonId". Partner, ex-partner, family and household ties read both ways.
/// </summary>
public sealed class Relationship
{
    public int Id { get; set; }
    public int PersonId { get; set; }
    public int RelatedPersonId { get; set; }
    public RelationshipKind Kind { get; set; }
    public DateTime CreatedAt { get; set; }
    public string? CreatedByUserId { get; set; }
}

public enum RelationshipKind
{
    Partner,
    ExPartner,
    FamilyMember,
    ParentOrCarerOf,
    SameHousehold,
    Other,
}

public static class RelationshipNames
{
    /// <summary>How the tie reads from one side: "Partner", "Parent or carer of", "Child of".</summary>
    public static string From(RelationshipKind kind, bool fromPersonSide) => kind switch
    {
        RelationshipKind.Partner => "Partner",
        RelationshipKind.ExPartner => "Ex-partner",
        RelationshipKind.FamilyMember => "Family member",
        RelationshipKind.ParentOrCarerOf => fromPersonSide ? "Parent or carer of" : "Child of",
        RelationshipKind.SameHousehold => "Lives in the same household",
        _ => "Other relationship",
    };
}
