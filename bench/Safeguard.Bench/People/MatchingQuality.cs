using System.Diagnostics;
using Safeguard.Core.People;
using Safeguard.Core.People.Matching;

namespace Safeguard.Bench.People;

/// <summary>
/// Matching quality on labelled synthetic pairs. A duplicate is a person and a second record of them with one
/// or two error patterns; a near-miss is two different people who look alike (twins, siblings, parent and child
/// of one name...) with the same error process applied, so the test is fair. A pair counts as matched only when
/// the two records share a blocking key (so search would read the candidate at all) and the score reaches the threshold.
/// </summary>
internal static class MatchingQuality
{
    private static readonly DateOnly Today = new(2026, 11, 22);

    private sealed record Pair(bool Duplicate, string Kind, IReadOnlyList<ErrorPattern> Patterns, bool SharesKey, int Score);

    /// <summary>What a user types into search-before-create from a record: one name, date of birth or age, sometimes gender, the current address.</summary>
    public static MatchQuery QueryOf(SynthPerson p, Random random)
    {
        var address = p.Addresses[0];
        return new MatchQuery(p.Current.Given, p.Current.Family, p.DateOfBirth, p.ApproximateAge,
            random.NextDouble() < 0.7 ? p.Gender : Gender.NotKnown, address.Postcode, address.Line1);
    }

    private static MatchCandidate CandidateOf(SynthPerson p) => new(
        p.Id,
        p.Names.Select(n => (n.Given, n.Family, n.Kind)).ToList(),
        p.DateOfBirth is DateOnly d ? [d] : [],
        p.DateOfBirth is null && p.ApproximateAge is int age && p.AgeRecordedOn is DateOnly on ? [on.Year - age] : [],
        p.Gender,
        p.Addresses.Select(a => (a.Line1, (string?)a.Postcode)).ToList());

    public static Dictionary<string, object> Run(int pairsEach)
    {
        var sw = Stopwatch.StartNew();
        var synthetic = new Synthetic(seed: 31, PeopleScenarios.AreaCount);
        var errors = new Errors(synthetic);
        var pairs = new List<Pair>(pairsEach * 2);
        var id = 1;
        for (var i = 0; i < pairsEach; i++)
        {
            var a = synthetic.Person(id++);
            var patterns = errors.Choose(a);
            var b = errors.Apply(a, patterns);
            pairs.Add(Measure(true, "duplicate", patterns, a, b, synthetic.Random));
        }

        var kinds = Enum.GetValues<NearMissKind>();
        for (var i = 0; i < pairsEach; i++)
        {
            var a = synthetic.Person(id++);
            var kind = kinds[i % kinds.Length];
            var other = LookAlike(synthetic, a, kind, id++);
            var patterns = errors.Choose(other);
            var b = errors.Apply(other, patterns);
            pairs.Add(Measure(false, kind.ToString(), patterns, a, b, synthetic.Random));
        }

        var duplicates = pairs.Where(p => p.Duplicate).ToList();
        var nearMisses = pairs.Where(p => !p.Duplicate).ToList();
        var thresholds = new List<object>();
        for (var t = 40; t <= 70; t += 5)
        {
            thresholds.Add(At(pairs, t));
        }

        return new Dictionary<string, object>
        {
            ["duplicatePairs"] = duplicates.Count,
            ["nearMissPairs"] = nearMisses.Count,
            ["threshold"] = MatchScorer.DefaultThreshold,
            ["atDefault"] = At(pairs, MatchScorer.DefaultThreshold),
            ["duplicatesSharingAKey"] = Math.Round(duplicates.Count(p => p.SharesKey) / (double)duplicates.Count, 4),
            ["byThreshold"] = thresholds,
            ["recallByPattern"] = Enum.GetValues<ErrorPattern>().Select(e =>
            {
                var with = duplicates.Where(p => p.Patterns.Contains(e)).ToList();
                var alone = with.Where(p => p.Patterns.Count == 1).ToList();
                return new
                {
                    pattern = e.ToString(),
                    pairs = with.Count,
                    recall = Rate(with, MatchScorer.DefaultThreshold),
                    aloneRecall = Rate(alone, MatchScorer.DefaultThreshold),
                    keyRecall = with.Count == 0 ? 0 : Math.Round(with.Count(p => p.SharesKey) / (double)with.Count, 4),
                };
            }).ToList(),
            ["missedDuplicatesByPatterns"] = duplicates.Where(p => !(p.SharesKey && p.Score >= MatchScorer.DefaultThreshold))
                .GroupBy(p => string.Join(" + ", p.Patterns.Order()))
                .OrderByDescending(g => g.Count()).Take(12)
                .Select(g => new { patterns = g.Key, missed = g.Count(), noSharedKey = g.Count(p => !p.SharesKey) }).ToList(),
            ["nearMissMatchedByKind"] = kinds.Select(k =>
            {
                var these = nearMisses.Where(p => p.Kind == k.ToString()).ToList();
                return new { kind = k.ToString(), pairs = these.Count, matched = Rate(these, MatchScorer.DefaultThreshold) };
            }).ToList(),
            ["seconds"] = Math.Round(sw.Elapsed.TotalSeconds, 1),
        };
    }

