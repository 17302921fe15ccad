using Safeguard.Core.People;
using Safeguard.Core.People.Matching;

namespace Safeguard.Core.Tests.People;

/// <summary>
/// Each error pattern of search-before-create, by name. "Found" means what the search needs: the record
/// shares a blocking key with the query (so one index lookup reaches it) and scores at or above the threshold.
/// </summary>
public sealed class MatchingTests
{
    private static readonly DateOnly Today = new(2026, 11, 22);
    private static readonly DateOnly Born = new(1985, 3, 4);

    private static MatchCandidate Record(string given, string family, DateOnly? born = null, Gender gender = Gender.NotKnown,
        string? line1 = null, string? postcode = null, params (string Given, string Family, NameKind Kind)[] otherNames) =>
        new(1,
            [(given, family, NameKind.Current), .. otherNames],
            born is DateOnly d ? [d] : [],
            [],
            gender,
            line1 is null ? [] : [(line1, postcode)]);

    private static bool SharesKey(MatchQuery query, MatchCandidate record) =>
        MatchKeys.For(query).Overlaps(MatchKeys.For(
            record.Names.Select(n => (n.Given, n.Family)), record.DatesOfBirth, record.Addresses.Select(a => a.Postcode)));

    private static MatchScore AssertFound(MatchQuery query, MatchCandidate record)
    {
        var score = MatchScorer.Score(query, record, Today);
        Assert.True(SharesKey(query, record), "The record shares no match key with the query, so the search would never read it");
        Assert.True(score.Score >= MatchScorer.DefaultThreshold, $"Score {score.Score}: {string.Join("; ", score.Reasons)}");
        return score;
    }

    private static MatchScore AssertNotMatched(MatchQuery query, MatchCandidate record)
    {
        var score = MatchScorer.Score(query, record, Today);
        Assert.True(score.Score < MatchScorer.DefaultThreshold, $"Score {score.Score}: {string.Join("; ", score.Reasons)}");
        return score;
    }

    [Fact]
    public void Exact_details_score_high_with_every_reason()
    {
        var score = AssertFound(new MatchQuery("Catherine", "Smith", Born, Postcode: "LS1 4AB", AddressLine: "14 Mill Road"),
            Record("Catherine", "Smith", Born, line1: "14 Mill Road", postcode: "LS1 4AB"));
        Assert.True(score.Score >= 95);
        Assert.Equal(["Same first name", "Same surname", "Same date of birth", "Same address"], score.Reasons);
    }

