namespace Safeguard.Core.People.Matching;

/// <summary>
/// Scores how likely a record is the person searched for. Each field adds weight when it agrees and takes it
/// away when it clearly disagrees, in the manner of record-linkage weights: a different date of birth counts
/// strongly against, a different surname only a little (surnames change on marriage), a missing field not at
/// all. The total is scaled to 0 to 100, where 100 is first name, surname, date of birth and address all the same.
/// Weights were set against the labelled synthetic pairs in the bench project (bench/README.md).
/// </summary>
public static class MatchScorer
{
    /// <summary>
    /// Candidates at or above this score are shown. Chosen on the bench's labelled pairs: at 45, recall is
    /// above 95% with precision above 90%; at 50, recall fell below 95% (changed surnames with a move).
    /// A person searching sees a few more candidates rather than miss a returning victim.
    /// </summary>
    public const int DefaultThreshold = 45;

    private const double FullMarks = 16.5;

    public static MatchScore Score(MatchQuery query, MatchCandidate candidate, DateOnly today)
    {
        var reasons = new List<string>();
        var total = BestName(query, candidate, reasons);
        total += DateOfBirth(query, candidate, today, reasons);
        total += Gender(query, candidate, reasons);
        total += Address(query, candidate, reasons);
        var score = (int)Math.Round(Math.Clamp(total / FullMarks * 100, 0, 100));
        return new MatchScore(candidate.PersonId, score, reasons);
    }

    private static double BestName(MatchQuery query, MatchCandidate candidate, List<string> reasons)
    {
        var qGiven = NameText.FirstGiven(NameText.Normalise(query.GivenName));
        var qFamily = NameText.Normalise(query.FamilyName);
        var best = double.MinValue;
        List<string> bestReasons = [];
        foreach (var (given, family, kind) in candidate.Names)
        {
            var these = new List<string>();
            var weight = Given(qGiven, NameText.FirstGiven(NameText.Normalise(given)), query.GivenName, given, these)
                + Family(qFamily, NameText.Normalise(family), kind, these);
            if (weight > best)
            {
                best = weight;
                bestReasons = these;
            }
        }

        reasons.AddRange(bestReasons);
        return best == double.MinValue ? 0 : best;
    }

    private static double Given(string q, string c, string typed, string recorded, List<string> reasons)
    {
        if (q.Length == 0 || c.Length == 0)
        {
            return 0;
        }

        if (q == c)
        {
            reasons.Add("Same first name");
            return 4;
        }

        if (Nicknames.AreVariants(q, c))
        {
            reasons.Add($"First name: “{typed.Trim()}” and “{recorded.Trim()}” can be the same name");
            return 3.5;
        }

        if (Phonetic.Key(q) == Phonetic.Key(c))
        {
            reasons.Add("First name sounds the same");
            return 3;
        }

        if (JaroWinkler.Similarity(q, c) >= 0.88 || (Math.Min(q.Length, c.Length) >= 4 && EditDistance.AtMostOne(q, c)))
        {
            reasons.Add("First name spelt similarly");
            return 2.5;
        }

        if ((q.Length == 1 || c.Length == 1) && q[0] == c[0])
        {
            reasons.Add("First initial matches");
            return 1;
        }

        reasons.Add("Different first name");
        return -6;
    }

    private static double Family(string q, string c, NameKind kind, List<string> reasons)
    {
        if (q.Length == 0 || c.Length == 0)
        {
            return 0;
        }

        var otherName = kind is not NameKind.Current;
        if (q == c)
        {
            reasons.Add(otherName ? $"Same surname as their {Describe(kind)}" : "Same surname");
            return 4;
        }

        var qParts = NameText.FamilyParts(q);
        var cParts = NameText.FamilyParts(c);
        if (qParts.Intersect(cParts, StringComparer.Ordinal).Any())
        {
            reasons.Add("Surname shares a part (hyphenated or double-barrelled)");
            return 3.5;
        }

        if (qParts.Select(Phonetic.Key).Intersect(cParts.Select(Phonetic.Key), StringComparer.Ordinal).Any())
        {
            reasons.Add("Surname sounds the same");
            return 3;
        }

        if (qParts.Any(a => cParts.Any(b => JaroWinkler.Similarity(a, b) >= 0.88 || (Math.Min(a.Length, b.Length) >= 4 && EditDistance.AtMostOne(a, b)))))
        {
            reasons.Add("Surname spelt similarly");
            return 2.5;
        }

        reasons.Add("Different surname (surnames can change)");
        return -1.5;
    }

