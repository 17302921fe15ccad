using System.Data.Common;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Safeguard.Core.Data;

namespace Safeguard.Core.Disclosures.Reporting;

/// <summary>
/// Keeps the monthly roll-up of closed applications (<see cref="FigureCell"/>) that the dashboard reads for whole
/// months. <see cref="DisclosureService"/> adds an application's cells in the transaction that closes it; a closed
/// application never changes again, so its cells stay true. <see cref="RebuildAsync"/> recounts everything from
/// the applications, for a database that had closed work before the roll-up existed (run once at startup by
/// <see cref="EnsureBuiltAsync"/>) or after a hand edit (the operator's <c>rebuild-disclosure-figures</c>).
/// </summary>
public sealed class FigureCells(SafeguardDbContext db)
{
    private const string Columns = "\"AreaId\", \"Month\", \"Measure\", \"Scheme\", \"Route\", \"Code\", \"Tenths\", \"Count\"";
    private const string Key = "\"AreaId\", \"Month\", \"Measure\", \"Scheme\", \"Route\", \"Code\", \"Tenths\"";
    private const int RowsPerInsert = 500;
    private const int ApplicationsPerBatch = 20_000;

    /// <summary>The cells one closed application adds, those with the same key summed.</summary>
    public static IReadOnlyList<FigureCell> Of(DisclosureApplication app, IEnumerable<StagePeriod> periods)
    {
        ArgumentNullException.ThrowIfNull(app);
        if (app.ClosedAt is not { } closedAt)
        {
            throw new ArgumentException("Only a closed application is rolled up.", nameof(app));
        }

        var received = FigureCell.MonthOf(app.ReceivedAt);
        var cells = new List<FigureCell>();
        void Add(FigureMeasure measure, string code = "", int tenths = 0, DateOnly? month = null) => cells.Add(new FigureCell
        {
            AreaId = app.AreaId, Month = month ?? received, Measure = measure, Scheme = app.Scheme, Route = app.Route, Code = code, Tenths = tenths, Count = 1,
        });

        Add(FigureMeasure.Received);
        if (app.SubjectIsRegisteredSexOffender == true)
        {
            Add(FigureMeasure.AboutRegisteredSexOffender);
        }

        if (app.Outcome is { } outcome)
        {
            Add(FigureMeasure.Outcome, outcome.ToString());
            if (outcome == DisclosureOutcome.DisclosureMade)
            {
                Add(FigureMeasure.Disclosed, month: FigureCell.MonthOf(closedAt));
            }
        }

        if (app.Disclose is { } disclose)
        {
            var decision = FigureCell.DecisionCode(disclose);
            Add(FigureMeasure.Decision, decision);
            foreach (var (measure, text) in new[]
                     {
                         (FigureMeasure.Lawful, app.Lawful), (FigureMeasure.Necessary, app.Necessary),
                         (FigureMeasure.Proportionate, app.Proportionate), (FigureMeasure.PressingNeed, app.PressingNeed),
                     })
            {
                // As the live figures count it in SQL: written, and not only spaces.
                if (!string.IsNullOrEmpty(text?.Trim(' ')))
                {
                    Add(measure, decision);
                }
            }
        }

        Add(FigureMeasure.DaysToClose, tenths: FigureCell.TenthsBetween(app.ReceivedAt, closedAt));
        if (closedAt < app.DueAt)
        {
            Add(FigureMeasure.ClosedWithinClock);
        }

        foreach (var period in periods)
        {
            if (period.LeftAt is { } left && period.Stage != DisclosureStage.Closed)
            {
                Add(FigureMeasure.DaysInStage, period.Stage.ToString(), FigureCell.TenthsBetween(period.EnteredAt, left));
            }
        }

        return Merge(cells);
    }

    /// <summary>Adds a closing application's cells, inside the caller's transaction (the one that closes it).</summary>
    public async Task AddClosedAsync(DisclosureApplication app, IEnumerable<StagePeriod> periods, CancellationToken ct = default) =>
        await UpsertAsync(Of(app, periods), ct);

    /// <summary>Builds the roll-up if there is closed work and no roll-up yet (a database from before it existed); says whether it did.</summary>
    public async Task<bool> EnsureBuiltAsync(CancellationToken ct = default)
    {
        if (!await db.FigureCells.AnyAsync(ct) && await db.DisclosureApplications.AnyAsync(a => a.ClosedAt != null, ct))
        {
            await RebuildAsync(ct);
            return true;
        }

        return false;
    }

