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

    /// <summary>
    /// Records an event that waits in this write, outside the change tracker, for the next <see cref="FlushAsync"/> (or
    /// the commit), which writes it in one bulk insert: for writes that record thousands (imports), where tracking each
    /// event cost more than writing it. The chain is the same: sequence and hash are set here, in order.
    /// </summary>
    public AuditEvent RecordForFlush(string action, string? recordType = null, string? recordId = null, string? summary = null,
        object? before = null, object? after = null, string? actorUserId = null)
    {
        var e = _trail.NewEvent(_lastSequence + 1, _lastHash, action, recordType, recordId, summary, before, after, actorUserId, track: false);
        _lastSequence = e.Sequence;
        _lastHash = e.Hash;
        _deferred.Add(e);
        return e;
    }

    private readonly List<AuditEvent> _deferred = [];

    /// <summary>Writes the events recorded so far in one bulk insert, for writes that record thousands (imports).</summary>
    public async Task FlushAsync(CancellationToken ct = default)
    {
        // In sequence order, so ids follow the chain as they do when SaveChanges writes it.
        var tracked = _trail.Db.ChangeTracker.Entries<AuditEvent>().Where(e => e.State == Microsoft.EntityFrameworkCore.EntityState.Added).ToList();
        var pending = tracked.Select(e => e.Entity).Concat(_deferred).OrderBy(e => e.Sequence).ToList();
        await Data.BulkInsert.InsertAsync(_trail.Db, pending, ct);
        foreach (var e in tracked)
        {
            e.State = Microsoft.EntityFrameworkCore.EntityState.Detached;
        }

        _deferred.Clear();
    }

    public async Task CommitAsync(CancellationToken ct = default)
    {
        // Events waiting for a flush go in first, before anything SaveChanges writes, and never get lost.
        if (_deferred.Count > 0)
        {
            await FlushAsync(ct);
        }

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
