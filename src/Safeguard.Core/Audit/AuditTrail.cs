using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Safeguard.Core.Data;

namespace Safeguard.Core.Audit;

/// <summary>
/// Appends to the tamper-evident audit trail. Writes that must be audited run inside
/// <see cref="BeginAsync"/>: the change and its audit events commit together or not at all.
/// </summary>
public sealed class AuditTrail(SafeguardDbContext db, TimeProvider clock, AuditContext context)
{
    /// <summary>The hash that the first event in the chain points back to.</summary>
    public const string GenesisHash = "0000000000000000000000000000000000000000000000000000000000000000";

    // One appender at a time in this process. PostgreSQL adds an advisory lock for other nodes.
    private static readonly SemaphoreSlim Appender = new(1, 1);
    private const long PostgresAdvisoryLockKey = 0x5AFE_6A2D;
    private static readonly TimeSpan AppenderWait = TimeSpan.FromSeconds(30);

    private static readonly JsonSerializerOptions Json = new() { WriteIndented = false };

    public async Task<AuditedWrite> BeginAsync(CancellationToken ct = default)
    {
        // Not re-entrant: a write opened inside another would wait for ever. Say so instead.
        if (!await Appender.WaitAsync(AppenderWait, ct))
        {
            throw new TimeoutException("The audit trail was busy for 30 seconds. Is an audited write open inside another? Record on the open AuditedWrite instead.");
        }

        try
        {
            var transaction = await db.Database.BeginTransactionAsync(ct);
            if (db.Database.IsNpgsql())
            {
                await db.Database.ExecuteSqlRawAsync($"SELECT pg_advisory_xact_lock({PostgresAdvisoryLockKey})", ct);
            }

            var last = await db.AuditEvents.AsNoTracking()
                .OrderByDescending(e => e.Sequence)
                .Select(e => new { e.Sequence, e.Hash })
                .FirstOrDefaultAsync(ct);
            return new AuditedWrite(this, transaction, last?.Sequence ?? 0, last?.Hash ?? GenesisHash);
        }
        catch
        {
            Appender.Release();
            throw;
        }
    }

    /// <summary>Records one event in a write of its own: for views, sign-ins and other events with no change.</summary>
    public async Task RecordAsync(string action, string? recordType = null, string? recordId = null,
        string? summary = null, object? before = null, object? after = null, string? actorUserId = null,
        CancellationToken ct = default)
    {
        await using var write = await BeginAsync(ct);
        write.Record(action, recordType, recordId, summary, before, after, actorUserId);
        await write.CommitAsync(ct);
    }

    internal AuditEvent NewEvent(long sequence, string previousHash, string action, string? recordType, string? recordId,
        string? summary, object? before, object? after, string? actorUserId, bool track = true)
    {
        var e = new AuditEvent
        {
            Sequence = sequence,
            OccurredAt = TruncateToMicroseconds(clock.GetUtcNow().UtcDateTime),
            ActorUserId = actorUserId ?? context.ActorUserId,
            Action = action,
            RecordType = recordType,
            RecordId = recordId,
            Summary = summary,
            Before = Serialise(before),
            After = Serialise(after),
            PreviousHash = previousHash,
            Hash = "",
        };
        e.Hash = ComputeHash(e);
        if (track)
        {
            db.AuditEvents.Add(e);
        }

        return e;
    }

    internal SafeguardDbContext Db => db;

    internal static void ReleaseAppender() => Appender.Release();

    private static string? Serialise(object? value) => value switch
    {
        null => null,
        string s => s,
        _ => JsonSerializer.Serialize(value, value.GetType(), Json),
    };

    // PostgreSQL keeps microseconds; the hash must not depend on precision the database drops.
    private static DateTime TruncateToMicroseconds(DateTime value) =>
        new(value.Ticks - (value.Ticks % 10), DateTimeKind.Utc);

    public static string ComputeHash(AuditEvent e)
    {
        // A JSON array of the fields: unambiguous, whatever the fields contain.
        var canonical = JsonSerializer.Serialize(new object?[]
        {
            e.Sequence,
            e.OccurredAt.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff", System.Globalization.CultureInfo.InvariantCulture),
            e.ActorUserId, e.Action, e.RecordType, e.RecordId, e.Summary, e.Before, e.After, e.PreviousHash,
        });
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)));
    }
}
