using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;
using NpgsqlTypes;
using Safeguard.Core.Disclosures;

namespace Safeguard.Bench.Disclosures;

/// <summary>
/// Writes synthetic applications, their stage periods and their timelines straight through ADO.NET, as the people
/// bench does: SQLite in one transaction with prepared statements and no journal during the load; PostgreSQL by
/// binary COPY with foreign-key triggers off for the session. Then ANALYZE on both, so the plans are the settled ones.
/// The columns are the ones the service fills at each stage; the rest stay NULL as they would.
/// </summary>
internal static class ApplicationLoader
{
    private static readonly TimeSpan CopyTimeout = TimeSpan.FromMinutes(30);

    private sealed record Column(string Name, NpgsqlDbType Type, Func<DisclosureApplication, object?> Value);

    private static readonly Column[] ApplicationColumns =
    [
        new("Id", NpgsqlDbType.Integer, a => a.Id),
        new("SchemeId", NpgsqlDbType.Integer, a => a.SchemeId),
        new("Scheme", NpgsqlDbType.Text, a => a.Scheme.ToString()),
        new("Route", NpgsqlDbType.Text, a => a.Route.ToString()),
        new("AreaId", NpgsqlDbType.Integer, a => a.AreaId),
        new("Stage", NpgsqlDbType.Text, a => a.Stage.ToString()),
        new("StageEnteredAt", NpgsqlDbType.TimestampTz, a => a.StageEnteredAt),
        new("ReceivedAt", NpgsqlDbType.TimestampTz, a => a.ReceivedAt),
        new("ReceivedVia", NpgsqlDbType.Text, a => a.ReceivedVia.ToString()),
        new("WhatPrompted", NpgsqlDbType.Text, a => a.WhatPrompted),
        new("SafeContactWay", NpgsqlDbType.Text, a => a.SafeContactWay),
        new("SafeContactTimes", NpgsqlDbType.Text, a => a.SafeContactTimes),
        new("Urgent", NpgsqlDbType.Boolean, a => a.Urgent),
        new("ImmediateRisk", NpgsqlDbType.Text, a => a.ImmediateRisk),
        new("SafeguardingAction", NpgsqlDbType.Text, a => a.SafeguardingAction),
        new("UrgentAcknowledgedAt", NpgsqlDbType.TimestampTz, a => a.UrgentAcknowledgedAt),
        new("UrgentAcknowledgedByUserId", NpgsqlDbType.Text, a => a.UrgentAcknowledgedByUserId),
        new("OwnerUserId", NpgsqlDbType.Text, a => a.OwnerUserId),
        new("DisclosureOfficerUserId", NpgsqlDbType.Text, a => a.DisclosureOfficerUserId),
        new("WithinScheme", NpgsqlDbType.Boolean, a => a.WithinScheme),
        new("CriteriaReasons", NpgsqlDbType.Text, a => a.CriteriaReasons),
        new("ApplicantToldOn", NpgsqlDbType.Date, a => a.ApplicantToldOn),
        new("MetOn", NpgsqlDbType.Date, a => a.MetOn),
        new("MeetingPlace", NpgsqlDbType.Text, a => a.MeetingPlace),
        new("PhotoIdentity", NpgsqlDbType.Text, a => a.PhotoIdentity),
        new("SecondIdentity", NpgsqlDbType.Text, a => a.SecondIdentity),
        new("ResearcherUserId", NpgsqlDbType.Text, a => a.ResearcherUserId),
        new("RiskLevel", NpgsqlDbType.Text, a => a.RiskLevel?.ToString()),
        new("RiskAssessment", NpgsqlDbType.Text, a => a.RiskAssessment),
        new("SubjectIsRegisteredSexOffender", NpgsqlDbType.Boolean, a => a.SubjectIsRegisteredSexOffender),
        new("Disclose", NpgsqlDbType.Boolean, a => a.Disclose),
        new("DisclosureWording", NpgsqlDbType.Text, a => a.DisclosureWording),
        new("SubjectToBeTold", NpgsqlDbType.Boolean, a => a.SubjectToBeTold),
        new("Lawful", NpgsqlDbType.Text, a => a.Lawful),
        new("Necessary", NpgsqlDbType.Text, a => a.Necessary),
        new("Proportionate", NpgsqlDbType.Text, a => a.Proportionate),
        new("PressingNeed", NpgsqlDbType.Text, a => a.PressingNeed),
        new("NoDisclosureReason", NpgsqlDbType.Text, a => a.NoDisclosureReason),
        new("DecidedByUserId", NpgsqlDbType.Text, a => a.DecidedByUserId),
        new("DecidedOn", NpgsqlDbType.Date, a => a.DecidedOn),
        new("DeliveredOn", NpgsqlDbType.Date, a => a.DeliveredOn),
        new("DeliveryPlace", NpgsqlDbType.Text, a => a.DeliveryPlace),
        new("PresentAtDelivery", NpgsqlDbType.Text, a => a.PresentAtDelivery),
        new("ConfidentialityExplained", NpgsqlDbType.Boolean, a => a.ConfidentialityExplained),
        new("RecipientResponse", NpgsqlDbType.Text, a => a.RecipientResponse),
        new("SafetyPlan", NpgsqlDbType.Text, a => a.SafetyPlan),
        new("ApplicantInformedOn", NpgsqlDbType.Date, a => a.ApplicantInformedOn),
        new("ApplicantInformedHow", NpgsqlDbType.Text, a => a.ApplicantInformedHow),
        new("Outcome", NpgsqlDbType.Text, a => a.Outcome?.ToString()),
        new("OutcomeNotes", NpgsqlDbType.Text, a => a.OutcomeNotes),
        new("ClosedAt", NpgsqlDbType.TimestampTz, a => a.ClosedAt),
        new("DueAt", NpgsqlDbType.TimestampTz, a => a.DueAt),
        new("NextDueAt", NpgsqlDbType.TimestampTz, a => a.NextDueAt),
        new("NextClock", NpgsqlDbType.Text, a => a.NextClock?.ToString()),
        new("CreatedAt", NpgsqlDbType.TimestampTz, a => a.CreatedAt),
        new("CreatedByUserId", NpgsqlDbType.Text, a => a.CreatedByUserId),
        new("Version", NpgsqlDbType.Integer, a => a.Version),
    ];

