namespace Safeguard.Core.People.Matching;

/// <summary>What the user typed into a search-before-create.</summary>
public sealed record MatchQuery(
    string GivenName,
    string FamilyName,
    DateOnly? DateOfBirth = null,
    int? ApproximateAge = null,
    Gender Gender = Gender.NotKnown,
    string? Postcode = null,
    string? AddressLine = null)
{
    /// <summary>Year of birth estimated from an approximate age on the day of the search.</summary>
    public int? BirthYearOn(DateOnly today) => DateOfBirth?.Year ?? (ApproximateAge is int age ? today.Year - age : null);
}

/// <summary>A person record as matching sees it: every name, date of birth and address of the record and anything merged into it.</summary>
public sealed record MatchCandidate(
    int PersonId,
    IReadOnlyList<(string Given, string Family, NameKind Kind)> Names,
    IReadOnlyList<DateOnly> DatesOfBirth,
    IReadOnlyList<int> ApproximateBirthYears,
    Gender Gender,
    IReadOnlyList<(string Line1, string? Postcode)> Addresses);

/// <summary>A candidate's score (0 to 100) and the reasons for it, in the words the page shows.</summary>
public sealed record MatchScore(int PersonId, int Score, IReadOnlyList<string> Reasons);
