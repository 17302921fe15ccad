using Microsoft.EntityFrameworkCore.Storage;

namespace Safeguard.Core.Audit;

/// <summary>A database transaction that holds the audit appender: record events, then commit once.</summary>
public sealed class AuditedWrite : IAsyncDisposable
{
    private readonly AuditTrail _trail;
    private readonly IDbContextTransaction _transaction;
    private long _lastSequence;
    private string _lastHash;
    private bool _released;

    internal AuditedWrite(AuditTrail trail, IDbContextTransaction transaction, long lastSequence, string lastHash)
    {
        _trail = trail;
        _transaction = transaction;
        _lastSequence = lastSequence;
        _lastHash = lastHash;
    }

    public AuditEvent Record(string action, string? recordType = null, string? recordId = null, string? summary = null,
        object? before = null, object? after = null, string? actorUserId = null)
    {
        var e = _trail.NewEvent(_lastSequence + 1, _lastHash, action, recordType, recordId, summary, before, after, actorUserId);
        _lastSequence = e.Sequence;
        _lastHash = e.Hash;
        return e;
    }

    /// <summary>Writes the events recorded so far in one bulk insert, for writes that record thousands (imports).</summary>
    public async Task FlushAsync(CancellationToken ct = default)
    {
        // In sequence order, so ids follow the chain as they do when SaveChanges writes it.
        var pending = _trail.Db.ChangeTracker.Entries<AuditEvent>().Where(e => e.State == Microsoft.EntityFrameworkCore.EntityState.Added)
            .OrderBy(e => e.Entity.Sequence).ToList();
        await Data.BulkInsert.InsertAsync(_trail.Db, pending.Select(e => e.Entity).ToList(), ct);
        foreach (var e in pending)
        {
            e.State = Microsoft.EntityFrameworkCore.EntityState.Detached;
        }
    }

    public async Task CommitAsync(CancellationToken ct = default)
    {
        await _trail.Db.SaveChangesAsync(ct);
        await _transaction.CommitAsync(ct);
        Release();
    }

    public async ValueTask DisposeAsync()
    {
        await _transaction.DisposeAsync();
        Release();
    }

    private void Release()
    {
        if (!_released)
        {
            _released = true;
            AuditTrail.ReleaseAppender();
        }
    }
}
