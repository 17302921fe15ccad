using Microsoft.EntityFrameworkCore;
using Safeguard.Core.Data;

namespace Safeguard.Core.Audit;

public sealed record AuditChainResult(bool IsIntact, long EventsChecked, long? FirstBrokenSequence, string? Problem);

/// <summary>Walks the chain in order and names the first event whose hash, link or position is wrong.</summary>
public sealed class AuditChainVerifier(SafeguardDbContext db)
{
    private const int BatchSize = 5000;

    public async Task<AuditChainResult> VerifyAsync(CancellationToken ct = default)
    {
        var expectedSequence = 1L;
        var previousHash = AuditTrail.GenesisHash;
        long checkedCount = 0;

        while (true)
        {
            var batch = await db.AuditEvents.AsNoTracking()
                .Where(e => e.Sequence >= expectedSequence)
                .OrderBy(e => e.Sequence)
                .Take(BatchSize)
                .ToListAsync(ct);
            if (batch.Count == 0)
            {
                return new AuditChainResult(true, checkedCount, null, null);
            }

            foreach (var e in batch)
            {
                if (e.Sequence != expectedSequence)
                {
                    return Broken(checkedCount, expectedSequence, $"event {expectedSequence} is missing");
                }

                if (e.PreviousHash != previousHash)
                {
                    return Broken(checkedCount, e.Sequence, $"event {e.Sequence} does not point to the hash of event {e.Sequence - 1}");
                }

                if (AuditTrail.ComputeHash(e) != e.Hash)
                {
                    return Broken(checkedCount, e.Sequence, $"event {e.Sequence} was changed after it was written");
                }

                previousHash = e.Hash;
                expectedSequence++;
                checkedCount++;
            }
        }
    }

    private static AuditChainResult Broken(long checkedCount, long sequence, string problem) =>
        new(false, checkedCount, sequence, problem);
}
