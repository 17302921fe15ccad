using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;
using NpgsqlTypes;
using Safeguard.Core.People;
using Safeguard.Core.People.Matching;

namespace Safeguard.Bench.People;

/// <summary>
/// Writes synthetic people straight through ADO.NET, because a national-scale index through EF change tracking
/// would take an hour. The rows are what PersonService.CreateAsync writes: a person whose CanonicalId is its
/// own Id, its names, addresses and areas, and the match keys from the Core's own MatchKeys.For.
/// </summary>
internal static class PeopleLoader
{
    public sealed record Counts(long People, long Names, long Addresses, long Areas, long Keys);

    // Finishing a COPY of millions of rows (index upkeep, foreign-key checks) takes longer than the 30-second default.
    private static readonly TimeSpan CopyTimeout = TimeSpan.FromMinutes(30);

    private static readonly DateTime CreatedAt = new(2026, 11, 1, 9, 0, 0, DateTimeKind.Utc);

    public static HashSet<long> KeysOf(SynthPerson p) =>
        MatchKeys.For(p.Names.Select(n => (n.Given, n.Family)),
            p.DateOfBirth is DateOnly d ? [d] : [],
            p.Addresses.Select(a => (string?)a.Postcode));

    public static async Task<Counts> LoadAsync(DbConnection connection, IEnumerable<SynthPerson> people)
    {
        return connection switch
        {
            SqliteConnection sqlite => await LoadSqliteAsync(sqlite, people),
            NpgsqlConnection pg => await LoadPostgresAsync(pg, people),
            _ => throw new NotSupportedException(connection.GetType().Name),
        };
    }

    /// <summary>Every person's keys, sorted by key: appending to the key index in order is many times faster than at random.</summary>
    private static (long[] Keys, int[] PersonIds) SortedKeys(IEnumerable<SynthPerson> people)
    {
        var keys = new List<long>();
        var ids = new List<int>();
        foreach (var p in people)
        {
            foreach (var k in KeysOf(p))
            {
                keys.Add(k);
                ids.Add(p.Id);
            }
        }

        var (keyArray, idArray) = (keys.ToArray(), ids.ToArray());
        Array.Sort(keyArray, idArray);
        return (keyArray, idArray);
    }

    private static async Task<Counts> LoadSqliteAsync(SqliteConnection db, IEnumerable<SynthPerson> people)
    {
        // A throwaway bulk load: no journal and no syncing while it runs; the app's WAL mode is put back after.
        await Exec(db, "PRAGMA journal_mode=DELETE; PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF; PRAGMA cache_size=-4000000; PRAGMA temp_store=MEMORY;");
        await using var tx = (SqliteTransaction)await db.BeginTransactionAsync();
        var person = Prepare(db, tx, """
            INSERT INTO "People" ("Id","CanonicalId","DateOfBirth","ApproximateAge","AgeRecordedOn","Gender","Ethnicity","Disability",
              "SexualOrientation","Lgbt","UnsafeChannels","CreatedInAreaId","CreatedAt","Version")
            VALUES ($id,$id,$dob,$age,$ageOn,$gender,'NotKnown','NotKnown','NotKnown','NotKnown',0,$area,$at,1)
            """, "$id", "$dob", "$age", "$ageOn", "$gender", "$area", "$at");
        var name = Prepare(db, tx, """INSERT INTO "PersonNames" ("Id","PersonId","GivenName","FamilyName","Kind") VALUES ($id,$p,$g,$f,$k)""",
            "$id", "$p", "$g", "$f", "$k");
        var address = Prepare(db, tx, """
            INSERT INTO "PersonAddresses" ("Id","PersonId","Line1","Town","Postcode","From","To") VALUES ($id,$p,$l,$t,$pc,$from,$to)
            """, "$id", "$p", "$l", "$t", "$pc", "$from", "$to");
        var area = Prepare(db, tx, """INSERT INTO "PersonAreas" ("PersonId","AreaId") VALUES ($p,$a)""", "$p", "$a");
        var key = Prepare(db, tx, """INSERT INTO "PersonMatchKeys" ("Key","PersonId") VALUES ($k,$p)""", "$k", "$p");
        long nNames = 0, nAddresses = 0, nAreas = 0, nKeys = 0, nPeople = 0;
        foreach (var p in people)
        {
            Set(person, p.Id, p.DateOfBirth, p.ApproximateAge, p.AgeRecordedOn, p.Gender.ToString(), p.Areas[0], CreatedAt);
            await person.ExecuteNonQueryAsync();
            nPeople++;
            foreach (var n in p.Names)
            {
                Set(name, ++nNames, p.Id, n.Given, n.Family, n.Kind.ToString());
                await name.ExecuteNonQueryAsync();
            }

            foreach (var a in p.Addresses)
            {
                Set(address, ++nAddresses, p.Id, a.Line1, a.Town, a.Postcode, a.From, a.To);
                await address.ExecuteNonQueryAsync();
            }

            foreach (var a in p.Areas)
            {
                Set(area, p.Id, a);
                await area.ExecuteNonQueryAsync();
                nAreas++;
            }

        }

        var (keys, keyIds) = SortedKeys(people);
        for (var i = 0; i < keys.Length; i++)
        {
            Set(key, keys[i], keyIds[i]);
            await key.ExecuteNonQueryAsync();
            nKeys++;
        }

        await tx.CommitAsync();
        await Exec(db, "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA cache_size=-2000;");
        return new Counts(nPeople, nNames, nAddresses, nAreas, nKeys);
    }

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