    [Theory]
    [InlineData("Jonh", "Smith")]
    [InlineData("Catherien", "Smith")]
    [InlineData("Sarha", "Smith")]
    public void Typing_error_in_the_first_name_is_found(string given, string family)
    {
        var score = AssertFound(new MatchQuery(given, family, Born), Record(given.Length == 4 ? "John" : given.StartsWith('C') ? "Catherine" : "Sarah", "Smith", Born));
        Assert.Contains(score.Reasons, r => r.StartsWith("First name", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("Smiht", "Smith")]
    [InlineData("Robinsn", "Robinson")]
    [InlineData("Wiliams", "Williams")]
    public void Typing_error_in_the_surname_is_found(string typed, string recorded)
    {
        AssertFound(new MatchQuery("Sarah", typed, Born), Record("Sarah", recorded, Born));
    }

    [Theory]
    [InlineData("Kathryn", "Catherine")]
    [InlineData("Katharine", "Catherine")]
    [InlineData("Steven", "Stephen")]
    [InlineData("Jeffrey", "Geoffrey")]
    [InlineData("Shaun", "Sean")]
    [InlineData("Muhammad", "Mohammed")]
    public void Phonetic_variant_of_the_first_name_is_found(string typed, string recorded)
    {
        AssertFound(new MatchQuery(typed, "Smith", Born), Record(recorded, "Smith", Born));
    }

    [Theory]
    [InlineData("Thomson", "Thompson")]
    [InlineData("Reed", "Reid")]
    [InlineData("Smyth", "Smith")]
    [InlineData("McDonald", "Macdonald")]
    [InlineData("Philips", "Phillips")]
    [InlineData("Clark", "Clarke")]
    public void Phonetic_variant_of_the_surname_is_found(string typed, string recorded)
    {
        var score = AssertFound(new MatchQuery("Sarah", typed, Born), Record("Sarah", recorded, Born));
        Assert.Contains(score.Reasons, r => r.StartsWith("Surname", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("Bill", "William")]
    [InlineData("Kate", "Catherine")]
    [InlineData("Bob", "Robert")]
    [InlineData("Liz", "Elizabeth")]
    [InlineData("Jim", "James")]
    [InlineData("Katie", "Kate")]
    public void Common_nickname_is_found(string typed, string recorded)
    {
        var score = AssertFound(new MatchQuery(typed, "Smith", Born), Record(recorded, "Smith", Born));
        Assert.Contains(score.Reasons, r => r.Contains("can be the same name", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("Smith-Jones", "Jones")]
    [InlineData("Jones", "Smith-Jones")]
    [InlineData("Smith Jones", "Smith-Jones")]
    public void Hyphenated_surname_is_found_by_either_part(string typed, string recorded)
    {
        AssertFound(new MatchQuery("Sarah", typed, Born), Record("Sarah", recorded, Born));
    }

    [Fact]
    public void Changed_surname_is_found_through_the_recorded_previous_name()
    {
        var score = AssertFound(new MatchQuery("Sarah", "Jones", Born),
            Record("Sarah", "Patel", Born, otherNames: ("Sarah", "Jones", NameKind.Previous)));
        Assert.Contains("Same surname as their previous name", score.Reasons);
    }

    [Fact]
    public void Changed_surname_not_yet_recorded_is_found_by_first_name_date_of_birth_and_address()
    {
        AssertFound(new MatchQuery("Sarah", "Patel", Born, Gender: Gender.Female, Postcode: "LS1 4AB"),
            Record("Sarah", "Jones", Born, Gender.Female, "14 Mill Road", "LS1 4AB"));
    }

    [Fact]
    public void Day_and_month_swapped_in_the_date_of_birth_is_found()
    {
        var score = AssertFound(new MatchQuery("Sarah", "Smith", new DateOnly(1985, 4, 3)), Record("Sarah", "Smith", Born));
        Assert.Contains("Date of birth with day and month swapped", score.Reasons);
    }

    [Fact]
    public void Missing_date_of_birth_in_the_search_is_found_by_name()
    {
        var score = AssertFound(new MatchQuery("Sarah", "Smith"), Record("Sarah", "Smith", Born));
        Assert.Contains("No date of birth to compare", score.Reasons);
    }

    [Fact]
    public void Missing_date_of_birth_on_the_record_is_found_by_name_and_address()
    {
        AssertFound(new MatchQuery("Sarah", "Smith", Born, Postcode: "ls14ab"), Record("Sarah", "Smith", null, line1: "14 Mill Road", postcode: "LS1 4AB"));
    }

    [Theory]
    [InlineData("Flat 2, 14 Mill Rd.", "LS1 4AB", "2 14 Mill Road", "ls14ab")]
    [InlineData("14 Mill Road", "LS14AB", "14 mill rd", "LS1 4AB")]
    [InlineData("14 Mill Road", "LS1 4AB", "14 Mill Road", "LS1 4BA")]
    public void Address_variants_are_found(string typedLine, string typedPostcode, string recordedLine, string recordedPostcode)
    {
        // A misspelt surname and no date of birth: only the address can carry this one.
        var score = AssertFound(new MatchQuery("Sarah", "Smyth", null, Postcode: typedPostcode, AddressLine: typedLine),
            Record("Sarah", "Smith", Born, line1: recordedLine, postcode: recordedPostcode));
        Assert.Contains(score.Reasons, r => r.StartsWith("Same address", StringComparison.Ordinal) || r == "Same street address" || r == "Same postcode");
    }

    [Fact]
    public void Twins_with_different_first_names_are_not_matched()
    {
        var score = AssertNotMatched(new MatchQuery("Emily", "Smith", Born, Gender: Gender.Female, Postcode: "LS1 4AB", AddressLine: "14 Mill Road"),
            Record("Sophie", "Smith", Born, Gender.Female, "14 Mill Road", "LS1 4AB"));
        Assert.Contains("Different first name", score.Reasons);
    }

    [Fact]
    public void Namesake_with_a_different_date_of_birth_is_not_matched()
    {
        var score = AssertNotMatched(new MatchQuery("John", "Smith", new DateOnly(1990, 7, 21)), Record("John", "Smith", Born));
        Assert.Contains("Different date of birth", score.Reasons);
    }

    [Fact]
    public void Parent_and_child_with_one_name_at_one_address_are_not_matched()
    {
        AssertNotMatched(new MatchQuery("John", "Smith", new DateOnly(2008, 3, 4), Gender: Gender.Male, Postcode: "LS1 4AB", AddressLine: "14 Mill Road"),
            Record("John", "Smith", new DateOnly(1979, 9, 12), Gender.Male, "14 Mill Road", "LS1 4AB"));
    }

    [Fact]
    public void A_different_gender_counts_against()
    {
        var same = MatchScorer.Score(new MatchQuery("Sam", "Smith", Born, Gender: Gender.Female), Record("Samantha", "Smith", Born, Gender.Female), Today);
        var different = MatchScorer.Score(new MatchQuery("Sam", "Smith", Born, Gender: Gender.Male), Record("Samantha", "Smith", Born, Gender.Female), Today);
        Assert.True(different.Score < same.Score);
        Assert.Contains("Different gender", different.Reasons);
    }

    [Theory]
    [InlineData("Catherine", "Kathryn")]
    [InlineData("Stephen", "Steven")]
    [InlineData("Thompson", "Tomson")]
    [InlineData("Reid", "Read")]
    [InlineData("O'Neill", "ONeil")]
    [InlineData("Geoffrey", "Jeffery")]
    public void Sound_alike_spellings_share_a_phonetic_key(string a, string b) =>
        Assert.Equal(Phonetic.Key(NameText.Normalise(a)), Phonetic.Key(NameText.Normalise(b)));

    [Theory]
    [InlineData("Smith", "Jones")]
    [InlineData("Sarah", "Susan")]
    [InlineData("Ali", "Allen")]
    public void Different_names_have_different_phonetic_keys(string a, string b) =>
        Assert.NotEqual(Phonetic.Key(NameText.Normalise(a)), Phonetic.Key(NameText.Normalise(b)));

    [Fact]
    public void Accents_and_punctuation_are_ignored() =>
        Assert.Equal("zoe obrien", NameText.Normalise("  Zoë O’Brien "));
}