    public static Task LoadAsync(DbConnection connection, SyntheticSet set) => connection switch
    {
        SqliteConnection sqlite => LoadSqliteAsync(sqlite, set),
        NpgsqlConnection pg => LoadPostgresAsync(pg, set),
        _ => throw new NotSupportedException(connection.GetType().Name),
    };

    private static string Quoted(IEnumerable<string> names) => string.Join(",", names.Select(n => $"\"{n}\""));

    private static async Task LoadSqliteAsync(SqliteConnection db, SyntheticSet set)
    {
        await Exec(db, "PRAGMA journal_mode=DELETE; PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF; PRAGMA cache_size=-2000000; PRAGMA temp_store=MEMORY;");
        await using (var tx = (SqliteTransaction)await db.BeginTransactionAsync())
        {
            var names = ApplicationColumns.Select(c => c.Name).ToArray();
            var app = Prepare(db, tx,
                $"""INSERT INTO "DisclosureApplications" ({Quoted(names)}) VALUES ({string.Join(",", names.Select((_, i) => "$p" + i))})""",
                names.Select((_, i) => "$p" + i).ToArray());
            foreach (var a in set.Applications)
            {
                for (var i = 0; i < ApplicationColumns.Length; i++)
                {
                    app.Parameters[i].Value = ApplicationColumns[i].Value(a) ?? DBNull.Value;
                }

                await app.ExecuteNonQueryAsync();
            }

            var period = Prepare(db, tx, """
                INSERT INTO "StagePeriods" ("Id","ApplicationId","Stage","EnteredAt","LeftAt","ByUserId") VALUES ($id,$a,$s,$e,$l,$u)
                """, "$id", "$a", "$s", "$e", "$l", "$u");
            foreach (var p in set.Periods)
            {
                Set(period, p.Id, p.ApplicationId, p.Stage.ToString(), p.EnteredAt, p.LeftAt, p.ByUserId);
                await period.ExecuteNonQueryAsync();
            }

            var timeline = Prepare(db, tx, """
                INSERT INTO "ApplicationEvents" ("Id","ApplicationId","At","ByUserId","Title","Detail") VALUES ($id,$a,$at,$u,$t,$d)
                """, "$id", "$a", "$at", "$u", "$t", "$d");
            foreach (var e in set.Events)
            {
                Set(timeline, e.Id, e.ApplicationId, e.At, e.ByUserId, e.Title, e.Detail);
                await timeline.ExecuteNonQueryAsync();
            }

            await tx.CommitAsync();
        }

        await Exec(db, "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA cache_size=-2000;");
        await Exec(db, "ANALYZE");
    }