    private static double Rate(List<Pair> pairs, int threshold) =>
        pairs.Count == 0 ? 0 : Math.Round(pairs.Count(p => p.SharesKey && p.Score >= threshold) / (double)pairs.Count, 4);

    private static object At(List<Pair> pairs, int threshold)
    {
        var tp = pairs.Count(p => p.Duplicate && p.SharesKey && p.Score >= threshold);
        var fp = pairs.Count(p => !p.Duplicate && p.SharesKey && p.Score >= threshold);
        var dups = pairs.Count(p => p.Duplicate);
        var recall = tp / (double)dups;
        var precision = tp + fp == 0 ? 1 : tp / (double)(tp + fp);
        var f1 = recall + precision == 0 ? 0 : 2 * recall * precision / (recall + precision);
        return new { threshold, recall = Math.Round(recall, 4), precision = Math.Round(precision, 4), f1 = Math.Round(f1, 4), truePositives = tp, falsePositives = fp };
    }

    private static Pair Measure(bool duplicate, string kind, List<ErrorPattern> patterns, SynthPerson a, SynthPerson b, Random random)
    {
        var query = QueryOf(b, random);
        var shares = MatchKeys.For(query).Overlaps(PeopleLoader.KeysOf(a));
        var score = MatchScorer.Score(query, CandidateOf(a), Today).Score;
        return new Pair(duplicate, kind, patterns, shares, score);
    }

    /// <summary>A different person who looks like <paramref name="a"/>, in one of the ways real indexes see.</summary>
    private static SynthPerson LookAlike(Synthetic synthetic, SynthPerson a, NearMissKind kind, int id)
    {
        var r = synthetic.Random;
        var name = a.Current;
        var dob = a.DateOfBirth ?? synthetic.DateOfBirth();
        var b = new SynthPerson { Id = id, Gender = a.Gender, DateOfBirth = dob, Addresses = [a.Addresses[0]], Areas = a.Areas };
        switch (kind)
        {
            case NearMissKind.Twins:
                b.Gender = r.NextDouble() < 0.5 ? Gender.Female : Gender.Male;
                b.Names.Add(new SynthName(DifferentGiven(synthetic, b.Gender, name.Given), name.Family, NameKind.Current));
                break;
            case NearMissKind.Siblings:
                b.Gender = r.NextDouble() < 0.5 ? Gender.Female : Gender.Male;
                b.DateOfBirth = ShiftYears(synthetic, dob, 1, 12);
                b.Names.Add(new SynthName(DifferentGiven(synthetic, b.Gender, name.Given), name.Family, NameKind.Current));
                break;
            case NearMissKind.ParentAndChild:
                b.DateOfBirth = ShiftYears(synthetic, dob, 20, 40);
                b.Names.Add(new SynthName(name.Given, name.Family, NameKind.Current));
                break;
            case NearMissKind.Namesakes:
                b.DateOfBirth = synthetic.DateOfBirth();
                b.Addresses[0] = synthetic.Address();
                b.Names.Add(new SynthName(name.Given, name.Family, NameKind.Current));
                break;
            case NearMissKind.SameSurnameAndDateOfBirth:
                b.Gender = r.NextDouble() < 0.5 ? Gender.Female : Gender.Male;
                b.Addresses[0] = synthetic.Address();
                b.Names.Add(new SynthName(DifferentGiven(synthetic, b.Gender, name.Given), name.Family, NameKind.Current));
                break;
            case NearMissKind.SameFirstNameAndDateOfBirth:
                // A stranger who shares first name and date of birth: common in a national index.
                b.Addresses[0] = synthetic.Address();
                b.Names.Add(new SynthName(name.Given, synthetic.Surname(), NameKind.Current));
                break;
            default:
                b.Gender = a.Gender == Gender.Female ? Gender.Male : Gender.Female;
                b.DateOfBirth = ShiftYears(synthetic, dob, 0, 8);
                b.Names.Add(new SynthName(DifferentGiven(synthetic, b.Gender, name.Given), name.Family, NameKind.Current));
                break;
        }

        return b;
    }

    /// <summary>A first name nobody would take for the other: not the same, not a short form of it, not a sound-alike.</summary>
    private static string DifferentGiven(Synthetic synthetic, Gender gender, string given)
    {
        var first = NameText.FirstGiven(NameText.Normalise(given));
        while (true)
        {
            var other = synthetic.GivenName(gender);
            var o = NameText.Normalise(other);
            if (o != first && !Nicknames.AreVariants(o, first) && Phonetic.Key(o) != Phonetic.Key(first) && JaroWinkler.Similarity(o, first) < 0.88)
            {
                return other;
            }
        }
    }

    private static DateOnly ShiftYears(Synthetic synthetic, DateOnly dob, int min, int max)
    {
        var years = synthetic.Random.Next(min, max + 1) * (synthetic.Random.NextDouble() < 0.5 ? -1 : 1);
        var shifted = dob.AddYears(years).AddDays(synthetic.Random.Next(-150, 150));
        return shifted == dob ? dob.AddDays(3) : shifted;
    }
}
