using Microsoft.EntityFrameworkCore;
using Safeguard.Core.Common;
using Safeguard.Core.Data;
using Safeguard.Core.People.Matching;

namespace Safeguard.Core.People;

/// <summary>One candidate as a results list shows it: the record number, names, date of birth and where they live.</summary>
public sealed record PersonSummary(int Id, string Reference, string Name, IReadOnlyList<string> OtherNames,
    DateOnly? DateOfBirth, int? ApproximateAge, string? Postcode, string? Town);

public sealed record PersonCandidate(PersonSummary Person, int Score, IReadOnlyList<string> Reasons);

/// <summary>
/// Proof that a search ran before a person is added: the search's name and date of birth and when it ran.
/// Adding a person needs one, for the same name and date of birth, less than 30 minutes old.
/// </summary>
public sealed record SearchReceipt(string GivenName, string FamilyName, DateOnly? DateOfBirth, DateTime SearchedAt);

public sealed record SearchOutcome(IReadOnlyList<PersonCandidate> Candidates, SearchReceipt Receipt);

/// <summary>
/// Search before create: finds the records in the user's areas that may be the person typed, scores them
/// (see Matching/MatchScorer) and gives the reasons. Candidates come from one indexed lookup of match keys;
/// only those are read and scored, so the time does not grow with the size of the index.
/// </summary>
public sealed class PersonSearch(SafeguardDbContext db, TimeProvider clock)
{
    /// <summary>The most key hits read for one search. Plenty for real names; a cap on the very commonest.</summary>
    public const int MaxHits = 600;

    public const int MaxResults = 20;

    public async Task<SearchOutcome> SearchAsync(MatchQuery query, IReadOnlyCollection<int>? areaIds, int threshold = MatchScorer.DefaultThreshold,
        int? excludePersonId = null, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var today = London.Today(clock);
        var receipt = new SearchReceipt(query.GivenName.Trim(), query.FamilyName.Trim(), query.DateOfBirth, now);
        var keys = MatchKeys.For(query).ToList();
        if (keys.Count == 0)
        {
            return new SearchOutcome([], receipt);
        }

        var hits = db.PersonMatchKeys.AsNoTracking().Where(k => keys.Contains(k.Key));
        if (areaIds is not null)
        {
            var areas = areaIds.ToList();
            hits = hits.Where(k => db.PersonAreas.Any(pa => pa.PersonId == k.PersonId && areas.Contains(pa.AreaId)));
        }

        var hitIds = await hits.Select(k => k.PersonId).Distinct().Take(MaxHits).ToListAsync(ct);
        var canonical = await db.People.AsNoTracking().Where(p => hitIds.Contains(p.Id)).Select(p => p.CanonicalId).Distinct().ToListAsync(ct);
        if (excludePersonId is int excluded)
        {
            canonical.Remove(excluded);
        }

        var candidates = await LoadAsync(canonical, ct);
        var scored = candidates
            .Select(c => MatchScorer.Score(query, c.Candidate, today))
            .Where(s => s.Score >= threshold)
            .OrderByDescending(s => s.Score)
            .ThenBy(s => s.PersonId)
            .Take(MaxResults)
            .ToList();
        var byId = candidates.ToDictionary(c => c.Candidate.PersonId);
        return new SearchOutcome(scored.Select(s => new PersonCandidate(byId[s.PersonId].Summary, s.Score, s.Reasons)).ToList(), receipt);
    }

    internal sealed record Loaded(MatchCandidate Candidate, PersonSummary Summary);

    /// <summary>Reads whole person records (with everything merged into them) for scoring and display.</summary>
    internal async Task<List<Loaded>> LoadAsync(IReadOnlyCollection<int> canonicalIds, CancellationToken ct)
    {
        if (canonicalIds.Count == 0)
        {
            return [];
        }

        var ids = canonicalIds.ToList();
        var members = await db.People.AsNoTracking().Where(p => ids.Contains(p.CanonicalId))
            .Select(p => new { p.Id, p.CanonicalId, p.DateOfBirth, p.ApproximateAge, p.AgeRecordedOn, p.Gender })
            .ToListAsync(ct);
        var memberIds = members.Select(m => m.Id).ToList();
        var names = await db.PersonNames.AsNoTracking().Where(n => memberIds.Contains(n.PersonId)).ToListAsync(ct);
        var addresses = await db.PersonAddresses.AsNoTracking().Where(a => memberIds.Contains(a.PersonId)).ToListAsync(ct);
        var canonicalOf = members.ToDictionary(m => m.Id, m => m.CanonicalId);
        var namesBy = names.ToLookup(n => canonicalOf[n.PersonId]);
        var addressesBy = addresses.ToLookup(a => canonicalOf[a.PersonId]);
        var result = new List<Loaded>();
        foreach (var group in members.GroupBy(m => m.CanonicalId))
        {
            var head = group.FirstOrDefault(m => m.Id == group.Key);
            if (head is null)
            {
                continue;
            }

            var groupNames = namesBy[group.Key].OrderBy(n => n.PersonId != group.Key).ThenBy(n => n.Kind != NameKind.Current).ThenBy(n => n.Id).ToList();
            var groupAddresses = addressesBy[group.Key].OrderByDescending(a => a.To is null).ThenByDescending(a => a.From).ThenByDescending(a => a.Id).ToList();
            var candidate = new MatchCandidate(
                group.Key,
                groupNames.Select(n => (n.GivenName, n.FamilyName, n.Kind)).ToList(),
                group.Where(m => m.DateOfBirth is not null).Select(m => m.DateOfBirth!.Value).Distinct().ToList(),
                group.Where(m => m.DateOfBirth is null && m.ApproximateAge is not null && m.AgeRecordedOn is not null)
                    .Select(m => m.AgeRecordedOn!.Value.Year - m.ApproximateAge!.Value).ToList(),
                head.Gender,
                groupAddresses.Select(a => (a.Line1, a.Postcode)).ToList());
            var main = groupNames.FirstOrDefault();
            var latest = groupAddresses.FirstOrDefault();
            var summary = new PersonSummary(
                group.Key,
                Person.FormatReference(group.Key),
                main?.FullName ?? "(no name)",
                groupNames.Skip(1).Select(n => n.FullName).Distinct().Where(n => n != main?.FullName).ToList(),
                head.DateOfBirth,
                head.DateOfBirth is null ? EstimatedAge(head.ApproximateAge, head.AgeRecordedOn) : null,
                latest?.Postcode,
                latest?.Town);
            result.Add(new Loaded(candidate, summary));
        }

        return result;
    }

    private int? EstimatedAge(int? age, DateOnly? recordedOn) =>
        age is int a && recordedOn is DateOnly on ? a + (London.Today(clock).Year - on.Year) : null;
}