    /// <summary>
    /// Recounts the whole roll-up from the closed applications and their stage periods, reads and writes in one
    /// transaction: the caller's when there is one (the operator's and startup's audited write, which also holds
    /// the lock every closing takes, so no application closes half-counted), else its own. Returns the applications counted.
    /// </summary>
    public async Task<int> RebuildAsync(CancellationToken ct = default)
    {
        await using var own = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
        var totals = new Dictionary<(int, DateOnly, FigureMeasure, Scheme, Route, string, int), FigureCell>();
        var counted = 0;
        var lastId = 0;
        while (true)
        {
            var batch = await db.DisclosureApplications.AsNoTracking()
                .Where(a => a.ClosedAt != null && a.Id > lastId)
                .OrderBy(a => a.Id)
                .Take(ApplicationsPerBatch)
                .Select(a => new DisclosureApplication
                {
                    Id = a.Id, AreaId = a.AreaId, Scheme = a.Scheme, Route = a.Route, ReceivedAt = a.ReceivedAt, ClosedAt = a.ClosedAt, DueAt = a.DueAt,
                    WhatPrompted = "",
                    Outcome = a.Outcome, SubjectIsRegisteredSexOffender = a.SubjectIsRegisteredSexOffender, Disclose = a.Disclose,
                    Lawful = a.Lawful, Necessary = a.Necessary, Proportionate = a.Proportionate, PressingNeed = a.PressingNeed,
                })
                .ToListAsync(ct);
            if (batch.Count == 0)
            {
                break;
            }

            var first = batch[0].Id;
            lastId = batch[^1].Id;
            var periods = (await db.StagePeriods.AsNoTracking()
                    .Where(p => p.ApplicationId >= first && p.ApplicationId <= lastId && p.LeftAt != null)
                    .Select(p => new StagePeriod { ApplicationId = p.ApplicationId, Stage = p.Stage, EnteredAt = p.EnteredAt, LeftAt = p.LeftAt })
                    .ToListAsync(ct))
                .ToLookup(p => p.ApplicationId);
            foreach (var app in batch)
            {
                foreach (var cell in Of(app, periods[app.Id]))
                {
                    var key = KeyOf(cell);
                    if (totals.TryGetValue(key, out var total))
                    {
                        total.Count += cell.Count;
                    }
                    else
                    {
                        totals[key] = cell;
                    }
                }
            }

            counted += batch.Count;
        }

        await db.FigureCells.ExecuteDeleteAsync(ct);
        await UpsertAsync(totals.Values.ToList(), ct);
        if (own is not null)
        {
            await own.CommitAsync(ct);
        }

        return counted;
    }

    /// <summary>
    /// INSERT .. ON CONFLICT DO UPDATE adds to a cell that exists, the same SQL on SQLite and PostgreSQL, inside the
    /// caller's transaction. Writes are already one at a time (the audited write's lock), but the statement would not
    /// lose a count even if they were not. SQLite finds each named parameter by a linear search, so a long statement
    /// costs the square of its parameters: there, one row per statement, prepared once. PostgreSQL pays a round
    /// trip per statement: there, 500 rows each, with positional parameters.
    /// </summary>
    private async Task UpsertAsync(IReadOnlyList<FigureCell> cells, CancellationToken ct)
    {
        var transaction = db.Database.CurrentTransaction?.GetDbTransaction()
            ?? throw new InvalidOperationException("The roll-up is written inside the transaction that changes the applications.");
        var sqlite = db.Database.IsSqlite();
        var perStatement = sqlite ? 1 : RowsPerInsert;
        DbCommand? command = null;
        try
        {
            for (var start = 0; start < cells.Count; start += perStatement)
            {
                var rows = Math.Min(perStatement, cells.Count - start);
                if (command is null || command.Parameters.Count != rows * 8)
                {
                    command?.Dispose();
                    command = Upsert(transaction, rows, sqlite);
                }

                for (var i = 0; i < rows; i++)
                {
                    var c = cells[start + i];
                    object[] values = [c.AreaId, c.Month, c.Measure.ToString(), c.Scheme.ToString(), c.Route.ToString(), c.Code, c.Tenths, c.Count];
                    for (var k = 0; k < values.Length; k++)
                    {
                        command.Parameters[i * 8 + k].Value = values[k];
                    }
                }

                await command.ExecuteNonQueryAsync(ct);
            }
        }
        finally
        {
            command?.Dispose();
        }
    }

    private static DbCommand Upsert(DbTransaction transaction, int rows, bool sqlite)
    {
        var command = transaction.Connection!.CreateCommand();
        command.Transaction = transaction;
        var sql = new StringBuilder($"INSERT INTO \"FigureCells\" ({Columns}) VALUES ");
        for (var i = 0; i < rows; i++)
        {
            sql.Append(i == 0 ? "(" : ", (");
            for (var k = 0; k < 8; k++)
            {
                var n = i * 8 + k;
                var parameter = command.CreateParameter();
                parameter.ParameterName = sqlite ? $"@p{n}" : "";
                command.Parameters.Add(parameter);
                sql.Append(k == 0 ? "" : ", ").Append(sqlite ? $"@p{n}" : $"${n + 1}");
            }

            sql.Append(')');
        }

        command.CommandText = sql.Append($" ON CONFLICT ({Key}) DO UPDATE SET \"Count\" = \"FigureCells\".\"Count\" + excluded.\"Count\"").ToString();
        return command;
    }

    private static IReadOnlyList<FigureCell> Merge(List<FigureCell> cells) =>
        [.. cells.GroupBy(KeyOf).Select(g =>
        {
            var first = g.First();
            first.Count = g.Sum(c => c.Count);
            return first;
        })];

    private static (int, DateOnly, FigureMeasure, Scheme, Route, string, int) KeyOf(FigureCell c) =>
        (c.AreaId, c.Month, c.Measure, c.Scheme, c.Route, c.Code, c.Tenths);
}