    private static string Describe(NameKind kind) => kind switch
    {
        NameKind.Previous => "previous name",
        NameKind.Married => "married name",
        NameKind.Birth => "birth name",
        NameKind.Alias => "alias",
        _ => "nickname",
    };

    private static double DateOfBirth(MatchQuery query, MatchCandidate candidate, DateOnly today, List<string> reasons)
    {
        if (query.DateOfBirth is DateOnly q && candidate.DatesOfBirth.Count > 0)
        {
            var best = candidate.DatesOfBirth.Select(c => Compare(q, c)).MaxBy(r => r.Weight)!;
            reasons.Add(best.Reason);
            return best.Weight;
        }

        var queryYear = query.BirthYearOn(today);
        IEnumerable<int> candidateYears = candidate.DatesOfBirth.Count > 0
            ? candidate.DatesOfBirth.Select(d => d.Year)
            : candidate.ApproximateBirthYears;
        if (queryYear is int year && candidateYears.Any())
        {
            if (candidateYears.Any(y => Math.Abs(y - year) <= 2))
            {
                reasons.Add("Age fits");
                return 1;
            }

            // An age a generation away (a parent or child of the same name at the same address) is as telling
            // as a different date of birth; an age a few years off may just be a poor guess.
            if (candidateYears.All(y => Math.Abs(y - year) > 10))
            {
                reasons.Add("Age far from theirs");
                return -6;
            }

            reasons.Add("Age does not fit");
            return -3;
        }

        reasons.Add("No date of birth to compare");
        return 0;
    }

    private static (double Weight, string Reason) Compare(DateOnly q, DateOnly c)
    {
        if (q == c)
        {
            return (5, "Same date of birth");
        }

        if (q.Year == c.Year && q.Day == c.Month && q.Month == c.Day)
        {
            return (4, "Date of birth with day and month swapped");
        }

        var same = (q.Year == c.Year ? 1 : 0) + (q.Month == c.Month ? 1 : 0) + (q.Day == c.Day ? 1 : 0);
        if (same == 2)
        {
            return (2, "Date of birth differs in one part");
        }

        return (-6, "Different date of birth");
    }

    private static double Gender(MatchQuery query, MatchCandidate candidate, List<string> reasons)
    {
        if (query.Gender == People.Gender.NotKnown || candidate.Gender == People.Gender.NotKnown)
        {
            return 0;
        }

        if (query.Gender == candidate.Gender)
        {
            return 0.5;
        }

        reasons.Add("Different gender");
        return -4;
    }

    private static double Address(MatchQuery query, MatchCandidate candidate, List<string> reasons)
    {
        var qPostcode = NameText.Postcode(query.Postcode);
        var qLine = NameText.AddressLine(query.AddressLine);
        if ((qPostcode.Length == 0 && qLine.Length == 0) || candidate.Addresses.Count == 0)
        {
            return 0;
        }

        var best = (Weight: 0.0, Reason: "");
        foreach (var (line1, postcode) in candidate.Addresses)
        {
            var cPostcode = NameText.Postcode(postcode);
            var cLine = NameText.AddressLine(line1);
            var samePostcode = qPostcode.Length > 0 && qPostcode == cPostcode;
            var sameLine = qLine.Length > 0 && qLine == cLine;
            var sameDistrict = qPostcode.Length > 0 && cPostcode.Length > 0 && NameText.OutwardCode(qPostcode) == NameText.OutwardCode(cPostcode);
            (double, string) found = (samePostcode, sameLine, sameDistrict) switch
            {
                (true, true, _) => (3.5, "Same address"),
                (true, false, _) => (2.5, "Same postcode"),
                (false, true, true) => (2.5, "Same address, postcode written differently"),
                (false, true, false) => (1.5, "Same street address"),
                (false, false, true) => (0.5, "Same postcode district"),
                _ => (0, ""),
            };
            if (found.Item1 > best.Weight)
            {
                best = found;
            }
        }

        if (best.Weight > 0)
        {
            reasons.Add(best.Reason);
        }

        return best.Weight;
    }
}