    private static async Task<Counts> LoadPostgresAsync(NpgsqlConnection db, IEnumerable<SynthPerson> people)
    {
        // Binary COPY, one table at a time; the people are listed once more per table, which is cheaper than
        // holding five COPY streams open on one connection (Npgsql allows only one).
        var all = people as IReadOnlyList<SynthPerson> ?? people.ToList();

        // Foreign-key triggers would check each of millions of rows one by one; the rows are consistent by
        // construction, so skip the checks for this session's load (needs a superuser, as the throwaway server has).
        await Exec(db, "SET session_replication_role = replica");
        long nPeople = 0, nNames = 0, nAddresses = 0, nAreas = 0, nKeys = 0;
        await using (var w = await db.BeginBinaryImportAsync("""
            COPY "People" ("Id","CanonicalId","DateOfBirth","ApproximateAge","AgeRecordedOn","Gender","Ethnicity","Disability",
              "SexualOrientation","Lgbt","UnsafeChannels","CreatedInAreaId","CreatedAt","Version") FROM STDIN (FORMAT BINARY)
            """))
        {
            w.Timeout = CopyTimeout;
            foreach (var p in all)
            {
                await w.StartRowAsync();
                await w.WriteAsync(p.Id, NpgsqlDbType.Integer);
                await w.WriteAsync(p.Id, NpgsqlDbType.Integer);
                await WriteNullable(w, p.DateOfBirth, NpgsqlDbType.Date);
                await WriteNullable(w, p.ApproximateAge, NpgsqlDbType.Integer);
                await WriteNullable(w, p.AgeRecordedOn, NpgsqlDbType.Date);
                await w.WriteAsync(p.Gender.ToString(), NpgsqlDbType.Text);
                for (var i = 0; i < 4; i++)
                {
                    await w.WriteAsync("NotKnown", NpgsqlDbType.Text);
                }

                await w.WriteAsync(0, NpgsqlDbType.Integer);
                await w.WriteAsync(p.Areas[0], NpgsqlDbType.Integer);
                await w.WriteAsync(CreatedAt, NpgsqlDbType.TimestampTz);
                await w.WriteAsync(1, NpgsqlDbType.Integer);
                nPeople++;
            }

            await w.CompleteAsync();
        }

        await using (var w = await db.BeginBinaryImportAsync("""COPY "PersonNames" ("Id","PersonId","GivenName","FamilyName","Kind") FROM STDIN (FORMAT BINARY)"""))
        {
            w.Timeout = CopyTimeout;
            foreach (var p in all)
            {
                foreach (var n in p.Names)
                {
                    await w.StartRowAsync();
                    await w.WriteAsync((int)++nNames, NpgsqlDbType.Integer);
                    await w.WriteAsync(p.Id, NpgsqlDbType.Integer);
                    await w.WriteAsync(n.Given, NpgsqlDbType.Text);
                    await w.WriteAsync(n.Family, NpgsqlDbType.Text);
                    await w.WriteAsync(n.Kind.ToString(), NpgsqlDbType.Text);
                }
            }

            await w.CompleteAsync();
        }

        await using (var w = await db.BeginBinaryImportAsync("""COPY "PersonAddresses" ("Id","PersonId","Line1","Town","Postcode","From","To") FROM STDIN (FORMAT BINARY)"""))
        {
            w.Timeout = CopyTimeout;
            foreach (var p in all)
            {
                foreach (var a in p.Addresses)
                {
                    await w.StartRowAsync();
                    await w.WriteAsync((int)++nAddresses, NpgsqlDbType.Integer);
                    await w.WriteAsync(p.Id, NpgsqlDbType.Integer);
                    await w.WriteAsync(a.Line1, NpgsqlDbType.Text);
                    await w.WriteAsync(a.Town, NpgsqlDbType.Text);
                    await w.WriteAsync(a.Postcode, NpgsqlDbType.Text);
                    await WriteNullable(w, a.From, NpgsqlDbType.Date);
                    await WriteNullable(w, a.To, NpgsqlDbType.Date);
                }
            }

            await w.CompleteAsync();
        }

        await using (var w = await db.BeginBinaryImportAsync("""COPY "PersonAreas" ("PersonId","AreaId") FROM STDIN (FORMAT BINARY)"""))
        {
            w.Timeout = CopyTimeout;
            foreach (var p in all)
            {
                foreach (var a in p.Areas)
                {
                    await w.StartRowAsync();
                    await w.WriteAsync(p.Id, NpgsqlDbType.Integer);
                    await w.WriteAsync(a, NpgsqlDbType.Integer);
                    nAreas++;
                }
            }

            await w.CompleteAsync();
        }

        await using (var w = await db.BeginBinaryImportAsync("""COPY "PersonMatchKeys" ("Key","PersonId") FROM STDIN (FORMAT BINARY)"""))
        {
            w.Timeout = CopyTimeout;
            var (keys, keyIds) = SortedKeys(all);
            for (var i = 0; i < keys.Length; i++)
            {
                await w.StartRowAsync();
                await w.WriteAsync(keys[i], NpgsqlDbType.Bigint);
                await w.WriteAsync(keyIds[i], NpgsqlDbType.Integer);
                nKeys++;
            }

            await w.CompleteAsync();
        }

        // Ids were given explicitly, so move the identity sequences past them, as the app's next insert needs.
        foreach (var table in new[] { "People", "PersonNames", "PersonAddresses" })
        {
            await Exec(db, $"""SELECT setval(pg_get_serial_sequence('"{table}"', 'Id'), (SELECT MAX("Id") FROM "{table}"))""");
        }

        await Exec(db, "SET session_replication_role = DEFAULT");

        // Autovacuum would analyse these tables soon after a load this size; do it now so the plans are the settled ones.
        await Exec(db, "ANALYZE");
        return new Counts(nPeople, nNames, nAddresses, nAreas, nKeys);
    }

    private static async Task WriteNullable<T>(NpgsqlBinaryImporter w, T? value, NpgsqlDbType type)
        where T : struct
    {
        if (value is T v)
        {
            await w.WriteAsync(v, type);
        }
        else
        {
            await w.WriteNullAsync();
        }
    }
}
