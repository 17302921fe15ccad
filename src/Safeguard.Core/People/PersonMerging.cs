using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Safeguard.Core.Audit;
using Safeguard.Core.Common;
using Safeguard.Core.Data;

namespace Safeguard.Core.People;

/// <summary>
/// Merges two records of one person, and reverses a merge. Nothing moves: the merged record points at the
/// one it was merged into, and every record in the group carries the group's <see cref="Person.CanonicalId"/>,
/// so names, addresses, cases and history stay where they were written and a reversal restores them exactly.
/// </summary>
public sealed class PersonMerging(SafeguardDbContext db, AuditTrail audit, TimeProvider clock)
{
    private static string Id(int id) => id.ToString(CultureInfo.InvariantCulture);

    public async Task<Result<PersonMerge>> MergeAsync(int survivorId, int mergedId, string? reason, string userId, CancellationToken ct = default)
    {
        var errors = new List<FieldError>();
        if (survivorId == mergedId)
        {
            errors.Add(new("OtherReference", "A record cannot be merged with itself"));
        }

        if (string.IsNullOrWhiteSpace(reason))
        {
            errors.Add(new("Reason", "Enter why these records are the same person"));
        }
        else if (reason.Trim().Length > 1000)
        {
            errors.Add(new("Reason", "The reason must be 1000 characters or fewer"));
        }

        if (errors.Count > 0)
        {
            return Result<PersonMerge>.Fail(errors);
        }

        await using var write = await audit.BeginAsync(ct);
        var pair = await db.People.Where(p => p.Id == survivorId || p.Id == mergedId).ToListAsync(ct);
        foreach (var loaded in pair)
        {
            // The page may have loaded these before the transaction began: decide on what is stored now.
            await db.Entry(loaded).ReloadAsync(ct);
        }

        var survivor = pair.FirstOrDefault(p => p.Id == survivorId);
        var merged = pair.FirstOrDefault(p => p.Id == mergedId);
        if (survivor is null || merged is null)
        {
            return Result<PersonMerge>.Fail(new FieldError("OtherReference", "There is no record with that number"));
        }

        if (survivor.MergedIntoId is not null || merged.MergedIntoId is not null)
        {
            return Result<PersonMerge>.Fail(new FieldError("OtherReference", "One of these records has already been merged into another. Merge with that one instead"));
        }

        var now = clock.GetUtcNow().UtcDateTime;
        merged.MergedIntoId = survivor.Id;
        await db.People.Where(p => p.CanonicalId == merged.Id && p.Id != merged.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(p => p.CanonicalId, survivor.Id), ct);
        merged.CanonicalId = survivor.Id;
        merged.Version++;
        survivor.Version++;
        var merge = new PersonMerge { SurvivorId = survivor.Id, MergedId = merged.Id, Reason = reason!.Trim(), MergedAt = now, MergedByUserId = userId };
        db.PersonMerges.Add(merge);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Result<PersonMerge>.Fail(new FieldError("OtherReference", "Someone else changed one of these records while you were merging. Start the merge again"));
        }

        var detail = new { merge.Id, Survivor = survivor.Reference, Merged = merged.Reference, merge.Reason };
        write.Record("person.merged", "Person", Id(survivor.Id), summary: $"{merged.Reference} merged into {survivor.Reference}", after: detail);
        write.Record("person.merged", "Person", Id(merged.Id), summary: $"{merged.Reference} merged into {survivor.Reference}", after: detail);
        await write.CommitAsync(ct);
        return Result<PersonMerge>.Ok(merge);
    }

    public async Task<Result<PersonMerge>> ReverseAsync(int mergeId, string? reason, string userId, CancellationToken ct = default)
    {
        if (string.IsNullOrWhiteSpace(reason) || reason.Trim().Length > 1000)
        {
            return Result<PersonMerge>.Fail(new FieldError("Reason", "Enter why the merge was wrong, in 1000 characters or fewer"));
        }

        await using var write = await audit.BeginAsync(ct);
        var merge = await db.PersonMerges.FirstOrDefaultAsync(m => m.Id == mergeId, ct);
        if (merge is null)
        {
            return Result<PersonMerge>.Fail(new FieldError("Reason", "There is no such merge"));
        }

        if (merge.ReversedAt is not null)
        {
            return Result<PersonMerge>.Fail(new FieldError("Reason", "This merge has already been reversed"));
        }

        var merged = await db.People.FirstAsync(p => p.Id == merge.MergedId, ct);
        var root = merged.CanonicalId;
        merged.MergedIntoId = null;

        // Work out afresh which record now stands for each member of the old group.
        var group = await db.People.Where(p => p.CanonicalId == root).ToListAsync(ct);
        var parent = group.ToDictionary(p => p.Id, p => p.Id == merged.Id ? null : p.MergedIntoId);
        foreach (var member in group)
        {
            var top = member.Id;
            while (parent.TryGetValue(top, out var up) && up is int next)
            {
                top = next;
            }

            member.CanonicalId = top;
        }

        merged.Version++;

        // Forms open on the survivor were for a group that no longer exists: make them stale too.
        var survivorRecord = group.FirstOrDefault(p => p.Id == merge.SurvivorId) ?? await db.People.FirstAsync(p => p.Id == merge.SurvivorId, ct);
        survivorRecord.Version++;
        merge.ReversedAt = clock.GetUtcNow().UtcDateTime;
        merge.ReversedByUserId = userId;
        merge.ReversalReason = reason.Trim();
        await db.SaveChangesAsync(ct);
        var detail = new { merge.Id, Survivor = Person.FormatReference(merge.SurvivorId), Merged = Person.FormatReference(merge.MergedId), Reason = merge.ReversalReason };
        write.Record("person.merge-reversed", "Person", Id(merge.SurvivorId), summary: "Merge reversed", after: detail);
        write.Record("person.merge-reversed", "Person", Id(merge.MergedId), summary: "Merge reversed", after: detail);
        await write.CommitAsync(ct);
        return Result<PersonMerge>.Ok(merge);
    }
}