    private static async Task LoadPostgresAsync(NpgsqlConnection db, SyntheticSet set)
    {
        await Exec(db, "SET session_replication_role = replica");
        await using (var w = await db.BeginBinaryImportAsync(
            $"""COPY "DisclosureApplications" ({Quoted(ApplicationColumns.Select(c => c.Name))}) FROM STDIN (FORMAT BINARY)"""))
        {
            w.Timeout = CopyTimeout;
            foreach (var a in set.Applications)
            {
                await w.StartRowAsync();
                foreach (var c in ApplicationColumns)
                {
                    await Write(w, c.Value(a), c.Type);
                }
            }

            await w.CompleteAsync();
        }

        await using (var w = await db.BeginBinaryImportAsync(
            """COPY "StagePeriods" ("Id","ApplicationId","Stage","EnteredAt","LeftAt","ByUserId") FROM STDIN (FORMAT BINARY)"""))
        {
            w.Timeout = CopyTimeout;
            foreach (var p in set.Periods)
            {
                await w.StartRowAsync();
                await Write(w, p.Id, NpgsqlDbType.Bigint);
                await Write(w, p.ApplicationId, NpgsqlDbType.Integer);
                await Write(w, p.Stage.ToString(), NpgsqlDbType.Text);
                await Write(w, p.EnteredAt, NpgsqlDbType.TimestampTz);
                await Write(w, p.LeftAt, NpgsqlDbType.TimestampTz);
                await Write(w, p.ByUserId, NpgsqlDbType.Text);
            }

            await w.CompleteAsync();
        }

        await using (var w = await db.BeginBinaryImportAsync(
            """COPY "ApplicationEvents" ("Id","ApplicationId","At","ByUserId","Title","Detail") FROM STDIN (FORMAT BINARY)"""))
        {
            w.Timeout = CopyTimeout;
            foreach (var e in set.Events)
            {
                await w.StartRowAsync();
                await Write(w, e.Id, NpgsqlDbType.Bigint);
                await Write(w, e.ApplicationId, NpgsqlDbType.Integer);
                await Write(w, e.At, NpgsqlDbType.TimestampTz);
                await Write(w, e.ByUserId, NpgsqlDbType.Text);
                await Write(w, e.Title, NpgsqlDbType.Text);
                await Write(w, e.Detail, NpgsqlDbType.Text);
            }

            await w.CompleteAsync();
        }

        // Ids were given explicitly: move the identity sequences past them, as the service's next insert needs.
        foreach (var table in new[] { "DisclosureApplications", "StagePeriods", "ApplicationEvents" })
        {
            await Exec(db, $"""SELECT setval(pg_get_serial_sequence('"{table}"', 'Id'), (SELECT MAX("Id") FROM "{table}"))""");
        }

        await Exec(db, "SET session_replication_role = DEFAULT");
        await Exec(db, "ANALYZE");
    }

    private static Task Write(NpgsqlBinaryImporter w, object? value, NpgsqlDbType type) => value switch
    {
        null => w.WriteNullAsync(),
        int i => w.WriteAsync(i, type),
        long l => w.WriteAsync(l, type),
        string s => w.WriteAsync(s, type),
        bool b => w.WriteAsync(b, type),
        DateTime t => w.WriteAsync(DateTime.SpecifyKind(t, DateTimeKind.Utc), type),
        DateOnly d => w.WriteAsync(d, type),
        _ => throw new NotSupportedException(value.GetType().Name),
    };

    private static SqliteCommand Prepare(SqliteConnection db, SqliteTransaction tx, string sql, params string[] names)
    {
        var command = db.CreateCommand();
        command.Transaction = tx;
        command.CommandText = sql;
        foreach (var n in names)
        {
            command.Parameters.Add(new SqliteParameter { ParameterName = n });
        }

        command.Prepare();
        return command;
    }

    private static void Set(SqliteCommand command, params object?[] values)
    {
        for (var i = 0; i < values.Length; i++)
        {
            command.Parameters[i].Value = values[i] ?? DBNull.Value;
        }
    }

    private static async Task Exec(DbConnection db, string sql)
    {
        await using var command = db.CreateCommand();
        command.CommandText = sql;
        command.CommandTimeout = 0;
        await command.ExecuteNonQueryAsync();
    }
}
