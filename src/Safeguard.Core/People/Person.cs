namespace Safeguard.Core.People;

/// <summary>
/// One person in the person index. A person has no role of their own: they are a victim, perpetrator or child
/// in a particular case (<see cref="PersonInvolvement"/>). Two records found to be one person are merged by
/// pointing one at the other (<see cref="MergedIntoId"/>), never by moving rows, so a merge can be reversed.
/// </summary>
public sealed class Person
{
    public int Id { get; set; }

    /// <summary>The record that stands for this person after merges: its own Id when not merged.</summary>
    public int CanonicalId { get; set; }

    public int? MergedIntoId { get; set; }
    public DateOnly? DateOfBirth { get; set; }

    /// <summary>When the date of birth is not known: an approximate age, as given on <see cref="AgeRecordedOn"/>.</summary>
    public int? ApproximateAge { get; set; }

    public DateOnly? AgeRecordedOn { get; set; }
    public Gender Gender { get; set; }
    public Ethnicity Ethnicity { get; set; }
    public Answer Disability { get; set; }
    public SexualOrientation SexualOrientation { get; set; }

    /// <summary>Identifies as LGBT+ (including trans): asked apart from orientation, as SafeLives counts it.</summary>
    public Answer Lgbt { get; set; }

    public string? SafePhone { get; set; }
    public string? SafeTimes { get; set; }
    public ContactChannels UnsafeChannels { get; set; }
    public string? SafeContactNotes { get; set; }
    public int CreatedInAreaId { get; set; }
    public DateTime CreatedAt { get; set; }
    public string? CreatedByUserId { get; set; }
    public int Version { get; set; }

    public List<PersonName> Names { get; set; } = [];
    public List<PersonAddress> Addresses { get; set; } = [];
    public List<PersonIdentifier> Identifiers { get; set; } = [];

    /// <summary>The reference shown to users: the record number, never a name, so it can sit in a URL or a title.</summary>
    public string Reference => FormatReference(Id);

    public static string FormatReference(int id) => "P" + id.ToString("D6", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The year of birth if known, or estimated from an approximate age.</summary>
    public int? BirthYear => DateOfBirth?.Year ?? (ApproximateAge is int age && AgeRecordedOn is DateOnly on ? on.Year - age : null);
}

public sealed class PersonName
{
    public int Id { get; set; }
    public int PersonId { get; set; }
    public required string GivenName { get; set; }
    public required string FamilyName { get; set; }
    public NameKind Kind { get; set; }

    public string FullName => $"{GivenName} {FamilyName}";
}

public sealed class PersonAddress
{
    public int Id { get; set; }
    public int PersonId { get; set; }
    public required string Line1 { get; set; }
    public string? Line2 { get; set; }
    public string? Town { get; set; }
    public string? Postcode { get; set; }
    public DateOnly? From { get; set; }
    public DateOnly? To { get; set; }
}

public sealed class PersonIdentifier
{
    public int Id { get; set; }
    public int PersonId { get; set; }
    public IdentifierScheme Scheme { get; set; }
    public required string Value { get; set; }
}

/// <summary>Which areas hold a person. A person is seen only by users who work in one of these areas.</summary>
public sealed class PersonArea
{
    public int PersonId { get; set; }
    public int AreaId { get; set; }
}

/// <summary>The key rows that let a search find candidates with one indexed lookup (see Matching/MatchKeys).</summary>
public sealed class PersonMatchKey
{
    public long Key { get; set; }
    public int PersonId { get; set; }
}
